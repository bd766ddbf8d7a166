/**
 * Screenshots for the documentation (docs/img/*.png), taken from the built IDE in
 * Debian's Chromium: pnpm --filter @dendrolab/e2e run docs-screenshots
 */
import base from "./playwright.config.js";

export default { ...base, testDir: "docs", reporter: [["list"]], outputDir: "test-results/docs-artifacts" };
