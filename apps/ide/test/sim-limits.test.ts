import { describe, expect, it } from "vitest";
import type { TrainJob } from "../src/protocol/messages.js";
import { serializeModel } from "@dendrolab/core/io";
import { MAX_SIM_STEPS, recordingsProblem, simSettingsProblem } from "../src/protocol/sim-limits.js";
import { runScript } from "../src/sandbox/run-script.js";
import { ModelEngine } from "../src/workers/model-engine.js";
import { decodeSession, encodeSession } from "../src/session/share/codec.js";
import { validateSession } from "../src/session/share/schema.js";
import { createSession } from "../src/session/store.js";
import { inProcessServices, TUTORIAL_SCRIPT } from "./helpers.js";

/** The settings of issue 12's crashing link: 120 million samples. */
const HUGE = { tMax: 100_000, dt: 0.000833, solver: "bwd_euler" } as const;

describe("simulation limits (issue 12, point 5)", () => {
  it("allows up to 1e7 steps and t_max >= dt, and says in words what is refused", () => {
    expect(MAX_SIM_STEPS).toBe(1e7);
    expect(simSettingsProblem(20, 0.025)).toBeNull();
    expect(simSettingsProblem(9_999_999 * 0.01, 0.01)).toBeNull();
    expect(simSettingsProblem(HUGE.tMax, HUGE.dt)).toMatch(
      /^t_max 100000 ms with dt 0\.000833 ms gives 120,048,020 time steps; at most 10,000,000 are allowed/,
    );
    expect(simSettingsProblem(0.01, 0.025)).toMatch(/t_max \(0\.01 ms\) must be at least dt \(0\.025 ms\)/);
  });

  it("refuses, before simulating, a run whose recordings would not fit in a tab", () => {
    expect(recordingsProblem(5, 1e7)).toBeNull();
    const engine = new ModelEngine();
    engine.load(serializeModel(runScript(`${TUTORIAL_SCRIPT}\nnetwork.record("v");\n`, () => undefined)));
    expect(() => engine.simulate({ tMax: 30, dt: 1e-5, solver: "bwd_euler" })).toThrow(
      /^The run would record 24 traces of 3,000,001 samples \(72,000,024 values\); at most 50,000,000 fit in a tab\./,
    );
  });

  it("refuses a link whose run would not fit in a tab, with the reason and not a RangeError", async () => {
    const doc = { script: TUTORIAL_SCRIPT, sim: HUGE };
    expect(() => validateSession(doc)).toThrow(/^sim should be settings a tab can run: .*120,048,020 time steps/);
    // A link made by hand (not by Share) with the huge settings is refused when it is opened.
    const forged = await encodeSession({ ...validateSession({ script: TUTORIAL_SCRIPT }), sim: { ...HUGE } });
    const r = await decodeSession(forged);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/120,048,020 time steps; at most 10,000,000/);
    expect(() => validateSession({ script: "", sim: { tMax: 0.01, dt: 0.025, solver: "bwd_euler" } })).toThrow(
      /must be at least dt/,
    );
  });

  it("refuses such settings in the toolbar, and sends CSV targets to the trainer unresampled", async () => {
    const jobs: TrainJob[] = [];
    const services = inProcessServices();
    const train = services.train;
    services.train = (job, onReply) => {
      jobs.push(job);
      return train(job, onReply);
    };
    const session = createSession(services, TUTORIAL_SCRIPT);
    await session.actions.run();
    const s = () => session.store.getState();
    await session.actions.setSim({ dt: 1e-6 });
    expect(s().sim.dt).toBe(0.025);
    expect(s().banner?.text).toMatch(/refused: t_max 20 ms with dt 0\.000001 ms gives 20,000,001 time steps/);
    session.actions.setTrainer({
      params: [{ group: "fast_spiking", key: "Na_gNa", target: 1 }],
      targetKind: "csv",
      csv: { name: "t.csv", text: "t,v\n0,-70\n20,-60\n" },
      steps: 1,
    });
    await session.actions.startTraining();
    expect(jobs).toHaveLength(1);
    // Two samples, as in the file: the worker resamples them onto the simulation's grid.
    expect(jobs[0].target).toEqual({ kind: "csv", t: [0, 20], rows: [[-70, -60]] });
  });
});
