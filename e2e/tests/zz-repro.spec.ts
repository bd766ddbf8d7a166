import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { dropFiles } from "./drop.js";
import { openApp, script, waitForRun } from "./helpers.js";

const SWC = readFileSync(new URL("../fixtures/morph_ca1_n120_250.swc", import.meta.url), "utf8");

test("repro", async ({ page, browser }) => {
  const big = `${SWC}\n${Array.from({ length: 4000 }, (_, i) => `# padding ${i.toString(36).repeat(8)} ${i}`).join("\n")}\n`;
  const path = "/tmp/persist/big.swc";
  writeFileSync(path, big);
  await openApp(page);
  await dropFiles(page, [path]);
  await expect.poll(() => script(page)).toContain("big.swc");
  await waitForRun(page);
  await page.evaluate(() => (window as any).dendrolab.actions.setColumn("radius", 0.7));
  await waitForRun(page);
  const s1 = await script(page);
  console.log(s1.slice(-300));
  await page.getByTestId("share").click();
  const url = await page.getByTestId("share-url").inputValue();
  console.log(await page.getByTestId("share-omitted").textContent());
  const other = await browser.newPage();
  await other.goto(url.replace(/^https?:\/\/[^/]+\//, "/"));
  await waitForRun(other);
  console.log(await other.getByTestId("banner").textContent());
  await other.waitForTimeout(7000); await expect(other.locator(".monaco-editor")).toBeVisible(); await dropFiles(other, [path]);
  await waitForRun(other);
  const s2 = await script(other);
  console.log(s2 === s1, s2.slice(-300));
});
