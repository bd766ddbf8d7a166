/**
 * Units of compartment keys and recorded quantities, as the IDE shows them (µm, mA/cm²):
 * the core's conventions (mechanisms/types.ts: v in mV, channel currents in mA/cm²,
 * synaptic currents in nA, gates dimensionless) and the units mechanism specs declare.
 */

/** Units of the columns every compartment has (the core's BASE_NODE_DEFAULTS and geometry). */
const BASE_UNITS: Readonly<Record<string, string>> = {
  length: "µm",
  radius: "µm",
  axial_resistivity: "Ω·cm",
  capacitance: "µF/cm²",
  v: "mV",
  celsius: "°C",
  area: "µm²",
  x: "µm",
  y: "µm",
  z: "µm",
};

/**
 * A unit as written in specs and NMODL (`S/cm2`, `um`, `uS`) in the IDE's notation
 * (`S/cm²`, `µm`, `µS`). Unknown units are returned as given.
 *
 * @example prettyUnit("mA/cm2") // "mA/cm²"
 */
export function prettyUnit(unit: string): string {
  return unit
    .trim()
    .replace(/\bu(?=[A-Za-z])/g, "µ")
    .replace(/\b(cm|um|µm|m)2\b/g, "$1²")
    .replace(/\b(cm|um|µm|m)3\b/g, "$1³")
    .replace(/\bohm\b/gi, "Ω");
}

/** The unit of a compartment key named by NEURON's ion conventions (`ena`, `cai`, `ica`), or null. */
function ionKeyUnit(key: string): string | null {
  if (/^e(na|k|ca|cl|h|[a-z]{1,3})$/.test(key)) return "mV";
  if (/^(na|k|ca|cl|[a-z]{1,3})[io]$/.test(key)) return "mM";
  if (/^i(na|k|ca|cl|[a-z]{1,3})$/.test(key)) return "mA/cm²";
  return null;
}

/** What the units need to know about a mechanism (a subset of the core's `Mechanism`). */
export interface MechanismUnits {
  kind: "channel" | "synapse";
  name: string;
  currentName: string;
  stateKeys: readonly string[];
  paramKeys: readonly string[];
  spec: {
    params: Record<string, unknown>;
    states: Record<string, unknown>;
    shared?: Record<string, unknown>;
  };
}

function specUnit(q: unknown): string | null {
  return q !== null && typeof q === "object" && typeof (q as { unit?: unknown }).unit === "string"
    ? prettyUnit((q as { unit: string }).unit)
    : null;
}

/**
 * Units of every compartment key, recordable state and synaptic key of a model's
 * mechanisms: the base columns, then each mechanism's parameters and states (the unit
 * its spec gives; a state without one is a gate, "1", or a concentration, "mM"), its
 * current (mA/cm² for channels, nA for synapses) and ion columns by NEURON's names.
 */
export function unitsOf(mechanisms: readonly MechanismUnits[], keys: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = { ...BASE_UNITS };
  for (const m of mechanisms) {
    const params = Object.entries(m.spec.params);
    params.forEach(([local, q]) => {
      const key = m.paramKeys.find((k) => k === `${m.name}_${local}` || k === local);
      const u = specUnit(q);
      if (key && u) out[key] ??= u;
    });
    for (const [local, q] of Object.entries(m.spec.shared ?? {})) {
      const u = specUnit(q);
      if (u) out[local] ??= u;
    }
    Object.entries(m.spec.states).forEach(([local, q], j) => {
      const key = m.stateKeys[j];
      if (!key) return;
      out[key] ??= specUnit(q) ?? ionKeyUnit(local) ?? "1";
    });
    out[m.currentName] ??= m.kind === "synapse" ? "nA" : "mA/cm²";
  }
  for (const k of keys) {
    const u = ionKeyUnit(k);
    if (u && !(k in out)) out[k] = u;
  }
  return out;
}

/** A label with its unit: `v (mV)`, or the name alone when the unit is unknown. */
export function withUnit(name: string, unit: string | undefined): string {
  return unit ? `${name} (${unit})` : name;
}
