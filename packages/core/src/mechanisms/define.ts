/**
 * Mechanisms as objects: a {@link Mechanism} is a validated, immutable spec with its
 * keys, defaults and (lazily) compiled kernels. {@link defineChannel} and
 * {@link defineSynapse} turn a spec into a class, as Jaxley's `Channel` subclasses are:
 * `new Na()` has keys `Na_gNa`, ...; `new Na("Na2")` has `Na2_gNa`, ... (shared keys
 * such as `eNa` stay as they are).
 */
import { compileMechanism, analyzeSpec } from "./compile.js";
import { mechanismKeys } from "./keys.js";
import type { ChannelSpec, CompiledMechanism, MechanismKeys, MechanismSpec, SynapseSpec } from "./types.js";

/**
 * A channel or synapse: its spec (with this instance's name), keys, defaults and
 * compiled kernels. Instances are immutable; `renamed` gives a copy under a new name.
 *
 * @example
 * const na = new Na();
 * na.paramKeys;        // ["Na_gNa", "eNa", "vt"]
 * na.paramDefaults();  // { Na_gNa: 0.05, eNa: 50, vt: -60 }
 * na instanceof Mechanism // true
 */
export class Mechanism {
  /** The spec, deep-frozen, with `name` set to this instance's name. */
  readonly spec: MechanismSpec;
  private readonly keys: MechanismKeys;
  private compiledCache?: CompiledMechanism;

  /** Validates the spec (throws `MechanismSpecError` with a clear message). */
  constructor(spec: MechanismSpec) {
    this.spec = analyzeSpec(spec).spec;
    this.keys = mechanismKeys(this.spec);
  }

  /** Instance name, the prefix of its keys. */
  get name(): string {
    return this.spec.name;
  }
  get kind(): "channel" | "synapse" {
    return this.spec.kind;
  }
  /** Full parameter keys: prefixed parameters then shared keys. */
  get paramKeys(): readonly string[] {
    return this.keys.paramKeys;
  }
  /** Full (prefixed) state keys. */
  get stateKeys(): readonly string[] {
    return this.keys.stateKeys;
  }
  /** The name under which the current is recorded (e.g. `i_Na`). */
  get currentName(): string {
    return this.keys.currentName;
  }

  /** Parameter defaults by full key (a fresh object). Units as in the spec. */
  paramDefaults(): Record<string, number> {
    return Object.fromEntries(this.keys.paramKeys.map((k, j) => [k, this.keys.paramDefaults[j]]));
  }

  /** State defaults by full key (a fresh object). */
  stateDefaults(): Record<string, number> {
    return Object.fromEntries(this.keys.stateKeys.map((k, j) => [k, this.keys.stateDefaults[j]]));
  }

  /** Compiled kernels (compiled on first use; cached across equal specs). */
  get compiled(): CompiledMechanism {
    this.compiledCache ??= compileMechanism(this.spec);
    return this.compiledCache;
  }

  /**
   * The same mechanism under another name (prefixed keys change; shared keys and a
   * fixed `currentName` do not). Keeps the class when the instance came from one.
   *
   * @example new Na().renamed("Na2").paramKeys // ["Na2_gNa", "eNa", "vt"]
   */
  renamed(name: string): Mechanism {
    const ctor = this.constructor as unknown as { new (name?: string): Mechanism; definedSpec?: MechanismSpec };
    if (ctor.definedSpec) return new ctor(name);
    return new Mechanism({ ...this.spec, name } as MechanismSpec);
  }

  /** The spec, for serialisation. */
  toJSON(): MechanismSpec {
    return this.spec;
  }
}

/** A class made by {@link defineChannel} or {@link defineSynapse}. */
export interface MechanismClass<K extends "channel" | "synapse" = "channel" | "synapse"> {
  /** An instance with the spec's name, or with `name` as its key prefix. */
  new (name?: string): Mechanism & { readonly kind: K };
  /** The spec the class was defined with (its default name). */
  readonly definedSpec: MechanismSpec & { kind: K };
}

function defineMechanism<K extends "channel" | "synapse">(spec: MechanismSpec & { kind: K }): MechanismClass<K> {
  // Eager validation: errors point at the definition. The result is a frozen copy.
  const frozen = analyzeSpec(spec).spec as MechanismSpec & { kind: K };
  const cls = class extends Mechanism {
    static readonly definedSpec = frozen;
    constructor(name?: string) {
      super(name === undefined ? frozen : ({ ...frozen, name } as MechanismSpec));
    }
  };
  Object.defineProperty(cls, "name", { value: frozen.name });
  return cls as unknown as MechanismClass<K>;
}

/**
 * Defines a channel from parameters, states, gates and a current (mA/cm2, outward
 * positive; conductances in S/cm2, voltages in mV, rates in 1/ms, tau in ms). The
 * spec is validated now; errors name the field and list the valid names.
 *
 * @example
 * const Kdr = defineChannel({
 *   name: "Kdr",
 *   params: { gK: { default: 0.036, unit: "S/cm2" } },
 *   shared: { eK: -77 },
 *   states: { n: 0.3 },
 *   gates: { n: { alpha: "0.01 * vtrap(-(v + 55), 10)", beta: "0.125 * exp(-(v + 65) / 80)" } },
 *   current: "gK * n^4 * (v - eK)",
 * });
 * new Kdr().paramKeys // ["Kdr_gK", "eK"]
 */
export function defineChannel(spec: Omit<ChannelSpec, "kind">): MechanismClass<"channel"> {
  return defineMechanism({ ...spec, kind: "channel" } as ChannelSpec);
}

/**
 * Defines a synapse: expressions may use `v_pre` and `v_post` (mV); the current is in
 * nA (outward positive at the postsynaptic compartment), conductances in uS.
 *
 * @example
 * const Exc = defineSynapse({
 *   name: "Exc", params: { gS: 1e-4, e_syn: 0 }, states: { s: 0 },
 *   gates: { s: { inf: "sigmoid((v_pre + 35) / 10)", tau: "5" } },
 *   current: "gS * s * (v_post - e_syn)",
 * });
 * new Exc().stateKeys // ["Exc_s"]
 */
export function defineSynapse(spec: Omit<SynapseSpec, "kind">): MechanismClass<"synapse"> {
  return defineMechanism({ ...spec, kind: "synapse" } as SynapseSpec);
}
