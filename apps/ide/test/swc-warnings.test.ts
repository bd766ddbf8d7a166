/** readSwc in scripts logs the reader's warnings naming the imported file. */
import { describe, expect, it } from "vitest";
import { runScript } from "../src/sandbox/run-script.js";
import { parseSwcWarning, swcWarningLine } from "../src/sandbox/swc-warnings.js";

const ZERO_RADII = ["1 1 0 0 0 0 -1", "2 3 0 10 0 0 1", "3 3 0 20 0 0 2"].join("\n");
const NANOMETRES = ["1 1 0 0 0 5000 -1", "2 3 0 10000 0 800 1", "3 3 0 20000 0 800 2"].join("\n");
const script = (name: string) =>
  `import * as jx from "@dendrolab/core";\nimport files from "dendrolab:files";\nexport default jx.readSwc(files[${JSON.stringify(name)}], { ncomp: 1, minRadius: 0.1 });`;

describe("SWC warnings in the run's log", () => {
  it("names the file and gives the reader's warning (radii raised; nanometres)", () => {
    const logs: string[] = [];
    runScript(script("zero.swc"), (l) => logs.push(l), { "zero.swc": ZERO_RADII, "other.swc": NANOMETRES });
    expect(logs).toEqual(['warning: SWC "zero.swc": raised 3 radii below minRadius 0.1 um to 0.1 um (lines 1, 2, 3)']);
    const nm: string[] = [];
    runScript(script("nm.swc"), (l) => nm.push(l), { "nm.swc": NANOMETRES });
    expect(nm).toHaveLength(1);
    expect(parseSwcWarning(nm[0])).toEqual({ file: "nm.swc", text: expect.stringMatching(/looks like nanometres/) });
  });

  it("parses only its own lines, with any file name", () => {
    expect(parseSwcWarning(swcWarningLine('a "b".swc', "x: y"))).toEqual({ file: 'a "b".swc', text: "x: y" });
    expect(parseSwcWarning("warning: careful")).toBeNull();
  });
});
