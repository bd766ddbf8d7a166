/**
 * The fused kernel equals advance followed by current, for every built-in mechanism.
 */
import { describe, expect, it } from "vitest";
import { CaL, CaT, HH, K, Km, Leak, Na } from "../../src/channels.js";
import { IonotropicSynapse, TanhRateSynapse } from "../../src/synapses.js";

const mechs = [
  new HH(),
  new Na(),
  new K(),
  new Leak(),
  new Km(),
  new CaL(),
  new CaT(),
  new IonotropicSynapse(),
  new TanhRateSynapse(),
];

describe.each(mechs.map((m) => [m.name, m] as const))("advanceCurrent of %s", (_name, mech) => {
  it("equals advance then current", () => {
    const m = mech.compiled;
    const n = 7;
    const V = Float64Array.from({ length: n + 1 }, (_, i) => -80 + 17 * i);
    const pre = Int32Array.from({ length: n }, (_, k) => (k + 3) % (n + 1));
    const post = Int32Array.from({ length: n }, (_, k) => k);
    const P = m.paramDefaults.map((d, j) =>
      Float64Array.from({ length: n }, (_, k) => d * (1 + 0.1 * Math.sin(k + j))),
    );
    const S0 = m.stateDefaults.map((_, j) => Float64Array.from({ length: n }, (_, k) => 0.1 + 0.1 * ((k + j) % 7)));
    const scale = Float64Array.from({ length: n }, (_, k) => 0.5 + k);
    const a = { S: S0.map((x) => x.slice()), I: new Float64Array(n + 1), G: new Float64Array(n + 1) };
    const b = { S: S0.map((x) => x.slice()), I: new Float64Array(n + 1), G: new Float64Array(n + 1) };
    m.advance(n, pre, post, V, P, a.S, 0.025);
    m.current(n, pre, post, V, P, a.S, scale, a.I, a.G);
    m.advanceCurrent(n, pre, post, V, P, b.S, 0.025, scale, b.I, b.G);
    for (const [j, s] of a.S.entries()) expect(Array.from(b.S[j])).toEqual(Array.from(s));
    for (let i = 0; i <= n; i++) {
      expect(b.I[i]).toBeCloseTo(a.I[i], 12);
      expect(b.G[i]).toBeCloseTo(a.G[i], 12);
    }
  });
});

describe.each(mechs.map((m) => [m.name, m] as const))("currentVjpFor of %s", (_name, mech) => {
  it("computes the wanted gradients exactly as currentVjp, and leaves the others alone", () => {
    const m = mech.compiled;
    const n = 5;
    const V = Float64Array.from({ length: n + 1 }, (_, i) => -75 + 20 * i);
    const idx = Int32Array.from({ length: n }, (_, k) => k);
    const pre = Int32Array.from({ length: n }, (_, k) => (k + 2) % (n + 1));
    const P = m.paramDefaults.map((d) => new Float64Array(n).fill(d));
    const S = m.stateDefaults.map(() => Float64Array.from({ length: n }, (_, k) => 0.2 + 0.1 * k));
    const scale = new Float64Array(n).fill(2);
    const wI = Float64Array.from({ length: n + 1 }, (_, i) => 0.3 - 0.1 * i);
    const wG = Float64Array.from({ length: n + 1 }, (_, i) => 0.05 * i);
    const wanted = m.paramKeys.map((_, j) => j % 2 === 0);
    const run = (fn: typeof m.currentVjp) => {
      const out = {
        dV: new Float64Array(n + 1),
        dP: P.map(() => new Float64Array(n)),
        dS: S.map(() => new Float64Array(n)),
        dScale: new Float64Array(n),
      };
      fn(n, pre, idx, V, P, S, scale, wI, wG, out.dV, out.dP, out.dS, out.dScale);
      return out;
    };
    const full = run(m.currentVjp);
    const part = run(m.currentVjpFor!(wanted, false));
    expect(Array.from(part.dV)).toEqual(Array.from(full.dV));
    for (const [j, a] of part.dS.entries()) expect(Array.from(a)).toEqual(Array.from(full.dS[j]));
    for (const [j, a] of part.dP.entries()) {
      expect(Array.from(a)).toEqual(wanted[j] ? Array.from(full.dP[j]) : new Array(n).fill(0));
    }
    expect(Array.from(part.dScale)).toEqual(new Array(n).fill(0));
  });
});

describe.each(mechs.map((m) => [m.name, m] as const))("advanceVjpFor of %s", (_name, mech) => {
  it("computes the wanted gradients exactly as advanceVjp, and leaves the others alone", () => {
    const m = mech.compiled;
    const n = 5;
    const V = Float64Array.from({ length: n + 1 }, (_, i) => -75 + 20 * i);
    const idx = Int32Array.from({ length: n }, (_, k) => k);
    const pre = Int32Array.from({ length: n }, (_, k) => (k + 2) % (n + 1));
    const P = m.paramDefaults.map((d, j) => Float64Array.from({ length: n }, (_, k) => d * (1 + 0.1 * (k + j))));
    const S = m.stateDefaults.map(() => Float64Array.from({ length: n }, (_, k) => 0.2 + 0.1 * k));
    const wS = S.map((_, j) => Float64Array.from({ length: n }, (_, k) => 0.3 - 0.1 * k + j));
    const run = (fn: typeof m.advanceVjp) => {
      const out = {
        dV: new Float64Array(n + 1),
        dP: P.map(() => new Float64Array(n)),
        dS: S.map(() => new Float64Array(n)),
      };
      fn(n, pre, idx, V, P, S, 0.025, wS, out.dV, out.dP, out.dS);
      return out;
    };
    const full = run(m.advanceVjp);
    for (const parity of [0, 1]) {
      const wanted = m.paramKeys.map((_, j) => j % 2 === parity);
      const part = run(m.advanceVjpFor!(wanted));
      expect(Array.from(part.dV)).toEqual(Array.from(full.dV));
      for (let j = 0; j < S.length; j++) expect(Array.from(part.dS[j])).toEqual(Array.from(full.dS[j]));
      for (let j = 0; j < P.length; j++)
        expect(Array.from(part.dP[j])).toEqual(wanted[j] ? Array.from(full.dP[j]) : new Array(n).fill(0));
    }
  });
});

it("some mechanism's state update depends on a parameter (advanceVjpFor has something to skip)", () => {
  const nonzero = mechs.some((mech) => {
    const m = mech.compiled;
    const n = 2;
    const idx = Int32Array.from({ length: n }, (_, k) => k);
    const dP = m.paramKeys.map(() => new Float64Array(n));
    m.advanceVjp(
      n,
      idx,
      idx,
      new Float64Array([-60, -20]),
      m.paramDefaults.map((d) => new Float64Array(n).fill(d)),
      m.stateDefaults.map(() => new Float64Array(n).fill(0.3)),
      0.025,
      m.stateDefaults.map(() => new Float64Array(n).fill(1)),
      new Float64Array(n),
      dP,
      m.stateDefaults.map(() => new Float64Array(n)),
    );
    return dP.some((a) => a.some((x) => x !== 0));
  });
  expect(nonzero).toBe(true);
});
