import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/random.js";
import { NmodlError } from "../../src/nmodl/errors.js";
import { analyzeNmodl } from "../../src/nmodl/analyze.js";
import { parseNmodl } from "../../src/nmodl/parser.js";
import { loadNmodl } from "../../src/nmodl/load.js";
import { modFiles } from "./mod-files.js";
import { mutate } from "./mutate.js";

const PER_FILE = 160;
/** Mutations per file also loaded as mechanisms (compiling kernels is slower than analysis). */
const LOADED_PER_FILE = PER_FILE;

describe("fuzzing the NMODL front end (seeded)", () => {
  const files = modFiles();

  it(`${files.length * PER_FILE} mutated files each give a syntax tree (then an analysis, then a loaded mechanism) or an NmodlError`, () => {
    const rand = seededRandom(20240610);
    const outcomes = { parsed: 0, analyzed: 0, loaded: 0, errors: 0 };
    const constructs = new Set<string>();
    for (const f of files) {
      for (let k = 0; k < PER_FILE; k++) {
        const text = mutate(f.text, rand);
        try {
          const ast = parseNmodl(text);
          outcomes.parsed++;
          analyzeNmodl(ast);
          outcomes.analyzed++;
          if (k < LOADED_PER_FILE) {
            const M = loadNmodl(text);
            expect(new M().paramKeys.every((key) => key.startsWith(`${M.nmodl.suffix}_`))).toBe(true);
            outcomes.loaded++;
          }
        } catch (e) {
          if (!(e instanceof NmodlError)) {
            throw new Error(`${f.name} mutation ${k} threw ${String(e)}\n--- text ---\n${text}`);
          }
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.column).toBeGreaterThanOrEqual(1);
          expect(e.message.startsWith(`line ${e.line}, column ${e.column}: `)).toBe(true);
          constructs.add(e.construct);
          outcomes.errors++;
        }
      }
    }
    if (process.env.NMODL_VERBOSE) console.log(outcomes);
    // Both outcomes occur (the mutations are neither all harmless nor all fatal).
    expect(outcomes.parsed).toBeGreaterThan(100);
    expect(outcomes.analyzed).toBeGreaterThan(100);
    expect(outcomes.loaded).toBeGreaterThan(100);
    expect(outcomes.errors).toBeGreaterThan(100);
    expect(constructs.has("syntax")).toBe(true);
  }, 120_000);

  it("random bytes alone never crash the parser", () => {
    const rand = seededRandom(7);
    for (let k = 0; k < 500; k++) {
      const text = Array.from({ length: Math.floor(rand() * 200) }, () =>
        String.fromCharCode(Math.floor(rand() * 128)),
      ).join("");
      try {
        parseNmodl(text);
      } catch (e) {
        if (!(e instanceof NmodlError)) throw new Error(`random text ${k} threw ${String(e)}: ${JSON.stringify(text)}`);
      }
    }
  }, 60_000);
});
