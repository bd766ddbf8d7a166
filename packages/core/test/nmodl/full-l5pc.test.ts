/**
 * The full L5PC rebuilt from the 12 .mod files of ../shared/mod/l5pc with loadNmodl,
 * against NEURON running the same files (fixtures l5pc_full_*): every voltage within
 * 0.01 mV, cai within 1e-7 mM, equal spike counts (issue 10).
 */
import { describe, it } from "vitest";
import type * as jx from "../../src/index.js";
import { loadNmodl } from "../../src/nmodl/load.js";
import { requireCaseFiles, CASES, checkFullCase } from "../l5pc/full-case.js";
import { L5PC_MOD_NAMES, modText } from "./mod-files.js";

requireCaseFiles();

describe("full L5PC from the .mod files against NEURON", () => {
  // Every channel from its .mod file; pas stays the project's.
  const mechs: Record<string, new () => jx.Mechanism> = {};
  for (const f of L5PC_MOD_NAMES) {
    const M = loadNmodl(modText("l5pc", `${f}.mod`));
    mechs[M.nmodl.suffix] = M;
  }
  it.each(CASES)(
    "%s",
    (name) => {
      const errors = checkFullCase(name, mechs);
      if (process.env.L5PC_VERBOSE) console.log(name, errors);
    },
    180_000,
  );
});
