/**
 * End-to-end tests of the built IDE (apps/ide/dist, served by `vite preview` on a free
 * port, which also serves the documentation site's build, apps/docs/dist, at /docs/) in Debian's Chromium. No browser is downloaded: Playwright drives
 * /usr/bin/chromium (or $CHROMIUM). The JSON report goes to test-results/playwright.json.
 */
import { execFileSync } from "node:child_process";
import { defineConfig } from "@playwright/test";

const freePort = () =>
  execFileSync(process.execPath, [
    "-e",
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
  ])
    .toString()
    .trim();

process.env.E2E_PORT ??= freePort();
const port = Number(process.env.E2E_PORT);
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** The localStorage flag the IDE sets once its landing card is closed (apps/ide/src/ui/onboarding/onboarding-store.ts). */
export const WELCOMED_KEY = "dendrolab.welcomed";

/**
 * Every test's browser context starts as a returning visitor: the landing card and the
 * tour of the first open stay away. tests/onboarding.spec.ts starts with an empty state.
 */
export const WELCOMED = {
  cookies: [],
  origins: [{ origin: `http://127.0.0.1:${port}`, localStorage: [{ name: WELCOMED_KEY, value: "1" }] }],
};

export default defineConfig({
  testDir: "tests",
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  // One retry in CI guards the timing assertions (long tasks) against a busy machine;
  // a test that needed it is reported as flaky by scripts/summarise-tests.mjs.
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  outputDir: "test-results/artifacts",
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: "chromium",
    viewport: { width: 1440, height: 900 },
    storageState: WELCOMED,
    launchOptions: { executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
    trace: "off",
  },
  webServer: {
    command: `pnpm --dir ../apps/ide exec vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
