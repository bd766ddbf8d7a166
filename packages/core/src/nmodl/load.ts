/**
 * `loadNmodl`: a NEURON `.mod` file becomes a mechanism class, compiled by the same spec
 * compiler (and to the same fused float64 kernels) as the built-in channels.
 */
import { DendrolabError } from "../errors.js";
import { defineChannel, type MechanismClass } from "../mechanisms/define.js";
import { prefixedKey, stateKeyOf } from "../mechanisms/keys.js";
import { analyzeNmodl, type NmodlMechanism } from "./analyze.js";
import type { NeuronBlock, SourcePos } from "./ast.js";
import { NmodlError } from "./errors.js";
import { parseNmodl } from "./parser.js";
import { rememberNmodlSource } from "./source.js";
import { toChannelSpec } from "./to-spec.js";

/** A parameter of an imported mechanism. */
export interface NmodlParameterInfo {
  readonly name: string;
  /** The key of `set` and `.view`: `${SUFFIX}_${name}`. */
  readonly key: string;
  readonly unit: string | null;
  readonly default: number;
  /** `<low, high>` of the PARAMETER block, if given (not enforced). */
  readonly limits: readonly [number, number] | null;
  /** Declared GLOBAL in NEURON (one value per mechanism type there; per compartment here). */
  readonly global: boolean;
}

/** A state of an imported mechanism. */
export interface NmodlStateInfo {
  readonly name: string;
  readonly key: string;
  readonly unit: string | null;
  /**
   * "gate": a STATE with an equation (gating curves available); "concentration": an ion
   * concentration the mechanism integrates (`cai`, key un-prefixed); "hidden": an
   * ASSIGNED value set only in INITIAL, kept per compartment.
   */
  readonly kind: "gate" | "concentration" | "hidden";
}

/** What the IDE shows of an imported mechanism (`M.nmodl`). */
export interface NmodlInfo {
  readonly suffix: string;
  readonly title: string | null;
  readonly ions: readonly {
    readonly name: string;
    readonly valence: number | null;
    readonly read: readonly string[];
    readonly write: readonly string[];
  }[];
  readonly parameters: readonly NmodlParameterInfo[];
  readonly states: readonly NmodlStateInfo[];
  /** Recordable ASSIGNED RANGE variables (`gNaTs2_t`), by name and key. */
  readonly outputs: readonly { readonly name: string; readonly key: string; readonly unit: string | null }[];
  /** The recorded name of the mechanism's total current. */
  readonly currentName: string;
  /**
   * How the states are solved: the DERIVATIVE block's method, `"procedure"` for `SOLVE`
   * of a PROCEDURE (explicit updates), or null without a SOLVE.
   */
  readonly method: "cnexp" | "derivimplicit" | "procedure" | null;
  /** The file had TABLE statements: ignored, the rates are computed exactly. */
  readonly hadTables: boolean;
}

/** A mechanism class made by {@link loadNmodl}, with its metadata. */
export type NmodlMechanismClass = MechanismClass<"channel"> & { readonly nmodl: NmodlInfo };

/**
 * A mechanism class from the text of a NEURON `.mod` file (a density mechanism with a
 * `SUFFIX`). `new M()` is inserted with `view.insert(...)`; its keys are
 * `${SUFFIX}_${name}` for every PARAMETER (RANGE and GLOBAL alike: GLOBALs, one value per
 * mechanism type in NEURON, are per-compartment keys here), every STATE, and the
 * recordable ASSIGNED RANGE variables; ion variables (`ena`, `cai`, `ica`, ...) and
 * `celsius` are the compartment's shared columns. An integrated concentration (`cai` as
 * a STATE) has the un-prefixed key `cai`.
 *
 * Semantics are NEURON 8.2's: `cnexp` as NEURON solves it; `derivimplicit` as one
 * implicit Euler step, which is NEURON's Newton solve for equations linear in their
 * state (others are refused); `TABLE` statements are ignored and rates computed
 * exactly (NEURON with `usetable_<suffix> = 0`); units constants (`FARADAY`, `R`, ...)
 * have NEURON 8.2's values; `v` may be reassigned in a procedure (the mechanism's copy);
 * `INITIAL` runs at `initStates()`. Unsupported constructs (`KINETIC`, `NET_RECEIVE`,
 * `POINT_PROCESS`, `VERBATIM`, reading `dt` or `t`, ...) and semantic problems throw an
 * {@link NmodlError} naming line, column and what to do instead.
 *
 * @example
 * const NaTs2_t = loadNmodl(await file.text());
 * cell.group("soma").insert(new NaTs2_t());
 * cell.group("soma").set("NaTs2_t_gNaTs2_tbar", 0.98);
 * cell.group("soma").record("NaTs2_t_gNaTs2_t");   // an ASSIGNED RANGE variable
 * NaTs2_t.nmodl.parameters[0].key;                 // "NaTs2_t_gNaTs2_tbar"
 */
export function loadNmodl(text: string): NmodlMechanismClass {
  if (typeof text !== "string") {
    throw new DendrolabError(
      `loadNmodl expects the text of a .mod file (a string), got ${typeof text}`,
      "INVALID_ARGUMENT",
    );
  }
  const file = parseNmodl(text);
  const m = analyzeNmodl(file);
  const neuron = file.blocks.find((b): b is NeuronBlock => b.kind === "neuron")!;
  const at: SourcePos = neuron.suffixPos ?? neuron.pos;
  const translation = toChannelSpec(m);
  let cls: MechanismClass<"channel">;
  try {
    cls = defineChannel(translation.spec);
    // Compile now: every problem surfaces here, with the file's position.
    void new cls().compiled;
  } catch (e) {
    if (e instanceof NmodlError || !(e instanceof DendrolabError)) throw e;
    throw new NmodlError(
      at,
      "mechanism",
      `the mechanism ${m.suffix} cannot be compiled: ${e.message.replace(/^Channel "[^"]*": /, "")}`,
    );
  }
  const info = describe(m, new Set(neuron.global), translation.hidden, translation.outputs, new cls());
  Object.defineProperty(cls, "nmodl", { value: info, enumerable: true });
  rememberNmodlSource(cls, { text, suffix: m.suffix, range: new Set(neuron.range) });
  return cls as NmodlMechanismClass;
}

function describe(
  m: NmodlMechanism,
  globals: ReadonlySet<string>,
  hidden: readonly string[],
  outputs: readonly string[],
  instance: InstanceType<MechanismClass<"channel">>,
): NmodlInfo {
  const spec = instance.spec;
  const freeze = <T>(x: T): T => Object.freeze(x);
  return freeze({
    suffix: m.suffix,
    title: m.title,
    ions: freeze(
      m.ions.map((ion) =>
        freeze({
          name: ion.name,
          valence: ion.valence,
          read: freeze(ion.read.map((r) => r.name)),
          write: freeze(ion.write.map((w) => w.name)),
        }),
      ),
    ),
    parameters: freeze(
      m.parameters.map((p) =>
        freeze({
          name: p.name,
          key: prefixedKey(m.suffix, p.name),
          unit: p.unit,
          default: p.value ?? 0,
          limits: p.limits,
          global: globals.has(p.name),
        }),
      ),
    ),
    states: freeze([
      ...m.states.map((s) =>
        freeze({
          name: s.name,
          key: stateKeyOf(spec, s.name),
          unit: s.unit,
          kind: s.isState ? ("concentration" as const) : ("gate" as const),
        }),
      ),
      ...hidden.map((h) =>
        freeze({
          name: h,
          key: prefixedKey(m.suffix, h),
          unit: m.symbols.get(h)?.unit ?? null,
          kind: "hidden" as const,
        }),
      ),
    ]),
    outputs: freeze(
      outputs.map((o) => freeze({ name: o, key: prefixedKey(m.suffix, o), unit: m.symbols.get(o)?.unit ?? null })),
    ),
    currentName: instance.currentName,
    method: m.derivative?.method ?? null,
    hadTables: m.hadTables,
  });
}
