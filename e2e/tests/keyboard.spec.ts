/** The IDE by keyboard: the model tree (arrows, Enter, ctrl+Space), a group, a table cell. */
import { expect, test } from "@playwright/test";
import { openApp, shot, waitForRun } from "./helpers.js";

test("selects in the tree, shows a group and edits a table cell without the mouse", async ({ page }) => {
  await openApp(page);
  const tree = page.getByTestId("tree");
  // One row of the tree is in the tab order: the network row, until another gets the focus.
  await expect(tree.locator('[role=treeitem][tabindex="0"]')).toHaveCount(1);
  await page.getByTestId("tree-network").focus();
  await page.keyboard.press("ArrowDown"); // cell 0
  await page.keyboard.press("ArrowDown"); // branch 0 of cell 0
  await page.keyboard.press("ArrowDown"); // branch 1 of cell 0
  await expect(page.getByTestId("tree-branch-0-1")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("tree-branch-0-1")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("selection-count")).toHaveText("2 comps selected");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown"); // branch 3 of cell 0
  await page.keyboard.press("Control+Space");
  await expect(page.getByTestId("selection-count")).toHaveText("4 comps selected");
  await expect(tree.locator('[role=treeitem][tabindex="0"]')).toHaveCount(1);
  // Right expands branch 3; Left goes back to it from its first compartment, then collapses it.
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("tree-branch-0-3")).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("tree-comp-0-3-0")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("tree-branch-0-3")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("tree-comp-0-3-0")).toHaveCount(0);
  await shot(page, "12-keyboard-tree");

  // A group is a button: Enter shows its table.
  await page.getByTestId("group-slow_spiking").getByRole("button").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("table-title")).toHaveText('network.group("slow_spiking").view');
  await expect(page.getByTestId("group-slow_spiking").getByRole("button")).toHaveAttribute("aria-pressed", "true");

  // An editable cell is a button: Enter opens the editor, Enter commits, the focus returns to the cell.
  const cell = page.locator('[data-testid=table-row] [data-col="length"] button').first();
  await cell.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("cell-editor")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("12");
  await page.keyboard.press("Enter");
  await waitForRun(page);
  await expect(page.locator('[data-testid=table-row] [data-col="length"]').first()).toHaveText("12.0");
  await expect(page.locator('[data-testid=table-row] [data-col="length"] button').first()).toBeFocused();
});

test("every toolbar control says what it does; Help lists the shortcuts and closes on Escape", async ({ page }) => {
  await openApp(page);
  const toolbar = page.locator("header.toolbar");
  await expect(page.getByTestId("help")).toBeEnabled();
  // Every button, field and menu of the toolbar has a tooltip (its own or its label's).
  const untitled = await toolbar.evaluate((bar) =>
    [...bar.querySelectorAll("button, select, input, summary")]
      .filter((el) => !(el as HTMLElement).closest("[title]") && !(el as HTMLElement).closest(".share-pop, .help-pop"))
      .filter((el) => (el as HTMLElement).offsetParent !== null && (el as HTMLInputElement).type !== "file")
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(untitled).toEqual([]);
  expect(await toolbar.locator("button, select, input[type=number], summary").count()).toBeGreaterThanOrEqual(12);
  await page.getByTestId("help").click();
  await expect(page.getByTestId("help-pop")).toContainText("Ctrl+Enter");
  await expect(page.getByTestId("help-pop")).toContainText("Ctrl+Space");
  await shot(page, "help");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("help-pop")).toHaveCount(0);
});
