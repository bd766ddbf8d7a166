/**
 * The mechanism spec's schema: its inferred type and the documented interfaces cannot
 * drift apart (checked by tsc), every library mechanism passes it, and a wrong field is
 * named with what is allowed there and what was given.
 */
import type * as v from "valibot";
import { describe, expect, it } from "vitest";
import * as channels from "../../src/channels.js";
import * as l5pc from "../../src/channels-l5pc.js";
import { checkSpecShape, type MechanismSpecSchema } from "../../src/mechanisms/spec-schema.js";
import type { MechanismSpec } from "../../src/mechanisms/types.js";
import * as synapses from "../../src/synapses.js";

type Inferred = v.InferOutput<typeof MechanismSpecSchema>;
/** The field names of every member of a union. */
type KeysOf<T> = T extends unknown ? keyof T : never;
/** `true` where A and B have the same field names (assignability alone lets an optional field be in one only). */
type SameKeys<A, B> = [Exclude<KeysOf<A>, KeysOf<B>>, Exclude<KeysOf<B>, KeysOf<A>>] extends [never, never]
  ? true
  : false;
type Quantity<T> = Extract<T, object>;
type Values<T> = NonNullable<T>[keyof NonNullable<T>];

const kdr: MechanismSpec = {
  kind: "channel",
  name: "Kdr",
  params: { gK: 0.036 },
  states: { n: 0.3 },
  gates: { n: { inf: "1 / (1 + exp(-v))", tau: "1" } },
  current: "gK * n^4 * (v + 77)",
};
const message = (spec: unknown) => {
  const r = checkSpecShape(spec);
  return r.ok ? "" : r.message;
};

describe("the mechanism spec schema", () => {
  it("infers a type mutually assignable with the spec interfaces (a field in one only fails tsc here)", () => {
    const toInterface = (x: Inferred): MechanismSpec => x;
    const toInferred = (x: MechanismSpec): Inferred => x;
    expect(toInterface(toInferred(kdr))).toBe(kdr);
    const sameFields: [
      SameKeys<MechanismSpec, Inferred>,
      SameKeys<Quantity<Values<MechanismSpec["params"]>>, Quantity<Values<Inferred["params"]>>>,
      SameKeys<Values<MechanismSpec["gates"]>, Values<Inferred["gates"]>>,
      SameKeys<Values<MechanismSpec["ions"]>, Values<Inferred["ions"]>>,
    ] = [true, true, true, true];
    expect(sameFields).toEqual([true, true, true, true]);
  });

  it("accepts every mechanism of the libraries", () => {
    const all = [...Object.values(channels), ...Object.values(l5pc), ...Object.values(synapses)];
    const specs = all.flatMap((c) => (typeof c === "function" && "definedSpec" in c ? [c.definedSpec] : []));
    expect(specs.length).toBeGreaterThan(15);
    for (const s of specs) expect(message(s), s.name).toBe("");
  });

  it("names the field, what is allowed and what was given", () => {
    expect(message({ ...kdr, gates: { n: { inf: 1, tau: "2" } } })).toBe(
      'Channel "Kdr": gate "n" field "inf" must be an expression string, got 1',
    );
    expect(message({ ...kdr, gates: { n: { inf: "1", tau: "2", method: "implicit" } } })).toMatch(
      /gate "n" field "method" is for \{ rate \} gates only/,
    );
    expect(message({ ...kdr, gates: { n: { rate: "1", method: "rk4" } } })).toMatch(
      /field "method" must be "cnexp" or "implicit", got "rk4"/,
    );
    expect(message({ ...kdr, ions: { k: { read: ["ek", 1] } } })).toBe(
      'Channel "Kdr": ion "k" field "read" must be a list of names, got ["ek",1]',
    );
    expect(message({ ...kdr, ions: { k: { reed: [] } } })).toMatch(/field "reed" is not a field of an ion/);
    expect(message({ ...kdr, params: { gK: { default: 1, unit: 3 } } })).toMatch(
      /a parameter "gK" needs a finite number default .*got \{"default":1,"unit":3\}/,
    );
    expect(message({ ...kdr, currentName: "i K" })).toMatch(/"currentName" must be an identifier/);
  });
});
