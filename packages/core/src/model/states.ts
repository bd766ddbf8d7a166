/**
 * Initial states of channels, as NEURON's `finitialize`: written concentrations are reset
 * to their species' initial values, reversal potentials follow Nernst where a
 * concentration is written, then every state takes its `initial` value or steady state.
 */
import { ionVariableNames, nernst } from "../mechanisms/ions.js";
import type { CompiledMechanism } from "../mechanisms/types.js";
import type { ModelData } from "./data.js";

/**
 * Sets every channel state of the given compartments to its initial value at the
 * compartment's voltage `v` (NEURON's finitialize, Jaxley's init_states): concentrations
 * that a mechanism writes (`cai`) to their species' initial value, then the reversal
 * potential of those species to the Nernst value at the compartment's `celsius`, then
 * each gate to its `initial` expression or steady state (mechanisms that write a
 * concentration first, so that the others read its initial value). `dt` (ms) is the step
 * an INITIAL block that reads `dt` sees (NEURON's `h.dt` at `finitialize`).
 */
export function initStates(d: ModelData, nodes: Int32Array, dt = 0.025): void {
  const v = d.columns.get("v")!;
  const ordered = [
    ...d.channels.filter((m) => m.compiled.advancesFirst),
    ...d.channels.filter((m) => !m.compiled.advancesFirst),
  ];
  // Concentrations written: NEURON's initial values.
  for (const m of ordered) {
    const c = m.compiled;
    const sites = sitesOf(d, m.name, nodes);
    c.stateKeys.forEach((key, j) => {
      if (!c.ionColumnKeys.includes(key)) return;
      const col = d.columns.get(key)!;
      for (const s of sites) col[s] = c.stateDefaults[j];
    });
  }
  updateNernst(d, nodes);
  for (const m of ordered) {
    const c = m.compiled;
    if (c.stateKeys.length === 0) continue;
    const sites = sitesOf(d, m.name, nodes);
    if (sites.length === 0) continue;
    const n = sites.length;
    const idx = Int32Array.from(sites, (_, k) => k);
    const V = Float64Array.from(sites, (s) => v[s]);
    const gather = (key: string) => Float64Array.from(sites, (s) => d.columns.get(key)?.[s] ?? 0);
    const P = c.paramKeys.map(gather);
    const S = c.stateKeys.map(gather);
    const X = c.usesNodeVars ? c.nodeVars.map(gather) : [];
    c.steady(n, idx, idx, V, P, S, X, dt, 0);
    c.stateKeys.forEach((key, j) => {
      const col = d.columns.get(key)!;
      for (let k = 0; k < sites.length; k++) col[sites[k]] = S[j][k];
    });
  }
  updateNernst(d, nodes);
}

/** The compartments among `nodes` that carry channel `name`. */
function sitesOf(d: ModelData, name: string, nodes: Int32Array): number[] {
  const mask = d.channelMask.get(name)!;
  return Array.from(nodes).filter((n) => mask[n] === 1);
}

/** Sets the reversal potential of every written species to Nernst at the given compartments. */
function updateNernst(d: ModelData, nodes: Int32Array): void {
  const celsius = d.columns.get("celsius");
  for (const m of d.channels) {
    const c: CompiledMechanism = m.compiled;
    for (const ion of c.ions) {
      const names = ionVariableNames(ion.species);
      if (!ion.write.includes(names.i) && !ion.write.includes(names.o)) continue;
      const e = d.columns.get(names.e)!,
        ci = d.columns.get(names.i)!,
        co = d.columns.get(names.o)!;
      for (const s of sitesOf(d, m.name, nodes)) e[s] = nernst(ci[s], co[s], ion.valence, celsius?.[s] ?? 6.3);
    }
  }
}
