/**
 * Robustness: thousands of mutated SWC files (seeded, so failures reproduce). Every
 * outcome must be a valid Morphology or an SwcError; nothing else may be thrown.
 */
import { expect, test } from "vitest";
import { buildMorphology, parseSwc, SwcError, type BuildMorphologyOptions } from "../../src/morphology/swc/index.js";
import { seededRandom } from "../../src/random.js";
import { expectValidMorphology, swcText } from "./helpers.js";

const BASES = [
  "morph_3_types.swc",
  "morph_3_types_single_point_soma.swc",
  "morph_ca1_n120_250.swc",
  "morph_interrupted_soma.swc",
  "morph_minimal.swc",
  "morph_soma_both_ends.swc",
  "morph_somatic_branchpoint.swc",
  "morph_variable_radiuses_multi_branch.swc",
  "neuromorpho_3point_soma.swc",
  "soma_wires.swc",
  "degenerate_sections.swc",
  "interrupted_tracing.swc",
].map(swcText);
/** Large, unsorted ids, parents after children, zero radii: used now and then. */
const FLYWIRE = swcText("morph_flywire_t4_720575940626407426.swc");

const JUNK = ["", "abc", "1e999", "-0", "NaN", "0x1f", "1.5", "-1", "0", "1e-300", "1e300", "--", "٣", "1,2"];
const BYTES = ["\0", "\r", "\n", "#", " ", "\t", "\uFEFF", "é", "\u2028", "-", ".", "e", "9"];

type Mutation = (lines: string[], rnd: () => number) => void;
const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)];
const dataLines = (lines: string[]) => lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*\d/.test(l));
const fieldsOf = (line: string) => line.trim().split(/\s+/);

const MUTATIONS: Record<string, Mutation> = {
  deleteLine: (lines, rnd) => {
    lines.splice(Math.floor(rnd() * lines.length), 1);
  },
  duplicateLine: (lines, rnd) => {
    const i = Math.floor(rnd() * lines.length);
    lines.splice(Math.floor(rnd() * lines.length), 0, lines[i]);
  },
  swapLines: (lines, rnd) => {
    const i = Math.floor(rnd() * lines.length);
    const j = Math.floor(rnd() * lines.length);
    [lines[i], lines[j]] = [lines[j], lines[i]];
  },
  corruptField: (lines, rnd) => {
    const data = dataLines(lines);
    if (data.length === 0) return;
    const [line, i] = pick(data, rnd);
    const f = fieldsOf(line);
    f[Math.floor(rnd() * f.length)] = rnd() < 0.5 ? pick(JUNK, rnd) : String((rnd() - 0.5) * 10 ** (rnd() * 8));
    lines[i] = f.join(" ");
  },
  randomBytes: (lines, rnd) => {
    const i = Math.floor(rnd() * lines.length);
    const l = lines[i] ?? "";
    const at = Math.floor(rnd() * (l.length + 1));
    const ch = rnd() < 0.5 ? pick(BYTES, rnd) : String.fromCharCode(Math.floor(rnd() * 0x3000));
    lines[i] = l.slice(0, at) + ch + l.slice(at + (rnd() < 0.5 ? 1 : 0));
  },
  reparent: (lines, rnd) => {
    // Parent to a random existing id (often a descendant: a cycle), itself, or nothing.
    const data = dataLines(lines);
    if (data.length === 0) return;
    const [line, i] = pick(data, rnd);
    const f = fieldsOf(line);
    if (f.length < 7) return;
    const r = rnd();
    f[6] =
      r < 0.6
        ? fieldsOf(pick(data, rnd)[0])[0]
        : r < 0.75
          ? f[0]
          : r < 0.9
            ? "-1"
            : String(10000 + Math.floor(rnd() * 100));
    lines[i] = f.join(" ");
  },
  radius: (lines, rnd) => {
    const data = dataLines(lines);
    if (data.length === 0) return;
    const [line, i] = pick(data, rnd);
    const f = fieldsOf(line);
    if (f.length < 7) return;
    f[5] = pick(["0", "-1", "1e-12", "1e6", "0.0"], rnd);
    lines[i] = f.join(" ");
  },
  retype: (lines, rnd) => {
    const data = dataLines(lines);
    if (data.length === 0) return;
    const [line, i] = pick(data, rnd);
    const f = fieldsOf(line);
    if (f.length < 7) return;
    f[1] = pick(["0", "1", "2", "3", "4", "5", "6", "-2", "17"], rnd);
    lines[i] = f.join(" ");
  },
  collapse: (lines, rnd) => {
    // Put a sample on top of its predecessor: zero-length segments and sections.
    const data = dataLines(lines);
    if (data.length < 2) return;
    const k = 1 + Math.floor(rnd() * (data.length - 1));
    const prev = fieldsOf(data[k - 1][0]);
    const f = fieldsOf(data[k][0]);
    if (f.length < 7 || prev.length < 7) return;
    [f[2], f[3], f[4]] = [prev[2], prev[3], prev[4]];
    lines[data[k][1]] = f.join(" ");
  },
  truncate: (lines, rnd) => {
    const text = lines.join("\n");
    const cut = text.slice(0, Math.floor(rnd() * text.length));
    lines.splice(0, lines.length, ...cut.split("\n"));
  },
};
const NAMES = Object.keys(MUTATIONS);

test("mutated SWC files give a Morphology or an SwcError, nothing else", () => {
  const rnd = seededRandom(20240601);
  const outcomes = { morphology: 0, swcError: 0 };
  const errorsByMutation = new Map<string, number>();
  for (let iter = 0; iter < 8000; iter++) {
    const base = rnd() < 0.02 ? FLYWIRE : pick(BASES, rnd);
    const lines = base.split("\n");
    const applied: string[] = [];
    const count = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < count; k++) {
      const name = pick(NAMES, rnd);
      MUTATIONS[name](lines, rnd);
      applied.push(name);
    }
    const text = rnd() < 0.2 ? lines.join("\r\n") : lines.join("\n");
    const options: BuildMorphologyOptions = {
      ncomp: 1 + Math.floor(rnd() * 3),
      reading: rnd() < 0.5 ? "jaxley" : "neuron",
      minRadius: rnd() < 0.5 ? 0.1 : undefined,
      scale: rnd() < 0.1 ? 0.001 : undefined,
      maxBranchLen: rnd() < 0.2 ? 5 + rnd() * 50 : undefined,
      allowMultipleRoots: rnd() < 0.3,
    };
    try {
      const morph = buildMorphology(parseSwc(text, options), options);
      expectValidMorphology(morph, options.ncomp);
      outcomes.morphology++;
    } catch (e) {
      if (!(e instanceof SwcError)) {
        throw new Error(
          `iteration ${iter} (${applied.join(", ")}, ${JSON.stringify(options)}) threw ${String(e)}\n${text}`,
        );
      }
      expect(e.message).toMatch(/^SWC /);
      if (e.line !== null) expect(e.message).toContain(`line ${e.line}`);
      outcomes.swcError++;
      for (const a of applied) errorsByMutation.set(a, (errorsByMutation.get(a) ?? 0) + 1);
    }
  }
  // Both outcomes occur often, so the fuzzing exercises both paths.
  expect(outcomes.morphology).toBeGreaterThan(1500);
  expect(outcomes.swcError).toBeGreaterThan(1500);
});
