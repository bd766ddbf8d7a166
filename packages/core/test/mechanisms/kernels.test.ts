/**
 * Every kernel of every built-in mechanism (and two user-defined ones that use the
 * special functions inside the current) against finite differences and the ODE.
 */
import { describe, expect, it } from "vitest";
import { CaL, CaT, HH, K, Km, Leak, Na } from "../../src/channels.js";
import { IonotropicSynapse, TanhRateSynapse } from "../../src/synapses.js";
import { defineChannel, defineSynapse, type Mechanism } from "../../src/mechanisms/define.js";
import type { CompiledMechanism } from "../../src/mechanisms/types.js";
import { copyInstances, expectClose, fd, interpret, randomInstances, stepFor, type Instances } from "./helpers.js";

const Ghk = defineChannel({
  name: "Ghk",
  params: { g: 2e-3, e: 20, k: 7 },
  states: { a: 0.3 },
  definitions: { u: "(v - e) / k" },
  gates: { a: { inf: "max(sigmoid(v / 9), 0.05)", tau: "1 + abs(v) / 20 + min(v, -10)^2 / 100" } },
  current:
    "g * a * k * efun(-u) + g * 0.01 * vtrap(v + 30, 7) * tanh(v / 30) + 1e-4 * sqrt(cosh(v / 40)) * log(2 + sinh(v / 50)^2)",
});
const Graded = defineSynapse({
  name: "Graded",
  params: { gS: 2e-3, e_syn: -10 },
  states: { r: 0.5 },
  gates: {
    r: {
      alpha: "0.5 * sigmoid((v_pre + 20) / 5) * (1 + 0.01 * tanh(v_post / 40))",
      beta: "0.1 * exp(-(v_post + 60) / 30)",
    },
  },
  current: "gS * r^2 * (v_post - e_syn) * sigmoid((v_pre - v_post) / 20)",
});

const mechanisms: [string, Mechanism][] = [
  ["HH", new HH()],
  ["Leak", new Leak()],
  ["Na", new Na()],
  ["K", new K()],
  ["Km", new Km()],
  ["CaL", new CaL()],
  ["CaT", new CaT()],
  ["IonotropicSynapse", new IonotropicSynapse()],
  ["TanhRateSynapse", new TanhRateSynapse()],
  ["Ghk (user)", new Ghk()],
  ["Graded (user)", new Graded()],
];

const REL = 1e-6;

function accumulate(m: CompiledMechanism, x: Instances) {
  const accI = new Float64Array(x.V.length),
    accG = new Float64Array(x.V.length);
  m.current(x.n, x.pre, x.post, x.V, x.P, x.S, x.scale, accI, accG);
  return { accI, accG };
}

function values(m: CompiledMechanism, x: Instances): Float64Array {
  const out = new Float64Array(x.n);
  m.currentValues(x.n, x.pre, x.post, x.V, x.P, x.S, out);
  return out;
}

/** Calls check(get, set, analytic, label) for V, every P, every S (and scale). */
function forEachInput(
  x: Instances,
  grads: { dV: Float64Array; dP: Float64Array[]; dS: Float64Array[]; dScale?: Float64Array },
  check: (read: (y: Instances) => Float64Array, i: number, analytic: number, label: string) => void,
) {
  for (let i = 0; i < x.V.length; i++) check((y) => y.V, i, grads.dV[i], `dV[${i}]`);
  for (let j = 0; j < x.P.length; j++) {
    for (let k = 0; k < x.P[j].length; k++) check((y) => y.P[j], k, grads.dP[j][k], `dP[${j}][${k}]`);
  }
  for (let j = 0; j < x.S.length; j++) {
    for (let k = 0; k < x.S[j].length; k++) check((y) => y.S[j], k, grads.dS[j][k], `dS[${j}][${k}]`);
  }
  const dScale = grads.dScale;
  if (dScale) for (let k = 0; k < x.scale.length; k++) check((y) => y.scale, k, dScale[k], `dScale[${k}]`);
}

function fdCheck(x: Instances, loss: (y: Instances) => number) {
  const l0 = Math.abs(loss(x));
  return (read: (y: Instances) => Float64Array, i: number, analytic: number, label: string) => {
    const h = stepFor(read(x)[i]);
    const numeric = fd(
      (t) => {
        const y = copyInstances(x);
        read(y)[i] = t;
        return loss(y);
      },
      read(x)[i],
      h,
    );
    expectClose(analytic, numeric, REL, (1e-11 * (l0 + 1e-30)) / h, label);
  };
}

describe.each(mechanisms)("kernels of %s", (_label, mech) => {
  const m = mech.compiled;
  const seeds = [1, 2, 3, 4, 5];

  it.each(seeds)("current: accI = scale i, accG = scale * NEURON slope in v_post (seed %i)", (seed) => {
    const x = randomInstances(m, seed);
    const { accI, accG } = accumulate(m, x);
    const i = values(m, x);
    const expI = new Float64Array(x.V.length),
      expG = new Float64Array(x.V.length);
    for (let k = 0; k < x.n; k++) {
      const ref = interpret(
        m.spec,
        x.V[x.pre[k]],
        x.V[x.post[k]],
        x.P.map((p) => p[k]),
        x.S.map((s) => s[k]),
      );
      expectClose(i[k], ref.current, 1e-12, 1e-300, `currentValues[${k}] vs interpreter`);
      // The slope in v_post with v_pre held (they may be one node): NEURON's forward
      // difference (I(v + 0.001) - I(v)) / 0.001, which equals di/dv for currents linear in v.
      const vk = x.V[x.post[k]];
      const at = (t: number) =>
        interpret(
          m.spec,
          x.V[x.pre[k]],
          t,
          x.P.map((p) => p[k]),
          x.S.map((q) => q[k]),
        ).current;
      const dIdv = (at(vk + 0.001) - at(vk)) / 0.001;
      expI[x.post[k]] += x.scale[k] * i[k];
      expG[x.post[k]] += x.scale[k] * dIdv;
    }
    for (const [j, a] of accI.entries()) expectClose(a, expI[j], 1e-14, 0, `accI[${j}]`);
    for (const [j, a] of accG.entries()) expectClose(a, expG[j], REL, 1e-13 * Math.abs(expI[j]), `accG[${j}]`);
  });

  it.each(seeds)("currentVjp equals finite differences (seed %i)", (seed) => {
    const x = randomInstances(m, seed);
    const wI = Float64Array.from(x.V, (_, j) => 0.3 + 0.2 * j);
    const wG = Float64Array.from(x.V, (_, j) => -0.7 + 0.5 * j);
    const loss = (y: Instances) => {
      const { accI, accG } = accumulate(m, y);
      return accI.reduce((s, a, j) => s + wI[j] * a + wG[j] * accG[j], 0);
    };
    // Accumulates: start from 1 and subtract it afterwards.
    const dV = new Float64Array(x.V.length).fill(1);
    const dP = x.P.map((p) => new Float64Array(p.length).fill(1));
    const dS = x.S.map((s) => new Float64Array(s.length).fill(1));
    const dScale = new Float64Array(x.n).fill(1);
    m.currentVjp(x.n, x.pre, x.post, x.V, x.P, x.S, x.scale, wI, wG, dV, dP, dS, dScale);
    const minus1 = (a: Float64Array) => a.map((z) => z - 1);
    forEachInput(
      x,
      { dV: minus1(dV), dP: dP.map(minus1), dS: dS.map(minus1), dScale: minus1(dScale) },
      fdCheck(x, loss),
    );
  });

  it.each(seeds)("advanceVjp equals finite differences (seed %i)", (seed) => {
    const x = randomInstances(m, seed);
    const dt = 0.025 * (1 + seed);
    const wS = x.S.map((s, j) => Float64Array.from(s, (_, k) => 1 + 0.5 * j - 0.3 * k));
    const loss = (y: Instances) => {
      const z = copyInstances(y);
      m.advance(z.n, z.pre, z.post, z.V, z.P, z.S, dt);
      return z.S.reduce((s, a, j) => s + a.reduce((t, b, k) => t + wS[j][k] * b, 0), 0);
    };
    const dV = new Float64Array(x.V.length);
    const dP = x.P.map((p) => new Float64Array(p.length));
    const dSOld = x.S.map((s) => new Float64Array(s.length).fill(123)); // must be overwritten
    const before = copyInstances(x);
    m.advanceVjp(x.n, x.pre, x.post, x.V, x.P, x.S, dt, wS, dV, dP, dSOld);
    expect(x.S).toEqual(before.S); // S is not modified
    forEachInput(x, { dV, dP, dS: dSOld }, fdCheck(x, loss));
  });

  it.each(seeds)("advance follows the ODE for tiny dt and the exact update for dt = 0.1 (seed %i)", (seed) => {
    const x = randomInstances(m, seed);
    const refs = Array.from({ length: x.n }, (_, k) =>
      interpret(
        m.spec,
        x.V[x.pre[k]],
        x.V[x.post[k]],
        x.P.map((p) => p[k]),
        x.S.map((s) => s[k]),
      ),
    );
    for (const dt of [1e-9, 0.1]) {
      const y = copyInstances(x);
      m.advance(y.n, y.pre, y.post, y.V, y.P, y.S, dt);
      for (const [j, s] of x.S.entries()) {
        s.forEach((old, k) => {
          const { inf, tau } = refs[k].gates[j];
          if (dt < 1e-3) {
            expectClose((y.S[j][k] - old) / dt, (inf - old) / tau, 1e-5 + dt / tau, 1e-6, `dS${j}/dt[${k}]`);
          } else {
            expectClose(y.S[j][k], inf + (old - inf) * Math.exp(-dt / tau), 1e-12, 1e-15, `S${j}[${k}] after dt`);
          }
        });
      }
    }
  });

  it.each(seeds)("steady sets inf, a fixed point of advance (seed %i)", (seed) => {
    const x = randomInstances(m, seed);
    m.steady(x.n, x.pre, x.post, x.V, x.P, x.S);
    for (const [j, s] of x.S.entries()) {
      s.forEach((val, k) => {
        const ref = interpret(
          m.spec,
          x.V[x.pre[k]],
          x.V[x.post[k]],
          x.P.map((p) => p[k]),
          x.S.map((q) => q[k]),
        );
        expectClose(val, ref.gates[j].inf, 1e-13, 1e-300, `steady S${j}[${k}]`);
      });
    }
    const y = copyInstances(x);
    m.advance(y.n, y.pre, y.post, y.V, y.P, y.S, 0.025);
    for (const [j, s] of y.S.entries())
      for (const [k, val] of s.entries()) expectClose(val, x.S[j][k], 1e-14, 0, `S${j}[${k}]`);
  });
});
