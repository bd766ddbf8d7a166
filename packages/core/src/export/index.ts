/**
 * `exportNeuron`: a model as a NEURON 8.2+ Python script, its model file, NMODL files of
 * every mechanism, and a README, for running it outside the browser (and on clusters
 * with MPI). The parts: `nmodl-write.ts` (mechanisms), `describe-*.ts` (the model as
 * `model.json`), `script.ts` (the Python script), `readme.ts`.
 */
import { DendrolabError } from "../errors.js";
import type { Mechanism } from "../mechanisms/define.js";
import type { View } from "../api/view.js";
import type { ModelData } from "../model/data.js";
import type { SolverName } from "../sim/steppers.js";
import { describeModel } from "./describe-model.js";
import { exportError } from "./errors.js";
import { nmodlSourceOf } from "../nmodl/source.js";
import { writeImported } from "./nmodl-imported.js";
import { type WrittenMechanism, writeMechanism } from "./nmodl-write.js";
import { readmeText } from "./readme.js";
import { SCRIPT } from "./script.js";

/** Options of {@link exportNeuron}. */
export interface ExportNeuronOptions {
  /** Run length, ms (the script takes `round(tMax / deltaT)` steps, as `integrate`). */
  tMax: number;
  /** Step, ms; default 0.025. */
  deltaT?: number;
  /** `"bwd_euler"` (default; NEURON `secondorder` 0) or `"crank_nicolson"` (`secondorder` 2). */
  solver?: SolverName;
}

/** The files of an export: relative path -> text, and the script to run. */
export interface NeuronExport {
  files: Record<string, string>;
  /** The Python script's path in `files` (`"model.py"`). */
  main: string;
}

/**
 * Names a mechanism may not have in NEURON: its built-in mechanisms and point processes,
 * segment attributes the script reads (`seg.<suffix>`), and hoc classes it uses.
 */
const NEURON_NAMES = new Set(
  [
    "hh pas fastpas extracellular capacitance morphology na_ion k_ion ca_ion IClamp SEClamp VClamp OClamp APCount",
    "ExpSyn Exp2Syn AlphaSynapse NetStim IntFire1 IntFire2 IntFire4 PatternStim PointProcessMark HalfGap",
    "v diam cm area ri x sec node_index point_processes hname",
    "Section Vector List Random NetCon ParallelContext CVode MechanismType",
  ]
    .join(" ")
    .split(" "),
);

/**
 * Writes the model for NEURON 8.2+: `model.py` (the script), `model.json` (sections with
 * the same geometry and `nseg`, or `pt3d` points for traced cells; mechanism values per
 * segment; graded synapses; stimuli; recordings), `mechanisms/<name>.mod` (every channel
 * and synapse as NMODL written from its Dendrolab definition) and `README.md`. The script
 * gives each cell a gid, spreads them over MPI ranks round-robin, joins graded synapses
 * with `ParallelContext.source_var`/`target_var`, and writes `recordings.csv` beside
 * itself: `t` (ms), then one column per recording in record order, sample k at
 * t = k * deltaT (mV for voltages). Stored values are exported (not a `paramState`);
 * a view exports the whole model it belongs to.
 *
 * Everything is checked before any text is produced: what NEURON cannot take (a
 * mechanism function without an NMODL form, concentration dynamics, a clamp of a
 * state other than `v`, `fwd_euler`, a temperature that varies) throws a
 * `DendrolabError` with code `NOT_EXPORTABLE` naming it and where it is.
 *
 * @example
 * const { files, main } = exportNeuron(network, { tMax: 20, deltaT: 0.025 });
 * for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
 * // then, in dir: nrnivmodl mechanisms && mpiexec -n 4 nrniv -mpi -python model.py
 */
export function exportNeuron(module: View, options: ExportNeuronOptions): NeuronExport {
  const d: ModelData | undefined = module?.base;
  if (!d || typeof d !== "object" || !("topo" in d))
    throw new DendrolabError("exportNeuron: give a module or view (a Cell, a Network...).", "INVALID_ARGUMENT");
  const { tMax, deltaT = 0.025, solver = "bwd_euler" } = options ?? ({} as ExportNeuronOptions);
  if (typeof deltaT !== "number" || !Number.isFinite(deltaT) || deltaT <= 0)
    throw new DendrolabError(`exportNeuron: deltaT must be a number of ms > 0; got ${deltaT}.`, "INVALID_ARGUMENT");
  if (typeof tMax !== "number" || !Number.isFinite(tMax) || tMax < deltaT)
    throw new DendrolabError(
      `exportNeuron: tMax must be a number of ms >= deltaT (${deltaT}); got ${tMax}.`,
      "INVALID_ARGUMENT",
    );
  if (solver !== "bwd_euler" && solver !== "crank_nicolson") {
    if (solver === "fwd_euler")
      throw exportError(`solver "fwd_euler": NEURON has no forward Euler; use "bwd_euler" or "crank_nicolson"`);
    throw new DendrolabError(
      `exportNeuron: unknown solver ${JSON.stringify(solver)}; use "bwd_euler" or "crank_nicolson".`,
      "UNKNOWN_NAME",
    );
  }
  const written = new Map<string, WrittenMechanism>();
  const mechanisms: Mechanism[] = [...d.channels, ...d.synapseTypes.values()];
  for (const m of mechanisms) {
    if (written.has(m.name)) throw exportError(`two mechanisms are named "${m.name}"; NEURON needs distinct names`);
    const source = nmodlSourceOf(m);
    if (source && NEURON_NAMES.has(source.suffix))
      throw exportError(
        `the imported ${source.suffix}.mod has the SUFFIX of a mechanism built into NEURON; change its SUFFIX in the file`,
      );
    // A project mechanism named like one of NEURON's (the L5PC's "pas") gets "_dl" in NEURON.
    const w = source ? writeImported(m, source) : writeMechanism(m, NEURON_NAMES.has(m.name) ? `${m.name}_dl` : m.name);
    written.set(m.name, w);
  }
  const nSteps = Math.round(tMax / deltaT);
  const model = describeModel(d, written, { dt: deltaT, nSteps, secondorder: solver === "bwd_euler" ? 0 : 2 });
  const files: Record<string, string> = {
    "model.py": SCRIPT,
    "model.json": `${JSON.stringify(model)}\n`,
    "README.md": readmeText(model, solver),
  };
  for (const w of written.values()) files[`mechanisms/${w.suffix}.mod`] = w.text;
  return { files, main: "model.py" };
}
