/**
 * Initial states of channels.
 */
import type { ModelData } from "./data.js";

/**
 * Sets every channel state of the given compartments to its steady state at the
 * compartment's voltage `v` (NEURON's finitialize, Jaxley's init_states).
 */
export function initStates(d: ModelData, nodes: Int32Array): void {
  const v = d.columns.get("v")!;
  for (const m of d.channels) {
    const c = m.compiled;
    if (c.stateKeys.length === 0) continue;
    const mask = d.channelMask.get(m.name)!;
    const sites = Array.from(nodes).filter((n) => mask[n] === 1);
    if (sites.length === 0) continue;
    const n = sites.length;
    const idx = Int32Array.from(sites, (_, k) => k);
    const V = Float64Array.from(sites, (s) => v[s]);
    const P = c.paramKeys.map((k) => Float64Array.from(sites, (s) => d.columns.get(k)![s]));
    const S = c.stateKeys.map((k) => Float64Array.from(sites, (s) => d.columns.get(k)![s]));
    c.steady(n, idx, idx, V, P, S);
    c.stateKeys.forEach((key, j) => {
      const col = d.columns.get(key)!;
      sites.forEach((s, k) => (col[s] = S[j][k]));
    });
  }
}
