/**
 * The table refuses what `set` would refuse, with the core's words: non-numbers,
 * overflow, negative conductances, geometry <= 0, |v| > 200 mV. The model worker gives
 * each column its rule and flags runs whose voltage leaves -200..200 mV.
 */
import { serializeModel } from "@dendrolab/core/io";
import { describe, expect, it } from "vitest";
import { runScript } from "../src/sandbox/run-script.js";
import { readCellValue } from "../src/ui/table/cell-value.js";
import { ModelEngine } from "../src/workers/model-engine.js";
import { TUTORIAL_SCRIPT } from "./helpers.js";

function engineFor(script: string) {
  const engine = new ModelEngine();
  engine.load(serializeModel(runScript(script, () => undefined)));
  return engine;
}

describe("table values", () => {
  const engine = engineFor(TUTORIAL_SCRIPT);
  const table = engine.table({ kind: "all" });
  const rule = (key: string) => table.rules?.[table.columns.indexOf(key)];
  const read = (text: string, key: string) => readCellValue(text, key, rule(key), "network.cell(0).branch(0).comp(0)");

  it("each editable column has the core's rule; index and group columns none", () => {
    expect(rule("Na_gNa")).toEqual({ what: "a conductance (S/cm2)", low: 0 });
    expect(rule("radius")).toMatchObject({ low: 0.001, high: 10000 });
    expect(rule("v")).toMatchObject({ low: -200, high: 200 });
    expect(rule("eNa")).toEqual({ what: "a number" });
    expect(table.rules?.[table.columns.indexOf("global_comp_index")]).toBeNull();
  });

  it("refuses with what was given, what is allowed and where", () => {
    expect(read("abc", "radius")).toEqual({
      ok: false,
      message:
        "set('radius'): \"abc\" is not a number (in network.cell(0).branch(0).comp(0)); type a number such as 0.3 or 1e-4.",
    });
    expect(read("1e400", "radius")).toEqual({
      ok: false,
      message:
        "set('radius'): 1e400 overflows to Infinity (in network.cell(0).branch(0).comp(0)); values must be finite numbers.",
    });
    expect(read("-0.1", "Na_gNa")).toEqual({
      ok: false,
      message:
        "set('Na_gNa'): Na_gNa must be >= 0 (in network.cell(0).branch(0).comp(0)); got -0.1 (Na_gNa is a conductance (S/cm2)).",
    });
    expect(read("0", "radius")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/radius must be between 0.001 and 10000/),
    });
    expect(read("500", "v")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/v must be between -200 and 200/),
    });
    expect(read("Infinity", "v")).toMatchObject({ ok: false, message: expect.stringMatching(/value is Infinity/) });
  });

  it("accepts what set accepts, negative reversal potentials included", () => {
    expect(read(" 0.3 ", "radius")).toEqual({ ok: true, value: 0.3 });
    expect(read("-90", "eK")).toEqual({ ok: true, value: -90 });
    expect(read("-65", "v")).toEqual({ ok: true, value: -65 });
    expect(read("0", "Na_gNa")).toEqual({ ok: true, value: 0 });
    expect(read("", "radius")).toEqual({ ok: "empty" });
  });

  it("a run whose voltage leaves -200..200 mV carries a warning with where and when", () => {
    const sim = { tMax: 10, dt: 0.025, solver: "bwd_euler" as const };
    expect(engine.simulate(sim).warnings).toBeUndefined();
    const thin = engineFor(`${TUTORIAL_SCRIPT.replace(/export default network;\s*$/, "")}
network.cell(0).branch(0).comp(0).set("radius", 0.05);
export default network;
`);
    expect(thin.simulate(sim).warnings).toEqual([
      expect.stringMatching(
        /^v left -200\.\.200 mV: \d+\.\d mV at cell 0, branch 0, comp 0 \(global compartment 0\) at t = 1\.\d{3} ms$/,
      ),
    ]);
  });
});
