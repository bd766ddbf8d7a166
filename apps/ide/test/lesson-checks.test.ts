/**
 * Lesson checks, evaluated in-process through the code the script worker uses
 * (sandbox/lesson-checks.ts): the shipped lessons' checks against a student's scripts.
 */
import * as jx from "@dendrolab/core";
import { describe, expect, it } from "vitest";
import { GALLERY } from "../src/gallery/index.js";
import { type Lesson, parseLesson } from "../src/lessons/format.js";
import { SHIPPED_LESSONS } from "../src/lessons/shipped.js";
import type { CheckData } from "../src/protocol/lesson.js";
import { isScriptReply } from "../src/protocol/messages.js";
import { checkResults } from "../src/sandbox/check-results.js";
import { evaluateChecks } from "../src/sandbox/lesson-checks.js";
import { runScript } from "../src/sandbox/run-script.js";
import { TUTORIAL_SCRIPT } from "./helpers.js";

const lesson = (id: string): Lesson => {
  const r = parseLesson(
    SHIPPED_LESSONS.find((l) => l.id === id)!.source,
    GALLERY.map((g) => g.id),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.lesson;
};

/** Builds and simulates a script as the IDE does; the checks' data of that run. */
function run(script: string, tMax = 20, trained: CheckData["trained"] = []) {
  const model = runScript(script, () => undefined);
  const r = jx.simulate(model, { tMax, deltaT: 0.025, solver: "bwd_euler" });
  const rows = model.base.recordings.map((_, i) => ({
    label: `trace ${i}`,
    values: Float32Array.from(r.values.subarray(i * r.nSamples, (i + 1) * r.nSamples)),
  }));
  return { model, data: { traces: { dt: r.dt, rows }, trained } satisfies CheckData };
}

/** Pass or fail of every check of each step. */
function states(l: Lesson, script: string, tMax?: number, trained?: CheckData["trained"]): boolean[][] {
  const { model, data } = run(script, tMax, trained);
  const exprs = l.steps.flatMap((s) => s.checks.map((c) => c.expr));
  const results = evaluateChecks(model, exprs, data);
  for (const r of results) expect(r.invalid).toBeUndefined();
  let k = 0;
  return l.steps.map((s) => s.checks.map(() => results[k++].pass));
}

describe("lesson checks in the sandbox's evaluator", () => {
  it("follows a student through 'Groups and shared parameters'", () => {
    const l = lesson("groups");
    const end = "export default network;";
    expect(states(l, TUTORIAL_SCRIPT)).toEqual([[false, false], [false, false], [true, false, false], [false]]);
    const apical = TUTORIAL_SCRIPT.replace(end, `network.cell("all").branch([1, 3]).addToGroup("apical");\n${end}`);
    expect(states(l, apical)[0]).toEqual([true, true]);
    const thin = apical.replace(end, `network.group("apical").set("radius", 0.3);\n${end}`);
    expect(states(l, thin).slice(0, 2)).toEqual([
      [true, true],
      [true, true],
    ]);
    const rest = thin.replace('set("Na_gNa", 0.4)', 'set("Na_gNa", 0.12)');
    expect(states(l, rest)[2]).toEqual([true, true, true]);
    const trained = [{ group: "fast_spiking", key: "Na_gNa", value: 0.155 }];
    expect(states(l, rest, 20, trained)).toEqual([[true, true], [true, true], [true, true, true], [true]]);
  });

  it("follows a student through 'What sets the spike threshold?'", () => {
    const l = lesson("threshold");
    if (l.start.kind !== "script") throw new Error("the threshold lesson has an inline script");
    const start = l.start.script;
    expect(states(l, start)).toEqual([[false], [false, false], [false, false]]);
    const fires = start.replace("const amplitude = 0.1;", "const amplitude = 0.3;");
    expect(states(l, fires)[0]).toEqual([true]);
    const fewer = fires.replace("cell.initStates();", 'cell.set("HH_gNa", 0.08);\ncell.initStates();');
    expect(states(l, fewer)[1]).toEqual([true, false]);
    const again = fewer.replace("const amplitude = 0.3;", "const amplitude = 0.6;");
    expect(states(l, again)[1]).toEqual([true, true]);
    const train = fires
      .replace("const amplitude = 0.3;", "const amplitude = 0.5;")
      .replace("duration = 2;", "duration = 50;");
    expect(states(l, train, 60)[2]).toEqual([true, true]);
  });

  it("says why a check fails, and which expressions do not compile", () => {
    const { model, data } = run(TUTORIAL_SCRIPT);
    const r = evaluateChecks(
      model,
      [
        "groups.apical.size === 12",
        "trace(7).length > 0",
        'trained("fast_spiking", "Na_gNa") > 0',
        "1 +",
        "nComp",
        "spikes(trace()) >= 1",
      ],
      data,
    );
    expect(r[0]).toEqual({
      pass: false,
      message: 'there is no group "apical" yet (groups: "fast_spiking", "slow_spiking")',
    });
    expect(r[1].message).toMatch(/no recorded trace 7 \(traces: "trace 0"\)/);
    expect(r[2].message).toMatch(/has not been trained yet/);
    expect(r[3]).toMatchObject({
      pass: false,
      invalid: true,
      message: expect.stringMatching(/^not a valid expression/),
    });
    expect(r[4]).toEqual({ pass: true, message: "gave 24" });
    expect(r[5]).toEqual({ pass: true, message: null });
    const soma = TUTORIAL_SCRIPT.replace(
      "export default network;",
      'network.cell(0).branch(0).addToGroup("soma");\nexport default network;',
    );
    const s = run(soma);
    expect(evaluateChecks(s.model, ['spikes(trace("soma")) === 1', 'trace("slow_spiking")'], s.data)).toEqual([
      { pass: true, message: null },
      { pass: false, message: expect.stringMatching(/no recorded trace "slow_spiking"/) },
    ]);
    const none = evaluateChecks(model, ["spikes(trace()) > 0", 'values("all", "nope")'], { traces: null, trained: [] });
    expect(none[0].message).toMatch(/no traces yet/);
    expect(none[1].message).toMatch(/no key "nope"/);
  });
});

describe("check results between the sandbox and the page", () => {
  it("the relay rebuilds each result from the worker's message", () => {
    expect(checkResults("no")).toEqual({});
    const { checks } = checkResults([{ pass: "yes", message: "x".repeat(5000) }, null, { pass: true, invalid: true }]);
    expect(checks?.[0].pass).toBe(false);
    expect(checks?.[0].message?.length).toBeLessThan(1200);
    expect(checks?.[1]).toEqual({ pass: false, message: null });
    expect(checks?.[2]).toEqual({ pass: true, message: null, invalid: true });
    expect(checkResults(Array(1000).fill({ pass: true })).checks).toHaveLength(200);
  });

  it("the page accepts a reply's results only in their shape", () => {
    const reply = { kind: "result", id: "r", model: {}, logs: [], ms: 1 };
    expect(isScriptReply({ ...reply, checks: [{ pass: true, message: null }] })).toBe(true);
    expect(isScriptReply({ ...reply, checks: [{ pass: "yes", message: null }] })).toBe(false);
    expect(isScriptReply({ ...reply, checks: Array(201).fill({ pass: true, message: null }) })).toBe(false);
  });
});
