/**
 * Synapses from the GUI: connecting two selections or groups (`jx.connect`,
 * `jx.fullyConnect`, `jx.sparseConnect` lines), the `.edges` table, and `set` on synapses
 * (`network.edge(i).set(key, value)` lines), one undo step each.
 */
import { type SessionContext, get, patch } from "./context.js";
import type { MechanismRef } from "./mod-script.js";
import { applyGuiEdit } from "./run-actions.js";
import type { ConnectHow, EditTarget } from "./script-edits.js";

/** The synapse classes of `@dendrolab/core/synapses`. */
export const BUILT_IN_SYNAPSES: readonly string[] = ["IonotropicSynapse", "TanhRateSynapse"];

/** How the script reaches a synapse class: the core's module, or a class the script defines. */
export function synapseRef(name: string): MechanismRef {
  return BUILT_IN_SYNAPSES.includes(name)
    ? { kind: "module", module: "@dendrolab/core/synapses", exportName: name }
    : { kind: "script", name };
}

/** What the connect form asks for. */
export interface ConnectRequest {
  how: ConnectHow;
  pre: EditTarget;
  post: EditTarget;
  synapse: string;
  /** `sparseConnect` only: the probability of each (pre cell, post cell) pair, and the seed. */
  p?: number;
  seed?: number;
}

function refuse(c: SessionContext, text: string): [] {
  patch(c, { banner: { kind: "error", text } });
  return [];
}

const isEmpty = (t: EditTarget) => t.kind === "nodes" && t.nodes.length === 0;

/** Connects `pre` to `post` with new synapses: writes one `jx.<how>(...)` line. */
export function connectSynapses(c: SessionContext, r: ConnectRequest): Promise<string[]> {
  if (isEmpty(r.pre) || isEmpty(r.post))
    return Promise.resolve(refuse(c, "Choose the presynaptic and the postsynaptic compartments first."));
  if (r.how === "sparseConnect" && !(typeof r.p === "number" && r.p >= 0 && r.p <= 1))
    return Promise.resolve(refuse(c, `sparseConnect needs a probability p in [0, 1]; got ${r.p}.`));
  if (r.how === "sparseConnect" && !Number.isInteger(r.seed ?? 0))
    return Promise.resolve(refuse(c, `sparseConnect needs an integer seed; got ${r.seed}.`));
  return applyGuiEdit(c, { kind: "connect", ...r, synapse: synapseRef(r.synapse), name: r.synapse });
}

/** Sets a synapse parameter on some synapses (global edge indices) or on all of them. */
export function setEdge(
  c: SessionContext,
  edges: readonly number[] | "all",
  key: string,
  value: number,
): Promise<string[]> {
  if (!Number.isFinite(value)) return Promise.resolve(refuse(c, `${key} must be a finite number; got ${value}.`));
  return applyGuiEdit(c, { kind: "setEdge", edges, key, value });
}

/** The loaded model's `.edges` table, or null (no model, or services without it). */
export async function edgeTable(c: SessionContext) {
  if (!get(c).model || !c.services.edgeTable) return null;
  const r = await c.services.edgeTable();
  return r.ok ? r.value : null;
}
