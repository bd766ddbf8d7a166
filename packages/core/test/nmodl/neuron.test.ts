/**
 * `loadNmodl` against NEURON 8.2 and against the project's own L5PC_MOD_NAMES channels (issue 10):
 * the 12 L5PC_MOD_NAMES files each reproduce the project's channel (same keys, traces within 1e-9)
 * and NEURON's one-compartment fixtures (v within 1e-6 mV, states 1e-9); the `more/`
 * files of other authors reproduce their NEURON fixtures likewise.
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { loadNmodl } from "../../src/nmodl/load.js";
import { CHANNELS, l5pcCaseNames, loadModCase, buildModCase } from "../l5pc/fixtures.js";
import { L5PC_MOD_NAMES, modText } from "./mod-files.js";
import { compareModCase } from "./neuron-compare.js";

const loaded: Record<string, () => jx.Mechanism> = { pas: CHANNELS.pas };
for (const s of L5PC_MOD_NAMES) {
  const M = loadNmodl(modText("l5pc", `${s}.mod`));
  loaded[s] = () => new M();
}

describe("the 12 L5PC_MOD_NAMES .mod files imported", () => {
  it.each(L5PC_MOD_NAMES)("%s has the project channel's keys", (suffix) => {
    const ours = CHANNELS[suffix](),
      imported = loaded[suffix]();
    expect(imported.paramKeys).toEqual(ours.paramKeys);
    expect(imported.stateKeys).toEqual(ours.stateKeys);
    expect(imported.currentName).toBe(ours.currentName);
    expect(imported.compiled.ionColumnKeys).toEqual(ours.compiled.ionColumnKeys);
  });

  it.each(l5pcCaseNames().filter((n) => n.endsWith("_34C")))(
    "%s: the import equals the project channel to 1e-9",
    (name) => {
      const { def } = loadModCase(name);
      const tMax = def.n_steps * def.dt_ms;
      const a = jx.simulate(buildModCase(def), { tMax, deltaT: def.dt_ms });
      const b = jx.simulate(buildModCase(def, loaded), { tMax, deltaT: def.dt_ms });
      let err = 0;
      for (let i = 0; i < a.values.length; i++) err = Math.max(err, Math.abs(a.values[i] - b.values[i]));
      expect(err).toBeLessThan(1e-9);
    },
  );

  it.each(l5pcCaseNames())("%s against NEURON", (name) => {
    const { def, traces } = loadModCase(name);
    const res = compareModCase(def, traces, loaded);
    if (process.env.NMODL_VERBOSE) console.log(name, res);
    for (const [key, { err, tol }] of Object.entries(res)) expect(err, `${name} ${key}`).toBeLessThan(tol);
  });
});

/** The `more/` cases and their files (kctin's KINETIC scheme is not solved yet: an NmodlError). */
const MORE: Record<string, string[]> = {
  more_CA1ina: ["CA1ina"],
  more_HCN1: ["HCN1"],
  more_ar: ["ar"],
  more_cal_mig: ["cal_mig"],
  more_can_mig_cadad: ["can_mig", "cadad"],
  more_ka: ["ka"],
  more_kca_cal_cadad: ["kca", "cal_mig", "cadad"],
  more_kdmc: ["kdmc_BS"],
  more_kdr: ["kdr"],
  more_km: ["km"],
  more_naf: ["naf"],
};

describe("more .mod files of other authors against NEURON", () => {
  it.each(Object.keys(MORE))("%s", (name) => {
    const { def, traces } = loadModCase(name);
    const channels: Record<string, () => jx.Mechanism> = { pas: CHANNELS.pas };
    for (const file of MORE[name]) {
      const M = loadNmodl(modText("more", `${file}.mod`));
      channels[M.nmodl.suffix] = () => new M();
    }
    const res = compareModCase(def, traces, channels);
    if (process.env.NMODL_VERBOSE) console.log(name, res);
    for (const [key, { err, tol }] of Object.entries(res)) expect(err, `${name} ${key}`).toBeLessThan(tol);
  });

  it("kctin.mod (KINETIC) is refused with an NmodlError naming the block", () => {
    expect(() => loadNmodl(modText("more", "kctin.mod"))).toThrow(/line 60, column 1: KINETIC kin/);
  });
});
