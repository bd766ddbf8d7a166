/**
 * A sweep's custom summary in the session: evaluated through the services' sandbox (here
 * the worker's own evaluator, in process) after the sweep and when the expression changes;
 * its failures name the expression and the run.
 */
import { describe, expect, it } from "vitest";
import type { SweepJob, SweepOutcome } from "../src/protocol/sweep.js";
import { evaluateSummaries } from "../src/sandbox/sweep-expression.js";
import type { SummaryOutcome } from "../src/session/services.js";
import { createSession } from "../src/session/store.js";
import { inProcessServices, TUTORIAL_SCRIPT } from "./helpers.js";

/** -65 mV with `n` 1-ms spikes to +30 mV, 50 ms at 0.1 ms. */
function trace(n: number): Float32Array {
  const v = new Float32Array(501).fill(-65);
  for (let s = 0; s < n; s++) for (let i = 100 + s * 100; i < 110 + s * 100; i++) v[i] = 30;
  return v;
}

/** A fake sweep whose run r has r spikes (the values are the job's); and the summaries, counted. */
async function swept(summarise?: (expr: string) => SummaryOutcome) {
  const asked: string[] = [];
  const services = inProcessServices({
    async sweep(job: SweepJob) {
      const n = job.values.length * (job.second?.values.length ?? 1);
      const outcome: SweepOutcome = {
        values: job.values,
        ...(job.second ? { values2: job.second.values } : {}),
        dt: 0.1,
        nSamples: 501,
        labels: ["soma · v"],
        units: ["mV"],
        traces: Array.from({ length: n }, (_, r) => [trace(r)]),
        ms: 5,
        workers: 2,
      };
      return { ok: true, value: outcome };
    },
    async summarise(expr, traces, dt) {
      asked.push(expr);
      if (summarise) return summarise(expr);
      const r = evaluateSummaries(expr, traces, dt);
      return r.ok ? r : { ...r, kind: "error" };
    },
  });
  const session = createSession(services, TUTORIAL_SCRIPT);
  await session.actions.run();
  const s = () => session.store.getState();
  const settle = async () => {
    for (let i = 0; i < 50 && s().sweepRun.custom?.status === "running"; i++)
      await new Promise((r) => setTimeout(r, 1));
  };
  return { ...session, s, asked, settle };
}

describe("custom sweep summaries in the session", () => {
  it("evaluates the expression after the sweep, and again when it changes", async () => {
    const { actions, s, asked, settle } = await swept();
    actions.setSweep({ from: 0, to: 1, points: 3, summary: "custom", expression: "spikes(v) * 10" });
    expect(asked).toEqual([]); // no sweep yet: nothing to evaluate
    await actions.runSweep();
    await settle();
    expect(s().sweepRun.custom).toEqual({
      expr: "spikes(v) * 10",
      recording: 0,
      status: "done",
      values: [0, 10, 20],
      message: null,
    });
    actions.setSweep({ expression: "max(v)" });
    await settle();
    expect(s().sweepRun.custom?.values).toEqual([-65, 30, 30]);
    // The same expression again, or a built-in summary, asks the sandbox nothing.
    actions.setSweep({ expression: "max(v)" });
    actions.setSweep({ summary: "spikes" });
    await settle();
    expect(asked).toEqual(["spikes(v) * 10", "max(v)"]);
  });

  it("names the expression and the run (with its values) when the expression fails", async () => {
    const { actions, s, settle } = await swept();
    actions.setSweep({ from: 0, to: 1, points: 3, summary: "custom", expression: "spikes(v) > 1 ? 'many' : 1" });
    await actions.runSweep();
    await settle();
    expect(s().sweepRun.custom?.status).toBe("error");
    expect(s().sweepRun.custom?.message).toBe(
      "The summary expression `spikes(v) > 1 ? 'many' : 1` failed on run 3 of 3 (clamp amplitude = 1 nA): gave \"many\", where a number is expected.",
    );
    actions.setSweep({ expression: "max(v" });
    await settle();
    expect(s().sweepRun.custom?.message).toMatch(/^The summary expression `max\(v` is not a valid expression: /);
    actions.setSweep({ expression: "   " });
    await settle();
    expect(s().sweepRun.custom?.message).toBe("Write an expression for the custom summary, e.g. max(v) - min(v).");
  });

  it("names the run of a 2-D grid by both values, and says when the sandbox stopped an endless loop", async () => {
    const { actions, s, settle } = await swept(() => ({
      ok: false,
      kind: "timeout",
      run: 4,
      message: "did not finish within 1.5 s (an endless loop?)",
    }));
    actions.setSweep({
      vary: "param",
      group: "fast_spiking",
      key: "Na_gNa",
      from: 0.1,
      to: 0.3,
      points: 3,
      second: { vary: "stimulus", group: "", key: "", from: 0, to: 0.5, points: 2 },
      summary: "custom",
      expression: "(() => { for (;;); })()",
    });
    await actions.runSweep();
    await settle();
    expect(s().sweepRun.outcome?.values2).toEqual([0, 0.5]);
    expect(s().sweepRun.custom?.message).toBe(
      "The summary expression `(() => { for (;;); })()` did not finish within 1.5 s (an endless loop?) on run 5 of 6 (Na_gNa of fast_spiking = 0.3 S/cm², clamp amplitude = 0 nA); it was stopped.",
    );
  });
});
