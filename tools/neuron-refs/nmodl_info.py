"""Just enough NMODL reading for the fixture generator: names declared in PARAMETER and
STATE blocks, GLOBAL and RANGE names, USEION lines, NONSPECIFIC_CURRENT. Not a parser
(the TypeScript importer is); only what is needed to list and record every variable."""

from __future__ import annotations

import re
from pathlib import Path

from nrnmodl import _strip_comments

NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
IDENT = re.compile(r"\b[A-Za-z_]\w*")
SPECIAL = {"v", "celsius", "dt", "t", "FROM", "TO", "WITH"}


def block(text, name):
    """The body of the first top-level block `name { ... }` (empty if none)."""
    m = re.search(r"\b" + name + r"\s*\{", text)
    if not m:
        return ""
    depth, i = 1, m.end()
    while depth and i < len(text):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        i += 1
    return text[m.end():i - 1]


def declared(body):
    """Names declared in a PARAMETER/STATE/ASSIGNED body (units, limits, numbers removed)."""
    body = re.sub(r"\([^)]*\)", " ", body)
    body = re.sub(r"<[^>]*>", " ", body)
    body = NUMBER.sub(" ", body)
    return [n for n in IDENT.findall(body) if n not in SPECIAL]


class ModInfo:
    def __init__(self, path):
        text = _strip_comments(Path(path).read_text())
        nrn = block(text, "NEURON")
        self.suffix = re.search(r"\bSUFFIX\s+(\w+)", nrn).group(1)
        self.useion = []  # (ion, read names, write names)
        for m in re.finditer(r"USEION\s+(\w+)((?:\s+(?:READ|WRITE)\s+[\w\s,]+?)*)"
                             r"(?=\s*(?:VALENCE|USEION|NONSPECIFIC_CURRENT|RANGE|GLOBAL|SUFFIX"
                             r"|THREADSAFE|\}|$))", nrn + "\n}"):
            ion, rest = m.group(1), m.group(2)
            read = re.search(r"READ\s+([\w\s,]+?)(?=\s*WRITE|\s*$)", rest)
            write = re.search(r"WRITE\s+([\w\s,]+?)(?=\s*READ|\s*$)", rest)
            split = lambda g: [x for x in re.split(r"[\s,]+", g.group(1)) if x] if g else []
            self.useion.append((ion, split(read), split(write)))
        self.nonspecific = re.findall(r"NONSPECIFIC_CURRENT\s+(\w+)", nrn)
        self.ranges = set()
        for m in re.finditer(r"\bRANGE\s+([\w\s,]+?)(?=\n|$)", nrn):
            self.ranges.update(x for x in re.split(r"[\s,]+", m.group(1)) if x)
        self.globals = set()
        for m in re.finditer(r"\bGLOBAL\s+([\w\s,]+?)(?=\n|$)", nrn):
            self.globals.update(x for x in re.split(r"[\s,]+", m.group(1)) if x)
        self.ion_vars = {n for ion, r, w in self.useion for n in r + w}
        self.parameters = [n for n in declared(block(text, "PARAMETER"))
                           if n not in self.ion_vars]
        states = declared(block(text, "STATE"))
        self.states = [n for n in states if n not in self.ion_vars]
        self.ion_states = [n for n in states if n in self.ion_vars]

    def writes(self):
        return {n for _, _, w in self.useion for n in w}

    def ions(self):
        return [ion for ion, _, _ in self.useion]
