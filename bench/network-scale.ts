/**
 * Network scale: 1,000 cells of 100 compartments (10 branches x 10 compartments, HH)
 * with ~100,000 IonotropicSynapses, built twice (sparseConnect, p = 0.1, and
 * connectivityMatrixConnect with a seeded random matrix of 100,000 ones). Prints the
 * build time of each (goal < 2 s), then simulates 20 ms (dt 0.025 ms, backward Euler)
 * and prints compartment-steps per second next to the same cells unconnected and a
 * single cell; the ratio unconnected / connected is the cost of the synapses (goal <= 1.5).
 *
 *   pnpm --filter @dendrolab/bench run network-scale
 */
import {
  Branch,
  Cell,
  Compartment,
  Network,
  connectivityMatrixConnect,
  seededRandom,
  simulate,
  sparseConnect,
  stepCurrent,
} from "@dendrolab/core";
import { HH } from "@dendrolab/core/channels";
import { IonotropicSynapse } from "@dendrolab/core/synapses";
import { bestOf } from "./lib/neuron.js";

const N_CELLS = 1000;
const N_BRANCH = 10;
const N_COMP = 10;
const N_SYNAPSES = 100_000;
const T_MAX = 20; // ms
const DT = 0.025; // ms
const REPEATS = 2;

/** One cell: a binary-ish tree of 10 branches of 10 compartments, HH everywhere. */
function makeCell(): Cell {
  const cell = new Cell(new Branch(new Compartment(), N_COMP), [-1, 0, 0, 1, 1, 2, 2, 3, 3, 4]);
  cell.insert(new HH());
  return cell;
}

/** A seeded 1000 x 1000 matrix with exactly `ones` entries set (the library's PRNG). */
function randomMatrix(n: number, ones: number, seed: number): Uint8Array[] {
  const rand = seededRandom(seed);
  const m = Array.from({ length: n }, () => new Uint8Array(n));
  let placed = 0;
  while (placed < ones) {
    const i = Math.floor(rand() * n);
    const j = Math.floor(rand() * n);
    if (!m[i][j]) {
      m[i][j] = 1;
      placed++;
    }
  }
  return m;
}

type Wiring = "none" | "sparse" | "matrix";

/** Builds the network; returns it with the build time (cells -> network -> synapses), seconds. */
function build(
  wiring: Wiring,
  matrix?: Uint8Array[],
): { net: Network; seconds: number; networkSeconds: number; connectSeconds: number } {
  const t0 = performance.now();
  const cell = makeCell();
  const net = new Network(Array.from({ length: N_CELLS }, () => cell));
  const t1 = performance.now();
  const all = net.cell("all");
  if (wiring === "sparse")
    sparseConnect(all, all, new IonotropicSynapse(), N_SYNAPSES / (N_CELLS * N_CELLS), { seed: 1 });
  if (wiring === "matrix") connectivityMatrixConnect(all, all, new IonotropicSynapse(), matrix!);
  const t2 = performance.now();
  return { net, seconds: (t2 - t0) / 1000, networkSeconds: (t1 - t0) / 1000, connectSeconds: (t2 - t1) / 1000 };
}

/** A few recordings and a stimulus into 10 cells, so that some cells spike. */
function instrument(net: Network | Cell, cells: number[]): void {
  for (const i of cells) {
    const c = net instanceof Network ? net.cell(i) : net;
    c.branch(0).comp(0).record("v");
    c.branch(0)
      .comp(0)
      .stimulate(stepCurrent(1, 10, 0.5, DT, T_MAX));
  }
}

function throughput(module: Network | Cell, repeats = REPEATS): { seconds: number; compStepsPerSecond: number } {
  const nSteps = Math.round(T_MAX / DT);
  const opts = { tMax: T_MAX, deltaT: DT };
  simulate(module, { tMax: 1, deltaT: DT }); // compile, lower and warm up
  const seconds = bestOf(repeats, () => simulate(module, opts));
  return { seconds, compStepsPerSecond: (module.nComp * nSteps) / seconds };
}

const mega = (x: number) => `${(x / 1e6).toFixed(2)} M`;
const cells = Array.from({ length: 10 }, (_, i) => i * 100);

// Build times: first a warm-up build (compiles HH and IonotropicSynapse kernels), then the measured ones.
const cold = build("sparse");
console.log(`first build (includes compiling the HH and IonotropicSynapse kernels): ${cold.seconds.toFixed(3)} s`);
const matrix = randomMatrix(N_CELLS, N_SYNAPSES, 7);
const sparse = build("sparse");
const dense = build("matrix", matrix);
const plain = build("none");
for (const [name, b] of [
  ["sparseConnect", sparse],
  ["connectivityMatrixConnect", dense],
  ["unconnected", plain],
] as const) {
  console.log(
    `build ${name}: ${N_CELLS} cells x ${N_BRANCH * N_COMP} compartments, ${b.net.edges.length} synapses: ` +
      `${b.seconds.toFixed(3)} s (network ${b.networkSeconds.toFixed(3)} s + connect ${b.connectSeconds.toFixed(3)} s; goal < 2 s)`,
  );
}

// Simulation throughput.
const single = makeCell();
instrument(single, [0]);
instrument(sparse.net, cells);
instrument(dense.net, cells);
instrument(plain.net, cells);
const rSingle = throughput(single, 50); // a short run: best of many
const rPlain = throughput(plain.net);
const rSparse = throughput(sparse.net);
const rDense = throughput(dense.net);
const nSteps = Math.round(T_MAX / DT);
console.log(`simulate ${T_MAX} ms (${nSteps} steps, dt ${DT} ms, bwd_euler), best of ${REPEATS} (single cell: of 50):`);
console.log(
  `  single cell (100 compartments):        ${mega(rSingle.compStepsPerSecond)} comp-steps/s (${rSingle.seconds.toFixed(3)} s)`,
);
console.log(
  `  network unconnected (100,000 comps):   ${mega(rPlain.compStepsPerSecond)} comp-steps/s (${rPlain.seconds.toFixed(3)} s)`,
);
console.log(
  `  network sparseConnect (${sparse.net.edges.length} syn):  ${mega(rSparse.compStepsPerSecond)} comp-steps/s (${rSparse.seconds.toFixed(3)} s)`,
);
console.log(
  `  network matrixConnect (${dense.net.edges.length} syn):  ${mega(rDense.compStepsPerSecond)} comp-steps/s (${rDense.seconds.toFixed(3)} s)`,
);
const ratio = (r: { compStepsPerSecond: number }) => (rPlain.compStepsPerSecond / r.compStepsPerSecond).toFixed(2);
console.log(
  `cost of synapses (unconnected / connected throughput): sparse ${ratio(rSparse)}x, matrix ${ratio(rDense)}x (goal <= 1.5x)`,
);
console.log(
  JSON.stringify({
    build_s: { sparse: sparse.seconds, matrix: dense.seconds, unconnected: plain.seconds },
    comp_steps_per_s: {
      single: rSingle.compStepsPerSecond,
      unconnected: rPlain.compStepsPerSecond,
      sparse: rSparse.compStepsPerSecond,
      matrix: rDense.compStepsPerSecond,
    },
    synapses: { sparse: sparse.net.edges.length, matrix: dense.net.edges.length },
  }),
);
