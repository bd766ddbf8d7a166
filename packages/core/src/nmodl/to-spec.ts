/**
 * From an analysed NMODL mechanism to a channel spec of the mechanism compiler: the
 * straight-line code of INITIAL, the DERIVATIVE block and BREAKPOINT becomes ordered
 * `definitions` (one per assignment, SSA: an `if` selects between the values of its
 * branches with `ifle`), each STATE a `{ rate }` gate with NEURON's linear form
 * `x' = a + b x` (cnexp, or `method: "implicit"` for derivimplicit) and its `initial`
 * from INITIAL, the currents BREAKPOINT's final values.
 *
 * NEURON's order within a step is kept where it matters: BREAKPOINT (nrn_cur) reads an
 * ASSIGNED variable that the DERIVATIVE block (nrn_state) wrote as the DERIVATIVE
 * block's value, which equals NEURON's when that value does not depend on the states
 * (kca.mod's `tadj`); a value only INITIAL writes (km.mod's `tadj`) is a hidden state
 * without dynamics. Other cross-block reads are refused with an {@link NmodlError}.
 */
import { FUNCTION_NAMES } from "../mechanisms/expr/functions.js";
import { ionDefaults } from "../mechanisms/ions.js";
import type { ChannelSpec, GateSpec, QuantitySpec } from "../mechanisms/types.js";
import type { NmodlMechanism } from "./analyze.js";
import type { SourcePos } from "./ast.js";
import { NmodlError } from "./errors.js";
import { assignedIn, type FlatStmt, readBeforeWrite } from "./flat.js";
import { cnexpForms, type LinearForm } from "./linear.js";
import { exprText, numberText, type Resolve, selectText } from "./spec-expr.js";

/** What became of each NMODL variable in the spec (for the metadata of the IDE). */
export interface SpecTranslation {
  readonly spec: ChannelSpec;
  /** ASSIGNED variables kept as states without dynamics (their INITIAL value). */
  readonly hidden: readonly string[];
  /** RANGE ASSIGNED variables recordable as outputs. */
  readonly outputs: readonly string[];
}

const RESERVED = new Set(["v", "v_pre", "v_post", "dt", "t", "celsius", "__proto__", ...FUNCTION_NAMES]);

/** Ordered definitions with unique names. */
class Definitions {
  readonly entries: [string, string][] = [];
  /** Definitions whose value depends on a state (directly or through others). */
  readonly stateDependent = new Set<string>();
  private counter = 0;
  constructor(private readonly taken: Set<string>) {}

  /** A definition of `text` (or `text` itself if it is a name or a number). */
  define(base: string, text: string, dependsOnState: boolean): string {
    if (/^([A-Za-z_][A-Za-z0-9_]*|[0-9.e+-]+|\(-[0-9.e+-]+\))$/.test(text)) return text;
    const clean = base.replace(/\$\d+$/, "").replace(/[^A-Za-z0-9_]/g, "_");
    let name: string;
    do name = `${clean}__${++this.counter}`;
    while (this.taken.has(name));
    this.taken.add(name);
    this.entries.push([name, text]);
    if (dependsOnState) this.stateDependent.add(name);
    return name;
  }
}

type Entry = (name: string, pos: SourcePos) => string;

/**
 * Runs a block symbolically: each assignment becomes a definition; returns the
 * variables' final spec names. `onEquation` sees each differential equation with the
 * names at that point.
 */
function runBlock(
  body: readonly FlatStmt[],
  env: Map<string, string>,
  defs: Definitions,
  entry: Entry,
  isState: (specName: string) => boolean,
  onEquation?: (s: Extract<FlatStmt, { kind: "derivative" }>, resolve: Resolve) => void,
): Map<string, string> {
  const resolver = (scope: ReadonlyMap<string, string>) => {
    let touched = false;
    const resolve: Resolve = (name, pos) => {
      const r = scope.get(name) ?? entry(name, pos);
      if (isState(r) || defs.stateDependent.has(r)) touched = true;
      return r;
    };
    const reset = () => {
      touched = false;
    };
    return { resolve, touched: () => touched, reset };
  };
  for (const s of body) {
    if (s.kind === "assign") {
      const r = resolver(env);
      const text = exprText(s.value, r.resolve);
      env.set(s.target, defs.define(s.target, text, r.touched()));
    } else if (s.kind === "if") {
      const before = new Map(env);
      const thenEnv = runBlock(s.then, new Map(env), defs, entry, isState);
      const elseEnv = runBlock(s.else, new Map(env), defs, entry, isState);
      for (const t of assignedIn([s])) {
        const r = resolver(before);
        const x = thenEnv.get(t) ?? r.resolve(t, s.pos);
        const y = elseEnv.get(t) ?? r.resolve(t, s.pos);
        if (x === y) {
          env.set(t, x);
          continue;
        }
        r.reset();
        const text = selectText(s.cond, x, y, r.resolve);
        const dep = r.touched() || isState(x) || isState(y) || defs.stateDependent.has(x) || defs.stateDependent.has(y);
        env.set(t, defs.define(t, text, dep));
      }
    } else {
      onEquation?.(s, resolver(new Map(env)).resolve);
    }
  }
  return env;
}

/**
 * The channel spec of an analysed mechanism. Throws {@link NmodlError} where the file
 * needs what the spec cannot express yet.
 *
 * @example toChannelSpec(analyzeNmodl(text)).spec.name // "NaTs2_t"
 */
export function toChannelSpec(m: NmodlMechanism): SpecTranslation {
  const sym = m.symbols;
  const taken = new Set<string>([...sym.keys(), ...RESERVED, ...m.locals]);
  const defs = new Definitions(taken);
  const stateNames = new Set(m.states.map((s) => s.name));
  const deriv = m.derivative;
  const dvBody = deriv?.body ?? [];
  const written = {
    initial: assignedIn(m.initial),
    breakpoint: assignedIn(m.breakpoint),
    derivative: assignedIn(dvBody),
  };
  const readFirst = {
    breakpoint: readBeforeWrite(m.breakpoint, new Set()),
    derivative: readBeforeWrite(dvBody, new Set()),
  };
  const currentNames = new Set(m.currents.map((c) => c.name));
  const rangeAssigned = m.assigned.filter((a) => a.range && !currentNames.has(a.name)).map((a) => a.name);

  // ASSIGNED values that persist between blocks.
  const candidates: string[] = [];
  const fromDerivative = new Set<string>();
  for (const p of m.persistent) {
    const pos = sym.get(p)!.pos;
    const refuse = (why: string) => {
      throw new NmodlError(pos, "ASSIGNED", `${p} ${why}; this is not supported yet: compute ${p} where it is used`);
    };
    if (readFirst.breakpoint.has(p) && written.breakpoint.has(p))
      refuse("is read in BREAKPOINT before BREAKPOINT writes it (its value from the previous evaluation)");
    if (readFirst.derivative.has(p) && written.derivative.has(p))
      refuse("is read in the DERIVATIVE block before it writes it (its value from the previous step)");
    if (readFirst.derivative.has(p) && written.breakpoint.has(p))
      refuse(
        "is read in the DERIVATIVE block but written in BREAKPOINT (NEURON's value of the last current evaluation)",
      );
    if (readFirst.breakpoint.has(p) && written.derivative.has(p)) fromDerivative.add(p);
    else if (written.initial.has(p)) candidates.push(p);
  }
  for (const name of rangeAssigned) {
    if (
      !candidates.includes(name) &&
      written.initial.has(name) &&
      !written.breakpoint.has(name) &&
      !written.derivative.has(name)
    )
      candidates.push(name);
  }
  const ionNames = new Set(m.ions.flatMap((i) => [...i.read, ...i.write].map((r) => r.name)));

  const inputs = (name: string, _pos: SourcePos, block: "INITIAL" | "other"): string | undefined => {
    const s = sym.get(name);
    if (s === undefined) return "0"; // a local or temporary read before any assignment
    switch (s.kind) {
      case "parameter":
        return name;
      case "constant":
        return numberText(s.value ?? 0);
      case "builtin":
        return name; // v, celsius, dt, t: kernel inputs (t as NEURON's time of each block)
      case "ion":
        if (s.isState) return block === "INITIAL" ? numberText(concentrationDefault(m, name)) : name;
        if (s.ion?.role === "current" && s.ion.write) return "0";
        return name;
      case "state":
        return block === "INITIAL" ? "0" : name;
      default:
        return undefined;
    }
  };

  // INITIAL ("state-dependent" there: depending on v or an ion variable).
  const initialEnv = runBlock(
    m.initial,
    new Map(),
    defs,
    (name, pos) => inputs(name, pos, "INITIAL") ?? "0",
    (n) => n === "v" || ionNames.has(n),
  );
  // A value INITIAL computes from parameters and celsius alone is that expression
  // everywhere; others are hidden states set by INITIAL.
  const hidden = candidates.filter((p) => {
    const d = initialEnv.get(p)!;
    return d === "v" || ionNames.has(d) || defs.stateDependent.has(d);
  });
  const specStates = new Set([...stateNames, ...hidden]);
  const isState = (n: string) => specStates.has(n);

  // The DERIVATIVE block, with one gate per state.
  const gates: Record<string, GateSpec> = {};
  const linear =
    deriv === null
      ? new Map<string, LinearForm>()
      : deriv.method === "cnexp"
        ? deriv.linear
        : implicitForms(dvBody, deriv.name);
  const otherEntry: Entry = (name, pos) => {
    const v = inputs(name, pos, "other");
    if (v !== undefined) return v;
    if (hidden.includes(name)) return name;
    return candidates.includes(name) ? initialEnv.get(name)! : "0";
  };
  const dvEnv = runBlock(dvBody, new Map(), defs, otherEntry, isState, (eq, resolve) => {
    const form = linear.get(eq.state)!;
    const x = eq.state;
    const a = defs.define(`${x}_a`, exprText(form.a, resolve), false);
    const bText = exprText(form.b, resolve);
    const rate = bText === "0" ? a : `${a} + ${defs.define(`${x}_b`, bText, false)} * ${x}`;
    gates[x] = deriv?.method === "derivimplicit" ? { rate, method: "implicit" } : { rate };
  });

  // BREAKPOINT.
  const bpEntry: Entry = (name, pos) => {
    if (fromDerivative.has(name)) {
      const d = dvEnv.get(name)!;
      if (isState(d) || defs.stateDependent.has(d)) {
        throw new NmodlError(
          sym.get(name)!.pos,
          "ASSIGNED",
          `${name} is written in the DERIVATIVE block from the states and read in BREAKPOINT; this is not ` +
            `supported yet: compute ${name} in BREAKPOINT too`,
        );
      }
      return d;
    }
    return otherEntry(name, pos);
  };
  const bpEnv = runBlock(m.breakpoint, new Map(), defs, bpEntry, isState);

  // SOLVE of a PROCEDURE: each state's value after the procedure is its next value.
  if (deriv?.method === "procedure") for (const s of m.states) gates[s.name] = { next: dvEnv.get(s.name) ?? s.name };

  // States and their initial values.
  const states: Record<string, number | QuantitySpec> = {};
  for (const s of m.states) {
    states[s.name] = quantity(s.isState ? concentrationDefault(m, s.name) : 0, s.unit);
    const init = initialEnv.get(s.name);
    if (init !== undefined) gates[s.name] = { ...gates[s.name], initial: init };
    else if (!s.isState) gates[s.name] = { ...gates[s.name], initial: "0" };
  }
  for (const h of hidden) {
    states[h] = quantity(0, sym.get(h)!.unit);
    gates[h] = { rate: "0", initial: initialEnv.get(h)! };
  }

  // Currents and outputs.
  const ionCurrents: Record<string, string> = {};
  const nonspecific: string[] = [];
  for (const c of m.currents) {
    const value = bpEnv.get(c.name) ?? "0";
    if (c.ion) ionCurrents[c.name] = value;
    else nonspecific.push(value);
  }
  const outputs: Record<string, string> = {};
  const single = m.currents.length === 1 && m.currents[0].ion === null ? m.currents[0].name : null;
  for (const c of m.currents) if (c.ion === null && c.name !== single) outputs[c.name] = bpEnv.get(c.name) ?? "0";
  for (const name of rangeAssigned) {
    if (hidden.includes(name)) continue;
    outputs[name] = bpEnv.get(name) ?? dvEnv.get(name) ?? initialEnv.get(name) ?? "0";
  }

  const params: Record<string, QuantitySpec> = {};
  for (const p of m.parameters) params[p.name] = quantity(p.value ?? 0, p.unit);
  const spec: ChannelSpec = {
    kind: "channel",
    name: m.suffix,
    params,
    states,
    gates,
    definitions: Object.fromEntries(defs.entries),
    ...(nonspecific.length > 0 ? { current: nonspecific.join(" + ") } : {}),
    ...(single !== null ? { currentName: `${m.suffix}_${single}` } : {}),
    ...(m.ions.length > 0
      ? {
          ions: Object.fromEntries(
            m.ions.map((ion) => [
              ion.name,
              {
                ...(ion.valence !== null ? { valence: ion.valence } : {}),
                read: ion.read.map((r) => r.name),
                write: ion.write.map((w) => w.name),
              },
            ]),
          ),
          ionCurrents,
        }
      : {}),
    ...(Object.keys(outputs).length > 0 ? { outputs } : {}),
  };
  return { spec, hidden, outputs: Object.keys(outputs) };
}

function quantity(value: number, unit: string | null): QuantitySpec {
  return unit ? { default: value, unit } : { default: value };
}

/** NEURON's initial value of a concentration (`cai0_ca_ion`...). */
function concentrationDefault(m: NmodlMechanism, name: string): number {
  const ion = m.ions.find((i) => name === `${i.name}i` || name === `${i.name}o`)!;
  const d = ionDefaults(ion.name, ion.valence ?? 1);
  return name === `${ion.name}i` ? d.ci : d.co;
}

/** derivimplicit: each equation must be linear in its state (then one implicit Euler step is exact). */
function implicitForms(body: readonly FlatStmt[], block: string): Map<string, LinearForm> {
  try {
    return cnexpForms(body, `DERIVATIVE ${block}`);
  } catch (e) {
    if (!(e instanceof NmodlError)) throw e;
    throw new NmodlError(
      { line: e.line, column: e.column },
      "derivimplicit",
      `METHOD derivimplicit is supported for equations linear in their state (x' = a + b x) ` +
        `that read no conditional earlier value of it; ${e.problem.replace(/; use METHOD derivimplicit.*$/, "")}`,
    );
  }
}
