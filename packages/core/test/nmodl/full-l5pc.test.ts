/**
 * The full L5PC rebuilt from the 12 .mod files of ../shared/mod/l5pc with loadNmodl,
 * against NEURON running the same files (fixtures l5pc_full_*): every voltage within
 * 0.01 mV, cai within 1e-7 mM, equal spike counts (issue 10).
 */
import { describe, it } from "vitest";
import type * as jx from "../../src/index.js";
import { loadNmodl } from "../../src/nmodl/load.js";
import { available, CASES, checkFullCase } from "../l5pc/full-case.js";
import { modText } from "./mod-files.js";

const FILES = [
  "NaTs2_t",
  "NaTa_t",
  "Nap_Et2",
  "K_Pst",
  "K_Tst",
  "SKv3_1",
  "Im",
  "SK_E2",
  "Ca_HVA",
  "Ca_LVAst",
  "CaDynamics_E2",
  "Ih",
];

describe.skipIf(!available)("full L5PC from the .mod files against NEURON", () => {
  // Every channel from its .mod file; pas stays the project's.
  const mechs: Record<string, new () => jx.Mechanism> = {};
  for (const f of FILES) {
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
