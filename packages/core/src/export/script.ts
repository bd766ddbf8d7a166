/**
 * The Python script of an export (NEURON 8.2+): reads `model.json` beside itself, builds
 * the cells of this MPI rank (gid round-robin), joins graded synapses with
 * `ParallelContext.source_var`/`target_var`, plays stimuli into IClamps, runs a fixed
 * number of fixed steps, and rank 0 writes `recordings.csv`.
 */

/** The script's text (it is the same for every model: the model is `model.json`). */
export const SCRIPT = `"""A Dendrolab model exported for NEURON 8.2+ (written by exportNeuron).

Compile the mechanisms once (nrnivmodl mechanisms), then run
    python3 model.py                            (one process)
    mpiexec -n 4 nrniv -mpi -python model.py    (MPI: cells are spread over the ranks)
It writes recordings.csv beside itself: t (ms), then one column per recording.
"""
import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

from neuron import h  # noqa: E402

if any(k in os.environ for k in ("OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK")):
    h.nrnmpi_init()  # started by mpiexec with python3 (nrniv -mpi has done it already)


def known_mechanisms():
    names = set()
    for kind in (0, 1):
        mt = h.MechanismType(kind)
        s = h.ref("")
        for i in range(int(mt.count())):
            mt.select(i)
            mt.selected(s)
            names.add(s[0])
    return names


def load_mechanisms(needed):
    if not set(needed) <= known_mechanisms():
        import neuron

        neuron.load_mechanisms(HERE, warn_if_already_loaded=False)
    missing = sorted(set(needed) - known_mechanisms())
    if missing:
        sys.exit(
            "model.py: NEURON does not know the mechanisms %s; compile them first: "
            "cd %s && nrnivmodl mechanisms" % (", ".join(missing), HERE)
        )


with open(os.path.join(HERE, "model.json")) as f:
    M = json.load(f)
load_mechanisms(M["mechanisms"])
for name, value in M["globals"].items():
    setattr(h, name, value)
pc = h.ParallelContext()
rank, nhost = int(pc.id()), int(pc.nhost())
h.load_file("stdrun.hoc")
h.cvode.active(0)
h.secondorder = M["secondorder"]
h.dt = M["dt"]
h.celsius = M["celsius"]


def build_cell(gid, cell):
    secs = []
    for b, s in enumerate(cell):
        sec = h.Section(name="cell%d_branch%d" % (gid, b))
        if "pt3d" in s:
            sec.pt3dclear()
            for x, y, z, d in s["pt3d"]:
                sec.pt3dadd(x, y, z, d)
        else:
            sec.L = s["L"]
        sec.nseg = s["nseg"]
        sec.Ra = s["Ra"]
        for m in s["mechanisms"]:
            sec.insert(m["suffix"])
        secs.append(sec)
    for b, s in enumerate(cell):
        if s["parent"] >= 0:
            secs[b].connect(secs[s["parent"]](s["parentX"]), 0)
    for sec, s in zip(secs, cell):
        for k, seg in enumerate(sec):
            if "diam" in s:
                seg.diam = s["diam"][k]
            seg.cm = s["cm"][k]
            seg.v = s["v"][k]
    return secs


def set_states(secs, cell):
    """Every mechanism value and ion variable per segment (after finitialize)."""
    for sec, s in zip(secs, cell):
        for k, seg in enumerate(sec):
            for m in s["mechanisms"]:
                mech = getattr(seg, m["suffix"])
                for name, vals in m["values"].items():
                    setattr(mech, name, vals[k])
                for name, vals in m["ions"].items():
                    setattr(seg, name, vals[k])


cells = {}
for gid in range(rank, len(M["cells"]), nhost):
    pc.set_gid2node(gid, rank)
    cells[gid] = build_cell(gid, M["cells"][gid])


def seg_at(at):
    c, b, x = at
    return cells[c][b](x) if c in cells else None


synapses = {}
sources = set()
for j, sy in enumerate(M["synapses"]):
    pre = seg_at(sy["pre"])
    if pre is not None and sy["source"] not in sources:
        pc.source_var(pre._ref_v, sy["source"], sec=pre.sec)
        sources.add(sy["source"])
    post = seg_at(sy["post"])
    if post is not None:
        pp = getattr(h, sy["type"])(post)
        for name, val in sy["values"].items():
            setattr(pp, name, val)
        pc.target_var(pp, pp._ref_vpre, sy["source"])
        synapses[j] = pp
pc.setup_transfer()

keep = []
for st in M["stimuli"]:
    seg = seg_at(st["at"])
    if seg is not None:
        ic = h.IClamp(seg)
        ic.delay, ic.dur = 0, 1e9
        vec = h.Vector(st["amp"])
        vec.play(ic._ref_amp, M["dt"])
        keep += [ic, vec]
clamped = []
for cl in M["voltageClamps"]:
    seg = seg_at(cl["at"])
    if seg is not None:
        seg.v = cl["v"][0]
        clamped.append((seg, cl["v"]))


def impose_clamps():
    """Dendrolab's voltage clamp: after each step's voltage solve, before the states advance."""
    k = int(round(h.t / M["dt"])) + 1  # called before t moves on: this step ends at t_k
    for seg, values in clamped:
        if k < len(values):
            seg.v = values[k]


if clamped:
    h.cvode.extra_scatter_gather(0, impose_clamps)

records = {}
for i, r in enumerate(M["recordings"]):
    if r["kind"] == "synapse":
        pp = synapses.get(r["synapse"])
        ref = getattr(pp, "_ref_" + r["variable"]) if pp is not None else None
    else:
        seg = seg_at(r["at"])
        ref = None if seg is None else getattr(seg, "_ref_" + r["variable"])
    if ref is not None:
        records[i] = h.Vector()
        records[i].record(ref)
tvec = h.Vector()
if rank == 0:  # rank 0 holds gid 0, so it has a section to record t in
    tvec.record(h._ref_t, sec=cells[0][0])

for gid, secs in cells.items():
    set_states(secs, M["cells"][gid])  # before INITIAL blocks too: they may read these values
h.finitialize()  # keeps each segment's v (set above); then Dendrolab's states overwrite NEURON's
for gid, secs in cells.items():
    set_states(secs, M["cells"][gid])
for j, sy in enumerate(M["synapses"]):
    if j in synapses:
        for name, val in sy["values"].items():
            setattr(synapses[j], name, val)
h.frecord_init()
for _ in range(M["nSteps"]):
    h.fadvance()

local = {i: list(vec) for i, vec in records.items()}
gathered = pc.py_gather(local, 0)
if rank == 0:
    columns = {}
    for part in gathered:
        columns.update(part)
    with open(os.path.join(HERE, "recordings.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["t"] + [r["label"] for r in M["recordings"]])
        for k, t in enumerate(tvec):
            w.writerow([repr(t)] + [repr(columns[i][k]) for i in range(len(M["recordings"]))])
    print("model.py: %d cells on %d rank(s), %d steps; wrote recordings.csv" % (len(M["cells"]), nhost, M["nSteps"]))
pc.barrier()
pc.done()
h.quit()
`;
