"""NEURON speed reference: an HH binary tree, fixed-step backward Euler.

    /usr/bin/python3 tools/neuron-refs/bench_neuron.py [--emit-model PATH] [--repeats 3]
                                                       [--depth 7] [--ncomp 8]

The model (exactly what --emit-model writes, in the fixture case format, so the
TypeScript benchmark can build the identical model):
  * one cell, a full binary tree of depth 7: 2^7 - 1 = 127 branches, branch b's parent is
    (b - 1) // 2 (breadth-first numbering, branch 0 is the root);
  * every branch: 8 compartments of length 20 um, radius 1 um, Ra 100 ohm cm,
    cm 1 uF/cm2 -> 1016 compartments;
  * HH everywhere with Jaxley's defaults (gNa 0.12, gK 0.036, gLeak 0.0003 S/cm2,
    eNa 50, eK -77, eLeak -54.3 mV); NEURON's hh with usetable_hh = 0, celsius = 6.3;
  * initial state v = -65 mV, gates at steady state;
  * IClamp 1 nA from 1 to 3 ms into compartment 0 of the root (sec(1/16)); this fires a
    spike that invades the whole tree;
  * dt = 0.025 ms, exactly 4000 steps (t = 0 .. 100 ms), backward Euler
    (h.secondorder = 0), cvode off.
Timed: only the 4000 h.fadvance() calls, run by a hoc `for` loop (no Python per step),
after h.finitialize(); best of --repeats runs. Prints one JSON line to stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import cases  # noqa: E402
import neuron_model as nm  # noqa: E402

DT = 0.025
N_STEPS = 4000


def bench_case(depth=7, ncomp=8):
    nb = 2**depth - 1
    parents = [-1] + [(b - 1) // 2 for b in range(1, nb)]
    br = cases.branch(ncomp, 20.0, 1.0, 100.0, 1.0, {"HH": {}}, v=-65.0)
    leaf = nb - 1
    return {
        "name": f"bench_binary_tree_hh_depth{depth}",
        "description": f"Benchmark model: full binary tree of depth {depth} ({nb} branches "
        f"x {ncomp} compartments = {nb * ncomp}), every compartment 20 um long, radius "
        "1 um, Ra 100 ohm cm, cm 1 uF/cm2, HH (Jaxley defaults) everywhere; branch b has "
        "parent (b - 1) // 2. 1 nA from 1 to 3 ms into compartment 0 of the root. "
        f"dt 0.025 ms, exactly n_steps = {N_STEPS} steps (t = 0 .. 100 ms), bwd_euler.",
        "kind": "cell",
        "solver": "bwd_euler",
        "dt_ms": DT,
        "t_max_ms": 100.0,
        "n_steps": N_STEPS,
        "n_steps_note": "the benchmark runs exactly n_steps steps (t_max/dt, not the "
        "fixtures' round(t_max/dt) + 1)",
        "v_init_mV": -65.0,
        "initial_state_rule": cases.EQ_RULE,
        "cells": [{"parents": parents, "branches": [json.loads(json.dumps(br))
                                                     for _ in range(nb)]}],
        "stimuli": [cases.stim(0, 0, 0, 1.0, 2.0, 1.0)],
        "recordings": [cases.rec(0, 0, 0), cases.rec(0, leaf, ncomp - 1)],
        "temperature_celsius": 6.3,
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description="NEURON benchmark (HH binary tree)")
    ap.add_argument("--emit-model", metavar="PATH", help="write the model JSON here")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--depth", type=int, default=7)
    ap.add_argument("--ncomp", type=int, default=8)
    args = ap.parse_args(argv)

    case = bench_case(args.depth, args.ncomp)
    ncomp_total = sum(b["ncomp"] for b in case["cells"][0]["branches"])
    if args.emit_model:
        Path(args.emit_model).write_text(json.dumps(case) + "\n")

    model = nm.Model(case)
    h = model.h
    root = model.seg(0, 0, 0)
    leaf = model.seg(0, len(case["cells"][0]["branches"]) - 1, args.ncomp - 1)
    # Two recorded voltages, only to report spike counts (recording must be set up
    # before finitialize; frecord_init re-records t = 0 after the states are imposed).
    vroot = h.Vector().record(root._ref_v)
    vleaf = h.Vector().record(leaf._ref_v)
    best = None
    for _ in range(args.repeats):
        h.finitialize(case["v_init_mV"])
        model.impose_initial_states()
        h.frecord_init()
        t0 = time.perf_counter()
        h(f"for bench_i = 1, {N_STEPS} {{ fadvance() }}")
        el = time.perf_counter() - t0
        if abs(h.t - N_STEPS * DT) > 1e-6:
            raise RuntimeError(f"ran to t = {h.t}, expected {N_STEPS * DT}")
        best = el if best is None else min(best, el)
    n_sp_root = sum(1 for k in range(1, len(vroot)) if vroot[k - 1] < 0 <= vroot[k])
    n_sp_leaf = sum(1 for k in range(1, len(vleaf)) if vleaf[k - 1] < 0 <= vleaf[k])
    print(f"spikes: root {n_sp_root}, last leaf {n_sp_leaf}", file=sys.stderr)
    print(json.dumps({
        "simulator": "NEURON",
        "ncomp": ncomp_total,
        "steps": N_STEPS,
        "seconds": best,
        "comp_steps_per_second": ncomp_total * N_STEPS / best,
    }))


if __name__ == "__main__":
    main()
