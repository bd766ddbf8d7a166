"""Dump NEURON's section and segment geometry for SWC files into a JSON fixture.

NEURON's Import3d (Import3d_SWC_read + Import3d_GUI.instantiate) reads each file; for
nseg in NSEGS every section gets that nseg, and the script records per section its
name, parent and parent x, L, number of 3-D points, and per segment area (um2), ri
(MOhm, with Ra = 100 ohm cm so that ri equals the resistive load in 1/um) and diam
(um), plus ri at x = 1 (the distal half of the last segment).

Run with the system Python that has NEURON (Debian package python3-neuron):

    /usr/bin/python3 test/morphology/neuron/dump_neuron_geometry.py

from packages/core. It rewrites test/morphology/neuron/fixtures/neuron-geometry.json.
Each file is read in a fresh process so that section names start from [0].
"""

import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SWC_DIRS = [os.path.join(HERE, "..", "swc"), os.path.join(HERE, "swc")]
FIXTURE = os.path.join(HERE, "fixtures", "neuron-geometry.json")
RA = 100.0
NSEGS = [1, 3]
# Files NEURON reads; the others fail there (multiple roots and duplicate ids; parent
# ids after child ids) or have zero radii (morph_retina, where NEURON's ri is 1e15).
FILES = [
    "morph_3_types.swc",
    "morph_3_types_single_point_soma.swc",
    "morph_ca1_n120_250.swc",
    "morph_ca1_n120_250_single_point_soma.swc",
    "morph_interrupted_soma.swc",
    "morph_minimal.swc",
    "morph_non_somatic_branchpoint.swc",
    "morph_single_branch.swc",
    "morph_soma_both_ends.swc",
    "morph_somatic_branchpoint.swc",
    "morph_variable_radiuses_multi_branch.swc",
    "morph_variable_radiuses_within_branch.swc",
    "neuromorpho_3point_soma.swc",
    "soma_wires.swc",
    "degenerate_sections.swc",
    "interrupted_tracing.swc",
]


def sig(x):
    """Round to 12 significant digits (keeps the fixture small, far below 1e-6)."""
    return float(f"{x:.12g}")


def dump_one(path):
    from neuron import h

    h.load_file("stdlib.hoc")
    h.load_file("import3d.hoc")
    reader = h.Import3d_SWC_read()
    reader.quiet = 1
    reader.input(path)
    h.Import3d_GUI(reader, 0).instantiate(None)
    sections = list(h.allsec())
    out = {}
    for nseg in NSEGS:
        rows = []
        for sec in sections:
            sec.Ra = RA
            sec.nseg = nseg
            parent = sec.parentseg()
            rows.append(
                {
                    "name": sec.name(),
                    "parent": parent.sec.name() if parent is not None else None,
                    "parentx": sig(parent.x) if parent is not None else None,
                    "L": sig(sec.L),
                    "n3d": int(sec.n3d()),
                    "area": [sig(seg.area()) for seg in sec],
                    "ri": [sig(seg.ri()) for seg in sec],
                    "diam": [sig(seg.diam) for seg in sec],
                    "riEnd": sig(sec(1).ri()),
                }
            )
        out[str(nseg)] = rows
    return out


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        json.dump(dump_one(sys.argv[2]), sys.stdout)
        return
    from neuron import __version__ as nrn_version

    result = {"neuronVersion": nrn_version, "Ra": RA, "nsegs": NSEGS, "files": {}}
    for name in FILES:
        path = next(os.path.join(d, name) for d in SWC_DIRS if os.path.exists(os.path.join(d, name)))
        proc = subprocess.run(
            [sys.executable, __file__, "--one", path], capture_output=True, text=True, check=True
        )
        # NEURON prints notices (e.g. removed sections) before the JSON line.
        result["files"][name] = json.loads(proc.stdout.strip().splitlines()[-1])
    with open(FIXTURE, "w") as f:
        json.dump(result, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {FIXTURE} ({os.path.getsize(FIXTURE)} bytes, {len(FILES)} files)")


if __name__ == "__main__":
    main()
