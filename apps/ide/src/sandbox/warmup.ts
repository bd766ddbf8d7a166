/**
 * A fresh script worker runs this small model once before it takes a user's run, so that
 * the code a run goes through (the TypeScript transform, SWC reading, NMODL compilation,
 * building, serialising) is already compiled: a run in a fresh worker is then about as
 * fast as in a worker that ran before, and a large model is not stopped as "an infinite
 * loop" for the time the engine spends compiling. Our own code, run before any user code.
 */
import { serializeModel } from "@dendrolab/core/io";
import * as jx from "@dendrolab/core/sim";
import { TUTORIAL_SCRIPT } from "../session/tutorial.js";

/** Runs a script with a worker's libraries (script-eval.ts's evaluateScript, bound to them). */
export type RunFn = (source: string, log: (line: string) => void, files: Readonly<Record<string, string>>) => jx.View;

/** A delayed-rectifier K channel written for the warm-up (not a model of anything). */
const WARM_MOD = `NEURON {
  SUFFIX warmk
  USEION k READ ek WRITE ik
  RANGE gbar
}
UNITS { (mA) = (milliamp) (mV) = (millivolt) }
PARAMETER { gbar = 0.001 (S/cm2) }
ASSIGNED { v (mV) ek (mV) ik (mA/cm2) ninf ntau (ms) }
STATE { n }
BREAKPOINT {
  SOLVE states METHOD cnexp
  ik = gbar * n * n * (v - ek)
}
DERIVATIVE states {
  rates(v)
  n' = (ninf - n) / ntau
}
INITIAL {
  rates(v)
  n = ninf
}
PROCEDURE rates(v (mV)) {
  ninf = 1 / (1 + exp(-(v + 40) / 10))
  ntau = 1 + 4 * exp(-((v + 50) / 20)^2)
}
`;

/**
 * A made-up morphology of about 2,000 points (a soma and binary trees of dendrites and an
 * axon): enough for the engine to optimise SWC reading, which dominates a large model's
 * first run.
 */
function warmSwc(): string {
  const lines = ["1 1 0 0 0 8 -1"];
  let id = 1;
  const grow = (type: number, parent: number, x: number, y: number, angle: number, depth: number) => {
    let p = parent;
    for (let k = 0; k < 20; k++) {
      x += 2 * Math.cos(angle);
      y += 2 * Math.sin(angle);
      lines.push(`${++id} ${type} ${x.toFixed(2)} ${y.toFixed(2)} 0 ${(1 / (1 + depth)).toFixed(3)} ${p}`);
      p = id;
    }
    if (depth < 5) for (const turn of [-0.4, 0.4]) grow(type, p, x, y, angle + turn, depth + 1);
  };
  grow(3, 1, 8, 0, 0, 0);
  grow(4, 1, 0, 8, Math.PI / 2, 0);
  grow(2, 1, -8, 0, Math.PI, 2);
  return `${lines.join("\n")}\n`;
}

const WARM_SCRIPT = `import * as jx from "@dendrolab/core";
import { HH } from "@dendrolab/core/channels";
import { NaTs2_t, SKv3_1 } from "@dendrolab/core/channels/l5pc";
import files, { mod } from "dendrolab:files";
const WarmK = jx.loadNmodl(mod("warm.mod"));
for (let i = 0; i < 4; i++) jx.loadNmodl(mod("warm.mod"));
const cell = jx.readSwc(files["warm.swc"], { ncomp: 2, reading: "neuron" });
cell.insert(new HH());
const soma = cell.group("soma");
for (const M of [NaTs2_t, SKv3_1, WarmK]) soma.insert(new M());
cell.set("radius", 1.5);
const network = new jx.Network([cell, cell]);
network.cell(0).branch(0).comp(0).stimulate(jx.stepCurrent(1, 2, 0.1, 0.025, 5));
network.cell(0).branch(0).comp(0).record("v");
export default network;
`;

/**
 * How many more times a pre-started worker builds the warm-up model while it waits: an
 * engine compiles a function to faster code only after it has run a few times, and a
 * run's script build is mostly the same functions. One build per task, so that a run
 * arriving meanwhile waits for at most one.
 */
export const EXTRA_WARM_ROUNDS = 1;

/**
 * Builds and serialises a warm-up model once (throws what the script throws): round 0
 * and every even round the small model above, odd rounds the tutorial network (our own
 * script, which reaches the network, synapse and group code a typical script uses).
 */
export function buildWarmModel(round: number, run: RunFn): void {
  const script = round % 2 === 1 ? TUTORIAL_SCRIPT : WARM_SCRIPT;
  serializeModel(run(script, () => undefined, WARM_UP.files));
}

/** The warm-up's script and files (exported for tests). */
export const WARM_UP = { script: WARM_SCRIPT, files: { "warm.mod": WARM_MOD, "warm.swc": warmSwc() } };

/** Does the session hold files a script reads (morphologies, mechanisms)? */
function hasModelFiles(files: Readonly<Record<string, string>>): boolean {
  return Object.keys(files).some((name) => /\.(mod|swc)$/i.test(name));
}

/**
 * Warms a pre-started worker for the session's next run; returns the time in ms, never
 * throws. Without imported files, one build of the tutorial network (about 30 ms cold):
 * it compiles the building, grouping and serialising code a typical script goes through.
 * With `.mod` or `.swc` files, the small model above (which reaches SWC reading and NMODL
 * compilation, about 110 ms), then the session's files read the way a script would
 * (`.mod` files compiled, `.swc` files read; the results are dropped), so that a large
 * model's run finds its kernels compiled. Only our own code runs here, on data the next
 * run receives anyway. The cheaper warm-up for plain scripts matters on a 2-core machine:
 * the warm-up shares the cores with the page and the model worker (bench:ide).
 */
export function warmUp(files: Readonly<Record<string, string>>, run: RunFn): number {
  const start = performance.now();
  const attempt = (fn: () => unknown) => {
    try {
      fn();
    } catch {
      // A warm-up that fails only leaves the worker cold.
    }
  };
  if (!hasModelFiles(files)) {
    attempt(() => buildWarmModel(1, run));
    return performance.now() - start;
  }
  attempt(() => buildWarmModel(0, run));
  for (const [name, text] of Object.entries(files)) {
    const lower = name.toLowerCase();
    if (lower.endsWith(".mod")) attempt(() => jx.loadNmodl(text));
    else if (lower.endsWith(".swc")) attempt(() => jx.readSwc(text, { ncomp: 1, reading: "neuron" }));
  }
  return performance.now() - start;
}
