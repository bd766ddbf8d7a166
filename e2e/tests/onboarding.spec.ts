/**
 * The first open (issue 13): a welcome card over the simulated tutorial, from which an
 * example, a lesson, the tour or the tutorial start; the tour's five steps, each
 * highlighting its region; Skip and Escape at every step; neither shows again once
 * closed, done or skipped; the Help panel starts the tour again; no card when the page
 * opens a link or a saved session. Every test here starts as a first visitor (an empty
 * storage state; the other specs start welcomed, see playwright.config.ts).
 * Screenshots at 1280x720: test-results/screenshots/onboarding-*.png.
 */
import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { WELCOMED_KEY } from "../playwright.config.js";
import { script, shot, waitForRun } from "./helpers.js";

const FIRST_VISIT = { cookies: [], origins: [] };
test.use({ storageState: FIRST_VISIT, viewport: { width: 1280, height: 720 } });

const card = (page: Page) => page.getByTestId("landing-card");
const tour = (page: Page) => page.getByTestId("tour");

/** What the page opened with (the session's `opened`), once it has opened. */
const opened = (page: Page) =>
  // biome-ignore lint/suspicious/noExplicitAny: the test reads the app's store
  page.evaluate(() => (window as any).dendrolab.store.getState().opened ?? null);

/** Opens the IDE and waits until its session has opened and run (the card, if any, decides before the run ends). */
async function open(page: Page, path = "/"): Promise<void> {
  await page.goto(path);
  await expect.poll(() => opened(page)).not.toBeNull();
  await waitForRun(page);
}

/** Neither the card nor the tour, after the page's session has opened and run. */
async function neither(page: Page): Promise<void> {
  await expect(card(page)).toHaveCount(0);
  await expect(tour(page)).toHaveCount(0);
}

const welcomed = (page: Page) => page.evaluate((k) => localStorage.getItem(k), WELCOMED_KEY);

/** The page box of `target`, and of the focus's dialog. */
const box = async (l: Locator) => (await l.boundingBox())!;

test("first open: the welcome card over the simulated tutorial; an example opens from it", async ({ page }) => {
  await open(page);
  await expect(card(page)).toBeVisible();
  await expect(page.getByRole("dialog", { name: "Welcome to Dendrolab" })).toBeVisible();
  await expect(page.getByTestId("run-status")).toContainText("simulated in"); // the tutorial, underneath
  expect(await opened(page)).toBe("tutorial");
  await expect(page.getByTestId("landing-tour")).toBeFocused();
  await expect(page.getByTestId("landing-lesson-groups")).toBeVisible();
  await expect(page.getByTestId("landing-lesson-threshold")).toBeVisible();
  const offered = await card(page)
    .locator('[data-testid^="landing-example-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")!.replace("landing-example-", "")));
  expect(offered).toContain("hh");
  // Every card fits the window (nothing cut off at 1280x720).
  const c = await box(card(page));
  expect(c.y).toBeGreaterThanOrEqual(0);
  expect(c.y + c.height).toBeLessThanOrEqual(720);
  await shot(page, "onboarding-01-card");

  await page.getByTestId("landing-example-hh").click();
  await expect(card(page)).toHaveCount(0);
  await expect(page.getByTestId("example-panel")).toContainText("Hodgkin-Huxley");
  await waitForRun(page);
  expect(
    // biome-ignore lint/suspicious/noExplicitAny: the test reads the app's store
    await page.evaluate(() => (window as any).dendrolab.store.getState().history.present.label),
  ).toMatch(/^Open example: Hodgkin-Huxley/);
  expect(await welcomed(page)).toBe("1");

  // The card offered every example of the Examples menu.
  await page.getByTestId("examples-menu").click();
  const menu = await page
    .locator('[data-testid^="example-"][role="menuitem"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")!.replace("example-", "")));
  expect(offered).toEqual(menu);
  await page.keyboard.press("Escape");

  await page.reload();
  await open(page);
  await neither(page);
});

test("the tour: five steps, each highlighting its region beside its text; Back, Next, Done; not shown again", async ({
  page,
}) => {
  await open(page);
  await page.getByTestId("landing-tour").click();
  await expect(card(page)).toHaveCount(0);
  const regions = [
    [".editor-panel"],
    [".tree-panel", ".morph-panel"],
    [".table-panel"],
    [".tabs-panel"],
    [".toolbar", '[data-testid="tab-trainer"]'],
  ];
  const step = page.getByTestId("tour-step");
  for (let i = 0; i < regions.length; i++) {
    await expect(page.getByTestId("tour-count")).toHaveText(`Step ${i + 1} of 5`);
    await expect(page.getByRole("dialog")).toHaveAccessibleName(/./);
    await expect(page.getByTestId("tour-next")).toBeFocused();
    const rings = page.getByTestId("tour-ring");
    await expect(rings).toHaveCount(regions[i].length);
    const text = await box(step);
    for (let k = 0; k < regions[i].length; k++) {
      const region = await box(page.locator(regions[i][k]).first());
      const ring = await box(rings.nth(k));
      // The ring goes round its region, a few pixels out (inside the window: the toolbar is at its edge).
      expect(ring.x).toBeLessThanOrEqual(Math.max(region.x, 1));
      expect(ring.y).toBeLessThanOrEqual(Math.max(region.y, 1));
      expect(ring.x + ring.width).toBeGreaterThanOrEqual(Math.min(region.x + region.width, 1279));
      expect(ring.y + ring.height).toBeGreaterThanOrEqual(Math.min(region.y + region.height, 719));
      expect(ring.width - region.width).toBeLessThan(12);
      expect(ring.height - region.height).toBeLessThan(12);
      // The text does not cover what it is about, and stays in the window.
      const w = Math.min(text.x + text.width, region.x + region.width) - Math.max(text.x, region.x);
      const h = Math.min(text.y + text.height, region.y + region.height) - Math.max(text.y, region.y);
      expect(w <= 0 || h <= 0, `step ${i + 1}: the text covers ${regions[i][k]}`).toBe(true);
    }
    expect(text.x).toBeGreaterThanOrEqual(0);
    expect(text.y + text.height).toBeLessThanOrEqual(720);
    await shot(page, `onboarding-02-tour-${i + 1}`);
    if (i === 1) {
      await page.getByTestId("tour-back").click();
      await expect(page.getByTestId("tour-count")).toHaveText("Step 1 of 5");
      await page.keyboard.press("ArrowRight"); // the arrow keys move too
      await expect(page.getByTestId("tour-count")).toHaveText("Step 2 of 5");
    }
    if (i < regions.length - 1) await page.getByTestId("tour-next").click();
  }
  await expect(page.getByTestId("tour-next")).toHaveText("Done");
  await page.getByTestId("tour-next").click();
  await expect(tour(page)).toHaveCount(0);

  await page.reload();
  await open(page);
  await neither(page);

  // The Help panel starts it again; Escape leaves it.
  await page.getByTestId("help").click();
  await expect(page.getByTestId("help-tour")).toBeVisible();
  await shot(page, "onboarding-03-help");
  await page.getByTestId("help-tour").click();
  await expect(page.getByTestId("help-pop")).toHaveCount(0);
  await expect(page.getByTestId("tour-count")).toHaveText("Step 1 of 5");
  await expect(page.getByTestId("tour-next")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(tour(page)).toHaveCount(0);
});

test("Skip at any step ends the tour for good", async ({ page }) => {
  await open(page);
  await page.getByTestId("landing-tour").click();
  await page.getByTestId("tour-next").click();
  await page.getByTestId("tour-next").click();
  await expect(page.getByTestId("tour-count")).toHaveText("Step 3 of 5");
  await page.getByTestId("tour-skip").click();
  await expect(tour(page)).toHaveCount(0);
  expect(await welcomed(page)).toBe("1");
  await page.reload();
  await open(page);
  await neither(page);
});

test("the keyboard: Tab stays in the card, Escape closes it for good and the tutorial stays", async ({ page }) => {
  await open(page);
  const tutorial = await script(page);
  await expect(page.getByTestId("landing-tour")).toBeFocused();
  const inCard = () => page.evaluate(() => document.activeElement?.closest('[data-testid="landing-card"]') !== null);
  const stops = await card(page).locator("button").count();
  for (let k = 0; k < stops + 2; k++) {
    await page.keyboard.press("Tab");
    expect(await inCard(), `Tab ${k + 1}`).toBe(true);
  }
  await page.getByTestId("landing-close").focus();
  await page.keyboard.press("Shift+Tab"); // from the first control round to the last
  expect(await inCard()).toBe(true);
  await expect(page.getByTestId("landing-close")).not.toBeFocused();
  await page.keyboard.press("Escape");
  await expect(card(page)).toHaveCount(0);
  expect(await script(page)).toBe(tutorial);
  expect(await welcomed(page)).toBe("1");
  await page.reload();
  await open(page);
  await neither(page);
});

test("'Start with the tutorial' closes the card; a lesson opens from it", async ({ page, browser }) => {
  await open(page);
  await page.getByTestId("landing-tutorial").click();
  await expect(card(page)).toHaveCount(0);
  await expect(tour(page)).toHaveCount(0);

  const other = await firstVisit(browser);
  await open(other);
  await other.getByTestId("landing-lesson-threshold").click();
  await expect(other.getByTestId("lesson-panel")).toContainText("What sets the spike threshold?");
  await expect(card(other)).toHaveCount(0);
  await other.context().close();
});

/** A page in a context of its own, as a first visitor. */
async function firstVisit(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: FIRST_VISIT, viewport: { width: 1280, height: 720 } });
  return context.newPage();
}

test("no card when the page opens a link or a saved session", async ({ page, browser }) => {
  await open(page);
  await expect(card(page)).toBeVisible();
  // biome-ignore lint/suspicious/noExplicitAny: the test drives the app's actions
  const hash: string = await page.evaluate(() => (window as any).dendrolab.actions.shareHash());

  const linked = await firstVisit(browser);
  await open(linked, `/${hash}`);
  expect(await opened(linked)).toBe("link");
  await neither(linked);
  await linked.context().close();

  // A session saved here (the card still open, so not welcomed) is restored on reload: no card.
  // biome-ignore lint/suspicious/noExplicitAny: the test drives the app's actions
  await page.evaluate(() => (window as any).dendrolab.actions.setSim({ tMax: 30 }));
  await expect(page.getByTestId("autosave-status")).toHaveAttribute("data-status", "saved");
  expect(await welcomed(page)).toBeNull();
  await page.reload();
  await open(page);
  expect(await opened(page)).toBe("autosave");
  await neither(page);
});
