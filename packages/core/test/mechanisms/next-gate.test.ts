/**
 * `{ next }` gates: a state's value after one step as an expression (NMODL's SOLVE of a
 * PROCEDURE). The update runs once per step at the new voltage, reads `dt` and the states
 * before the step (other states too), and initStates keeps the value without `initial`.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { defineChannel } from "../../src/mechanisms/define.js";

const Relax = defineChannel({
  name: "Relax",
  params: { g: 1e-3, tau: 2 },
  states: { a: 0.2, b: 0 },
  gates: {
    a: { next: "a + (1 - exp(-dt / tau)) * (1 - a)" },
    b: { next: "b + dt * a", initial: "0.5" },
  },
  current: "g * a * (v + 70)",
});

describe("{ next } gates", () => {
  it("take one explicit update per step, reading dt and the other state before the step", () => {
    const c = new jx.Compartment();
    c.insert(new Relax());
    c.set("v", -70);
    c.initStates({ deltaT: 0.1 });
    expect(c.view.column("Relax_a")).toEqual([0.2]); // kept: no initial
    expect(c.view.column("Relax_b")).toEqual([0.5]);
    c.record("Relax_a");
    c.record("Relax_b");
    const r = jx.simulate(c, { tMax: 0.3, deltaT: 0.1 });
    let a = 0.2,
      b = 0.5;
    for (let k = 1; k <= 3; k++) {
      const aOld = a;
      a = a + (1 - Math.exp(-0.1 / 2)) * (1 - a);
      b = b + 0.1 * aOld;
      expect(r.values[k]).toBeCloseTo(a, 14);
      expect(r.values[r.nSamples + k]).toBeCloseTo(b, 14);
    }
  });

  it("a spec with next and rate at once is refused, naming the forms", () => {
    expect(() =>
      defineChannel({
        name: "Bad",
        params: {},
        states: { a: 0 },
        gates: { a: { next: "a", rate: "a" } as never },
      }),
    ).toThrow(/\{ next \} \(the value after a step\)/);
  });
});
