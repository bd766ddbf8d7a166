/**
 * The Mechanisms panel's content, computed in the model worker: every imported `.mod`
 * file read with the core's NMODL front end (or why it cannot be), and every mechanism of
 * the loaded model, each described with the gating curves of its voltage-dependent gates
 * at the model's temperature. `.mod` files are data for the core's parser and mechanism
 * compiler, never run as code.
 */
import * as channels from "@dendrolab/core/channels";
import * as l5pc from "@dendrolab/core/channels/l5pc";
import type * as jx from "@dendrolab/core/sim";
import {
  GATING_V,
  type GateCurve,
  type MechanismInfo,
  type MechanismProblem,
  type MechanismSource,
  type MechanismsReport,
} from "../protocol/mechanisms.js";
import { curves, describe, errorPosition, loadModText, type MechanismClass } from "./nmodl-adapter.js";

/** NEURON's default temperature, for curves when no model is loaded. */
const DEFAULT_CELSIUS = 6.3;

/** Modules a script can import built-in channels from, with their classes. */
const BUILT_IN: ReadonlyArray<[string, Record<string, unknown>]> = [
  ["@dendrolab/core/channels", channels],
  ["@dendrolab/core/channels/l5pc", l5pc],
];

/** A gate is voltage-dependent when its steady state changes over the voltage range. */
function isVoltageGate(inf: readonly number[]): boolean {
  const finite = inf.filter(Number.isFinite);
  if (finite.length < 2) return false;
  return Math.max(...finite) - Math.min(...finite) > 1e-6;
}

function gateCurves(mech: jx.Mechanism, celsius: number, cls?: MechanismClass): GateCurve[] {
  if (mech.stateKeys.length === 0) return [];
  const all = curves(mech, GATING_V, celsius, cls);
  const locals = Object.keys(mech.spec.states);
  return locals.flatMap((local, j) => {
    const c = all[local];
    if (!c || !isVoltageGate(c.inf)) return [];
    return [{ state: mech.stateKeys[j], inf: c.inf, tau: c.tau }];
  });
}

/** The module and export a built-in mechanism comes from, if its spec is that class's. */
function builtInSource(mech: jx.Mechanism): MechanismSource {
  const spec = JSON.stringify(mech.spec);
  for (const [module, exports] of BUILT_IN) {
    for (const [exportName, value] of Object.entries(exports)) {
      const defined = (value as { definedSpec?: unknown } | null)?.definedSpec;
      if (defined && JSON.stringify(defined) === spec) return { kind: "module", module, exportName };
    }
  }
  return { kind: "script" };
}

function info(
  mech: jx.Mechanism,
  source: MechanismSource,
  celsius: number,
  inserted: number,
  cls?: MechanismClass,
): MechanismInfo {
  return { ...describe(mech, cls), source, gates: gateCurves(mech, celsius, cls), inserted };
}

/** The report for the loaded model (or none) and the session's `.mod` files, by name. */
export function mechanismsReport(
  model: jx.Network | jx.Cell | null,
  modFiles: Readonly<Record<string, string>>,
): MechanismsReport {
  const d = model?.base;
  const col = d?.columns.get("celsius");
  const celsius = col && col.length > 0 && Number.isFinite(col[0]) ? col[0] : DEFAULT_CELSIUS;
  const celsiusVaries = !!col && col.some((x) => x !== col[0]);
  const insertedIn = (name: string) => {
    const mask = d?.channelMask.get(name);
    return mask ? mask.reduce((a, x) => a + x, 0) : 0;
  };
  const mechanisms: MechanismInfo[] = [];
  const problems: MechanismProblem[] = [];
  for (const [file, text] of Object.entries(modFiles)) {
    try {
      const cls = loadModText(text);
      const mech = new cls();
      mechanisms.push(info(mech, { kind: "file", file }, celsius, insertedIn(mech.name), cls));
    } catch (e) {
      problems.push({ file, message: (e as Error).message, ...errorPosition(e) });
    }
  }
  for (const mech of d?.channels ?? []) {
    if (mechanisms.some((m) => m.name === mech.name)) continue;
    mechanisms.push(info(mech, builtInSource(mech), celsius, insertedIn(mech.name)));
  }
  const available = builtInChannels().filter((m) => !mechanisms.some((x) => x.name === m.name));
  return { mechanisms, problems, celsius, celsiusVaries, available };
}

let builtIns: MechanismInfo[] | null = null;

/** Every built-in channel class, described once (no gating curves: the list only inserts them). */
function builtInChannels(): MechanismInfo[] {
  if (builtIns) return builtIns;
  builtIns = [];
  for (const [module, exports] of BUILT_IN) {
    for (const [exportName, value] of Object.entries(exports)) {
      const defined = (value as { definedSpec?: { kind?: string } } | null)?.definedSpec;
      if (typeof value !== "function" || defined?.kind !== "channel") continue;
      const mech = new (value as new () => jx.Mechanism)();
      builtIns.push({ ...describe(mech), source: { kind: "module", module, exportName }, gates: [], inserted: 0 });
    }
  }
  return builtIns;
}
