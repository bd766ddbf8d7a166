/**
 * The README of an export: how to compile the mechanisms and run the model with NEURON,
 * on one machine and on a cluster with MPI.
 */
import type { ModelDescription } from "./describe-model.js";

/** The README text for a described model. */
export function readmeText(m: ModelDescription, solver: string): string {
  const nComp = m.cells.reduce((n, c) => n + c.reduce((k, s) => k + s.nseg, 0), 0);
  return `# A Dendrolab model for NEURON

Written by Dendrolab's \`exportNeuron\`: ${m.cells.length} cell(s), ${nComp} compartments,
${m.synapses.length} graded synapse(s), ${m.stimuli.length} stimulus(es), ${m.recordings.length} recording(s);
${m.nSteps} steps of ${m.dt} ms (${solver}, NEURON \`secondorder\` ${m.secondorder}), celsius ${m.celsius}.

| file | what |
|---|---|
| \`model.py\` | builds the model in NEURON and runs it |
| \`model.json\` | the model: sections, segments, mechanism values, synapses, stimuli, recordings |
| \`mechanisms/*.mod\` | every channel and synapse as NMODL (${m.mechanisms.join(", ")}) |

## Run it

Needs NEURON 8.2 or newer (\`pip install neuron\`, or your cluster's module) and a C compiler.

\`\`\`sh
nrnivmodl mechanisms          # once: compiles the .mod files into ./x86_64 (or ./arm64)
python3 model.py              # one process; writes recordings.csv
\`\`\`

\`recordings.csv\` has the time (ms) in its first column, then one column per recording in
the order the model recorded them; row k is t = k * ${m.dt} ms.

## On a cluster (MPI)

Each cell is one gid, given to the ranks round-robin (gid % nhost); graded synapses
carry the presynaptic voltage between ranks with \`ParallelContext.source_var\` /
\`target_var\`, and rank 0 gathers the recordings and writes the file.

\`\`\`sh
nrnivmodl mechanisms
mpiexec -n 16 nrniv -mpi -python model.py
# or, with NEURON installed for Python: mpiexec -n 16 python3 model.py
\`\`\`

In a batch job (Slurm), for example:

\`\`\`sh
#SBATCH --ntasks=64
module load neuron            # or however your site provides NEURON with MPI
nrnivmodl mechanisms
srun nrniv -mpi -python model.py
\`\`\`

More ranks than cells leaves ranks idle: with N cells, use at most N ranks.

## What matches Dendrolab

The run is fixed-step (\`cvode\` off), starts from Dendrolab's values of \`v\` and every
state (written over NEURON's after \`finitialize\`), and takes exactly ${m.nSteps} steps.
Stimuli are played into IClamps (\`Vector.play\`, one value per step). A voltage clamp
is Dendrolab's: the clamped segment's v is set to the held value after each step's
voltage solve and before the states advance (\`CVode.extra_scatter_gather\`), not an
SEClamp (which would hold it during the solve and move the neighbours' voltages).
`;
}
