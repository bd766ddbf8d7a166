/**
 * The trainer's Levenberg-Marquardt steps and window loss, from the GUI on the tutorial
 * network: bad windows and thresholds are refused beside their field, LM on the MSE of the
 * traces is refused with the reason, and LM on the window loss recovers fast_spiking's Na_gNa
 * and stops below the threshold.
 */
import { expect, type Page, test } from "@playwright/test";
import { openApp } from "./helpers.js";

type Training = { status: string; losses: number[]; message: string | null; values: number[] };
type Dendrolab = {
  store: { getState(): { training: Training; trainer: Record<string, unknown> } };
};
const state = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { dendrolab: Dendrolab }).dendrolab.store.getState();
    return { training: s.training, trainer: s.trainer };
  });

async function commit(page: Page, testid: string, text: string): Promise<void> {
  await page.getByTestId(testid).fill(text);
  await page.getByTestId(testid).press("Enter");
}

test("Levenberg-Marquardt on the window loss from the trainer's fields: bad input refused, the fit stops below the threshold", async ({
  page,
}) => {
  await openApp(page);
  await page.getByTestId("tab-trainer").click();
  await page.getByTestId("trainer-group").selectOption("fast_spiking");
  await page.getByTestId("trainer-key").selectOption("Na_gNa");
  await page.getByTestId("trainer-add").click();
  await commit(page, "trainer-target-0", "0.25");

  // LM needs a loss of a few statistics: on the MSE of the traces it says why it cannot run.
  await page.getByTestId("trainer-optimizer").selectOption("lm");
  await expect(page.getByTestId("trainer-lr")).toHaveCount(0);
  await page.getByTestId("train-start").click();
  await expect(page.getByTestId("train-status")).toContainText(
    "Levenberg-Marquardt steps need a loss made of a few statistics",
    { timeout: 30_000 },
  );

  // The window loss: malformed windows and thresholds are refused beside their field, and kept out of the settings.
  await page.getByTestId("trainer-loss").selectOption("windows");
  await commit(page, "trainer-windows", "2-, 10-5");
  await expect(page.getByTestId("trainer-windows-problem")).toHaveText(
    '"2-" is not a window: write from-to in ms with from < to, windows separated by commas (for example 5-55, 55-95).',
  );
  expect((await state(page)).trainer.windows).toBeUndefined();
  await commit(page, "trainer-windows", "2-10, 10-20");
  await expect(page.getByTestId("trainer-windows-problem")).toHaveCount(0);
  expect((await state(page)).trainer.windows).toEqual([
    [2, 10],
    [10, 20],
  ]);
  await commit(page, "trainer-scale-mean", "8");
  await commit(page, "trainer-scale-std", "4");
  await commit(page, "trainer-threshold", "-1");
  await expect(page.getByTestId("trainer-threshold-problem")).toContainText('"-1" is not a loss');
  await commit(page, "trainer-threshold", "0.001");
  expect((await state(page)).trainer).toMatchObject({ scales: [8, 4], threshold: 0.001, optimizer: "lm" });

  await page.getByTestId("train-start").click();
  await expect(page.getByTestId("train-status")).toContainText("done", { timeout: 90_000 });
  const t = (await state(page)).training;
  expect(t.message).toBeNull();
  for (let i = 1; i < t.losses.length; i++) expect(t.losses[i]).toBeLessThan(t.losses[i - 1]);
  expect(t.losses[t.losses.length - 1]).toBeLessThan(0.001);
  expect(t.losses.length - 1).toBeLessThanOrEqual(10);
  expect(t.values[0]).toBeCloseTo(0.25, 2);
  await expect(page.getByTestId("train-reached")).toHaveText(`below 0.001 after ${t.losses.length - 1} steps`);
  // The run keeps its own step numbers (LM's start is step 0) when the settings change afterwards.
  const status = await page.getByTestId("train-status").textContent();
  expect(status).toContain(`step ${t.losses.length - 1}/`);
  await page.getByTestId("trainer-optimizer").selectOption("adam");
  await expect(page.getByTestId("train-status")).toHaveText(status!);
  await expect(page.getByTestId("train-reached")).toHaveText(`below 0.001 after ${t.losses.length - 1} steps`);
});
