/**
 * The shape of a mechanism spec as a valibot schema: field types, names that must be
 * identifiers, finite defaults, the three gate forms. {@link checkSpecShape} reads an
 * untrusted spec against it and says what is wrong in the words of `validate.ts`, which
 * goes on with what depends on the whole spec (expressions, names, ions).
 *
 * The spec types of `types.ts` are written out for their documentation (the IDE shows
 * them on hover); test/mechanisms/spec-schema.test.ts checks that they and the schema's
 * inferred type are mutually assignable.
 */
import * as v from "valibot";
import { isObject } from "../guards.js";
import { validNamesHint } from "../names.js";
import type { MechanismSpec } from "./types.js";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The top-level fields of a spec, in the order they are checked. */
export const SPEC_FIELDS = [
  "kind",
  "name",
  "params",
  "shared",
  "states",
  "gates",
  "definitions",
  "current",
  "currentName",
  "ions",
  "ionCurrents",
  "outputs",
] as const;

const expression = v.string("must be an expression string");
const finite = v.pipe(v.number(), v.finite());
const quantity = v.union(
  [finite, v.strictObject({ default: finite, unit: v.optional(v.string()), description: v.optional(v.string()) })],
  "needs a finite number default (or { default: number, unit?: string, description?: string })",
);
/** An object (not an array) of values by key. */
const recordOf = <K extends v.GenericSchema<string>, T extends v.GenericSchema>(key: K, value: T) =>
  v.pipe(v.custom<Record<string, unknown>>(isObject, ""), v.record(key, value, ""));
/** Values by name, each name an identifier. */
const byName = <T extends v.GenericSchema>(value: T) =>
  recordOf(v.pipe(v.string(), v.regex(IDENTIFIER, "is not an identifier (letters, digits, _)")), value);

const FORMS = ["alpha,beta", "inf,tau", "rate", "next"];
const FORM =
  "must be { alpha, beta } (rates, 1/ms), { inf, tau } (tau in ms), { rate } (dx/dt) or { next } (the value " +
  "after a step), each with an optional initial";
const NOT_RATE = 'is for { rate } gates only (with "cnexp" or "implicit")';
const initial = v.optional(expression);
const gate = v.pipe(
  v.custom<Record<string, unknown>>(isObject, FORM),
  v.check(
    (g) =>
      FORMS.includes(
        Object.keys(g)
          .filter((f) => f !== "initial" && f !== "method")
          .sort()
          .join(","),
      ),
    FORM,
  ),
  // With the form right, a failing option is one of the wrong form or one with a bad
  // field: the empty message says to report the latter (see problemText).
  v.union(
    [
      v.strictObject({ alpha: expression, beta: expression, initial }, NOT_RATE),
      v.strictObject({ inf: expression, tau: expression, initial }, NOT_RATE),
      v.strictObject({ next: expression, initial }, NOT_RATE),
      v.strictObject({
        rate: expression,
        method: v.optional(v.picklist(["cnexp", "implicit"], 'must be "cnexp" or "implicit"')),
        initial,
      }),
    ],
    "",
  ),
);
const names = v.array(v.string("must be a list of names"), "must be a list of names");
const finiteValence = v.pipe(v.number("must be a finite number"), v.finite("must be a finite number"));
const ionUse = v.pipe(
  v.custom<Record<string, unknown>>(isObject, "must be { valence?, read?, write? }"),
  v.strictObject(
    { valence: v.optional(finiteValence), read: v.optional(names), write: v.optional(names) },
    "is not a field of an ion (allowed: valence, read, write)",
  ),
);
const CURRENT_NAME = 'must be an identifier such as "i_Na"';

/** A mechanism spec's shape (see {@link MechanismSpec} for what each field means). */
export const MechanismSpecSchema = v.strictObject(
  {
    kind: v.picklist(["channel", "synapse"]),
    name: v.pipe(v.string(), v.regex(IDENTIFIER)),
    params: byName(quantity),
    shared: v.optional(byName(quantity)),
    states: byName(quantity),
    gates: recordOf(v.string(), gate),
    definitions: v.optional(byName(expression)),
    current: v.optional(expression),
    currentName: v.optional(v.pipe(v.string(CURRENT_NAME), v.regex(IDENTIFIER, CURRENT_NAME))),
    ions: v.optional(byName(ionUse)),
    ionCurrents: v.optional(recordOf(v.string(), expression)),
    outputs: v.optional(byName(expression)),
  },
  "",
);

/** How a problem below each field is named: `a parameter "gK"`, `gate "n"`. */
const SUBJECTS: Record<string, string> = {
  params: "a parameter",
  shared: "a shared parameter",
  states: "a state",
  gates: "gate",
  definitions: "definition",
  ions: "ion",
  ionCurrents: "ion current",
  outputs: "output",
};

const show = (x: unknown): string => {
  if (typeof x === "number") return String(x);
  try {
    return JSON.stringify(x, (_k, y) => (typeof y === "number" && !Number.isFinite(y) ? String(y) : y)) ?? String(x);
  } catch {
    return String(x);
  }
};

/**
 * Checks a spec's shape; returns it typed, or the message of its first problem: what
 * and where (`Channel "Kdr": a parameter "gK" ...`), what is allowed and what was given.
 *
 * @example checkSpecShape({ kind: "pump" }) // { ok: false, message: 'A mechanism spec needs kind "channel" or "synapse", got kind "pump"' }
 */
export function checkSpecShape(spec: unknown): { ok: true; spec: MechanismSpec } | { ok: false; message: string } {
  const r = v.safeParse(MechanismSpecSchema, spec, { abortEarly: true });
  if (r.success) return { ok: true, spec: r.output };
  return { ok: false, message: problemText(spec, r.issues[0]) };
}

function problemText(spec: unknown, top: v.BaseIssue<unknown>): string {
  // In a union without words of its own (a gate's forms), the problem is that of the
  // option that read a given value (the others miss a field of their form).
  // The options' paths start at the union.
  let issue = top;
  let items = top.path ?? [];
  while (issue.message === "" && issue.issues?.length) {
    issue = issue.issues.find((s) => s.input !== undefined) ?? issue.issues[0];
    items = [...items, ...(issue.path ?? [])];
  }
  const path = items.map((p) => String(p.key));
  const onKey = items.at(-1)?.origin === "key";
  if (!isObject(spec)) return `A mechanism spec must be an object, got ${show(spec)}`;
  if (path[0] === "kind") return `A mechanism spec needs kind "channel" or "synapse", got kind ${show(spec.kind)}`;
  const label = spec.kind === "channel" ? "Channel" : "Synapse";
  if (path[0] === "name") {
    return `${label} name must be an identifier (letters, digits, _; not starting with a digit), got ${show(spec.name)}`;
  }
  const where = `${label} "${spec.name}"`;
  const [field, name, sub] = path;
  if (path.length === 1 && onKey) {
    return `${where}: unknown field "${field}". ${validNamesHint(field, SPEC_FIELDS, "fields")}`;
  }
  const subject = SUBJECTS[field];
  if (subject === undefined) return `${where}: "${field}" ${issue.message}, got ${show(issue.input)}`;
  if (name === undefined) return `${where}: "${field}" must be an object of name: value, got ${show(issue.input)}`;
  if (onKey && sub === undefined) return `${where}: ${subject} name ${show(name)} ${issue.message}`;
  const value = (spec[field] as Record<string, unknown>)[name];
  if (sub === undefined) return `${where}: ${subject} "${name}" ${issue.message}, got ${show(value)}`;
  const got = onKey || path.length > 3 ? (value as Record<string, unknown>)[sub] : issue.input;
  return `${where}: ${subject} "${name}" field "${sub}" ${issue.message}, got ${show(got)}`;
}
