"""Compile the .mod files in tools/neuron-refs/mod into a NEURON mechanism library.

Debian's NEURON 8.2.2 (packages python3-neuron, neuron-dev) ships `/usr/bin/nrnivmodl`,
but that script looks for `nrnmech_makefile` in `/usr/bin` and for `libnrniv.so` in
`/usr/lib`, while Debian installs both in `/usr/lib/nrn`. We therefore run a copy of the
script, written to `mod/x86_64/nrnivmodl-fixed` at build time, with exactly these two
paths fixed and the make target changed from `special` (the executable, which does not
link on Debian and is not needed) to `mech_lib_shared` (the library
`mod/x86_64/.libs/libnrnmech.so` that `neuron.load_mechanisms` loads).

Usage:  /usr/bin/python3 tools/neuron-refs/build_mod.py      (generate.py calls it)
Outputs live in `mod/x86_64/`, which is gitignored.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MOD_DIR = HERE / "mod"
NRNIVMODL = Path("/usr/bin/nrnivmodl")
DEBIAN_NRN_LIBDIR = "/usr/lib/nrn"  # holds nrnmech_makefile and libnrniv.so on Debian


def _fixed_script() -> str:
    src = NRNIVMODL.read_text()
    old_make = 'make -j 4 -f "${bindir}/nrnmech_makefile" "ROOT=${prefix}"'
    if old_make not in src:
        raise RuntimeError(
            f"{NRNIVMODL} does not contain the expected make line; "
            "this fix is written for Debian's NEURON 8.2.2"
        )
    new_make = (
        f'make -j 4 -f "{DEBIAN_NRN_LIBDIR}/nrnmech_makefile" "ROOT=${{prefix}}" '
        f'"libdir={DEBIAN_NRN_LIBDIR}"'
    )
    src = src.replace(old_make, new_make)
    # Build only the shared library, not the `special` executable.
    src = src.replace(
        '"LinkCoreNEURON=$LinkCoreNEURON" special &&',
        '"LinkCoreNEURON=$LinkCoreNEURON" mech_lib_shared &&',
    )
    src = src.replace(
        'echo "Successfully created $MODSUBDIR/special"',
        'echo "Successfully created $MODSUBDIR/.libs/libnrnmech.so"',
    )
    return src


def library_path() -> Path:
    return MOD_DIR / "x86_64" / ".libs" / "libnrnmech.so"


def build(force: bool = False, quiet: bool = False) -> Path:
    """Compiles mod/*.mod if the library is missing or older than a .mod file."""
    lib = library_path()
    mods = sorted(MOD_DIR.glob("*.mod"))
    if not mods:
        raise RuntimeError(f"no .mod files in {MOD_DIR}")
    if lib.exists() and not force:
        newest = max(m.stat().st_mtime for m in mods)
        if lib.stat().st_mtime >= newest:
            return lib
    out = MOD_DIR / "x86_64"
    out.mkdir(exist_ok=True)
    script = out / "nrnivmodl-fixed"
    script.write_text(_fixed_script())
    script.chmod(0o755)
    # Run from mod/ so that the relative x86_64/ subdirectory lands there.
    res = subprocess.run(
        ["bash", str(script)] + [m.name for m in mods],
        cwd=MOD_DIR,
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "C"},
    )
    if res.returncode != 0 or not lib.exists():
        sys.stderr.write(res.stdout + res.stderr)
        raise RuntimeError("compiling the .mod files failed (output above)")
    if not quiet:
        print(f"built {lib}", file=sys.stderr)
    return lib


if __name__ == "__main__":
    build(force="--force" in sys.argv)
