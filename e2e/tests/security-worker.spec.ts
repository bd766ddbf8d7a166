/**
 * Issue 12, the model and trainer workers: a hung model worker is ended and restarted
 * with the last good model (point 1); a long simulation shows its progress and can be
 * stopped, the previous traces staying (point 7); a link whose run would not fit in a
 * tab is refused in words, and Train with a CSV target does not crash it (point 5).
 */
import { deflateRawSync } from "node:zlib";
import { expect, type Page, test } from "@playwright/test";
import { openApp, waitForRun } from "./helpers.js";

interface State {
  sim: { tMax: number; dt: number; solver: string };
  runs: Array<{ label: string; traces: { nSamples: number; dt: number } }>;
  table: { index: number[] } | null;
  run: { status: string; message: string | null };
  trainer: Record<string, unknown>;
  training: { status: string; message: string | null };
  script: string;
  banner: { text: string } | null;
}

type Win = {
  dendrolab: {
    store: { getState(): State };
    actions: Record<string, (...a: unknown[]) => unknown>;
    services: {
      modelClient(): {
        overrideDeadline(ms: number | null): void;
        simulate(sim: State["sim"]): Promise<{ kind: string; message?: string }>;
      };
    };
  };
};

/** A summary of the session's state (structured-clone safe). */
const state = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as Win).dendrolab.store.getState();
    return {
      sim: s.sim,
      runs: s.runs.map((r) => ({ label: r.label, nSamples: r.traces.nSamples, dt: r.traces.dt })),
      rows: s.table?.index.length ?? 0,
      status: s.run.status,
      banner: s.banner?.text ?? null,
      training: { status: s.training.status, message: s.training.message },
    };
  });

const act = (page: Page, name: string, ...args: unknown[]) =>
  page.evaluate(([n, a]) => (window as unknown as Win).dendrolab.actions[n as string](...(a as unknown[])), [
    name,
    args,
  ] as const);

/** Edits a table value through the session and waits for the run: the IDE answers again. */
async function editWorks(page: Page, value: number): Promise<void> {
  await act(page, "setCell", 1, "Na_gNa", value);
  await waitForRun(page);
  const s = await state(page);
  expect(s.status).toBe("ok");
  expect(s.runs.at(-1)?.label).toMatch(/Set Na_gNa/);
  expect(s.rows).toBeGreaterThan(0);
}

test("a model worker that does not answer in time is restarted with the last good model (point 1)", async ({
  page,
}) => {
  await openApp(page);
  const before = await state(page);
  // A forged request through the model worker's client: 8 million steps of the tutorial's 24
  // compartments (tens of seconds), with a deadline of 2 s standing in for a hang.
  const reply = page.evaluate(() => {
    const client = (window as unknown as Win).dendrolab.services.modelClient();
    client.overrideDeadline(2000);
    return client.simulate({ tMax: 100_000, dt: 0.0125, solver: "bwd_euler" });
  });
  await expect(page.getByTestId("banner")).toContainText(
    "The model worker did not finish simulating 8,000,000 steps of 24 compartments within 2.0 s, so it was ended. " +
      "It was restarted with the previous model, which is kept with its traces.",
    { timeout: 60_000 },
  );
  expect(await reply).toMatchObject({ kind: "error", interrupted: true });
  await page.evaluate(() => (window as unknown as Win).dendrolab.services.modelClient().overrideDeadline(null));
  // The restarted worker holds the previous model: a table is answered without running the script.
  await act(page, "showGroup", "slow_spiking");
  await expect.poll(async () => (await state(page)).rows).toBe(8);
  const after = await state(page);
  expect(after.runs).toEqual(before.runs);
  expect(after.sim).toEqual(before.sim);
  await editWorks(page, 0.3);
});

test("a long simulation shows its progress and is stopped; the previous traces stay and edits work (point 7)", async ({
  page,
}) => {
  await openApp(page);
  const before = await state(page);
  expect(before.runs).toHaveLength(1);
  // 5 million steps of 24 compartments: tens of seconds.
  await page.getByTestId("sim-tmax").fill("50");
  await page.getByTestId("sim-tmax").press("Enter");
  await expect.poll(async () => (await state(page)).runs.at(-1)?.nSamples).toBe(2001);
  await page.getByTestId("sim-dt").fill("0.00001");
  await page.getByTestId("sim-dt").press("Enter");
  const progress = page.getByTestId("run-progress");
  await expect(progress).toContainText("Simulating 5,000,000 steps × 24 compartments", { timeout: 30_000 });
  await expect(progress).toContainText(/about \d+% of the steps/);
  const during = await state(page);
  expect(during.sim.dt).toBe(0.00001);
  // An edit made meanwhile waits for the model worker; Stop ends it too, but it stays in the script.
  const scriptRuns = () => page.evaluate(() => performance.getEntriesByName("run:script").length);
  const runsBefore = await scriptRuns();
  await page.evaluate(() => {
    void (window as unknown as Win).dendrolab.actions.setCell(1, "Na_gNa", 0.31);
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Win).dendrolab.store.getState().script))
    .toContain("0.31");
  // Its script has run in the sandbox: its model now waits for the model worker.
  await expect.poll(scriptRuns).toBe(runsBefore + 1);
  await page.getByTestId("stop-run").click();
  await expect(page.getByTestId("banner")).toContainText(
    /^Stopped simulating 5,000,000 steps of 24 compartments after/,
  );
  await expect(page.getByTestId("banner")).toContainText(
    "It was restarted with the previous model, which is kept with its traces. " +
      "t_max, dt and the solver are back to 50 ms, 0.025 ms and bwd_euler, which the traces shown were simulated with.",
  );
  await expect(page.getByTestId("run-activity")).toHaveCount(0);
  const after = await state(page);
  expect(after.sim).toEqual({ tMax: 50, dt: 0.025, solver: "bwd_euler" });
  expect(await page.evaluate(() => (window as unknown as Win).dendrolab.store.getState().script)).toContain("0.31");
  expect(after.status).toBe("error");
  expect(await page.evaluate(() => (window as unknown as Win).dendrolab.store.getState().run.message)).toMatch(
    /^Stopped simulating 5,000,000 steps/,
  );
  // The traces of the last finished run (t_max 50 ms, dt 0.025 ms) are still shown.
  expect(after.runs.at(-1)).toMatchObject({ nSamples: 2001, dt: 0.025 });
  await editWorks(page, 0.25);
  // The status bar tells what the traces shown were simulated with.
  await expect(page.getByTestId("run-status")).toContainText("(dt 0.025 ms, t_max 50 ms, bwd_euler)");
});

test("a link whose run would not fit in a tab is refused in words; Train with a CSV target keeps the tab (point 5)", async ({
  page,
}) => {
  await openApp(page);
  const trainer = await page.evaluate(() => (window as unknown as Win).dendrolab.store.getState().trainer);
  const doc = {
    script:
      'import * as jx from "@dendrolab/core";\nconst cell = new jx.Cell();\ncell.record("v");\nexport default cell;\n',
    sim: { tMax: 100_000, dt: 0.000833, solver: "bwd_euler" },
    trainer: {
      ...trainer,
      params: [{ group: "all", key: "radius", target: 2 }],
      targetKind: "csv",
      csv: { name: "target.csv", text: "t,v\n0,-70\n50000,-60\n100000,-65\n" },
    },
  };
  const hash = `#s=1.${deflateRawSync(Buffer.from(JSON.stringify(doc))).toString("base64url")}`;
  expect(hash.length).toBeLessThan(1000);
  await page.goto(`/${hash}`);
  // A link arriving in the address of an open page is opened only when the user says so.
  await page.getByRole("button", { name: "Open the link" }).click();
  await expect(page.getByTestId("banner")).toContainText(
    "sim should be settings a tab can run: t_max 100000 ms with dt 0.000833 ms gives 120,048,020 time steps; " +
      "at most 10,000,000 are allowed",
    { timeout: 30_000 },
  );
  await waitForRun(page);
  const s = await state(page);
  expect(s.sim.dt).not.toBe(0.000833);
  // Train with a CSV target (the trainer worker resamples it): the page keeps answering.
  await act(page, "setTrainer", {
    params: [{ group: "fast_spiking", key: "Na_gNa", target: 0.2 }],
    targetKind: "csv",
    csv: { name: "target.csv", text: "t,v\n0,-70\n10,-60\n20,-65\n" },
    steps: 2,
  });
  await act(page, "startTraining");
  await expect.poll(async () => (await state(page)).training.status, { timeout: 60_000 }).toBe("done");
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
});
