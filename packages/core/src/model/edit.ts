/**
 * Editing a description: inserting and deleting channels, setting values.
 */
import { DendrolabError, unknownNameError } from "../errors.js";
import { Mechanism } from "../mechanisms/define.js";
import { BASE_NODE_DEFAULTS, type ModelData, TRACED_GEOMETRY_KEYS } from "./data.js";
import { mechanismValueRule, valueProblem } from "./value-rules.js";

/** Inserts a channel into the given compartments, with its defaults where it is new. */
export function insertChannel(d: ModelData, nodes: Int32Array, mech: unknown, where: string): void {
  if (!(mech instanceof Mechanism)) {
    const hint =
      typeof mech === "function"
        ? ` (a class was given: write new ${(mech as { name?: string }).name ?? "Channel"}())`
        : "";
    throw new DendrolabError(
      `insert() expects a channel instance such as new Na()${where}; got ${describe(mech)}${hint}.`,
      "INVALID_ARGUMENT",
    );
  }
  if (mech.kind !== "channel") {
    throw new DendrolabError(
      `insert() takes channels; '${mech.name}' is a synapse${where}: use connect(pre, post, synapse).`,
      "INVALID_ARGUMENT",
    );
  }
  if (d.groups.has(mech.name)) {
    throw new DendrolabError(`Cannot insert channel '${mech.name}': a group has that name${where}.`, "NAME_CONFLICT");
  }
  let existing = d.channels.find((c) => c.name === mech.name);
  if (existing && JSON.stringify(existing.spec) !== JSON.stringify(mech.spec)) {
    throw new DendrolabError(
      `A different channel named '${mech.name}' is already inserted${where}; give this one another name.`,
      "NAME_CONFLICT",
    );
  }
  if (!existing) {
    d.channels.push(mech);
    d.channelMask.set(mech.name, new Uint8Array(d.nComp));
    existing = mech;
  }
  const mask = d.channelMask.get(mech.name)!;
  const c = mech.compiled;
  const paramCols = c.paramKeys.map((k) => d.ensureColumn(k));
  const ionCols = c.ionColumnKeys.map((k) => d.ensureColumn(k));
  const stateCols = c.stateKeys.map((k) => d.ensureColumn(k));
  for (const n of nodes) {
    if (mask[n]) continue;
    mask[n] = 1;
    c.paramKeys.forEach((_, j) => {
      if (Number.isNaN(paramCols[j][n])) paramCols[j][n] = c.paramDefaults[j];
    });
    c.stateKeys.forEach((_, j) => {
      if (Number.isNaN(stateCols[j][n])) stateCols[j][n] = c.stateDefaults[j];
    });
    c.ionColumnKeys.forEach((_, j) => {
      if (Number.isNaN(ionCols[j][n])) ionCols[j][n] = c.ionColumnDefaults[j];
    });
  }
  d.touch();
}

/** Removes a channel from the given compartments; drops its columns once unused. */
export function deleteChannel(d: ModelData, nodes: Int32Array, mech: unknown, where: string): void {
  const name = mech instanceof Mechanism ? mech.name : undefined;
  if (name === undefined) {
    throw new DendrolabError(
      `delete() expects a channel instance such as new Na()${where}; got ${describe(mech)}.`,
      "INVALID_ARGUMENT",
    );
  }
  const mask = d.channelMask.get(name);
  if (!mask)
    throw unknownNameError(
      "channel",
      name,
      d.channels.map((c) => c.name),
      where,
    );
  for (const n of nodes) mask[n] = 0;
  const others = d.channels.filter((c) => c.name !== name);
  const keys = columnKeysOf(mech as Mechanism);
  for (const key of keys) {
    const col = d.columns.get(key)!;
    const users = others.filter((o) => columnKeysOf(o).includes(key));
    for (const n of nodes) {
      if (!users.some((u) => d.channelMask.get(u.name)![n])) col[n] = NaN;
    }
  }
  if (!mask.some((x) => x === 1)) {
    d.channels = others;
    d.channelMask.delete(name);
    for (const key of keys) {
      const used = others.some((o) => columnKeysOf(o).includes(key));
      if (!used) d.columns.delete(key);
    }
  }
  d.touch();
}

/** The columns a channel owns or shares: parameters, states and ion columns. */
function columnKeysOf(m: Mechanism): string[] {
  const c = m.compiled;
  return [...new Set([...c.paramKeys, ...c.stateKeys, ...c.ionColumnKeys])];
}

/** Every key `set` accepts on compartments. */
export function nodeKeys(d: ModelData): string[] {
  const { params, states } = d.channelKeys();
  return [...new Set([...Object.keys(BASE_NODE_DEFAULTS), ...params, ...states])];
}

/** Every key `set` accepts on synapses. */
export function edgeKeys(d: ModelData): string[] {
  const { params, states } = d.synapseKeys();
  return [...params, ...states];
}

/** Validates values for `key` by the rules of value-rules.ts: finite, and within the key's range. */
function checkValues(d: ModelData, key: string, values: ArrayLike<number>, where: string): void {
  const rule = mechanismValueRule([...d.channels, ...d.synapseTypes.values()], key);
  for (let i = 0; i < values.length; i++) {
    const problem = valueProblem(key, values[i], rule, where, values.length === 1 ? "value" : `value #${i}`);
    if (problem !== null) throw new DendrolabError(problem, "INVALID_ARGUMENT");
  }
}

/** Expands a number or a per-row list to `count` values. */
function expand(key: string, value: number | ArrayLike<number>, count: number, where: string): ArrayLike<number> {
  if (typeof value === "number") return new Float64Array(count).fill(value);
  if (value == null || typeof (value as ArrayLike<number>).length !== "number") {
    throw new DendrolabError(
      `set('${key}') takes a number or one number per row${where}; got ${describe(value)}.`,
      "INVALID_ARGUMENT",
    );
  }
  if (value.length !== count) {
    throw new DendrolabError(
      `set('${key}'): got ${value.length} values but the view has ${count} rows with '${key}'${where}; pass one number or ${count} numbers.`,
      "SHAPE_MISMATCH",
    );
  }
  return value;
}

/**
 * `set(key, value)` on the compartments or synapses of a view. Returns the number of
 * rows written. Unknown keys list the valid ones.
 */
export function setValue(
  d: ModelData,
  nodes: Int32Array,
  edges: Int32Array,
  key: string,
  value: number | ArrayLike<number>,
  where: string,
): number {
  if (typeof key !== "string")
    throw new DendrolabError(`set() needs a key string${where}; got ${describe(key)}.`, "INVALID_ARGUMENT");
  if (typeof value === "number" || typeof value === "string") checkValues(d, key, [value as number], where);
  const col = d.columns.get(key);
  if (col && !(TRACED_GEOMETRY_KEYS as readonly string[]).includes(key) && !["x", "y", "z"].includes(key)) {
    const rows = Array.from(nodes).filter((n) => !Number.isNaN(col[n]));
    if (rows.length === 0) {
      throw new DendrolabError(
        `set('${key}'): no compartment in view has '${key}'${where} (insert its channel first).`,
        "EMPTY_SELECTION",
      );
    }
    const vals = expand(key, value, rows.length, where);
    checkValues(d, key, vals, where);
    for (let i = 0; i < rows.length; i++) col[rows[i]] = vals[i];
    if (key === "radius" || key === "length") {
      // Traced (SWC) geometry no longer applies: these compartments become cylinders.
      for (const g of TRACED_GEOMETRY_KEYS) {
        const gc = d.columns.get(g);
        if (gc) for (const n of rows) gc[n] = NaN;
      }
    }
    return rows.length;
  }
  const ecol = d.edges.columns.get(key);
  if (ecol) {
    const rows = Array.from(edges).filter((e) => !Number.isNaN(ecol[e]));
    if (rows.length === 0) {
      throw new DendrolabError(`set('${key}'): no synapse in view has '${key}'${where}.`, "EMPTY_SELECTION");
    }
    const vals = expand(key, value, rows.length, where);
    checkValues(d, key, vals, where);
    for (let i = 0; i < rows.length; i++) ecol[rows[i]] = vals[i];
    return rows.length;
  }
  throw unknownNameError("key", key, [...nodeKeys(d), ...edgeKeys(d)], `in set()${where}`, "UNKNOWN_KEY");
}

/** A short description of any value, for error messages. */
export function describe(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (typeof v === "function") return `function ${(v as { name?: string }).name ?? ""}`.trim();
  if (typeof v === "object") {
    const ctor = (v as object).constructor?.name;
    return ctor && ctor !== "Object" ? `a ${ctor}` : (JSON.stringify(v)?.slice(0, 60) ?? "an object");
  }
  return JSON.stringify(v) ?? String(v);
}
