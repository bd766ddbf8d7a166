/**
 * The whole model from the GUI (issue 11): channels inserted and removed per selection or
 * group, groups renamed and deleted, the editor showing the lines a GUI action wrote, and
 * `set` lines replaced rather than duplicated. Every action writes script lines and is one
 * undo step.
 */
import { expect, type Page, test } from "@playwright/test";
import { openApp, script, shot, waitForRun } from "./helpers.js";

/** Loads Monaco (it loads when the user reaches for the editor) and waits for it. */
async function loadEditor(page: Page): Promise<void> {
  await page.getByTestId("editor-preview").click();
  await expect(page.locator("[data-testid=editor] .monaco-editor")).toBeVisible({ timeout: 30_000 });
}

/** Waits until the script contains `text` (actions that load their code on first use start their run a moment later). */
async function scriptHas(page: Page, text: string): Promise<string> {
  await expect.poll(() => script(page)).toContain(text);
  await waitForRun(page);
  return script(page);
}

/** The inserted count of a channel in the channel list, as "n / N comps". */
const count = (page: Page, name: string) => page.getByTestId(`channel-count-${name}`);

test("inserts a built-in channel into a group and removes it from the selection, one undo step each", async ({
  page,
}) => {
  await openApp(page);
  await page.getByTestId("tab-model-edit").click();
  // Built-in channels that the model does not use are listed too, with the L5PC set.
  await expect(page.getByTestId("channel-Km")).toBeVisible();
  await expect(page.getByTestId("channel-Ih")).toBeVisible();
  await expect(count(page, "Km")).toHaveText("0 / 24 comps");
  await expect(count(page, "Na")).toHaveText("24 / 24 comps");

  await page.getByTestId("channel-target").selectOption("group:slow_spiking");
  await page.getByTestId("channel-insert-Km").click();
  await waitForRun(page);
  const s1 = await script(page);
  expect(s1).toMatch(
    /import \{ K, Km, Leak, Na \} from "@dendrolab\/core\/channels";|import \{ Km \} from "@dendrolab\/core\/channels";/,
  );
  expect(s1).toContain('network.group("slow_spiking").insert(new Km());');
  await expect(count(page, "Km")).toHaveText("8 / 24 comps");
  await expect(page.getByTestId("undo")).toHaveAttribute("title", /Insert Km/);

  // Remove Km from one branch of cell 2 (selected in the tree).
  await page.getByTestId("tree-branch-2-0").click();
  await page.getByTestId("channel-target").selectOption("selection");
  await page.getByTestId("channel-remove-Km").click();
  await waitForRun(page);
  expect(await script(page)).toContain("network.cell(2).branch(0).delete(new Km());");
  await expect(count(page, "Km")).toHaveText("6 / 24 comps");

  // One undo step each.
  await page.getByTestId("undo").click();
  await waitForRun(page);
  await expect(count(page, "Km")).toHaveText("8 / 24 comps");
  await page.getByTestId("undo").click();
  await waitForRun(page);
  await expect(count(page, "Km")).toHaveText("0 / 24 comps");
  expect(await script(page)).not.toContain("new Km()");
  await shot(page, "gui-model-channels");
});

test("renames and deletes a group by rewriting the script, one undo step each", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("group-fast_spiking").click();
  await page.getByTestId("group-rename-fast_spiking").click();
  await page.getByTestId("group-rename-input").fill("excitatory");
  await page.getByTestId("group-rename-confirm").click();
  const renamed = await scriptHas(page, 'addToGroup("excitatory")');
  expect(renamed).not.toContain('"fast_spiking"');
  expect(renamed).toContain('network.cell([0, 1]).addToGroup("excitatory");');
  expect(renamed).toContain('network.group("excitatory").set("Na_gNa", 0.4);');
  await expect(page.getByTestId("group-count-excitatory")).toHaveText("16 comps");
  await expect(page.getByTestId("group-fast_spiking")).toHaveCount(0);
  await expect(page.getByTestId("table-title")).toHaveText('network.group("excitatory").view');

  // A name the rule refuses cannot be confirmed.
  await page.getByTestId("group-rename-slow_spiking").click();
  await page.getByTestId("group-rename-input").fill("my group");
  await expect(page.getByTestId("group-rename-confirm")).toBeDisabled();
  await page.getByTestId("group-rename-input").press("Escape");

  await page.getByTestId("group-delete-slow_spiking").click();
  await expect
    .poll(async () => (await script(page)).includes('network.cell(2).addToGroup("slow_spiking");'))
    .toBe(false);
  await waitForRun(page);
  const deleted = await script(page);
  // Its top-level statements are gone; the line inside the tutorial's simulate function stays.
  expect(deleted).not.toContain('network.cell(2).addToGroup("slow_spiking");');
  expect(deleted.match(/group\("slow_spiking"\)/g)).toHaveLength(1);
  await expect(page.getByTestId("group-slow_spiking")).toHaveCount(0);
  await expect(page.getByTestId("group-excitatory")).toBeVisible();

  await page.getByTestId("undo").click();
  await waitForRun(page);
  await expect(page.getByTestId("group-count-slow_spiking")).toHaveText("8 comps");
  await page.getByTestId("undo").click();
  await waitForRun(page);
  await expect(page.getByTestId("group-count-fast_spiking")).toHaveText("16 comps");
  expect(await script(page)).toContain('network.group("fast_spiking").set("Na_gNa", 0.4);');
});

test("a set of a target and key already set replaces its line, and the editor highlights the lines written", async ({
  page,
}) => {
  await openApp(page);
  await loadEditor(page);
  const before = await script(page);
  // The tutorial sets fast_spiking's Na_gNa; setting it again from the table replaces that line.
  await page.getByTestId("group-fast_spiking").click();
  await page.evaluate(() =>
    (
      window as unknown as { dendrolab: { actions: { setColumn(k: string, v: number): Promise<unknown> } } }
    ).dendrolab.actions.setColumn("Na_gNa", 0.3),
  );
  await waitForRun(page);
  const after = await script(page);
  expect(after.split("\n")).toHaveLength(before.split("\n").length);
  expect(after.match(/set\("Na_gNa"/g)).toHaveLength(1);
  const line = after.split("\n").indexOf('network.group("fast_spiking").set("Na_gNa", 0.3);') + 1;
  expect(line).toBeGreaterThan(0);
  await expect(page.getByTestId("editor")).toHaveAttribute("data-highlight", `${line}-${line}`);

  // A clamp written at the end: the editor scrolls to it and highlights the new line.
  await page.getByTestId("tree-branch-2-3").click();
  await page.evaluate(() =>
    (
      window as unknown as { dendrolab: { actions: { addRecording(s: string): Promise<unknown> } } }
    ).dendrolab.actions.addRecording("v"),
  );
  await expect(page.locator("[data-testid=editor] .gui-edit-line")).not.toHaveCount(0);
  const lines = (await script(page)).split("\n");
  const rec = lines.indexOf('network.cell(2).branch(3).comp(0).record("v");') + 1;
  expect(rec).toBeGreaterThan(0);
  await expect(page.getByTestId("editor")).toHaveAttribute("data-highlight", `${rec}-${rec}`);
  await expect(page.locator("[data-testid=editor] .view-lines")).toContainText(
    'network.cell(2).branch(3).comp(0).record("v");',
  );
  await shot(page, "gui-model-highlight");
  await waitForRun(page);
});

test("connects synapses between a taken selection and a group, shows and edits them in the edges table, and trains them", async ({
  page,
}) => {
  await openApp(page);
  await page.getByTestId("tab-model-edit").click();
  await expect(page.getByTestId("edge-row")).toHaveCount(2); // the tutorial's fullyConnect
  // From branch 0 of cell 2 (taken from the tree) to the group fast_spiking, sparsely.
  await page.getByTestId("tree-branch-2-0").click();
  await page.getByTestId("connect-pre-take").click();
  await page.getByTestId("connect-post").selectOption("group:fast_spiking");
  await page.getByTestId("connect-how").selectOption("sparseConnect");
  await page.getByTestId("connect-p").fill("2");
  await expect(page.getByTestId("connect-apply")).toBeDisabled();
  await page.getByTestId("connect-p").fill("1");
  await page.getByTestId("connect-seed").fill("7");
  await page.getByTestId("connect-apply").click();
  await scriptHas(
    page,
    'jx.sparseConnect(network.cell(2).branch(0), network.group("fast_spiking"), new IonotropicSynapse(), 1, { seed: 7 });',
  );
  expect((await script(page)).match(/import \{ IonotropicSynapse \}/g)).toHaveLength(1);
  await expect(page.getByTestId("edge-row")).toHaveCount(4);
  await expect(page.getByTestId("edge-row").nth(2)).toContainText("2 · 8 · 16");
  await expect(page.getByTestId("undo")).toHaveAttribute("title", /Connect IonotropicSynapse \(sparseConnect\)/);

  // Edit one synapse's conductance in the table: a set line on that edge.
  const cell = page.getByTestId("edge-row").nth(3).locator('[data-col="IonotropicSynapse_gS"] button');
  await cell.click();
  await page.getByTestId("edge-cell-editor").fill("0.123");
  await page.getByTestId("edge-cell-editor").press("Enter");
  await scriptHas(page, 'network.edge(3).set("IonotropicSynapse_gS", 0.123);');
  await expect(page.getByTestId("edge-row").nth(3).locator('[data-col="IonotropicSynapse_gS"]')).toHaveText("0.123");
  await shot(page, "gui-model-synapses");

  // The trainer offers the synapse type's parameters.
  await page.getByTestId("tab-trainer").click();
  await page.getByTestId("trainer-group").selectOption("IonotropicSynapse");
  await expect(page.getByTestId("trainer-key")).toContainText("IonotropicSynapse_gS");
  await page.getByTestId("trainer-key").selectOption("IonotropicSynapse_gS");
  await page.getByTestId("trainer-add").click();
  await expect(page.getByTestId("trainer-param-IonotropicSynapse-IonotropicSynapse_gS")).toBeVisible();
});
