/** The physics checks of the IDE (issue 11), photographed for docs/README-ide.md. */
import { expect, type Page, test } from "@playwright/test";
import { openApp, waitForRun } from "../tests/helpers.js";

const IMG = new URL("../../docs/img/", import.meta.url).pathname;

test.describe.configure({ mode: "serial" });
let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await openApp(page);
});

test("the table refuses a negative conductance", async () => {
  await page.locator('[data-testid=table-row][data-row="0"] [data-col="Na_gNa"] button').click();
  await page.getByTestId("cell-editor").fill("-0.1");
  await page.getByTestId("cell-editor").press("Enter");
  await expect(page.getByTestId("table-problem")).toBeVisible();
  await page.getByTestId("table-panel").screenshot({ path: `${IMG}ide-physics-table.png` });
});

test("a run whose voltage leaves -200..200 mV", async () => {
  await page.evaluate(async () => {
    const d = (
      window as unknown as {
        dendrolab: {
          actions: { setScript(s: string): void; run(): Promise<void> };
          store: { getState(): { script: string } };
        };
      }
    ).dendrolab;
    const s = d.store.getState().script;
    d.actions.setScript(
      s.replace(
        "export default network;",
        'network.cell(0).branch(0).comp(0).set("radius", 0.05);\nexport default network;',
      ),
    );
    await d.actions.run();
  });
  await waitForRun(page);
  await expect(page.getByTestId("run-warnings")).toBeVisible();
  await page.waitForTimeout(500);
  await page.getByTestId("traces-panel").screenshot({ path: `${IMG}ide-physics-voltage.png` });
});

test("the trainer: schedule, group.key names, a zero-gradient warning", async () => {
  await page.evaluate(async () => {
    const d = (window as unknown as { dendrolab: { actions: { undo(): Promise<void> } } }).dendrolab;
    await d.actions.undo();
  });
  await waitForRun(page);
  await page.getByTestId("tab-trainer").click();
  for (const g of ["fast_spiking", "slow_spiking"]) {
    await page.getByTestId("trainer-group").selectOption(g);
    await page.getByTestId("trainer-key").selectOption("Na_gNa");
    await page.getByTestId("trainer-add").click();
  }
  await page.getByTestId("trainer-target-0").fill("0.3");
  await page.getByTestId("trainer-target-0").press("Enter");
  await page.getByTestId("trainer-steps").fill("20");
  await page.getByTestId("trainer-steps").press("Enter");
  await page.getByTestId("train-start").click();
  await expect(page.getByTestId("train-status")).toContainText("done", { timeout: 90_000 });
  await page.waitForTimeout(500);
  await page.getByTestId("trainer-panel").screenshot({ path: `${IMG}ide-physics-trainer.png` });
});
