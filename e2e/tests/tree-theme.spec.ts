/**
 * The model tree by keyboard beyond keyboard.spec.ts (issue 11): Shift with the arrows,
 * Home and End extends the selection, Space selects, Enter shows the row's table; ARIA
 * tree roles. And the dark theme following prefers-color-scheme: the page, the table,
 * Monaco and the plots.
 */
import { expect, test } from "@playwright/test";
import { openApp, shot } from "./helpers.js";

test("shift+arrows extend the selection in the tree; space selects; the tree has its ARIA roles", async ({ page }) => {
  await openApp(page);
  const tree = page.getByTestId("tree");
  await expect(tree).toHaveAttribute("role", "tree");
  await expect(tree).toHaveAttribute("aria-multiselectable", "true");
  await expect(tree.locator("[role=treeitem]").first()).toHaveAttribute("aria-expanded", "true");
  await page.getByTestId("tree-network").focus();
  await page.keyboard.press("ArrowDown"); // cell 0
  await page.keyboard.press("ArrowDown"); // branch 0 of cell 0
  await page.keyboard.press(" ");
  await expect(page.getByTestId("tree-branch-0-0")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("selection-count")).toHaveText("2 comps selected");
  // Shift+Down twice: branches 0 to 2 of cell 0, the focus on branch 2.
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+ArrowDown");
  await expect(page.getByTestId("tree-branch-0-2")).toBeFocused();
  for (const b of [0, 1, 2])
    await expect(page.getByTestId(`tree-branch-0-${b}`)).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("tree-branch-0-3")).toHaveAttribute("aria-selected", "false");
  await expect(page.getByTestId("selection-count")).toHaveText("6 comps selected");
  // Shift+Up shrinks the range back towards its anchor.
  await page.keyboard.press("Shift+ArrowUp");
  await expect(page.getByTestId("tree-branch-0-2")).toHaveAttribute("aria-selected", "false");
  await expect(page.getByTestId("selection-count")).toHaveText("4 comps selected");
  // Without an anchor, the range starts at the row the focus leaves.
  await page.getByTestId("tree-network").click();
  await expect(page.getByTestId("selection-count")).not.toContainText("selected");
  await page.getByTestId("tree-branch-1-1").focus();
  await page.keyboard.press("Shift+ArrowDown");
  await expect(page.getByTestId("tree-branch-1-1")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("tree-branch-1-2")).toHaveAttribute("aria-selected", "true");
  // Enter shows the selected row's table.
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("table-title")).toHaveText("network.cell(1).branch(2).view");
});

test("the dark theme follows prefers-color-scheme: page, table, Monaco and plots", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await openApp(page);
  const bg = (sel: string) =>
    page
      .locator(sel)
      .first()
      .evaluate((e) => getComputedStyle(e).backgroundColor);
  const luminance = (rgb: string) => {
    const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  };
  expect(luminance(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor))).toBeLessThan(
    0.2,
  );
  expect(luminance(await bg("[data-testid=tree-panel]"))).toBeLessThan(0.2);
  expect(luminance(await bg(".thead"))).toBeLessThan(0.2);
  const ink = await page.getByTestId("tree-cell-0").evaluate((e) => getComputedStyle(e).color);
  expect(luminance(ink)).toBeGreaterThan(0.6);
  // Plot text (axis titles) is light.
  const title = page.getByTestId("traces-plot").locator(".xtitle");
  await expect.poll(async () => luminance(await title.evaluate((e) => getComputedStyle(e).fill))).toBeGreaterThan(0.6);
  // Monaco in vs-dark.
  await page.getByTestId("editor-preview").click();
  await expect(page.locator("[data-testid=editor] .monaco-editor")).toHaveClass(/vs-dark/, { timeout: 30_000 });
  await shot(page, "theme-dark");
  // Back to light: the plots redraw in light colours.
  await page.emulateMedia({ colorScheme: "light" });
  await expect.poll(async () => luminance(await title.evaluate((e) => getComputedStyle(e).fill))).toBeLessThan(0.5);
  await expect(page.locator("[data-testid=editor] .monaco-editor")).not.toHaveClass(/vs-dark/);
});
