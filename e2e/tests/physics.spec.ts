/**
 * The physics checked (issue 11): the table refuses bad values with a visible message
 * (what was given, what is allowed, where); group names follow one rule in the GUI and
 * the library; a run warns when a voltage leaves -200..200 mV; the trainer decays its
 * learning rate (the loss settles), names parameters with their groups, warns about a
 * parameter no recording depends on, and keeps its results in the session.
 */
import { expect, type Page, test } from "@playwright/test";
import { openApp, script, shot, waitForRun } from "./helpers.js";

type Training = {
  status: string;
  losses: number[];
  best: { loss: number; values: number[] } | null;
  warnings: string[];
};
type Dendrolab = {
  actions: {
    setScript(s: string): void;
    run(): Promise<void>;
    setTrainer(p: object): void;
  };
  store: { getState(): { script: string; training: Training; trainer: { schedule: string } } };
};

async function runWith(page: Page, edit: (s: string) => string): Promise<void> {
  await page.evaluate(
    async (src) => {
      const d = (window as unknown as { dendrolab: Dendrolab }).dendrolab;
      d.actions.setScript(src);
      await d.actions.run();
    },
    edit(await script(page)),
  );
  await waitForRun(page);
}

const training = (page: Page) =>
  page.evaluate(() => (window as unknown as { dendrolab: Dendrolab }).dendrolab.store.getState().training);

/** Opens the editor of a table cell of row `row` and types `text`, then Enter. */
async function editCell(page: Page, row: number, col: string, text: string): Promise<void> {
  await page.locator(`[data-testid=table-row][data-row="${row}"] [data-col="${col}"] button`).click();
  await page.getByTestId("cell-editor").fill(text);
  await page.getByTestId("cell-editor").press("Enter");
}

test("the table refuses non-numbers, overflow, negative conductances and |v| > 200 mV, saying where", async ({
  page,
}) => {
  await openApp(page);
  const before = await script(page);
  await editCell(page, 0, "Na_gNa", "-0.1");
  await expect(page.getByTestId("table-problem")).toHaveText(
    "set('Na_gNa'): Na_gNa must be >= 0 (in network.cell(0).branch(0).comp(0)); got -0.1 (Na_gNa is a conductance (S/cm2)).",
  );
  await editCell(page, 3, "radius", "abc");
  await expect(page.getByTestId("table-problem")).toHaveText(
    `set('radius'): "abc" is not a number (in network.cell(0).branch(1).comp(1)); type a number such as 0.3 or 1e-4.`,
  );
  await editCell(page, 0, "radius", "1e400");
  await expect(page.getByTestId("table-problem")).toContainText("1e400 overflows to Infinity");
  await editCell(page, 0, "v", "500");
  await expect(page.getByTestId("table-problem")).toContainText(
    "v must be between -200 and 200 (in network.cell(0).branch(0).comp(0)); got 500",
  );
  await shot(page, "physics-01-table-refuses");
  expect(await script(page)).toBe(before); // nothing was written
  // "Set for all rows" says why it cannot set, before anything is written.
  await page.getByTestId("set-all-key").selectOption("capacitance");
  await page.getByTestId("set-all-value").fill("-1");
  await expect(page.getByTestId("set-all-problem")).toContainText("capacitance must be > 0 (in network); got -1");
  await expect(page.getByTestId("set-all-apply")).toBeDisabled();
  // A legitimate negative value (a reversal potential) goes through.
  await editCell(page, 0, "eK", "-85");
  await waitForRun(page);
  await expect(page.getByTestId("table-problem")).toHaveCount(0);
  expect(await script(page)).toContain('network.cell(0).branch(0).comp(0).set("eK", -85);');
});

test("group names: one rule and one message in the add-to-group dialog and in the library", async ({ page }) => {
  await openApp(page);
  const message =
    "Group name 'my group' is not allowed: a group name starts with a letter or _, then letters, digits or _ (e.g. 'my_group').";
  await page.getByTestId("tree-branch-0-1").click();
  await page.getByTestId("add-to-group").click();
  await page.getByTestId("group-name-input").fill("my group");
  await expect(page.getByTestId("group-name-problem")).toHaveText(message);
  await expect(page.getByTestId("group-add-confirm")).toBeDisabled();
  await page.getByTestId("group-name-input").fill("my_group");
  await expect(page.getByTestId("group-name-problem")).toHaveCount(0);
  // The library refuses the same name with the same words (and the place, and the groups there are).
  await runWith(page, (s) =>
    s.replace("export default network;", 'network.cell(1).addToGroup("my group");\nexport default network;'),
  );
  await expect(page.getByTestId("run-error")).toContainText(
    "Group name 'my group' (in network.cell(1)) is not allowed: a group name starts with a letter or _, then letters, digits or _ (e.g. 'my_group'). Existing groups: fast_spiking, slow_spiking.",
  );
});

test("a run whose voltage leaves -200..200 mV is flagged with where and when", async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId("run-warnings")).toHaveCount(0);
  // A 0.05 um radius under the tutorial's 0.5 nA clamp drives the soma far beyond +200 mV.
  await runWith(page, (s) =>
    s.replace(
      "export default network;",
      'network.cell(0).branch(0).comp(0).set("radius", 0.05);\nexport default network;',
    ),
  );
  await expect(page.getByTestId("run-warnings")).toContainText(
    /v left -200\.\.200 mV: \d+\.\d mV at cell 0, branch 0, comp 0 \(global compartment 0\) at t = 1\.\d{3} ms/,
  );
  await shot(page, "physics-02-voltage-warning");
});

test("the trainer: the loss settles under the default schedule, names group.key, warns about a parameter no recording depends on, keeps its results", async ({
  page,
}) => {
  await openApp(page);
  await page.getByTestId("tab-trainer").click();
  await expect(page.getByTestId("trainer-schedule")).toHaveValue("cosine");
  await page.getByTestId("trainer-group").selectOption("fast_spiking");
  await page.getByTestId("trainer-key").selectOption("Na_gNa");
  await page.getByTestId("trainer-add").click();
  await page.getByTestId("trainer-target-0").fill("0.3");
  await page.getByTestId("trainer-target-0").press("Enter");
  await page.getByTestId("trainer-steps").fill("20");
  await page.getByTestId("trainer-steps").press("Enter");
  await page.getByTestId("train-start").click();
  await expect(page.getByTestId("train-status")).toContainText("done", { timeout: 90_000 });
  const t = await training(page);
  expect(t.losses).toHaveLength(20);
  // Before (constant rate): 0.0014 at step 7, then 1.5 at step 11 and 0.35 at step 20, rising.
  const last = t.losses.slice(-5);
  for (let i = 1; i < last.length; i++) expect(last[i]).toBeLessThanOrEqual(last[i - 1]);
  expect(t.losses[19]).toBeLessThan(1e-2);
  await expect(page.getByTestId("train-status")).toContainText(/at fast_spiking\.Na_gNa = 0\.\d{4} /);
  await expect(page.getByTestId("train-best-values")).toHaveText(/^fast_spiking\.Na_gNa = 0\.\d+$/);
  expect(t.warnings).toEqual([]);
  await shot(page, "physics-03-trainer");

  // The results live in the session: switching tabs and re-running the script keep them.
  await page.getByTestId("tab-traces").click();
  await page.getByTestId("run").click();
  await waitForRun(page);
  await page.getByTestId("tab-trainer").click();
  const kept = await training(page);
  expect(kept.losses).toEqual(t.losses);
  expect(kept.best).toEqual(t.best);
  await expect(page.getByTestId("loss-plot").locator("canvas")).toHaveAttribute("data-drawn", /\d+/);

  // slow_spiking (cell 2) does not reach the recording at cell 0: its gradient is exactly 0.
  await page.getByTestId("trainer-group").selectOption("slow_spiking");
  await page.getByTestId("trainer-key").selectOption("Na_gNa");
  await page.getByTestId("trainer-add").click();
  await page.getByTestId("trainer-steps").fill("2");
  await page.getByTestId("trainer-steps").press("Enter");
  await page.getByTestId("train-start").click();
  await expect(page.getByTestId("train-status")).toContainText("done", { timeout: 90_000 });
  await expect(page.getByTestId("train-warnings")).toHaveText(
    "⚠ slow_spiking.Na_gNa: gradient exactly 0 (no recording depends on it)",
  );
  await shot(page, "physics-04-trainer-warning");
});
