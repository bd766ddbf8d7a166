/**
 * A network of 10,000 compartments: the parameter table is virtualised (few rows in the
 * DOM) and scrolls without long tasks.
 */
import { expect, test } from "@playwright/test";
import { longTasks, openApp, shot, waitForRun, watchLongTasks } from "./helpers.js";

const BIG = `import * as jx from "@dendrolab/core";
import { Leak } from "@dendrolab/core/channels";
const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 10), [-1, 0, 0, 1, 1, 2, 2, 3, 3, 4]);
const network = new jx.Network(Array.from({ length: 100 }, () => cell));
network.insert(new Leak());
network.cell(0).branch(0).comp(0).record("v");
network.cell(0).branch(0).comp(0).stimulate(jx.stepCurrent(1, 5, 0.1, 0.025, 10));
export default network;
`;

test("10,000 rows scroll smoothly in the parameter table", async ({ page }) => {
  await openApp(page);
  await waitForRun(page);
  await page.evaluate((s) => {
    const d = (window as unknown as { dendrolab: { actions: { setScript(s: string): void; run(): Promise<void> } } })
      .dendrolab;
    d.actions.setScript(s);
    return d.actions.run();
  }, BIG);
  await waitForRun(page);
  await expect(page.getByTestId("table-shape")).toHaveText(/^10000 rows/);
  await expect(page.getByTestId("tree-network")).toContainText("100 cells · 10000 comps");
  await page.getByTestId("editor-preview").click(); // the editor loads now, not during the scroll
  await expect(page.locator(".monaco-editor")).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(2000); // let the first drawing of 10,000 compartments settle
  await watchLongTasks(page);
  const table = page.getByTestId("table");
  for (let i = 0; i < 40; i++) {
    await table.evaluate((el) => el.scrollBy(0, 6000));
    await page.waitForTimeout(25);
  }
  await table.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.getByTestId("table-row").last()).toContainText("9999");
  expect(await page.getByTestId("table-row").count()).toBeLessThan(80);
  expect(await longTasks(page)).toEqual([]);
  await shot(page, "09-ten-thousand-rows");
});

const THOUSAND_CELLS = `import * as jx from "@dendrolab/core";
import { Leak } from "@dendrolab/core/channels";
const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0, 0]);
const network = new jx.Network(Array.from({ length: 1000 }, () => cell));
network.insert(new Leak());
network.cell(0).branch(0).comp(0).record("v");
export default network;
`;

test("a network of 1,000 cells: the model tree renders only the rows in view", async ({ page }) => {
  await openApp(page);
  await page.evaluate((s) => {
    const d = (window as unknown as { dendrolab: { actions: { setScript(s: string): void; run(): Promise<void> } } })
      .dendrolab;
    d.actions.setScript(s);
    return d.actions.run();
  }, THOUSAND_CELLS);
  await waitForRun(page);
  await expect(page.getByTestId("tree-network")).toContainText("1000 cells · 6000 comps");
  await expect(page.getByTestId("tree")).toHaveAttribute("data-rows", "1000");
  const rows = page.getByTestId("tree").getByRole("treeitem");
  expect(await rows.count()).toBeLessThan(80);
  await watchLongTasks(page);
  const scroller = page.getByTestId("tree-panel").locator(".panel-body");
  for (let i = 0; i < 20; i++) {
    await scroller.evaluate((el) => el.scrollBy(0, 1200));
    await page.waitForTimeout(25);
  }
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.getByTestId("tree-cell-999")).toBeVisible();
  expect(await rows.count()).toBeLessThan(80);
  expect(await longTasks(page)).toEqual([]);
  // Expanding a cell and selecting a branch still works in the windowed tree.
  await page.getByTestId("tree-cell-998").locator(".twisty").click();
  await expect(page.getByTestId("tree")).toHaveAttribute("data-rows", "1003");
  await page.getByTestId("tree-branch-998-1").click();
  await expect(page.getByTestId("selection-count")).toHaveText("2 comps selected");
  expect(await rows.count()).toBeLessThan(80);
  await shot(page, "11-thousand-cells-tree");
});
