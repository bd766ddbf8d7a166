/**
 * The traces panel for docs/README-ide.md: a subplot per unit (v, a gate, a current),
 * the instruments list, and the spike raster of a network of 100 spiking cells.
 */
import { expect, test } from "@playwright/test";
import { openApp, waitForRun } from "../tests/helpers.js";

const IMG = new URL("../../docs/img/", import.meta.url).pathname;

type Actions = { setScript(s: string): void; run(): Promise<void>; setSim(p: { tMax: number }): Promise<void> };

/** 100 HH cells, stimulated with currents rising with the cell index; cell 0's gate and current recorded too. */
const NETWORK = `import * as jx from "@dendrolab/core";
import { HH } from "@dendrolab/core/channels";
const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0, 0]);
const network = new jx.Network(Array.from({ length: 100 }, () => cell));
network.insert(new HH());
for (let c = 0; c < 100; c++)
  network.cell(c).branch(0).comp(0).stimulate(jx.stepCurrent(5, 80, 0.004 + 0.0004 * c, 0.025, 100));
network.cell(0).branch(0).comp(0).record("v");
network.cell(0).branch(0).comp(0).record("HH_m");
network.cell(0).branch(0).comp(0).record("i_HH");
network.cell([1, 2, 3, 4, 5, 6, 7, 8, 9]).branch(0).comp(0).record("v");
export default network;
`;

test("the traces panel: units, instruments, spike raster", async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 2200 } });
  await openApp(page);
  await page.evaluate(async (s) => {
    const a = (window as unknown as { dendrolab: { actions: Actions } }).dendrolab.actions;
    await a.setSim({ tMax: 100 });
    a.setScript(s);
    await a.run();
  }, NETWORK);
  await waitForRun(page);
  await expect(page.getByTestId("raster-plot")).toHaveAttribute("data-cells", "10");
  await page.getByTestId("record-somata").click(); // the raster of all 100 cells
  await waitForRun(page);
  await expect(page.getByTestId("raster-plot")).toHaveAttribute("data-cells", "100");
  await expect(page.getByTestId("traces-plot")).toHaveAttribute("data-ready", "yes");
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500);
  await page.getByTestId("traces-panel").screenshot({ path: `${IMG}ide-plots.png` });
  await page.close();
});
