/**
 * @dendrolab/core as published: built with tsc, packed with `pnpm pack`, installed from
 * the tarball into a plain Node project (npm, no TypeScript, no workspace) next to
 * tfjs-core and the cpu backend, and run from a plain .mjs script. The `./sim` entry runs
 * in a Node process where tfjs cannot be resolved at all. Numbers are compared with the
 * same computation on the sources, in this process.
 */
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { K, Leak, Na } from "../../src/channels.js";
import { IonotropicSynapse } from "../../src/synapses.js";
import { buildPackageInto, importGraph, PACKAGE_DIR } from "./build.js";
import { buildTutorial, gradRun, simRun, type GradRun, type SimRun } from "./tutorial-run.mjs";

const MINUTES = 60_000;
const SCRIPT = join(PACKAGE_DIR, "test/package/tutorial-run.mjs");
const pkg = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8"));

let tmp = "";
/** The package as built (dist/ and the files beside it). */
let built = "";

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "dendrolab-pack-"));
  built = join(tmp, "package");
  buildPackageInto(built);
}, 5 * MINUTES);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The tutorial computed on the sources, here. */
function inProcess(): { sim: SimRun; grad: GradRun } {
  const network = buildTutorial({ jx, Na, K, Leak, IonotropicSynapse });
  return { sim: simRun(jx, network), grad: gradRun(jx, tf, network) };
}

/** Runs the tutorial script in `dir` in a fresh Node process; its JSON output. */
function runScript(dir: string, mode: string, nodeArgs: string[] = []): Record<string, unknown> {
  copyFileSync(SCRIPT, join(dir, "tutorial-run.mjs"));
  const out = execFileSync(process.execPath, [...nodeArgs, "tutorial-run.mjs", mode], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  }).toString();
  const line = out
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .pop();
  if (!line) throw new Error(`tutorial-run.mjs ${mode} printed no JSON:\n${out}`);
  return JSON.parse(line);
}

/** npm's environment without the npm_* variables pnpm sets for its scripts (the registry is kept). */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^npm_/i.test(k) || /^npm_config_registry$/i.test(k)) env[k] = v;
  }
  return env;
}

function expectClose(actual: number[], expected: number[], rel: number): void {
  expect(actual.length).toBe(expected.length);
  for (const [i, a] of actual.entries()) {
    expect(Math.abs(a - expected[i])).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected[i])));
  }
}

describe("the packed tarball", () => {
  let tarball = "";
  let entries: string[] = [];

  beforeAll(() => {
    execFileSync("pnpm", ["pack", "--pack-destination", tmp], { cwd: built, stdio: "pipe" });
    const name = readdirSync(tmp).find((f) => f.endsWith(".tgz"));
    if (!name) throw new Error(`pnpm pack wrote no .tgz into ${tmp}`);
    tarball = join(tmp, name);
    entries = execFileSync("tar", ["-tzf", tarball]).toString().trim().split("\n");
  }, 5 * MINUTES);

  it("is under 1 MB, holds the built JavaScript and declarations, and no tests, fixtures or sources", () => {
    expect(statSync(tarball).size).toBeLessThan(1024 * 1024);
    for (const f of [
      "package.json",
      "README.md",
      "LICENSE",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/sim.js",
      "dist/sim.d.ts",
      "dist/index.js.map",
    ]) {
      expect(entries).toContain(`package/${f}`);
    }
    expect(entries.filter((e) => /(^|\/)(test|tests|fixtures|src)\//.test(e.replace(/^package\//, "")))).toEqual([]);
    expect(entries.filter((e) => /\.test\.|\.ts$/.test(e) && !e.endsWith(".d.ts"))).toEqual([]);
  });

  it("has every file its exports map names, with types first", () => {
    for (const [sub, target] of Object.entries(pkg.exports as Record<string, string | Record<string, string>>)) {
      if (typeof target === "string") {
        expect(entries, sub).toContain(`package/${target.replace(/^\.\//, "")}`);
        continue;
      }
      expect(Object.keys(target), sub).toEqual(["types", "default"]);
      for (const file of Object.values(target))
        expect(entries, `${sub}: ${file}`).toContain(`package/${file.replace(/^\.\//, "")}`);
    }
    expect(Object.keys(pkg.exports)).toEqual(
      expect.arrayContaining([".", "./sim", "./channels", "./synapses", "./io", "./layout"]),
    );
  });

  describe("installed with npm into a plain Node project", () => {
    let app = "";
    beforeAll(() => {
      app = join(tmp, "app");
      mkdirSync(app);
      writeFileSync(
        join(app, "package.json"),
        JSON.stringify({ name: "dendrolab-pack-check", private: true, type: "module" }),
      );
      execFileSync(
        "npm",
        [
          "install",
          tarball,
          "@tensorflow/tfjs-core@4.22.0",
          "@tensorflow/tfjs-backend-cpu@4.22.0",
          "--prefer-offline",
          "--no-audit",
          "--no-fund",
          "--loglevel=error",
        ],
        { cwd: app, stdio: "pipe", env: npmEnv() },
      );
    }, 10 * MINUTES);

    it(
      "runs the tutorial from a .mjs script: simulate, integrate and tf.grad through dataSet give the sources' numbers",
      () => {
        const out = runScript(app, "full") as { sim: SimRun; grad: GradRun };
        const here = inProcess();
        expect(out.sim.nSamples).toBe(801);
        expect(out.sim.apicalRows).toBe(12);
        expect(out.sim).toEqual(here.sim);
        expect(out.grad.shape).toEqual([2, 801]);
        expectClose(out.grad.samples, here.grad.samples, 1e-6);
        expectClose(out.grad.gradient, here.grad.gradient, 1e-6);
        expect(Math.abs(here.grad.gradient[0])).toBeGreaterThan(0);
      },
      5 * MINUTES,
    );

    it(
      "says NEEDS_TFJS when no tfjs backend is registered, and still simulates",
      () => {
        const out = runScript(app, "no-backend") as {
          sim: SimRun;
          integrate: { code: string; message: string };
          dataSet: { code: string };
        };
        expect(out.sim).toEqual(inProcess().sim);
        expect(out.integrate.code).toBe("NEEDS_TFJS");
        expect(out.integrate.message).toMatch(/@tensorflow\/tfjs-backend-cpu/);
        expect(out.dataSet.code).toBe("NEEDS_TFJS");
      },
      5 * MINUTES,
    );
  });
});

describe("@dendrolab/core/sim without tfjs", () => {
  it("imports no tfjs: no built file reachable from dist/sim.js imports @tensorflow/*", () => {
    const sim = importGraph(join(built, "dist/sim.js"));
    const tfjs = [...sim.packages].filter(([spec]) => spec.startsWith("@tensorflow/"));
    expect(tfjs).toEqual([]);
    expect(sim.files.some((f) => f.includes("/train/"))).toBe(false);
    expect(sim.files.length).toBeGreaterThan(30);
    // The walk does see tfjs where it is: from the `.` entry.
    expect(importGraph(join(built, "dist/index.js")).packages.has("@tensorflow/tfjs-core")).toBe(true);
  });

  it(
    "simulates the tutorial in a Node process where tfjs cannot be resolved; tensor methods say NEEDS_TFJS",
    () => {
      const app = join(tmp, "sim-only");
      cpSync(built, join(app, "node_modules/@dendrolab/core"), { recursive: true });
      // The core's own dependencies (not tfjs), as an installer would add them.
      const deps = Object.keys(JSON.parse(readFileSync(join(built, "package.json"), "utf8")).dependencies ?? {});
      for (const dep of deps) {
        cpSync(join(PACKAGE_DIR, "node_modules", dep), join(app, "node_modules", dep), {
          recursive: true,
          dereference: true,
        });
      }
      writeFileSync(
        join(app, "package.json"),
        JSON.stringify({ name: "dendrolab-sim-check", private: true, type: "module" }),
      );
      // Any @tensorflow/ import fails, even if one is installed somewhere up the tree.
      writeFileSync(
        join(app, "no-tfjs.mjs"),
        [
          'import { register } from "node:module";',
          'register("data:text/javascript," + encodeURIComponent(`export async function resolve(s, c, next) {',
          '  if (s.startsWith("@tensorflow/")) throw new Error("tfjs is blocked in this test: " + s);',
          "  return next(s, c);",
          "}`));",
        ].join("\n"),
      );
      const out = runScript(app, "sim", ["--import", "./no-tfjs.mjs"]) as Record<string, unknown> & { sim: SimRun };
      expect(out.tfjs).toBe("unresolvable");
      expect(out.sim).toEqual(inProcess().sim);
      expect(out.trainables).toBe(1);
      for (const k of ["getParameters", "dataSet", "dataStimulate", "dataClamp"]) {
        expect((out[k] as { code: string }).code, k).toBe("NEEDS_TFJS");
      }
      expect((out.getParameters as { message: string }).message).toMatch(/'@dendrolab\/core'/);
    },
    5 * MINUTES,
  );
});
