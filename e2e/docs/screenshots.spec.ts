/** The IDE's workflow, photographed for docs/README-ide.md. */
import { expect, type Page, test } from "@playwright/test";
import { openApp, waitForRun } from "../tests/helpers.js";

const IMG = new URL("../../docs/img/", import.meta.url).pathname;
const snap = (page: Page, name: string) => page.screenshot({ path: `${IMG}${name}.png` });

test.describe.configure({ mode: "serial" });
let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await openApp(page);
  await page.getByTestId("editor-preview").click();
  await expect(page.locator(".monaco-editor")).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(1500);
});

test("overview", async () => {
  await snap(page, "ide-overview");
});

test("select branches and add them to a group", async () => {
  await page.getByTestId("tree-branch-0-1").click();
  for (const [c, b] of [
    [0, 3],
    [1, 1],
    [1, 3],
    [2, 1],
    [2, 3],
  ])
    await page.getByTestId(`tree-branch-${c}-${b}`).click({ modifiers: ["ControlOrMeta"] });
  await page.getByTestId("add-to-group").click();
  await page.getByTestId("group-name-input").fill("apical");
  await snap(page, "ide-add-to-group");
  await page.getByTestId("group-add-confirm").click();
  await waitForRun(page);
  await page.getByTestId("set-all-key").selectOption("radius");
  await page.getByTestId("set-all-value").fill("0.3");
  await page.getByTestId("set-all-apply").click();
  await waitForRun(page);
  await page.waitForTimeout(500);
  await snap(page, "ide-group-table");
});

test("morphology in 3-D coloured by a parameter", async () => {
  await page.getByTestId("colour-by").selectOption("radius");
  await page.getByTestId("morph-3d").click();
  await page.waitForTimeout(1500);
  await page.getByTestId("morphology-panel").screenshot({ path: `${IMG}ide-morphology-3d.png` });
  await page.getByTestId("morph-2d").click();
  await page.getByTestId("colour-by").selectOption("group");
});

test("instruments and kept runs", async () => {
  await page.getByTestId("keep-runs").check();
  await page.getByTestId("tree-branch-2-0").click();
  await page.getByTestId("add-recording").click();
  await waitForRun(page);
  await page.getByTestId("group-fast_spiking").click();
  await page.getByTestId("set-all-key").selectOption("Na_gNa");
  await page.getByTestId("set-all-value").fill("0.25");
  await page.getByTestId("set-all-apply").click();
  await waitForRun(page);
  await page.waitForTimeout(800);
  await snap(page, "ide-traces");
});

test("trainer", async () => {
  await page.getByTestId("tab-trainer").click();
  await page.getByTestId("trainer-group").selectOption("fast_spiking");
  await page.getByTestId("trainer-key").selectOption("Na_gNa");
  await page.getByTestId("trainer-add").click();
  await page.getByTestId("trainer-target-0").fill("0.35");
  await page.getByTestId("trainer-target-0").press("Enter");
  await page.getByTestId("trainer-steps").fill("25");
  await page.getByTestId("trainer-steps").press("Enter");
  await page.getByTestId("train-start").click();
  await expect(page.getByTestId("train-status")).toContainText("done", { timeout: 90_000 });
  await page.waitForTimeout(500);
  await snap(page, "ide-trainer");
});

test("editor completion", async () => {
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type('\n\nnetwork.group("apical").s');
  await page.waitForTimeout(1500);
  await page.keyboard.press("Control+Space");
  await expect(page.locator(".suggest-widget")).toBeVisible({ timeout: 15_000 });
  await page.waitForTimeout(800);
  const box = (await page.getByTestId("editor-panel").boundingBox())!;
  await page.screenshot({
    path: `${IMG}ide-editor-completion.png`,
    clip: { x: box.x, y: box.y + box.height * 0.3, width: box.width + 200, height: box.height * 0.7 + 200 },
  });
  await page.keyboard.press("Escape");
  for (let i = 0; i < 27; i++) await page.keyboard.press("Backspace");
});

test("share", async () => {
  await page.getByTestId("share").click();
  await expect(page.getByTestId("share-url")).toBeVisible();
  await snap(page, "ide-share");
});

test("a link that cannot be opened", async ({ browser }) => {
  const p = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await p.goto("/#s=9.AAAA");
  await waitForRun(p);
  await p.waitForTimeout(800);
  await snap(p, "ide-bad-link");
  await p.close();
});
