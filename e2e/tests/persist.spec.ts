/**
 * Nothing lost: the session is autosaved to IndexedDB and restored on reload (a banner
 * says from when, with one click back to the tutorial); a link in the address wins over
 * the autosave, which stays reachable; the address forgets a link once the session
 * differs from it; leaving asks first only when something is not saved; projects are
 * saved and opened as one file (picker or drop), and opening never loses the open
 * session (undo); a file a link asks for keeps the link's script.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { dropFiles } from "./drop.js";
import { openApp, script, shot, waitForRun } from "./helpers.js";

const SWC_PATH = new URL("../fixtures/morph_ca1_n120_250.swc", import.meta.url).pathname;
const SWC = readFileSync(SWC_PATH, "utf8");
const TMP = new URL("../test-results/persist/", import.meta.url).pathname;
mkdirSync(TMP, { recursive: true });

/** Writes a file for the test to drop or pick; returns its path. */
function tmpFile(name: string, text: string): string {
  writeFileSync(TMP + name, text);
  return TMP + name;
}

/** An SWC too large for a share link (the CA1 cell with comment lines). */
const bigSwc = (tag: string) =>
  `${SWC}\n${Array.from({ length: 4000 }, (_, i) => `# ${tag} padding ${i.toString(36).repeat(8)} ${i}`).join("\n")}\n`;

interface Snapshot {
  script: string;
  files: string[];
  dt: number;
  losses: number;
  best: number | null;
  runs: number;
  autosave: string;
  savedAt: number | null;
  past: number;
}

function snap(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the test reads the app's store
    const s = (window as any).dendrolab.store.getState();
    return {
      script: s.script,
      files: Object.keys(s.files),
      dt: s.sim.dt,
      losses: s.training.losses.length,
      best: s.training.best?.loss ?? null,
      runs: s.runs.length,
      autosave: s.autosave?.status,
      savedAt: s.autosave?.savedAt ?? null,
      past: s.history.past.length,
    };
  });
}

/** Calls a session action by name. */
function act(page: Page, name: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(
    // biome-ignore lint/suspicious/noExplicitAny: the test drives the app's actions
    ([n, a]) => (window as any).dendrolab.actions[n as string](...(a as unknown[])),
    [name, args] as const,
  );
}

const hhmm = (ms: number) =>
  new Date(ms).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

test("autosave: a reload restores the session (training results included), with one undoable click back to the tutorial", async ({
  page,
}) => {
  await openApp(page);
  const tutorial = await script(page);
  // Train 3 steps (results: loss curve and best values), edit a value, change dt.
  await act(page, "setTrainer", { params: [{ group: "fast_spiking", key: "Na_gNa", target: 0.3 }], steps: 3 });
  await act(page, "startTraining");
  await page.getByTestId("tab-trainer").click(); // the tab mounts when first opened
  await expect(page.getByTestId("train-status")).toContainText("done", { timeout: 90_000 });
  await act(page, "setColumn", "radius", 0.7);
  await waitForRun(page);
  await page.getByTestId("sim-dt").fill("0.05");
  await page.getByTestId("sim-dt").press("Enter");
  await expect(page.getByTestId("autosave-status")).toHaveAttribute("data-status", "saved");
  await expect(page.getByTestId("autosave-status")).toHaveAttribute("title", /^Saved in this browser at \d\d:\d\d/);
  const before = await snap(page);
  expect(before.script).toContain('network.set("radius", 0.7);');
  expect(before.losses).toBe(3);

  await page.reload();
  await waitForRun(page);
  const banner = page.getByTestId("banner");
  await expect(banner).toContainText(`Restored your session from ${hhmm(before.savedAt!)}`);
  const after = await snap(page);
  expect(after.script).toBe(before.script);
  expect(after.dt).toBe(0.05);
  expect(after.losses).toBe(3);
  expect(after.best).toBeCloseTo(before.best!, 5);
  await page.getByTestId("tab-trainer").click();
  await expect(page.getByTestId("train-best")).toBeVisible();
  await shot(page, "persist-01-restored");

  // One click back to the tutorial, itself undoable.
  await page.getByTestId("banner-tutorial").click();
  await waitForRun(page);
  expect((await snap(page)).script).toBe(tutorial);
  expect((await snap(page)).dt).toBe(0.025);
  await page.getByTestId("undo").click();
  await waitForRun(page);
  const undone = await snap(page);
  expect(undone.script).toBe(before.script);
  expect(undone.dt).toBe(0.05);
  expect(undone.losses).toBe(3);
});

test("the address forgets a shared link once the session differs; a link wins over the autosave, which stays reachable", async ({
  page,
  context,
}) => {
  await openApp(page);
  await act(page, "setColumn", "radius", 0.6);
  await waitForRun(page);
  await page.getByTestId("share").click();
  const url = await page.getByTestId("share-url").inputValue();
  const linked = await script(page);
  expect(new URL(page.url()).hash).toMatch(/^#s=2\./); // Share puts the link in the address
  await act(page, "setColumn", "radius", 0.8);
  await waitForRun(page);
  await expect.poll(() => new URL(page.url()).hash).toBe(""); // the session differs from the link now
  const edited = await script(page);
  await expect(page.getByTestId("autosave-status")).toHaveAttribute("data-status", "saved");

  // A reload restores the edited session, not the old link.
  await page.reload();
  await waitForRun(page);
  expect(await script(page)).toBe(edited);

  // Opening the link (a new tab, same browser storage): the link wins ...
  await page.close();
  const other = await context.newPage();
  await openApp(other, url.replace(/^https?:\/\/[^/]+\//, "/"));
  expect(await script(other)).toBe(linked);
  await expect(other.getByTestId("banner")).toContainText("your previous session");
  await shot(other, "persist-02-link-over-autosave");
  // ... and the autosaved session is one click away, and that click is undoable.
  await other.getByTestId("banner-previous").click();
  // The click reads the stored session first (IndexedDB), then replaces and runs.
  await expect.poll(() => script(other)).toBe(edited);
  await waitForRun(other);
  await other.getByTestId("undo").click();
  await waitForRun(other);
  expect(await script(other)).toBe(linked);
});

test("a link pasted into the address of an open page keeps the session it replaces reachable", async ({ page }) => {
  await openApp(page);
  await act(page, "setSim", { dt: 0.05 });
  const hash = (await act(page, "shareHash")) as string;
  await act(page, "setSim", { dt: 0.02 });
  await act(page, "setColumn", "radius", 0.6);
  await waitForRun(page);
  await expect(page.getByTestId("autosave-status")).toHaveAttribute("data-status", "saved");
  const mine = await snap(page);
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await page.getByTestId("banner-open-link").click(); // a link arriving in the address is opened only on yes
  await expect(page.getByTestId("banner")).toContainText("your previous session");
  await waitForRun(page);
  expect((await snap(page)).dt).toBe(0.05);
  await page.getByTestId("banner-previous").click();
  await waitForRun(page);
  await expect.poll(async () => (await snap(page)).script).toBe(mine.script);
  expect((await snap(page)).dt).toBe(0.02);
});

test("leaving asks first only when the work is not saved; without IndexedDB a quiet notice says autosave is off", async ({
  browser,
}) => {
  const dialogs = async (page: Page) => {
    const seen: string[] = [];
    page.on("dialog", (d) => {
      seen.push(d.type());
      void d.dismiss().catch(() => undefined);
    });
    return seen;
  };
  // Saved: no question.
  const ctx1 = await browser.newContext();
  const saved = await ctx1.newPage();
  await openApp(saved);
  await saved.getByTestId("tab-trainer").click(); // a user gesture (browsers ask only after one)
  await act(saved, "setColumn", "radius", 0.6);
  await waitForRun(saved);
  await expect(saved.getByTestId("autosave-status")).toHaveAttribute("data-status", "saved");
  const seen1 = await dialogs(saved);
  await saved.close({ runBeforeUnload: true });
  await expect.poll(() => saved.isClosed()).toBe(true);
  expect(seen1).toEqual([]);
  await ctx1.close();

  // No IndexedDB (as in some private modes): the page works, says so quietly, and asks before leaving with edits.
  const ctx2 = await browser.newContext();
  await ctx2.addInitScript(() => Object.defineProperty(window, "indexedDB", { value: undefined }));
  const page = await ctx2.newPage();
  await openApp(page);
  await expect(page.getByTestId("autosave-status")).toHaveText("· autosave off");
  await expect(page.getByTestId("autosave-status")).toHaveAttribute("title", /Save project/);
  await expect(page.getByTestId("banner")).toHaveCount(0);
  await page.getByTestId("tab-trainer").click();
  await act(page, "setColumn", "radius", 0.6);
  await waitForRun(page);
  expect(await script(page)).toContain('network.set("radius", 0.6);');
  await shot(page, "persist-03-autosave-off");
  const seen2 = await dialogs(page);
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => seen2).toEqual(["beforeunload"]);
  await ctx2.close();
});

test("save project / open project: one file with the imported files; opening by picker or drop is undoable; bad files say what is wrong", async ({
  page,
}) => {
  await openApp(page);
  const tutorial = await script(page);
  await dropFiles(page, [SWC_PATH]);
  await expect.poll(() => script(page)).toContain("morph_ca1_n120_250.swc");
  await waitForRun(page);
  await act(page, "setColumn", "radius", 0.9);
  await waitForRun(page);
  const project = await snap(page);

  const download = page.waitForEvent("download");
  await page.getByTestId("project-menu").click();
  await page.getByTestId("save-project").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("morph_ca1_n120_250.dendrolab.json");
  const path = TMP + file.suggestedFilename();
  await file.saveAs(path);
  const doc = JSON.parse(readFileSync(path, "utf8"));
  expect(doc).toMatchObject({ format: "dendrolab-project", version: 2, script: project.script });
  expect(doc.files["morph_ca1_n120_250.swc"]).toBe(SWC);
  expect(doc.runs.length).toBeGreaterThan(0);

  // Back to the tutorial, then open the project with the picker.
  await page.getByTestId("project-menu").click();
  await page.getByTestId("back-to-tutorial").click();
  await waitForRun(page);
  expect((await snap(page)).files).toEqual([]);
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("project-menu").click();
  await page.getByTestId("open-project").click();
  await (await chooser).setFiles(path);
  await waitForRun(page);
  await expect.poll(async () => (await snap(page)).script).toBe(project.script);
  expect((await snap(page)).files).toEqual(["morph_ca1_n120_250.swc"]);
  await expect(page.getByTestId("group-apical")).toBeVisible();
  await expect(page.getByTestId("banner")).toContainText("Opened “morph_ca1_n120_250.dendrolab.json”");
  await shot(page, "persist-04-project-opened");
  // Ctrl+Z brings the tutorial back (files and all); redo the project.
  await page.locator("body").press("ControlOrMeta+z");
  await waitForRun(page);
  expect(await script(page)).toBe(tutorial);
  expect((await snap(page)).files).toEqual([]);
  await page.getByTestId("redo").click();
  await waitForRun(page);
  expect((await snap(page)).files).toEqual(["morph_ca1_n120_250.swc"]);

  // Dropping the project file opens it too (over the tutorial).
  await act(page, "backToTutorial");
  await dropFiles(page, [path]);
  await expect.poll(async () => (await snap(page)).script).toBe(project.script);
  await waitForRun(page);

  // Malformed and future files: a clear error naming the file; nothing changes.
  const cases: Array<[string, string, RegExp]> = [
    [
      "broken.dendrolab.json",
      '{"format": "dendrolab-project", "vers',
      /"broken\.dendrolab\.json" is not a Dendrolab project: it is not JSON/,
    ],
    [
      "bad.dendrolab.json",
      JSON.stringify({ ...doc, script: 5 }),
      /"bad\.dendrolab\.json" is not a valid project: script should be a string/,
    ],
    [
      "future.dendrolab.json",
      JSON.stringify({ ...doc, version: 9 }),
      /"future\.dendrolab\.json" was saved by a newer version of Dendrolab \(project format 9/,
    ],
    ["other.json", '{"hello": 1}', /"other\.json" is not a Dendrolab project/],
  ];
  for (const [name, text, message] of cases) {
    await dropFiles(page, [tmpFile(name, text)]);
    await expect(page.getByTestId("banner")).toContainText(message);
    await expect(page.getByTestId("banner")).toContainText("Your open session was not changed.");
    expect(await script(page)).toBe(project.script);
  }
  await shot(page, "persist-05-bad-project");
});

test("the share warning names only the files the script uses", async ({ page }) => {
  await openApp(page);
  // Two large files; the script reads only the second.
  await dropFiles(page, [tmpFile("old.swc", bigSwc("old"))]);
  await expect.poll(() => script(page)).toContain('"old.swc"');
  await waitForRun(page);
  await dropFiles(page, [tmpFile("big.swc", bigSwc("big"))]);
  await expect.poll(() => script(page)).toContain('"big.swc"');
  await waitForRun(page);
  expect(await script(page)).not.toContain('"old.swc"');
  await page.getByTestId("share").click();
  await expect(page.getByTestId("share-omitted")).toContainText('"big.swc"');
  await expect(page.getByTestId("share-omitted")).not.toContainText("old.swc");
});

test("a file a link asks for keeps the link's script, even renamed on the way", async ({ page, browser }) => {
  await openApp(page);
  await dropFiles(page, [tmpFile("big.swc", bigSwc("big"))]);
  await expect.poll(() => script(page)).toContain('"big.swc"');
  await waitForRun(page);
  await act(page, "setColumn", "radius", 0.7);
  await waitForRun(page);
  const linked = await script(page);
  await page.getByTestId("share").click();
  const url = await page.getByTestId("share-url").inputValue();

  const other = await browser.newPage();
  await other.goto(url.replace(/^https?:\/\/[^/]+\//, "/"));
  await waitForRun(other);
  await expect(other.getByTestId("banner")).toContainText('leaves out the file "big.swc"');
  expect(await script(other)).toBe(linked);
  // The file arrives under another name (a browser's "big (1).swc"): it takes the name the script reads.
  await dropFiles(other, [tmpFile("big (1).swc", bigSwc("big"))]);
  await waitForRun(other);
  await expect(other.getByTestId("run-status")).toHaveText(/^Built in/);
  expect(await script(other)).toBe(linked);
  expect(await script(other)).toContain('network.set("radius", 0.7);');
  await expect(other.getByTestId("banner")).toContainText('"big_1_.swc" was imported as "big.swc"');
  await other.close();
});
