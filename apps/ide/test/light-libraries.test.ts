/**
 * The light script worker's libraries (no tfjs): scripts that only build models run the
 * same as with every library, and every way of reaching for tfjs is marked, even when the
 * script catches the error, so that the relay runs it again in the full worker.
 */
import * as full from "@dendrolab/core";
import { serializeModel } from "@dendrolab/core/io";
import * as sim from "@dendrolab/core/sim";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  installLightBridge,
  lightLibraries,
  NeedsTfjs,
  neededTfjs,
  resetNeededTfjs,
} from "../src/sandbox/light-libraries.js";
import { fullLibraries, runScript } from "../src/sandbox/run-script.js";
import { evaluateScript } from "../src/sandbox/script-eval.js";
import { TFJS_CORE_NAMES } from "../src/sandbox/tfjs-names.js";
import { TUTORIAL_SCRIPT } from "../src/session/tutorial.js";

const light = (source: string) => evaluateScript(source, () => undefined, {}, lightLibraries);
const head = `import * as jx from "@dendrolab/core";
import { HH } from "@dendrolab/core/channels";
const network = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0]);
network.insert(new HH());
`;

describe("the names that need tfjs", () => {
  it("are exactly those of @dendrolab/core that @dendrolab/core/sim lacks", () => {
    const missing = Object.keys(full).filter((k) => !(k in sim));
    expect([...TFJS_CORE_NAMES].sort()).toEqual(missing.sort());
  });
});

describe("the light worker's libraries", () => {
  // Tests run after the imports above, so this replaces the tfjs bridge that importing @dendrolab/core installed.
  beforeAll(installLightBridge);
  beforeEach(resetNeededTfjs);

  it("build the tutorial network as every library does, without reaching for tfjs", () => {
    const a = serializeModel(light(TUTORIAL_SCRIPT));
    expect(neededTfjs()).toBe(false);
    expect(JSON.stringify(a)).toBe(JSON.stringify(serializeModel(runScript(TUTORIAL_SCRIPT, () => undefined))));
  });

  it.each([
    ["a name that needs tfjs", "jx.integrate(network);"],
    ["a named import of one", 'import { integrateBatch } from "@dendrolab/core";\nintegrateBatch(network, []);'],
    ["importing tfjs", 'import * as tf from "@tensorflow/tfjs";\ntf.scalar(1);'],
    ["getParameters", "network.makeTrainable('HH_gNa');\nnetwork.getParameters();"],
    ["dataSet", "network.dataSet('HH_gNa', 0.1);"],
  ])("mark %s and throw", (_what, line) => {
    expect(() => light(`${head}${line}\nexport default network;`)).toThrow(/needs tfjs/);
    expect(neededTfjs()).toBe(true);
  });

  it("keep the mark when the script catches the error", () => {
    const model = light(
      `${head}try { jx.integrate(network); } catch (e) { console.log("caught"); }\nexport default network;`,
    );
    expect(model.nComp).toBe(4);
    expect(neededTfjs()).toBe(true);
  });

  it("throw NeedsTfjs through the script's error (the worker answers needs-tfjs instead)", () => {
    expect(() => light(`${head}jx.integrate(network);\nexport default network;`)).toThrow(/jx\.integrate needs tfjs/);
    expect(() => lightLibraries.modules["@tensorflow/tfjs"]()).toThrow(NeedsTfjs);
  });
});

describe("every library, watched (the full worker)", () => {
  it("calls back when a script reaches for tfjs, and not when it only builds", () => {
    let reached = 0;
    const libs = fullLibraries(() => reached++);
    evaluateScript(TUTORIAL_SCRIPT, () => undefined, {}, libs);
    expect(reached).toBe(0);
    evaluateScript(`${head}const f = jx.integrate;\nexport default network;`, () => undefined, {}, libs);
    expect(reached).toBe(1);
    evaluateScript(
      `${head}import * as tf from "@tensorflow/tfjs";\ntf.scalar(1);\nexport default network;`,
      () => undefined,
      {},
      libs,
    );
    expect(reached).toBe(2);
  });
});
