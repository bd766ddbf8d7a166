/** The whole model from the GUI, photographed for docs/README-ide.md (issue 11). */
import { expect, type Page, test } from "@playwright/test";
import { openApp, script, waitForRun } from "../tests/helpers.js";

const IMG = new URL("../../docs/img/", import.meta.url).pathname;
const snap = (page: Page, name: string) => page.screenshot({ path: `${IMG}${name}.png` });

test("channels and synapses", async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await openApp(page);
  await page.getByTestId("tab-model-edit").click();
  await page.getByTestId("channel-target").selectOption("group:slow_spiking");
  await page.getByTestId("channel-insert-Km").click();
  await waitForRun(page);
  await page.getByTestId("tree-branch-2-0").click();
  await page.getByTestId("connect-pre-take").click();
  await page.getByTestId("connect-post").selectOption("group:fast_spiking");
  await page.getByTestId("connect-how").selectOption("sparseConnect");
  await page.getByTestId("connect-p").fill("1");
  await page.getByTestId("connect-seed").fill("7");
  await page.getByTestId("connect-apply").click();
  await expect.poll(() => script(page)).toContain("jx.sparseConnect(");
  await waitForRun(page);
  await page.getByTestId("synapses-section").scrollIntoViewIfNeeded();
  await snap(page, "ide-channels-synapses");
  await page.close();
});

test("groups renamed, the editor showing the lines written", async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await openApp(page);
  await page.getByTestId("editor-preview").click();
  await expect(page.locator(".monaco-editor")).toBeVisible({ timeout: 30_000 });
  await page.getByTestId("group-rename-fast_spiking").click();
  await page.getByTestId("group-rename-input").fill("excitatory");
  await page.getByTestId("group-rename-confirm").click();
  await expect.poll(() => script(page)).toContain('addToGroup("excitatory")');
  await waitForRun(page);
  await page.getByTestId("group-rename-slow_spiking").click();
  await page.getByTestId("group-rename-input").fill("inhibitory");
  await snap(page, "ide-groups-highlight");
  await page.close();
});

test("dark theme at 1280x720 with resized panels", async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: "dark" });
  await openApp(page);
  await page.getByTestId("editor-preview").click();
  await expect(page.locator(".monaco-editor")).toBeVisible({ timeout: 30_000 });
  await page.getByTestId("gutter-col-mid").focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
  await page.getByTestId("tree-branch-0-1").click();
  await page.keyboard.press("Shift+ArrowDown");
  await page.waitForTimeout(800);
  await snap(page, "ide-dark-1280");
  await page.close();
});
