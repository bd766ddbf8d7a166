/**
 * Issue 12, the page's front: links and what user text may do on the page. A link is
 * cleared from the address once opened and a link put in the address of an open page is
 * only opened after the user says so; opening a link is one undo step that brings back
 * everything; Monaco's hovers fetch nothing and open nothing; user strings given to
 * plotly show as text; the links Share makes open, and a document that is not an object
 * is "not a Dendrolab link". The attacker's server runs in the test, on its own port.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { dropFiles } from "./drop.js";
import { openApp, script, waitForRun } from "./helpers.js";

const SWC_PATH = new URL("../fixtures/morph_ca1_n120_250.swc", import.meta.url).pathname;

/** Requests that reached the attacker's server. */
const hits: string[] = [];
let server: Server;
let origin = "";

test.beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? "");
    res.writeHead(200, { "content-type": "image/png", "access-control-allow-origin": "*" });
    res.end();
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

test.beforeEach(() => {
  hits.length = 0;
});

/** Calls a session action by name. */
function act(page: Page, name: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(
    // biome-ignore lint/suspicious/noExplicitAny: the test drives the app's actions
    ([n, a]) => (window as any).dendrolab.actions[n as string](...(a as unknown[])),
    [name, args] as const,
  );
}

interface Snap {
  script: string;
  files: string[];
  dt: number;
  status: string;
  message: string | null;
}

function snap(page: Page): Promise<Snap> {
  return page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the test reads the app's store
    const s = (window as any).dendrolab.store.getState();
    return {
      script: s.script,
      files: Object.keys(s.files),
      dt: s.sim.dt,
      status: s.run.status,
      message: s.run.message,
    };
  });
}

const addressHash = (page: Page) => new URL(page.url()).hash;

test("a link leaves the address once opened: a reload restores the session, it does not open the link again", async ({
  page,
  context,
}) => {
  await openApp(page);
  await act(page, "setSim", { dt: 0.05 });
  const hash = (await act(page, "shareHash")) as string;
  const other = await context.newPage();
  await openApp(other, `/${hash}`);
  expect((await snap(other)).dt).toBe(0.05);
  await expect(other.getByTestId("banner")).toContainText("Opened the shared link");
  expect(addressHash(other)).toBe("");
  await act(other, "setSim", { dt: 0.02 });
  await expect(other.getByTestId("autosave-status")).toHaveAttribute("data-status", "saved");
  await other.reload();
  await waitForRun(other);
  await expect(other.getByTestId("banner")).toContainText("Restored your session");
  await expect(other.getByTestId("banner")).not.toContainText("Opened the shared link");
  expect((await snap(other)).dt).toBe(0.02);
});

test("a link arriving in the address of an open page is only opened when the user says so", async ({ page }) => {
  await openApp(page);
  await act(page, "setSim", { dt: 0.05 });
  const hash = (await act(page, "shareHash")) as string;
  await act(page, "setSim", { dt: 0.02 });
  await act(page, "setColumn", "radius", 0.6);
  await waitForRun(page);
  const mine = await snap(page);
  const setHash = (h: string) =>
    page.evaluate((x) => {
      location.hash = x;
    }, h);

  await setHash(hash);
  await expect(page.getByTestId("banner")).toContainText("Open it?");
  expect(addressHash(page)).toBe(""); // a reload now would not open it
  await page.waitForTimeout(500); // time for an unasked opening to start, were one coming
  expect(await snap(page)).toEqual(mine);
  await page.getByTestId("banner-keep-session").click();
  await expect(page.getByTestId("banner")).toHaveCount(0);
  expect(await snap(page)).toEqual(mine);

  await setHash(hash);
  await page.getByTestId("banner-open-link").click();
  await expect.poll(async () => (await snap(page)).dt).toBe(0.05);
  await waitForRun(page);
  expect((await snap(page)).script).not.toBe(mine.script);
});

test("opening a link is one undo step that brings back a typed script, imported files and settings", async ({
  page,
}) => {
  await openApp(page);
  const hash = (await act(page, "shareHash")) as string; // the tutorial, dt 0.025
  await dropFiles(page, [SWC_PATH]);
  await expect.poll(() => script(page)).toContain('"morph_ca1_n120_250.swc"');
  await waitForRun(page);
  await act(page, "setSim", { dt: 0.05 });
  await act(page, "setScript", `${await script(page)}\n// typed, not run yet\n`);
  const mine = await snap(page);
  expect(mine.files).toEqual(["morph_ca1_n120_250.swc"]);

  await page.evaluate((x) => {
    location.hash = x;
  }, hash);
  await expect(page.getByTestId("banner")).toContainText("your script edits not yet run and 1 imported file");
  await page.getByTestId("banner-open-link").click();
  await expect.poll(async () => (await snap(page)).files).toEqual([]);
  await waitForRun(page);
  expect((await snap(page)).dt).toBe(0.025);

  await page.getByTestId("undo").click();
  await expect.poll(async () => (await snap(page)).script).toBe(mine.script);
  await waitForRun(page);
  const back = await snap(page);
  expect(back.files).toEqual(mine.files);
  expect(back.dt).toBe(0.05);
  expect(back.status).toBe("ok");
  expect(back.message).toBeNull();
});

test("Monaco's hover on a script's JSDoc fetches no remote image and its links open nothing", async ({
  page,
  context,
}) => {
  await openApp(page);
  const doc = `/**\n * Tracked. ![x](${origin}/track.png) [more](${origin}/link)\n */\nfunction trackedThing(): number {\n  return 1;\n}\ntrackedThing();\n`;
  await act(page, "setScript", doc + (await script(page)));
  const word = page.locator(".monaco-editor .view-line span span").filter({ hasText: /^trackedThing$/ });
  await expect(word.last()).toBeVisible({ timeout: 30_000 });
  const hover = page.locator(".monaco-hover").filter({ hasText: "Tracked." });
  // The TypeScript worker may still be loading: hover until its answer shows.
  await expect(async () => {
    await page.mouse.move(0, 0);
    await word.last().hover();
    await expect(hover).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 60_000 });
  await page.waitForTimeout(1000); // time for the image's fetch to arrive, were one coming
  expect(hits).toEqual([]);
  // The hover shows the text, not a remote image.
  const srcs = await hover.locator("img").evaluateAll((els) => els.map((e) => e.getAttribute("src") ?? ""));
  expect(srcs.filter((s) => /^https?:/.test(s))).toEqual([]);
  // The link does nothing: no new tab, no navigation, no request.
  const link = hover.locator("a", { hasText: "more" });
  let popups = 0;
  context.on("page", () => popups++);
  await link.click();
  await page.waitForTimeout(1000); // time for a tab or a request to start, were one coming
  expect(popups).toBe(0);
  expect(new URL(page.url()).origin).not.toBe(origin);
  expect(hits).toEqual([]);
});

test("markup in a user string given to plotly (a project's file name in the traces' legend) shows as text", async ({
  page,
}) => {
  await openApp(page);
  await act(page, "setView", { keepRuns: true });
  const { text } = (await act(page, "saveProject")) as { text: string };
  const name = `<b>B</b><a href="${origin}/x">L</a>&amp;.dendrolab.json`;
  await act(page, "openProject", name, text);
  await waitForRun(page);
  await act(page, "run"); // a second run: the legend names each trace's run, "run n: Open <file name>"
  await waitForRun(page);
  const legend = page.locator("[data-testid=traces-plot] .legend .legendtext");
  await expect(legend.last()).toContainText(`Open <b>B</b><a href="${origin}/x">L</a>&amp;.dendrolab.json`);
  await expect(page.locator("[data-testid=traces-plot] svg a")).toHaveCount(0);
  const bold = await legend.evaluateAll((els) => els.flatMap((e) => [...e.querySelectorAll("tspan")]).length);
  expect(bold).toBe(0);
});

test("Share warns instead of making a link that would not open (a 61,000-character script)", async ({ page }) => {
  await openApp(page);
  const long = `${await script(page)}\n// ${"x".repeat(61_000)}\n`;
  await act(page, "setScript", long);
  await act(page, "run");
  await waitForRun(page);
  await page.getByTestId("share").click();
  await expect(page.getByTestId("share-too-large")).toContainText("at most 60,000");
  await expect(page.getByTestId("share-too-large")).toContainText("Save project");
  await expect(page.getByTestId("share-url")).toHaveCount(0);
  expect(addressHash(page)).toBe("");
});
