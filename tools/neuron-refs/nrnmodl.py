"""Compile a list of .mod files (anywhere, e.g. ../shared/mod) into a temporary NEURON
mechanism library, with Debian's nrnivmodl fixed as in build_mod.py.

    /usr/bin/python3 tools/neuron-refs/nrnmodl.py FILE.mod ...   # prints the library path

    import nrnmodl
    lib = nrnmodl.compile_mods([Path("../shared/mod/l5pc/Ih.mod"), ...])
    from neuron import h; h.nrn_load_dll(str(lib))
    for suffix in nrnmodl.table_suffixes(paths): setattr(h, f"usetable_{suffix}", 0)

The files are copied into a build folder under the system temp directory
(``$TMPDIR/dendrolab-nrnmodl/<sha256 of names and contents>/``), never into the
repository; a second call with the same files reuses the library. Only one library per
NEURON process can hold a given SUFFIX, so callers run one process per set of files.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import build_mod  # noqa: E402  (the Debian fix of nrnivmodl lives there)

CACHE = Path(tempfile.gettempdir()) / "dendrolab-nrnmodl"


def _strip_comments(text: str) -> str:
    """The NMODL text without COMMENT ... ENDCOMMENT blocks and ':' / '?' line comments."""
    text = re.sub(r"(?ms)^\s*COMMENT\b.*?^\s*ENDCOMMENT\b", "", text)
    return "\n".join(re.split(r"[:?]", line, maxsplit=1)[0] for line in text.splitlines())


def suffix_of(path: Path) -> str:
    """The SUFFIX (or POINT_PROCESS name) declared in a .mod file."""
    m = re.search(r"\b(?:SUFFIX|POINT_PROCESS)\s+(\w+)", _strip_comments(Path(path).read_text()))
    if not m:
        raise ValueError(f"{path}: no SUFFIX or POINT_PROCESS in the NEURON block")
    return m.group(1)


def has_table(path: Path) -> bool:
    """True when the file has a TABLE statement (NEURON then interpolates unless
    usetable_<suffix> = 0)."""
    return re.search(r"\bTABLE\b", _strip_comments(Path(path).read_text())) is not None


def table_suffixes(paths) -> list[str]:
    return [suffix_of(p) for p in paths if has_table(p)]


def compile_mods(paths, quiet: bool = True) -> Path:
    """Compiles the given .mod files together; returns the path of libnrnmech.so."""
    paths = [Path(p).resolve() for p in paths]
    names = [p.name for p in paths]
    if len(set(names)) != len(names):
        raise ValueError(f"two .mod files share a file name: {names}")
    digest = hashlib.sha256()
    for p in sorted(paths, key=lambda q: q.name):
        digest.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    digest.update(build_mod._fixed_script().encode())
    work = CACHE / digest.hexdigest()[:16]
    lib = work / "x86_64" / ".libs" / "libnrnmech.so"
    if lib.exists():
        return lib
    if work.exists():
        shutil.rmtree(work)
    (work / "x86_64").mkdir(parents=True)
    for p in paths:
        shutil.copyfile(p, work / p.name)
    script = work / "x86_64" / "nrnivmodl-fixed"
    script.write_text(build_mod._fixed_script())
    script.chmod(0o755)
    res = subprocess.run(["bash", str(script)] + names, cwd=work, capture_output=True,
                         text=True, env={**os.environ, "LC_ALL": "C"})
    if res.returncode != 0 or not lib.exists():
        sys.stderr.write(res.stdout + res.stderr)
        raise RuntimeError(f"nrnivmodl failed for {names} in {work} (output above)")
    if not quiet:
        print(f"built {lib}", file=sys.stderr)
    return lib


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit("usage: nrnmodl.py FILE.mod ...")
    print(compile_mods(sys.argv[1:], quiet=False))
    print("TABLE:", table_suffixes(sys.argv[1:]) or "none", file=sys.stderr)
