/**
 * Importing a traced morphology from disk: the file goes into the session, the script
 * that reads it is written and run, and the cell is drawn from its SWC coordinates with
 * its groups. Sharing carries the file when it fits in a link.
 */
import { expect, test } from "@playwright/test";
import { openApp, script, shot, waitForRun } from "./helpers.js";

const SWC = new URL("../fixtures/morph_ca1_n120_250.swc", import.meta.url).pathname;

test("imports an SWC file and draws the traced cell with its groups", async ({ page, context }) => {
  await openApp(page);
  await page.getByTestId("import-swc-input").setInputFiles(SWC);
  await expect
    .poll(() => script(page))
    .toContain('jx.readSwc(files["morph_ca1_n120_250.swc"], { ncomp: 2, minRadius: 0.1 })');
  expect(await waitForRun(page)).toMatch(/^Built in/);
  await expect(page.getByTestId("group-apical")).toBeVisible();
  await expect(page.getByTestId("group-soma")).toBeVisible();
  await expect(page.getByTestId("tree-network")).toContainText("1 cells");
  const plot = page.getByTestId("morphology-plot");
  await expect(plot).toHaveAttribute("data-ready", "yes");
  await expect(page.getByTestId("morphology-panel")).not.toContainText("laid out");
  // The apical group is drawn (a legend entry), and every compartment (10 branches x 2).
  await expect(plot.locator(".legendtext", { hasText: "apical" })).toHaveCount(1);
  await expect(plot.locator(".scatterlayer .trace .points path")).toHaveCount(20);
  await expect(page.getByTestId("group-count-apical")).toHaveText(/^\d+ comps$/);
  await expect(page.getByTestId("traces-plot")).toHaveAttribute("data-ready", "yes");
  await shot(page, "10-import-swc");

  // The link carries the file (9 KB): it opens elsewhere with the same cell.
  await page.getByTestId("share").click();
  const url = await page.getByTestId("share-url").inputValue();
  await expect(page.getByTestId("share-omitted")).toHaveCount(0);
  const other = await context.newPage();
  await other.goto(url);
  await waitForRun(other);
  await expect(other.getByTestId("group-apical")).toBeVisible();
  await expect(other.getByTestId("run-status")).toHaveText(/^Built in/);
  await other.close();
});
