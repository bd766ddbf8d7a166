/**
 * A mechanism spec (built-in, `defineChannel`, `defineSynapse` or translated by
 * `loadNmodl`) written as an NMODL file that NEURON 8.2 solves as Dendrolab does: gates
 * by `cnexp` (exponential Euler), `implicit` rate gates by `derivimplicit`, explicit
 * updates by a SOLVEd PROCEDURE, currents in BREAKPOINT.
 */
import type { Mechanism } from "../mechanisms/define.js";
import { parseExpr } from "../mechanisms/expr/parser.js";
import { ionVariableNames } from "../mechanisms/ions.js";
import { stateKeyOf } from "../mechanisms/keys.js";
import type { GateSpec, QuantitySpec } from "../mechanisms/types.js";
import { exportError } from "./errors.js";
import { NmodlPrinter } from "./nmodl-expr.js";

/** An NMODL file and how the mechanism's keys are named in NEURON. */
export interface WrittenMechanism {
  /** NEURON's name: the SUFFIX (channels) or POINT_PROCESS (synapses). */
  suffix: string;
  kind: "channel" | "synapse";
  text: string;
  /** Full parameter key -> NMODL name (RANGE). */
  params: Record<string, string>;
  /** Full state key -> NMODL name (STATE). */
  states: Record<string, string>;
  /** Ion variables (reversal potentials, concentrations) whose per-compartment values the script sets. */
  ionValues: string[];
  /** Full parameter key -> NEURON's GLOBAL (`name_SUFFIX`): one value for the whole model. */
  globals?: Record<string, string>;
  /** NEURON's `usetable_SUFFIX`, set to 0 (exact rates, as Dendrolab), when the file has TABLEs. */
  usetable?: string;
  /** The text is the imported `.mod` file as it was read (no `present` switch). */
  asIs?: boolean;
}

/** Names NMODL or NEURON reserve; a spec name equal to one gets a trailing `_dl`. */
const RESERVED = new Set(
  "v t dt i celsius area diam PI FARADAY R present vpre secondorder if else while for from to with e exp log sqrt fabs tanh sin cos pow"
    .split(" ")
    .concat(["sinh", "cosh", "log10", "tan", "atan", "asin", "acos", "floor", "ceil", "atan2", "fmod", "erf"]),
);

const quantity = (q: number | QuantitySpec): number => (typeof q === "number" ? q : q.default);

/**
 * Writes `mech` as NMODL, or throws a `NOT_EXPORTABLE` error naming the mechanism and
 * the part NEURON cannot take.
 *
 * @example writeMechanism(new HH()).text.startsWith("TITLE") // true
 */
export function writeMechanism(mech: Mechanism, suffix = mech.name): WrittenMechanism {
  const spec = mech.spec;
  const kind = spec.kind;
  const where = `${kind} "${spec.name}"`;
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(spec.name)) throw exportError(`${where}: its name is not an NMODL name`);
  const ionNames = new Map<string, string>(); // ion variable -> species
  const useIon: string[] = [];
  const compiledIons = mech.compiled.ions;
  for (const [species, use] of Object.entries(spec.ions ?? {})) {
    for (const n of [...(use.read ?? []), ...(use.write ?? [])]) ionNames.set(n, species);
    const z = compiledIons.find((c) => c.species === species)?.valence ?? use.valence ?? 1;
    const read = use.read?.length ? ` READ ${use.read.join(", ")}` : "";
    const write = use.write?.length ? ` WRITE ${use.write.join(", ")}` : "";
    useIon.push(`    USEION ${species}${read}${write} VALENCE ${z}`);
  }
  // Per-compartment ion values the script sets: reversal potentials and concentrations.
  const ionValues = [...ionNames.keys()].filter((n) => {
    const names = ionVariableNames(ionNames.get(n)!);
    return n !== names.current;
  });
  const nmodlName = (n: string) => (RESERVED.has(n) || n.startsWith("dl") ? `${n}_dl` : n);
  const params: Record<string, string> = {};
  const paramLines: string[] = [];
  const local = new Map<string, string>(); // spec-local name -> NMODL name
  for (const [n, q] of Object.entries(spec.params)) {
    local.set(n, nmodlName(n));
    params[`${spec.name}_${n}`] = nmodlName(n);
    paramLines.push(`    ${nmodlName(n)} = ${quantity(q)}`);
  }
  for (const [n, q] of Object.entries(spec.shared ?? {})) {
    local.set(n, nmodlName(n));
    params[n] = nmodlName(n);
    paramLines.push(`    ${nmodlName(n)} = ${quantity(q)}`);
  }
  const states: Record<string, string> = {};
  for (const n of Object.keys(spec.states)) {
    if (ionNames.has(n)) continue; // a concentration: an ion variable (set with the ions)
    local.set(n, nmodlName(n));
    states[stateKeyOf(spec, n)] = nmodlName(n);
  }
  const stateNames = Object.keys(spec.states).map((n) => (ionNames.has(n) ? n : nmodlName(n)));
  const defs = Object.entries(spec.definitions ?? {});
  for (const [n] of defs) local.set(n, nmodlName(n));
  const rename = (n: string): string => {
    if (kind === "synapse" && n === "v_pre") return "vpre";
    if (kind === "synapse" && n === "v_post") return "v";
    if (n === "v" || n === "celsius" || n === "dt" || n === "t" || ionNames.has(n)) return n;
    const m = local.get(n);
    if (m === undefined) throw exportError(`${where} uses the name ${n}, which NEURON would not know`);
    return m;
  };
  const printer = new NmodlPrinter(rename, where);
  const expr = (text: string, part: string): string => {
    printer.where = `${where}, ${part}`;
    return printer.print(parseExpr(text));
  };
  const assigned = new Set<string>(["v (mV)", kind === "synapse" ? "i (nA)" : "i (mA/cm2)"]);
  if (kind === "synapse") assigned.add("vpre (mV)");
  for (const n of ionNames.keys()) if (!(n in spec.states)) assigned.add(n);
  const usesCelsius = JSON.stringify(spec).includes("celsius");
  if (usesCelsius) assigned.add("celsius (degC)");
  const defLines = defs.map(([n, e]) => `    ${nmodlName(n)} = ${expr(e, `definition ${n}`)}`);
  for (const [n] of defs) assigned.add(nmodlName(n));
  const cnexp: string[] = [];
  const implicit: string[] = [];
  const next: string[] = [];
  const nextAssign: string[] = [];
  for (const [s, gate] of Object.entries(spec.gates) as [string, GateSpec][]) {
    const x = ionNames.has(s) ? s : nmodlName(s);
    const part = `gate ${s}`;
    if ("alpha" in gate) {
      assigned.add(`dlr_${x}_a`).add(`dlr_${x}_b`);
      cnexp.push(`    dlr_${x}_a = ${expr(gate.alpha, part)}`, `    dlr_${x}_b = ${expr(gate.beta, part)}`);
      cnexp.push(`    ${x}' = dlr_${x}_a * (1 - ${x}) - dlr_${x}_b * ${x}`);
    } else if ("inf" in gate) {
      assigned.add(`dlr_${x}_inf`).add(`dlr_${x}_tau`);
      cnexp.push(`    dlr_${x}_inf = ${expr(gate.inf, part)}`, `    dlr_${x}_tau = ${expr(gate.tau, part)}`);
      cnexp.push(`    ${x}' = (dlr_${x}_inf - ${x}) / dlr_${x}_tau`);
    } else if ("rate" in gate) {
      (gate.method === "implicit" ? implicit : cnexp).push(`    ${x}' = ${expr(gate.rate, part)}`);
    } else {
      assigned.add(`dlr_${x}_next`);
      next.push(`    dlr_${x}_next = ${expr(gate.next, part)}`);
      nextAssign.push(`    ${x} = dlr_${x}_next`);
    }
  }
  const channel = kind === "channel";
  const scale = channel ? "present * " : "";
  if (channel) paramLines.push("    present = 1 : 0 where the mechanism is absent from a segment of its section");
  const currentLines = [`    i = ${scale}(${expr(spec.current ?? "0", "current")})`];
  for (const [ix, e] of Object.entries(spec.ionCurrents ?? {}))
    currentLines.push(`    ${ix} = ${scale}(${expr(e, `ion current ${ix}`)})`);
  const rangeNames = [...Object.values(params), ...(channel ? ["present"] : ["vpre", "i"])];
  const defsCall = defs.length > 0 ? ["    dl_defs()"] : [];
  const blocks = [
    `TITLE Dendrolab ${kind} ${spec.name} (written by exportNeuron from its Dendrolab definition)`,
    `NEURON {
    ${channel ? "SUFFIX" : "POINT_PROCESS"} ${suffix}
    NONSPECIFIC_CURRENT i
${useIon.join("\n")}${useIon.length ? "\n" : ""}    RANGE ${rangeNames.join(", ")}
}`,
    `PARAMETER {\n${paramLines.join("\n")}\n}`,
    `ASSIGNED {\n${[...assigned].map((a) => `    ${a}`).join("\n")}\n}`,
  ];
  if (stateNames.length > 0) blocks.push(`STATE { ${stateNames.join(" ")} }`);
  const solves = [
    ...(next.length ? ["    SOLVE dl_next"] : []),
    ...(cnexp.length ? ["    SOLVE dl_cnexp METHOD cnexp"] : []),
    ...(implicit.length ? ["    SOLVE dl_implicit METHOD derivimplicit"] : []),
  ];
  blocks.push(`BREAKPOINT {\n${[...solves, ...defsCall, ...currentLines].join("\n")}\n}`);
  if (defs.length) blocks.push(`PROCEDURE dl_defs() {\n${defLines.join("\n")}\n}`);
  if (next.length) blocks.push(`PROCEDURE dl_next() {\n${[...defsCall, ...next, ...nextAssign].join("\n")}\n}`);
  if (cnexp.length) blocks.push(`DERIVATIVE dl_cnexp {\n${[...defsCall, ...cnexp].join("\n")}\n}`);
  if (implicit.length) blocks.push(`DERIVATIVE dl_implicit {\n${[...defsCall, ...implicit].join("\n")}\n}`);
  blocks.push(...printer.helperBlocks());
  return { suffix, kind, text: `${blocks.join("\n\n")}\n`, params, states, ionValues };
}
