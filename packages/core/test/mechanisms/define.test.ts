import { describe, expect, it } from "vitest";
import { Na } from "../../src/channels.js";
import { compileMechanism } from "../../src/mechanisms/compile.js";
import { defineChannel, defineSynapse, Mechanism } from "../../src/mechanisms/define.js";
import { keyOf, mechanismKeys } from "../../src/mechanisms/keys.js";
import type { ChannelSpec } from "../../src/mechanisms/types.js";
import { MechanismSpecError } from "../../src/mechanisms/validate.js";

const kdrSpec = {
  name: "Kdr",
  params: { gK: { default: 0.036, unit: "S/cm2" } },
  shared: { eK: -77 },
  states: { n: 0.3 },
  definitions: { an: "0.01 * vtrap(-(v + 55), 10)", bn: "0.125 * exp(-(v + 65) / 80)" },
  gates: { n: { alpha: "an", beta: "bn" } },
  current: "gK * n^4 * (v - eK)",
};

describe("defineChannel", () => {
  const Kdr = defineChannel(kdrSpec);

  it("makes a class whose instances are Mechanisms with prefixed keys", () => {
    const k = new Kdr();
    expect(k).toBeInstanceOf(Mechanism);
    expect(k).toBeInstanceOf(Kdr);
    expect(Kdr.name).toBe("Kdr");
    expect(k.name).toBe("Kdr");
    expect(k.kind).toBe("channel");
    expect(k.paramKeys).toEqual(["Kdr_gK", "eK"]);
    expect(k.stateKeys).toEqual(["Kdr_n"]);
    expect(k.paramDefaults()).toEqual({ Kdr_gK: 0.036, eK: -77 });
    expect(k.stateDefaults()).toEqual({ Kdr_n: 0.3 });
    expect(k.currentName).toBe("i_Kdr");
  });

  it("renames through the constructor; shared keys stay", () => {
    const k2 = new Kdr("K2");
    expect(k2.paramKeys).toEqual(["K2_gK", "eK"]);
    expect(k2.stateKeys).toEqual(["K2_n"]);
    expect(k2.currentName).toBe("i_K2");
    expect(k2).toBeInstanceOf(Kdr);
  });

  it("compiles lazily, caches, and shares kernels between renamed instances", () => {
    const a = new Kdr(),
      b = new Kdr(),
      c = new Kdr("K2");
    expect(a.compiled).toBe(b.compiled);
    expect(c.compiled).not.toBe(a.compiled);
    expect(c.compiled.current).toBe(a.compiled.current); // same generated code
    expect(compileMechanism({ ...kdrSpec, kind: "channel" })).toBe(a.compiled);
    const V = new Float64Array([-65]),
      idx = new Int32Array([0]);
    const S = [new Float64Array([0])];
    a.compiled.steady(1, idx, idx, V, [new Float64Array([0.036]), new Float64Array([-77])], S);
    expect(S[0][0]).toBeCloseTo(0.317676914060697, 14); // HH's n at -65 mV
  });

  it("keeps its spec immutable and independent of the object it was given", () => {
    const spec = JSON.parse(JSON.stringify(kdrSpec));
    const Mine = defineChannel(spec);
    spec.params.gK = 1;
    expect(new Mine().paramDefaults().Kdr_gK).toBe(0.036);
    expect(Object.isFrozen(new Mine().spec.params)).toBe(true);
  });

  it("maps local names to keys", () => {
    const spec = new Na().spec;
    expect(keyOf(spec, "gNa")).toBe("Na_gNa");
    expect(keyOf(spec, "m")).toBe("Na_m");
    expect(keyOf(spec, "eNa")).toBe("eNa");
    expect(() => keyOf(spec, "gna")).toThrow(/no parameter or state "gna".*Did you mean "gNa"\?/);
    expect(mechanismKeys(spec).paramKeys).toEqual(["Na_gNa", "eNa", "vt"]);
  });
});

describe("defineSynapse", () => {
  it("gives v_pre and v_post, and a synapse kind", () => {
    const Exc = defineSynapse({
      name: "Exc",
      params: { gS: 1e-4, e_syn: 0 },
      states: { s: 0 },
      gates: { s: { inf: "sigmoid((v_pre + 35) / 10)", tau: "5" } },
      current: "gS * s * (v_post - e_syn)",
    });
    const e = new Exc();
    expect(e.kind).toBe("synapse");
    expect(e.stateKeys).toEqual(["Exc_s"]);
    const V = new Float64Array([-35, -70]);
    const S = [new Float64Array([0])];
    e.compiled.steady(
      1,
      new Int32Array([0]),
      new Int32Array([1]),
      V,
      [new Float64Array([1e-4]), new Float64Array([0])],
      S,
    );
    expect(S[0][0]).toBe(0.5);
  });
});

describe("bad specs give clear errors", () => {
  const base = (): Omit<ChannelSpec, "kind"> => JSON.parse(JSON.stringify(kdrSpec));
  const error = (mutate: (s: any) => void): string => {
    const s = base();
    mutate(s);
    try {
      defineChannel(s);
    } catch (e) {
      expect(e).toBeInstanceOf(MechanismSpecError);
      return (e as Error).message;
    }
    throw new Error("no error");
  };

  it("a state without a gate, and a gate without a state", () => {
    expect(
      error((s) => {
        s.states.h = 0.5;
      }),
    ).toMatch(/^Channel "Kdr": state "h" has no gate; every state needs a gate/);
    expect(
      error((s) => {
        s.gates.nn = s.gates.n;
      }),
    ).toMatch(/gate "nn" has no state of that name\. Valid states: n\. Did you mean "n"\?/);
  });

  it("a malformed gate", () => {
    expect(
      error((s) => {
        s.gates.n = { alpha: "1", tau: "2" };
      }),
    ).toMatch(
      /gate "n" must be \{ alpha, beta \} \(rates, 1\/ms\), \{ inf, tau \} \(tau in ms\), \{ rate \} \(dx\/dt\) or \{ next \} \(the value after a step\), each with an optional initial, got \{"alpha":"1","tau":"2"\}/,
    );
  });

  it("unknown names, with the valid ones and the nearest", () => {
    const m = error((s) => {
      s.current = "gk * n^4 * (v - eK)";
    });
    expect(m).toContain('Channel "Kdr": current: Unknown name "gk" at position 0 in expression "gk * n^4 * (v - eK)"');
    expect(m).toContain("Valid names: an, bn, celsius, dt, eK, gK, n, t, v.");
    expect(m).toContain('Did you mean "gK"?');
    expect(
      error((s) => {
        s.current = "gK * (v_post - eK)";
      }),
    ).toContain('Did you mean "v"?');
  });

  it("parse errors inside a gate", () => {
    expect(
      error((s) => {
        s.gates.n.alpha = "0.01 * (v + ";
      }),
    ).toMatch(
      /gate "n" \(alpha\): Cannot parse: expected a number, a name, "\(" or "-" but found end of input at position 12/,
    );
  });

  it("definitions used before they are defined", () => {
    expect(
      error((s) => {
        s.definitions = { an: "2 * bn", bn: "v" };
      }),
    ).toMatch(/definition "an" uses definition "bn" before it is defined; definitions are evaluated in order/);
  });

  it("gate rates that depend on states", () => {
    expect(
      error((s) => {
        s.gates.n.beta = "bn * n";
      }),
    ).toMatch(/gate "n" \(beta\) depends on state "n"; gate rates may depend only on v/);
    expect(
      error((s) => {
        s.definitions.bn = "n";
      }),
    ).toMatch(/gate "n" \(beta\) depends on state "n"/);
  });

  it("defaults that are not finite numbers", () => {
    expect(
      error((s) => {
        s.params.gK = NaN;
      }),
    ).toMatch(
      /a parameter "gK" needs a finite number default \(or \{ default: number, unit\?: string, description\?: string \}\), got NaN/,
    );
    expect(
      error((s) => {
        s.states.n = { default: "0.3" };
      }),
    ).toMatch(/a state "n" needs a finite number default.*got \{"default":"0.3"\}/);
    expect(
      error((s) => {
        s.shared.eK = Infinity;
      }),
    ).toMatch(/shared parameter "eK".*got Infinity/);
  });

  it("names that are not identifiers, reserved, or used twice", () => {
    expect(
      error((s) => {
        s.name = "K dr";
      }),
    ).toMatch(/Channel name must be an identifier.*got "K dr"/);
    expect(
      error((s) => {
        s.params["g-K"] = 1;
      }),
    ).toMatch(/a parameter name "g-K" is not an identifier/);
    expect(
      error((s) => {
        s.params.exp = 1;
      }),
    ).toMatch(/the name "exp" is used as a parameter but is already a built-in function/);
    expect(
      error((s) => {
        s.params.v = 1;
      }),
    ).toMatch(/the name "v" is used as a parameter but is already the voltage/);
    expect(
      error((s) => {
        s.params.n = 1;
      }),
    ).toMatch(/the name "n" is used as a state but is already a parameter/);
    expect(
      error((s) => {
        s.definitions.gK = "1";
      }),
    ).toMatch(/the name "gK" is used as a definition but is already a parameter/);
  });

  it("key collisions between prefixed and shared keys", () => {
    expect(
      error((s) => {
        s.shared.Kdr_gK = 1;
      }),
    ).toMatch(/the key "Kdr_gK" would belong both to parameter "gK" and to shared parameter "Kdr_gK"/);
  });

  it("unknown fields and wrong types", () => {
    expect(
      error((s) => {
        s.gate = {};
      }),
    ).toMatch(/unknown field "gate"\. Valid fields: .*Did you mean "gates"\?/);
    expect(
      error((s) => {
        s.current = 3;
      }),
    ).toMatch(/"current" must be an expression string, got 3/);
    expect(
      error((s) => {
        s.params = [1];
      }),
    ).toMatch(/"params" must be an object of name: value, got \[1\]/);
    expect(() => compileMechanism({ ...kdrSpec, kind: "pump" } as any)).toThrow(
      /needs kind "channel" or "synapse", got kind "pump"/,
    );
  });

  it("renaming to a bad name fails", () => {
    const Kdr = defineChannel(kdrSpec);
    expect(() => new Kdr("2K")).toThrow(/Channel name must be an identifier.*got "2K"/);
  });
});
