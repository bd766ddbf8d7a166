"""NEURON speed reference on the full L5PC (issue 10), for bench/l5pc.ts.

    /usr/bin/python3 tools/neuron-refs/bench_l5pc.py [--emit-model PATH] [--repeats 3]
                                                     [--solver bwd_euler|crank_nicolson]

The model is the fixtures' (l5pc_cases.build): ../shared/swc/morph_l5pc_with_axon.swc by
Import3d, nseg 4 (1296 segments), the 12 mechanisms of ../shared/mod/l5pc compiled by
nrnivmodl (nrnmodl.py), parameters.json with release_params.json, exponential apical Ih,
celsius 34, v_init -65; 2 nA into soma[0](0.625) from 10 to 90 ms; dt 0.025 ms, 4000 steps.
Timed: a hoc loop of 4000 fadvance() after finitialize, no recording, best of --repeats.
A separate run records soma v at every step; --emit-model writes {"t", "v_soma"} there.
Prints one JSON line to stdout.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import l5pc_cases as lc  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--emit-model", type=Path)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--solver", choices=("bwd_euler", "crank_nicolson"), default="bwd_euler")
    args = ap.parse_args()

    from neuron import __version__ as nrn_version
    from neuron import h

    secs, _region, soma, _mechs, _rules = lc.build(h)
    h.celsius = 34.0
    h.dt = lc.DT
    h.cvode.active(0)
    h.secondorder = 0 if args.solver == "bwd_euler" else 2
    ic = h.IClamp(soma(lc.SOMA_X))
    ic.delay, ic.dur, ic.amp = 10.0, 80.0, 2.0

    v = h.Vector().record(soma(lc.SOMA_X)._ref_v)
    h.finitialize(-65.0)
    for _ in range(lc.N_STEPS):
        h.fadvance()
    trace = list(v)
    v.play_remove()  # no recording while timed

    h("proc nrnfix_run() { local i  for i = 1, $1 { fadvance() } }")
    best = math.inf
    for _ in range(args.repeats):
        h.finitialize(-65.0)
        t0 = time.perf_counter()
        h.nrnfix_run(lc.N_STEPS)
        best = min(best, time.perf_counter() - t0)

    nseg = sum(s.nseg for s in secs)
    if args.emit_model:
        args.emit_model.write_text(json.dumps({"t": [k * lc.DT for k in range(len(trace))], "v_soma": trace}))
    print(json.dumps({
        "simulator": f"NEURON {nrn_version}", "solver": args.solver, "ncomp": nseg,
        "steps": lc.N_STEPS, "seconds": best, "comp_steps_per_second": nseg * lc.N_STEPS / best,
    }))


if __name__ == "__main__":
    main()
