import { describe, expect, it } from "vitest";
import { serializeModel } from "@dendrolab/core/io";
import { prettyUnit } from "../src/protocol/units.js";
import { runScript } from "../src/sandbox/run-script.js";
import { ModelEngine } from "../src/workers/model-engine.js";
import { TUTORIAL_SCRIPT } from "./helpers.js";

const RECORD_MORE = TUTORIAL_SCRIPT.replace(
  "export default network;",
  'network.cell(0).branch(0).comp(0).record("Na_m");\nnetwork.cell(0).branch(0).comp(0).record("i_Na");\nnetwork.edge(0).record("i_IonotropicSynapse");\nexport default network;',
);

describe("units of keys and recordings", () => {
  it("writes spec units as the IDE shows them", () => {
    expect(prettyUnit("mA/cm2")).toBe("mA/cm²");
    expect(prettyUnit("S/cm2")).toBe("S/cm²");
    expect(prettyUnit("um")).toBe("µm");
    expect(prettyUnit("uS")).toBe("µS");
    expect(prettyUnit("mV")).toBe("mV");
    expect(prettyUnit("1/ms")).toBe("1/ms");
  });

  it("gives the tutorial's keys and every recorded trace its unit", () => {
    const engine = new ModelEngine();
    const summary = engine.load(serializeModel(runScript(RECORD_MORE, () => undefined)));
    expect(summary.units).toMatchObject({
      radius: "µm",
      length: "µm",
      v: "mV",
      Na_gNa: "S/cm²",
      Na_m: "1",
      i_Na: "mA/cm²",
      capacitance: "µF/cm²",
    });
    const traces = engine.simulate({ tMax: 2, dt: 0.025, solver: "bwd_euler" });
    expect(traces.rows.map((r) => [r.place, r.state, r.unit])).toEqual([
      ["cell 0 · branch 0 · comp 0", "v", "mV"],
      ["cell 0 · branch 0 · comp 0", "Na_m", "1"],
      ["cell 0 · branch 0 · comp 0", "i_Na", "mA/cm²"],
      ["synapse 0", "i_IonotropicSynapse", "nA"],
    ]);
  });
});
