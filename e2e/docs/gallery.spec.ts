/** The gallery (Examples menu) and the L5PC fit entry, photographed for the READMEs. */
import { expect, type Page, test } from "@playwright/test";
import { L5PC_SWC } from "../../apps/ide/src/gallery/l5pc-fit-script.js";
import { dropFiles } from "../tests/drop.js";
import { openApp, waitForRun } from "../tests/helpers.js";

const IMG = new URL("../../docs/img/", import.meta.url).pathname;
const SWC_PATH = new URL(`../../../shared/swc/${L5PC_SWC}`, import.meta.url).pathname;

test("the Examples menu and the L5PC fit, trained until below the threshold", async ({ browser }) => {
  test.setTimeout(300_000);
  const page: Page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await openApp(page);
  await page.getByTestId("examples-menu").click();
  await page.getByTestId("example-l5pc-fit").hover();
  await page.screenshot({ path: `${IMG}ide-gallery-menu.png`, clip: { x: 0, y: 0, width: 1440, height: 300 } });
  await page.getByTestId("example-l5pc-fit").click();
  await waitForRun(page);
  await dropFiles(page, [SWC_PATH]);
  await waitForRun(page);
  await page.getByTestId("tab-trainer").click();
  // The entry's own settings: Levenberg-Marquardt steps until the loss is below 0.55.
  await page.getByTestId("train-start").click();
  await expect(page.getByTestId("train-reached")).toBeVisible({ timeout: 280_000 });
  await page.getByTestId("loss-plot").scrollIntoViewIfNeeded();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${IMG}ide-gallery.png` });
});
