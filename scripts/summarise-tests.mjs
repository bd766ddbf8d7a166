// Sums the JSON reports that the test runners wrote and prints one summary line.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const roots = ["packages", "apps"].flatMap((d) => (existsSync(d) ? readdirSync(d).map((p) => join(d, p)) : []));
roots.push("e2e", "examples", "bench");
let passed = 0,
  failed = 0,
  skipped = 0,
  reports = 0,
  flaky = 0;
for (const root of roots) {
  const dir = join(root, "test-results");
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const r = JSON.parse(readFileSync(join(dir, f), "utf8"));
    reports++;
    if (typeof r.numPassedTests === "number") {
      // Vitest (Jest-compatible JSON)
      passed += r.numPassedTests;
      failed += r.numFailedTests;
      skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    } else if (r.stats) {
      // Playwright JSON reporter
      // A flaky test failed once and passed on its retry: it counts as passed, and is listed.
      passed += (r.stats.expected ?? 0) + (r.stats.flaky ?? 0);
      flaky += r.stats.flaky ?? 0;
      failed += r.stats.unexpected ?? 0;
      skipped += r.stats.skipped ?? 0;
    }
  }
}
console.log(`\n${reports} test reports${flaky ? `; ${flaky} end-to-end test(s) passed only on retry (flaky)` : ""}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (reports === 0 || passed === 0 || failed > 0) process.exit(1);
