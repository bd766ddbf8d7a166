/** The relay's limits: how a reply is measured, and that a large legitimate model fits with room to spare. */
import { readFileSync } from "node:fs";
import { serializeModel } from "@dendrolab/core/io";
import { describe, expect, it } from "vitest";
import { L5PC_SWC, l5pcScript } from "../../../e2e/tests/l5pc-script.js";
import {
  capLine,
  droppedLinesNote,
  MAX_LOG_LINE_CHARS,
  MAX_REPLY_BYTES,
  measureBytes,
  SCRIPT_TIMEOUT_MAX_MS,
  SCRIPT_TIMEOUT_MS,
  scriptTimeoutMs,
} from "../src/sandbox/limits.js";
import { runScript } from "../src/sandbox/run-script.js";
import { WARM_UP } from "../src/sandbox/warmup.js";

/** The L5PC morphology: test data in ../shared, never copied into the repository. */
const SWC = readFileSync(new URL(`../../../../shared/swc/${L5PC_SWC}`, import.meta.url), "utf8");

describe("sandbox limits", () => {
  it("gives a run with large imported files more time, within a ceiling", () => {
    expect(scriptTimeoutMs({})).toBe(SCRIPT_TIMEOUT_MS);
    expect(scriptTimeoutMs({ "a.swc": "x".repeat(1_000_000) })).toBe(SCRIPT_TIMEOUT_MS + 2000);
    expect(scriptTimeoutMs({ "a.swc": "x".repeat(500_000), "b.mod": "y".repeat(500_000) })).toBe(
      SCRIPT_TIMEOUT_MS + 2000,
    );
    expect(scriptTimeoutMs({ "big.swc": "x".repeat(50_000_000) })).toBe(SCRIPT_TIMEOUT_MAX_MS);
  });

  it("measures numbers, strings, keys, typed arrays and nesting, without recursion", () => {
    expect(measureBytes(1)).toBe(8);
    expect(measureBytes("abc")).toBe(3);
    expect(measureBytes({ ab: [1, 2], c: new Float64Array(4) })).toBe(2 + 16 + 1 + 32);
    let deep: unknown = 0;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(measureBytes(deep)).toBe(8);
  });

  it("stops measuring once past the limit", () => {
    const big = Array.from({ length: 1_000_000 }, (_, i) => i);
    const n = measureBytes(big, 1000);
    expect(n).toBeGreaterThan(1000);
    expect(n).toBeLessThan(2000);
  });

  it("the 1,296-compartment L5PC model is far below the reply limit", () => {
    const script = l5pcScript("builtin").replace("ncomp: 1,", "ncomp: 4,");
    const net = runScript(script, () => undefined, { [L5PC_SWC]: SWC });
    expect(net.nComp).toBe(1296);
    const bytes = measureBytes(serializeModel(net));
    console.log(`L5PC (1,296 compartments) serialised: ${bytes} bytes; the limit is ${MAX_REPLY_BYTES}`);
    expect(bytes).toBeGreaterThan(100_000);
    expect(bytes * 20).toBeLessThan(MAX_REPLY_BYTES);
  });

  it("says how much of a long line and of a long console was dropped", () => {
    expect(capLine("short")).toBe("short");
    const cut = capLine("x".repeat(MAX_LOG_LINE_CHARS + 1234));
    expect(cut).toContain("1,234 more characters not shown");
    expect(cut.startsWith("x".repeat(MAX_LOG_LINE_CHARS))).toBe(true);
    expect(droppedLinesNote(5000)).toContain("5,000 more console lines were not kept");
  });
});

describe("the script worker's warm-up", () => {
  it("builds its model (so that it compiles the code a run goes through)", () => {
    const logs: string[] = [];
    const net = runScript(WARM_UP.script, (l) => logs.push(l), WARM_UP.files);
    expect(net.nComp).toBeGreaterThan(4);
    expect(measureBytes(serializeModel(net))).toBeGreaterThan(1000);
  });
});
