/**
 * A mechanism made by `loadNmodl`, written for NEURON as the file it came from, with
 * the map from its Dendrolab keys (`${SUFFIX}_${name}`) to NEURON's names: RANGE values
 * per segment, GLOBALs (one value for the whole model), STATEs, ion variables.
 */
import type { Mechanism } from "../mechanisms/define.js";
import type { NmodlInfo } from "../nmodl/load.js";
import type { NmodlSource } from "../nmodl/source.js";
import type { WrittenMechanism } from "./nmodl-write.js";

/** The written file and names of an imported mechanism. */
export function writeImported(m: Mechanism, source: NmodlSource): WrittenMechanism {
  const info = (m.constructor as unknown as { nmodl: NmodlInfo }).nmodl;
  const params: Record<string, string> = {};
  const globals: Record<string, string> = {};
  for (const p of info.parameters) {
    if (source.range.has(p.name)) params[p.key] = p.name;
    else globals[p.key] = `${p.name}_${info.suffix}`; // NEURON: a PARAMETER not RANGE is GLOBAL
  }
  const states: Record<string, string> = {};
  for (const s of info.states) if (s.kind === "gate") states[s.key] = s.name;
  const ionValues: string[] = [];
  for (const ion of info.ions)
    for (const n of [...ion.read, ...ion.write]) if (n !== `i${ion.name}` && !ionValues.includes(n)) ionValues.push(n);
  return {
    suffix: info.suffix,
    kind: "channel",
    text: source.text,
    params,
    states,
    ionValues,
    globals,
    usetable: info.hadTables ? `usetable_${info.suffix}` : undefined,
    asIs: true,
  };
}
