/**
 * METHOD derivimplicit against NEURON 8.2 (issue 10): the project's own test mechanisms in
 * tools/neuron-refs/mod/derivimplicit (a K channel with two gates, a calcium decay fed by
 * the L5PC Ca_HVA of ../shared/mod), one compartment, backward Euler and Crank-Nicolson
 * (where NEURON's derivimplicit takes a half step and extrapolates). v within 1e-6 mV,
 * states within 1e-9.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type * as jx from "../../src/index.js";
import { loadNmodl } from "../../src/nmodl/load.js";
import { CHANNELS, loadModCase } from "../l5pc/fixtures.js";
import { modText } from "./mod-files.js";
import { compareModCase } from "./neuron-compare.js";

const OWN = new URL("../../../../tools/neuron-refs/mod/derivimplicit/", import.meta.url);

/** The case's files: the project's own by name, shared L5PC files as `l5pc/NAME`. */
const CASES: Record<string, string[]> = {
  own_kdrdi_bwd_euler: ["kdrdi"],
  own_kdrdi_crank_nicolson: ["kdrdi"],
  own_cadecaydi_Ca_HVA_bwd_euler: ["cadecaydi", "l5pc/Ca_HVA"],
  own_cadecaydi_Ca_HVA_crank_nicolson: ["cadecaydi", "l5pc/Ca_HVA"],
};

function text(file: string): string {
  return file.startsWith("l5pc/")
    ? modText("l5pc", `${file.slice(5)}.mod`)
    : readFileSync(new URL(`${file}.mod`, OWN), "utf8");
}

describe("derivimplicit .mod files against NEURON", () => {
  it.each(Object.keys(CASES))("%s", (name) => {
    const { def, traces } = loadModCase(name);
    const channels: Record<string, () => jx.Mechanism> = { pas: CHANNELS.pas };
    for (const file of CASES[name]) {
      const M = loadNmodl(text(file));
      if (file.startsWith("l5pc/")) expect(M.nmodl.method).toBe("cnexp");
      else expect(M.nmodl.method).toBe("derivimplicit");
      channels[M.nmodl.suffix] = () => new M();
    }
    const res = compareModCase(def, traces, channels);
    if (process.env.NMODL_VERBOSE) console.log(name, res);
    expect(Object.keys(res).length).toBeGreaterThan(2);
    for (const [key, { err, tol }] of Object.entries(res)) expect(err, `${name} ${key}`).toBeLessThan(tol);
  });
});
