/**
 * Project > Export to NEURON: the zip the IDE downloads holds a NEURON script that runs
 * the open model; where NEURON is installed, it is compiled and run here and its
 * recording agrees with the IDE's trace (exported as CSV) within 0.01 mV.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import {
  compileMechanisms,
  neuronMissing,
  readRecordings,
  runSerial,
  writeExport,
} from "../../packages/core/test/export/neuron-run.js";
import { openApp, shot } from "./helpers.js";

/** The texts of a zip file, read by Python's zipfile (an independent reader). */
function unzip(path: string): Record<string, string> {
  const py =
    "import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({n: z.read(n).decode() for n in z.namelist()}))";
  return JSON.parse(execFileSync("python3", ["-c", py, path], { encoding: "utf8" }));
}

test("exports the tutorial network to NEURON, whose run agrees with the IDE's trace", async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await page.getByTestId("project-menu").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-neuron").click()]);
  expect(download.suggestedFilename()).toBe("dendrolab-neuron.zip");
  const files = unzip(await download.path());
  expect(Object.keys(files)).toEqual(expect.arrayContaining(["model.py", "model.json", "README.md"]));
  expect(Object.keys(files).some((f) => /^mechanisms\/.+\.mod$/.test(f))).toBe(true);
  expect(files["README.md"]).toContain("mpiexec");
  // The IDE's own trace, as its CSV export gives it.
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  const ide = readFileSync(await csv.path(), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => Number(l.split(",")[1]));
  await shot(page, "export-neuron");
  test.skip(neuronMissing !== null, `NEURON is not installed here: ${neuronMissing}`);
  const dir = writeExport(files, "ide-export");
  compileMechanisms(dir);
  runSerial(dir, "model.py");
  const { header, columns } = readRecordings(dir);
  expect(header[0]).toMatch(/^t/);
  expect(columns[1].length).toBe(ide.length);
  const worst = Math.max(...columns[1].map((v, k) => Math.abs(v - ide[k])));
  console.log(
    `NEURON run of the IDE's export: max |dV| ${worst.toExponential(2)} mV over ${ide.length} samples (${join(dir, "recordings.csv")})`,
  );
  // The IDE's traces are float32 (about 1e-5 mV at 50 mV); NEURON's run is float64.
  expect(worst).toBeLessThan(0.01);
});
