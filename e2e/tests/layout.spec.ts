/**
 * The IDE's layout (issue 11): at 1280x720 the toolbar is one line and no panel overlaps
 * another; the gutters between columns and between stacked panels resize them (by mouse
 * and keyboard), and the sizes are part of the session state.
 */
import { expect, type Locator, type Page, test } from "@playwright/test";
import { openApp, shot } from "./helpers.js";

type Box = { x: number; y: number; width: number; height: number };

async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  if (!b) throw new Error("not visible");
  return b;
}

const overlap = (a: Box, b: Box) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 &&
  Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;

/** The session's layout field. */
function layout(page: Page) {
  return page.evaluate(
    () =>
      (
        window as unknown as { dendrolab: { store: { getState(): { layout: Record<string, unknown> | null } } } }
      ).dendrolab.store.getState().layout,
  );
}

test("at 1280x720 the toolbar is one line, the tabs are one line each, and no panels overlap", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  const toolbar = await box(page.locator(".toolbar"));
  expect(toolbar.height).toBeLessThan(46);
  const items = page.locator(".toolbar > *:visible");
  const boxes: Box[] = [];
  for (let i = 0; i < (await items.count()); i++) boxes.push(await box(items.nth(i)));
  for (const [i, b] of boxes.entries()) {
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(1280);
    for (const c of boxes.slice(i + 1)) expect(overlap(b, c)).toBe(false);
  }
  const tabs = page.locator(".tabs-panel > .tabs [role=tab]");
  for (let i = 0; i < (await tabs.count()); i++) expect((await box(tabs.nth(i))).height).toBeLessThan(30);
  const panels: Box[] = [];
  for (const id of ["tree-panel", "groups-panel", "editor-panel", "morphology-panel"])
    panels.push(await box(page.getByTestId(id)));
  panels.push(await box(page.locator(".table-panel")), await box(page.locator(".tabs-panel")));
  for (const [i, b] of panels.entries()) {
    expect(b.y + b.height).toBeLessThanOrEqual(720.5);
    expect(b.x + b.width).toBeLessThanOrEqual(1280.5);
    for (const c of panels.slice(i + 1)) expect(overlap(b, c)).toBe(false);
  }
  // Inside the morphology plot, the legend and the x axis title do not overlap either.
  const morph = page.getByTestId("morphology-plot");
  await expect(morph.locator(".legend")).toBeVisible();
  expect(overlap(await box(morph.locator(".legend")), await box(morph.locator(".xtitle")))).toBe(false);
  await shot(page, "layout-1280x720");
});

test("gutters resize columns and panels by mouse and keyboard; the sizes are in the session", async ({ page }) => {
  await openApp(page);
  const left = page.locator(".col-left");
  const mid = page.locator(".col-mid");
  const w0 = (await box(left)).width;
  const g = await box(page.getByTestId("gutter-col-left"));
  await page.mouse.move(g.x + g.width / 2, g.y + 200);
  await page.mouse.down();
  await page.mouse.move(g.x + g.width / 2 + 40, g.y + 200, { steps: 3 });
  await page.mouse.move(g.x + g.width / 2 + 80, g.y + 200, { steps: 3 });
  await page.mouse.up();
  expect(Math.abs((await box(left)).width - (w0 + 80))).toBeLessThan(2);
  expect(((await layout(page)) as { left: number }).left).toBeCloseTo(w0 + 80, 0);

  // The script panel grows by 60 px, the table shrinks by as much.
  const e0 = (await box(page.getByTestId("editor-panel"))).height;
  const t0 = (await box(page.locator(".table-panel"))).height;
  const r = await box(page.getByTestId("gutter-row-mid"));
  await page.mouse.move(r.x + 100, r.y + r.height / 2);
  await page.mouse.down();
  await page.mouse.move(r.x + 100, r.y + r.height / 2 + 60, { steps: 4 });
  await page.mouse.up();
  expect(Math.abs((await box(page.getByTestId("editor-panel"))).height - (e0 + 60))).toBeLessThan(3);
  expect(Math.abs((await box(page.locator(".table-panel"))).height - (t0 - 60))).toBeLessThan(3);

  // Keyboard: the gutter between the middle and right columns moves 20 px per arrow.
  const m0 = (await box(mid)).width;
  await page.getByTestId("gutter-col-mid").focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  expect(Math.abs((await box(mid)).width - (m0 + 40))).toBeLessThan(2);
  // The plots follow their panels (plotly by itself only follows the window).
  for (const [plot, panel] of [
    ["traces-plot", ".tabs-panel"],
    ["morphology-plot", "[data-testid=morphology-panel]"],
  ] as const) {
    const right = (await box(page.locator(panel))).x + (await box(page.locator(panel))).width;
    await expect
      .poll(async () => {
        const svg = await box(page.getByTestId(plot).locator("svg.main-svg").first());
        return svg.x + svg.width <= right + 1;
      })
      .toBe(true);
  }
  await shot(page, "layout-resized");

  // A layout put into the session (as a restored session does) is applied.
  await page.evaluate(() => {
    const s = (window as unknown as { dendrolab: { store: { setState(p: unknown): void } } }).dendrolab.store;
    s.setState({
      layout: { left: 333, mid: 1, right: 1, rows: { left: [1, 1], mid: [1, 1], right: [1, 1] } },
    });
  });
  await expect.poll(async () => Math.round((await box(left)).width)).toBe(333);
  // Double-click: back to the defaults.
  await page.getByTestId("gutter-col-left").dblclick();
  expect(await layout(page)).toBeNull();
  await expect.poll(async () => Math.round((await box(left)).width)).toBe(270);
});
