/**
 * The vector-Jacobian kernels of mechanisms that use ions and celsius, against five-point
 * finite differences of the forward kernels: derivatives with respect to the node
 * variables read (`celsius`, `eca`, `ek`, `cai`, `ica`), and the weights of the ion
 * currents and slopes a mechanism writes.
 */
import { describe, expect, it } from "vitest";
import * as l5pc from "../../src/channels-l5pc.js";
import { compileMechanism } from "../../src/mechanisms/compile.js";
import type { CompiledMechanism, MechanismSpec } from "../../src/mechanisms/types.js";
import { expectClose, fd, rng, stepFor } from "../mechanisms/helpers.js";

/** A channel whose rates and current read celsius, eca and cai, and which writes ica and cai. */
const WARM: MechanismSpec = {
  kind: "channel",
  name: "Warm",
  params: { g: 0.002, tau0: 4, gamma: 0.3 },
  states: { m: 0.2, cai: 5e-5 },
  ions: { ca: { read: ["eca", "ica"], write: ["cai"] }, k: { read: ["ek", "ki"], write: ["ik"] } },
  definitions: { q: "3^((celsius - 22) / 10)" },
  gates: {
    m: { inf: "1 / (1 + exp(-(v + 30) / 7))", tau: "tau0 / q" },
    cai: { rate: "-gamma * ica * q - (cai - 1e-4) / (tau0 * 20)" },
  },
  ionCurrents: { ik: "g * m * m * (v - ek) * (1 + 0.01 * ki) + 0.001 * q * m * (v - eca) ^ 2 / 100" },
};

const MECHS: Array<[string, CompiledMechanism]> = [
  ["Warm", compileMechanism(WARM)],
  ["Ca_HVA", new l5pc.Ca_HVA().compiled],
  ["CaDynamics_E2", new l5pc.CaDynamics_E2().compiled],
  ["SK_E2", new l5pc.SK_E2().compiled],
  ["Im", new l5pc.Im().compiled],
];

/** Plausible node values of a node variable. */
function nodeValue(name: string, r: (lo: number, hi: number) => number): number {
  if (name === "celsius") return r(20, 37);
  if (/^e/.test(name)) return r(-90, 130);
  if (/i$/.test(name) && name.startsWith("ca")) return r(2e-5, 5e-4);
  if (/^i/.test(name)) return r(-2e-3, 1e-3);
  if (/^d/.test(name)) return 0;
  return r(1, 140);
}

interface Case {
  n: number;
  post: Int32Array;
  V: Float64Array;
  P: Float64Array[];
  S: Float64Array[];
  scale: Float64Array;
  X: Float64Array[];
}

function randomCase(m: CompiledMechanism, seed: number): Case {
  const r = rng(seed);
  const n = 3;
  const post = new Int32Array([1, 1, 3]);
  return {
    n,
    post,
    V: Float64Array.from({ length: 4 }, () => r(-80, 10)),
    P: m.paramDefaults.map((d) => Float64Array.from({ length: n }, () => d * r(0.7, 1.3))),
    S: m.stateKeys.map((k) => Float64Array.from({ length: n }, () => (k === "cai" ? r(5e-5, 3e-4) : r(0.1, 0.9)))),
    scale: Float64Array.from({ length: n }, () => r(0.5, 2)),
    X: m.nodeVars.map((name) => Float64Array.from({ length: 4 }, () => nodeValue(name, r))),
  };
}

const copy = (c: Case): Case => ({
  ...c,
  V: c.V.slice(),
  P: c.P.map((a) => a.slice()),
  S: c.S.map((a) => a.slice()),
  X: c.X.map((a) => a.slice()),
});

/** Every input value of a case: a name, the array it lives in, and its index there. */
function inputs(m: CompiledMechanism, c: Case, read: ReadonlySet<number>) {
  const out: Array<{ name: string; arr: (z: Case) => Float64Array; i: number }> = [];
  for (const node of [1, 3]) out.push({ name: `V[${node}]`, arr: (z) => z.V, i: node });
  m.paramKeys.forEach((key, j) => {
    for (let k = 0; k < c.n; k++) out.push({ name: `${key}[${k}]`, arr: (z) => z.P[j], i: k });
  });
  m.stateKeys.forEach((key, j) => {
    for (let k = 0; k < c.n; k++) out.push({ name: `${key}[${k}]`, arr: (z) => z.S[j], i: k });
  });
  m.nodeVars.forEach((name, j) => {
    if (!read.has(j)) return;
    for (const node of [1, 3]) out.push({ name: `${name}[${node}]`, arr: (z) => z.X[j], i: node });
  });
  return out;
}

/** The loss with input `inp` of case `c` set to x (on a copy). */
function at(c: Case, inp: { arr: (z: Case) => Float64Array; i: number }, loss: (z: Case) => number) {
  return (x: number) => {
    const z = copy(c);
    inp.arr(z)[inp.i] = x;
    return loss(z);
  };
}

/** Indices of the node variables a mechanism reads: celsius and the ion variables read. */
function readIndices(m: CompiledMechanism): Set<number> {
  const written = new Set(m.ions.flatMap((i) => i.write.flatMap((w) => [w, `d${w}_dv`])));
  return new Set(m.nodeVars.flatMap((v, j) => (written.has(v) ? [] : [j])));
}

describe.each(MECHS)("VJP kernels of %s with node variables", (_name, m) => {
  const read = readIndices(m);
  const written = m.nodeVars.flatMap((_, j) => (read.has(j) ? [] : [j]));

  it.each([1, 2, 3])("currentVjp (weights on accI, accG and the written ion currents) (seed %i)", (seed) => {
    const c = randomCase(m, seed);
    const wI = Float64Array.from(c.V, (_, j) => 0.3 + 0.2 * j);
    const wG = Float64Array.from(c.V, (_, j) => -0.7 + 0.5 * j);
    const wX = m.nodeVars.map((_, j) => Float64Array.from(c.V, (_, i) => (read.has(j) ? 0 : 0.4 - 0.3 * i + 0.1 * j)));
    const loss = (z: Case) => {
      const accI = new Float64Array(4),
        accG = new Float64Array(4);
      const X = z.X.map((a, j) => (read.has(j) ? a : new Float64Array(4)));
      m.current(z.n, z.post, z.post, z.V, z.P, z.S, z.scale, accI, accG, X);
      let s = 0;
      for (let i = 0; i < 4; i++) s += wI[i] * accI[i] + wG[i] * accG[i];
      for (const j of written) for (let i = 0; i < 4; i++) s += wX[j][i] * X[j][i];
      return s;
    };
    const dV = new Float64Array(4),
      dP = c.P.map(() => new Float64Array(c.n)),
      dS = c.S.map(() => new Float64Array(c.n)),
      dScale = new Float64Array(c.n);
    const LX = wX.map((a) => a.slice());
    m.currentVjp(c.n, c.post, c.post, c.V, c.P, c.S, c.scale, wI, wG, dV, dP, dS, dScale, c.X, LX);
    for (const j of written) expect(LX[j], "weights of written arrays are left alone").toEqual(wX[j]);
    let checked = 0;
    for (const inp of inputs(m, c, read)) {
      const ad = adjointOf(m, inp.name, { dV, dP, dS, LX });
      const f = at(c, inp, loss);
      const x0 = inp.arr(c)[inp.i];
      const num = fd(f, x0, stepFor(x0));
      expectClose(ad, num, 1e-6, 1e-9 * (Math.abs(num) + 1e-3), `d/d ${inp.name}`);
      if (Math.abs(num) > 0) checked++;
    }
    if (m.ions.some((i) => i.write.some((w) => w.startsWith("i")))) expect(checked).toBeGreaterThan(3);
  });

  it.each([1, 2, 3])("advanceVjp (with respect to the node variables read) (seed %i)", (seed) => {
    if (m.stateKeys.length === 0) return;
    const c = randomCase(m, seed);
    const dt = 0.025 * (1 + seed);
    const wS = c.S.map((s, j) => Float64Array.from(s, (_, k) => 1 + 0.5 * j - 0.3 * k));
    const loss = (z: Case) => {
      const y = copy(z);
      m.advance(y.n, y.post, y.post, y.V, y.P, y.S, dt, y.X);
      return y.S.reduce((s, a, j) => s + a.reduce((t, b, k) => t + wS[j][k] * b, 0), 0);
    };
    const dV = new Float64Array(4),
      dP = c.P.map(() => new Float64Array(c.n)),
      dS = c.S.map(() => new Float64Array(c.n));
    const LX = c.X.map(() => new Float64Array(4));
    m.advanceVjp(c.n, c.post, c.post, c.V, c.P, c.S, dt, wS, dV, dP, dS, c.X, LX);
    for (const inp of inputs(m, c, read)) {
      const ad = adjointOf(m, inp.name, { dV, dP, dS, LX });
      const f = at(c, inp, loss);
      const x0 = inp.arr(c)[inp.i];
      const num = fd(f, x0, stepFor(x0));
      expectClose(ad, num, 1e-6, 1e-9 * (Math.abs(num) + 1e-3), `d/d ${inp.name}`);
    }
  });
});

/** The adjoint the kernels gave for the input called `name`. */
function adjointOf(
  m: CompiledMechanism,
  name: string,
  g: { dV: Float64Array; dP: Float64Array[]; dS: Float64Array[]; LX: Float64Array[] },
): number {
  const match = /^(.+)\[(\d+)\]$/.exec(name)!;
  const [key, idx] = [match[1], Number(match[2])];
  if (key === "V") return g.dV[idx];
  if (m.paramKeys.includes(key)) return g.dP[m.paramKeys.indexOf(key)][idx];
  if (m.stateKeys.includes(key)) return g.dS[m.stateKeys.indexOf(key)][idx];
  return g.LX[m.nodeVars.indexOf(key)][idx];
}

it("the Warm channel reads celsius, eca, ica, ek and ki, and writes ik and cai", () => {
  const m = compileMechanism(WARM);
  expect(m.nodeVars).toEqual(["celsius", "eca", "ica", "ek", "ki", "ik", "cai", "dik_dv"]);
});
