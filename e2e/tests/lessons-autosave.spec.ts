/**
 * The open lesson travels with the session: a student starts a lesson, passes a check and
 * opens a hint; a reload brings back the lesson, its ticks and its hint over their own
 * script (autosave), and Save project / Open project carry it too.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { openApp, script, shot, waitForRun } from "./helpers.js";

const TMP = new URL("../test-results/lessons-autosave/", import.meta.url).pathname;
mkdirSync(TMP, { recursive: true });

const check = (page: Page, i: number) => page.getByTestId(`lesson-check-${i}`);

/** Replaces text in the script as a student typing would, then presses Run. */
async function edit(page: Page, from: string, to: string): Promise<void> {
  await page.evaluate(
    ([a, b]) => {
      // biome-ignore lint/suspicious/noExplicitAny: the test drives the app's store
      const d = (window as any).dendrolab;
      const s: string = d.store.getState().script;
      if (!s.includes(a)) throw new Error(`the script has no "${a}"`);
      d.actions.setScript(s.replace(a, b));
    },
    [from, to],
  );
  await page.getByTestId("run").click();
  await waitForRun(page);
}

test("a lesson, its ticks and its hints come back after a reload, and in a project file", async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await page.getByTestId("lessons-menu").click();
  await page.getByTestId("lesson-threshold").click();
  await expect(page.getByTestId("lesson-panel")).toContainText("What sets the spike threshold?");
  await waitForRun(page);
  await expect(check(page, 0)).toHaveAttribute("data-state", "fail", { timeout: 30_000 });
  await edit(page, "amplitude = 0.1", "amplitude = 0.3");
  await expect(check(page, 0)).toHaveAttribute("data-state", "pass", { timeout: 30_000 });
  await expect(page.getByTestId("lesson-step-0")).toHaveAttribute("data-done", "yes");
  await page.getByTestId("lesson-hint-1").click();
  await expect(page.getByTestId("lesson-hint-text-1")).toContainText("0.6 nA");
  const mine = await script(page);
  await expect(page.getByTestId("autosave-status")).toHaveAttribute("data-status", "saved");
  await expect(page.getByTestId("autosave-status")).toHaveAttribute("title", /^Saved in this browser at/);

  await page.reload();
  await waitForRun(page);
  await expect(page.getByTestId("banner")).toContainText("Restored your session");
  await expect(page.getByTestId("lesson-panel")).toContainText("What sets the spike threshold?");
  expect(await script(page)).toBe(mine); // the student's script, not the lesson's starting one
  await expect(check(page, 0)).toHaveAttribute("data-state", "pass", { timeout: 30_000 });
  await expect(page.getByTestId("lesson-step-0")).toHaveAttribute("data-done", "yes");
  await expect(page.getByTestId("lesson-step-1")).toHaveClass(/current/);
  await expect(page.getByTestId("lesson-hint-text-1")).toContainText("0.6 nA");
  await expect(page.getByTestId("lesson-score")).toHaveText("1/5");
  await shot(page, "lessons-autosave-restored");

  // Save project holds the lesson; opened over another session, it comes back with its ticks.
  const download = page.waitForEvent("download");
  await page.getByTestId("project-menu").click();
  await page.getByTestId("save-project").click();
  const file = await download;
  const path = TMP + file.suggestedFilename();
  await file.saveAs(path);
  const doc = JSON.parse(readFileSync(path, "utf8"));
  expect(doc.version).toBe(2);
  expect(doc.lesson.source).toContain("title: What sets the spike threshold?");
  expect(doc.lesson.passed[0]).toBe(true);
  expect(doc.lesson.hints[1]).toBe(1);

  await page.getByTestId("lesson-close").click();
  await expect(page.getByTestId("lesson-panel")).toHaveCount(0);
  await page.getByTestId("project-menu").click();
  await page.getByTestId("back-to-tutorial").click();
  await waitForRun(page);
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("project-menu").click();
  await page.getByTestId("open-project").click();
  await (await chooser).setFiles(path);
  await waitForRun(page);
  await expect(page.getByTestId("lesson-panel")).toContainText("What sets the spike threshold?");
  expect(await script(page)).toBe(mine);
  await expect(check(page, 0)).toHaveAttribute("data-state", "pass", { timeout: 30_000 });
  await expect(page.getByTestId("lesson-hint-text-1")).toContainText("0.6 nA");
  await expect(page.getByTestId("lesson-score")).toHaveText("1/5");
});
