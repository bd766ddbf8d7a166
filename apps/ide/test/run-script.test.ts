import { describe, expect, it } from "vitest";
import * as jx from "@dendrolab/core";
import { lockDown } from "../src/sandbox/lockdown.js";
import { runScript, ScriptError } from "../src/sandbox/run-script.js";
import { TUTORIAL_SCRIPT } from "./helpers.js";

const run = (s: string) => runScript(s, () => undefined);

describe("running model scripts", () => {
  it("builds the tutorial network from the TypeScript script", () => {
    const net = run(TUTORIAL_SCRIPT);
    expect(net).toBeInstanceOf(jx.Network);
    expect(net.view.length).toBe(24);
    expect(net.groupNames).toEqual(["fast_spiking", "slow_spiking"]);
  });

  it("takes a `network` variable without an export, and captures console output", () => {
    const logs: string[] = [];
    const net = runScript(
      'import * as jx from "@dendrolab/core";\nconst network = new jx.Cell();\nconsole.log("n =", network.nComp, { a: 1 });\nconsole.warn("careful");',
      (l) => logs.push(l),
    );
    expect(net.nComp).toBe(1);
    expect(logs).toEqual(['n = 1 {"a":1}', "warning: careful"]);
  });

  it("reports the line of a runtime error", () => {
    const script = TUTORIAL_SCRIPT.replace(
      'network.cell(2).addToGroup("slow_spiking");',
      'network.cell(2).addToGroup("slow_spiking");\nnetwork.cell(7).addToGroup("x");',
    );
    const line = script.split("\n").findIndex((l) => l.includes("cell(7)")) + 1;
    try {
      run(script);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScriptError);
      expect((e as ScriptError).message).toMatch(/cell index 7 is out of range/);
      expect((e as ScriptError).line).toBe(line);
    }
  });

  it("reports syntax errors with their line, unknown imports and missing models", () => {
    expect(() => run("const a = ;\n")).toThrow(/Syntax error/);
    try {
      run("const x = 1;\nconst = 2;");
    } catch (e) {
      expect((e as ScriptError).line).toBe(2);
    }
    expect(() => run('import fs from "fs";\nexport default fs;')).toThrow(
      /Cannot import 'fs': scripts can import '@dendrolab\/core'/,
    );
    expect(() => run("const a = 1;")).toThrow(/defines no model/);
    expect(() => run("export default 42;")).toThrow(/default export is not a model/);
  });
});

describe("lockDown", () => {
  it("removes network and storage names from the scope and its prototypes", () => {
    const proto = { fetch: () => "net", indexedDB: {}, keep: 1 };
    const scope = Object.create(proto) as Record<string, unknown>;
    scope.WebSocket = class {};
    scope.importScripts = () => undefined;
    expect(lockDown(scope)).toEqual([]);
    expect(scope.fetch).toBeUndefined();
    expect(scope.WebSocket).toBeUndefined();
    expect(scope.importScripts).toBeUndefined();
    expect(scope.indexedDB).toBeUndefined();
    expect(scope.keep).toBe(1);
    expect(() => {
      scope.fetch = () => "again";
    }).toThrow();
  });
});
