/** The restored-session banner and the Project menu, photographed for docs/README-ide.md. */
import { expect, test } from "@playwright/test";
import { openApp, waitForRun } from "../tests/helpers.js";

const IMG = new URL("../../docs/img/", import.meta.url).pathname;

test("a restored session and the Project menu", async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await openApp(page);
  await page.evaluate(() =>
    // biome-ignore lint/suspicious/noExplicitAny: the docs drive the app's actions
    (window as any).dendrolab.actions.setColumn("radius", 0.7),
  );
  await waitForRun(page);
  await expect(page.getByTestId("autosave-status")).toHaveAttribute("data-status", "saved");
  await page.reload();
  await waitForRun(page);
  await expect(page.getByTestId("banner")).toContainText("Restored your session from");
  await expect(page.getByTestId("traces-plot")).toHaveAttribute("data-ready", "yes");
  await page.getByTestId("project-menu").click();
  await expect(page.getByTestId("save-project")).toBeVisible();
  await page.screenshot({ path: `${IMG}ide-persist.png`, clip: { x: 0, y: 0, width: 1440, height: 420 } });
  await page.close();
});
