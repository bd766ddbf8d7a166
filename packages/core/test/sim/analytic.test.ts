/**
 * Against mathematics: a passive cable's steady state against the analytic sealed-end
 * solution, and the convergence order of each solver measured on a transient.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { Leak } from "../../src/channels.js";

/** 100 compartments of 20 um, radius 1 um, Ra 100 ohm cm, gLeak 1e-4 S/cm2, 0.1 nA into comp 0. */
function passiveCable(ncomp = 100, lengthUm = 2000) {
  const cable = new jx.Cell(new jx.Branch(new jx.Compartment(), ncomp), [-1]);
  cable.set("length", lengthUm / ncomp);
  cable.set("radius", 1);
  cable.set("axial_resistivity", 100);
  cable.insert(new Leak());
  cable.set("Leak_gLeak", 1e-4);
  cable.set("Leak_eLeak", -70);
  cable.set("v", -70);
  return cable;
}

describe("passive cable", () => {
  it("reaches the analytic sealed-end steady state", () => {
    const ncomp = 100;
    const L = 2000; // um
    const cable = passiveCable(ncomp, L);
    cable.record("v");
    const dt = 0.1;
    const tMax = 300; // 30 membrane time constants
    cable
      .branch(0)
      .comp(0)
      .stimulate(new Float64Array(Math.round(tMax / dt) + 1).fill(0.1));
    const r = jx.simulate(cable, { deltaT: dt, tMax });
    // Continuous solution: V(x) - E = I R_in cosh((l - x)/lambda) / cosh(l/lambda).
    const d = 2e-4; // cm
    const Ra = 100;
    const Rm = 1 / 1e-4; // ohm cm2
    const lambda = Math.sqrt((Rm * d) / (4 * Ra)); // cm
    const ra = (4 * Ra) / (Math.PI * d * d); // ohm / cm
    const l = L * 1e-4; // cm
    const Rin = (ra * lambda) / Math.tanh(l / lambda); // ohm
    const I = 0.1e-9; // A
    let maxErr = 0;
    for (let k = 0; k < ncomp; k++) {
      const x = (((k + 0.5) * L) / ncomp) * 1e-4;
      const analytic = -70 + I * Rin * 1e3 * (Math.cosh((l - x) / lambda) / Math.cosh(l / lambda));
      const ours = r.values[k * r.nSamples + r.nSamples - 1];
      maxErr = Math.max(maxErr, Math.abs(ours - analytic));
    }
    // The compartmental model differs from the continuum by O(dx^2): 20 um vs lambda = 707 um.
    expect(maxErr).toBeLessThan(2e-3);
    expect(maxErr).toBeGreaterThan(0);
  });

  it("the spatial discretisation is second order", () => {
    // Odd compartment counts keep a compartment centre at x = 0.5.
    const errAt = (ncomp: number) => {
      const cable = passiveCable(ncomp, 2000);
      cable.loc(0.5).record("v");
      const tMax = 300;
      cable
        .branch(0)
        .comp(0)
        .stimulate(new Float64Array(Math.round(tMax / 0.5) + 1).fill(0.1));
      const r = jx.simulate(cable, { deltaT: 0.5, tMax });
      return r.values[r.nSamples - 1];
    };
    const a = errAt(15),
      b = errAt(45),
      c = errAt(135),
      fine = errAt(1215);
    // Tripling the resolution cuts a second-order error ninefold.
    const ratio1 = Math.abs(a - fine) / Math.abs(b - fine);
    const ratio2 = Math.abs(b - fine) / Math.abs(c - fine);
    expect(ratio1).toBeGreaterThan(8);
    expect(ratio1).toBeLessThan(10);
    expect(ratio2).toBeGreaterThan(8);
    expect(ratio2).toBeLessThan(10);
  });
});

/**
 * Max error over t = 0.1, 0.2, ... 5 ms against a run with dt / 64, on a transient from a
 * ramped initial voltage (5 compartments of 80 um, so that the fastest mode, ~0.1 ms, is
 * resolved).
 */
function convergence(solver: jx.SolverName, dts: number[]): number[] {
  const every = dts[0];
  const run = (dt: number) => {
    const cable = passiveCable(5, 400);
    cable.set("v", [-90, -80, -70, -60, -50]);
    cable.comp([0, 2, 4]).record("v");
    const r = jx.simulate(cable, { deltaT: dt, tMax: 5, solver });
    const stride = Math.round(every / dt);
    const out: number[] = [];
    for (let i = 0; i < 3; i++)
      for (let k = stride; k < r.nSamples; k += stride) out.push(r.values[i * r.nSamples + k]);
    return out;
  };
  const ref = run(dts[dts.length - 1] / 64);
  return dts.map((dt) => Math.max(...run(dt).map((v, i) => Math.abs(v - ref[i]))));
}

describe("convergence order in time", () => {
  const order = (errs: number[]) => errs.slice(1).map((e, i) => Math.log2(errs[i] / e));

  it("backward Euler is first order", () => {
    const p = order(convergence("bwd_euler", [0.1, 0.05, 0.025, 0.0125]));
    for (const q of p) {
      expect(q).toBeGreaterThan(0.9);
      expect(q).toBeLessThan(1.1);
    }
  });

  it("Crank-Nicolson is second order", () => {
    const p = order(convergence("crank_nicolson", [0.04, 0.02, 0.01, 0.005]));
    for (const q of p) {
      expect(q).toBeGreaterThan(1.85);
      expect(q).toBeLessThan(2.15);
    }
  });

  it("forward Euler is first order (where it is stable)", () => {
    const p = order(convergence("fwd_euler", [0.004, 0.002, 0.001]));
    for (const q of p) {
      expect(q).toBeGreaterThan(0.9);
      expect(q).toBeLessThan(1.1);
    }
  });
});
