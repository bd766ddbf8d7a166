import { test } from "vitest";
import * as jx from "../../src/index.js";
import { HH } from "../../src/channels.js";
import { loadSwcCase, maeOf, nearestCompartment } from "./neuron-sim.js";
test("probe", () => {
  for (const name of ["swc_retina_min_radius_bwd_euler", "swc_ca1_single_point_soma_crank_nicolson", "swc_3_types_single_point_soma_bwd_euler"]) {
  const { def, traces, text } = loadSwcCase(name);
  for (const hack of [false, true]) {
    const cell = jx.readSwc(text, { ...def.read_options });
    if (hack) { const c = cell.base.cells[0]; c.parents.forEach((p, b) => { if (p === 0) c.parentX[b] = 0.5; }); }
    cell.insert(new HH());
    for (const reg of def.regions) { const g = cell.group(reg.group); g.set("axial_resistivity", reg.axial_resistivity_ohm_cm); g.set("capacitance", reg.capacitance_uF_per_cm2); for (const [k, v] of Object.entries(reg.mechanisms.HH)) g.set(k, v); }
    for (const [k, v] of Object.entries(def.initial_states)) cell.set(k, v);
    for (const r of def.recordings) cell.select({ nodes: [nearestCompartment(cell, r).index] }).record("v");
    const tMax = def.n_steps * def.dt_ms; const st = def.stimulus;
    cell.select({ nodes: [nearestCompartment(cell, st).index] }).stimulate(jx.stepCurrent(st.delay_ms, st.dur_ms, st.amp_nA, def.dt_ms, tMax));
    const r = jx.simulate(cell, { tMax, deltaT: def.dt_ms, solver: def.solver });
    console.log(name, hack, maeOf({ values: r.values, nSamples: r.nSamples } as any, traces).map((m) => m.toExponential(2)).join(" "));
  }}
});
