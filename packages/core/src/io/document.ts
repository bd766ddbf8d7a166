/**
 * Reading untrusted documents against a valibot schema: the first problem, named by
 * its path in the document, what was expected there and what was found. Shared by the
 * serialised model and the IDE's documents (share links, settings).
 */
import * as v from "valibot";
import { isObject } from "../guards.js";

export { isObject };

/** The first thing wrong with a document. */
export interface DocumentProblem {
  /** Where, from the document's root: `model.columns.radius.values[3]`, `files["a.swc"]`. */
  path: string;
  /** What is allowed there, in words: "a finite number or null". */
  expected: string;
  /** What was found (a length, for too-long lists and records). */
  got: unknown;
}

/** A document that passed its schema, or its first problem. */
export type DocumentCheck<T> = { ok: true; value: T } | { ok: false; problem: DocumentProblem };

/**
 * Checks `input` against `schema`, stopping at the first problem. Each schema and
 * check in it should carry its message as the words for "expected" (e.g.
 * `v.number("a finite number")`); a union reports the problem of the option that got
 * furthest into the input.
 *
 * @param root - the name of the document's root in paths, e.g. "model"; with "", paths
 *   start at the first field ("sim.dt") and the root itself is "".
 * @example
 * const r = checkDocument(v.object({ dt: v.number("a number") }), { dt: "x" }, "sim");
 * // r.ok === false; r.problem: { path: "sim.dt", expected: "a number", got: "x" }
 */
export function checkDocument<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  root: string,
): DocumentCheck<v.InferOutput<S>> {
  const r = v.safeParse(schema, input, { abortEarly: true });
  if (r.success) return { ok: true, value: r.output };
  return { ok: false, problem: problemOf(r.issues[0], root) };
}

/**
 * A list of at most `max` items, each checked by `item`. The length is checked before
 * any item is, so an oversized list is refused without reading it.
 *
 * @example boundedList(v.number("a number"), 100) // number[] of length <= 100
 */
export function boundedList<T extends v.GenericSchema>(item: T, max: number, expected = "a list") {
  return v.pipe(v.array(v.unknown(), expected), v.maxLength(max, `at most ${max} entries`), v.array(item, expected));
}

/**
 * An object with the given fields; other fields are dropped. Unlike `v.object`, a
 * missing field is reported by the field's own schema, so the message says what belongs
 * there ("sim.dt should be a number ..., got nothing"), and arrays are not objects.
 *
 * @example fields({ name: v.string("a name") }, "a group { name }")
 */
export function fields<E extends v.ObjectEntries>(entries: E, expected: string) {
  return v.pipe(asRecord(entries, expected), v.object(entries, expected));
}

/** {@link fields}, keeping fields not listed (e.g. a mechanism spec checked elsewhere). */
export function looseFields<E extends v.ObjectEntries>(entries: E, expected: string) {
  return v.pipe(asRecord(entries, expected), v.looseObject(entries, expected));
}

/**
 * One of several kinds of object, told apart by the field `key` (a discriminated
 * union): the tag is checked first, then the fields of that kind only.
 *
 * @example
 * variantFields("kind", [v.object({ kind: v.literal("all") }), v.object({ kind: v.literal("group"), name: v.string("a name") })], '"all" or "group"')
 */
export function variantFields<
  K extends string,
  O extends v.VariantOptions<K> & ReadonlyArray<{ entries: v.ObjectEntries }>,
>(key: K, options: O, expectedTag: string) {
  const all: v.ObjectEntries = Object.assign({}, ...options.map((o) => o.entries));
  return v.pipe(asRecord<v.InferInput<O[number]>>(all, "an object"), v.variant(key, options, expectedTag));
}

/** A record, with each missing required field present as `undefined`. */
function asRecord<T = Record<string, unknown>>(entries: v.ObjectEntries, expected: string) {
  const required = Object.keys(entries).filter(
    (k) => !["optional", "exact_optional", "nullish"].includes(entries[k].type),
  );
  return v.pipe(
    v.custom<Record<string, unknown>>(isObject, expected),
    v.transform((o) => {
      const out: Record<string, unknown> = { ...o };
      for (const k of required) if (!Object.hasOwn(out, k)) out[k] = undefined;
      return out as T;
    }),
  );
}

type AnyIssue = v.BaseIssue<unknown>;

function problemOf(issue: AnyIssue, base: string): DocumentProblem {
  const path = base ? base + pathText(issue.path ?? []) : pathText(issue.path ?? []).replace(/^\./, "");
  const deepest = (issue.issues ?? []).reduce<AnyIssue | undefined>(
    (best, s) => ((s.path?.length ?? 0) > (best?.path?.length ?? 0) ? s : best),
    undefined,
  );
  if (deepest) return problemOf(deepest, path);
  return { path, expected: issue.message, got: gotOf(issue) };
}

function gotOf(issue: AnyIssue): unknown {
  const x = issue.input;
  if (issue.kind !== "validation" || !/length|entries|size/.test(issue.type)) return x;
  if (Array.isArray(x)) return `${x.length} entries`;
  if (typeof x === "object" && x !== null) return `${Object.keys(x).length} entries`;
  return x;
}

function pathText(items: readonly v.IssuePathItem[]): string {
  return items
    .map((p) => {
      const k = p.key;
      if (typeof k === "number") return `[${k}]`;
      if (typeof k === "string" && /^[A-Za-z_$][\w$]*$/.test(k)) return `.${k}`;
      return `[${JSON.stringify(k)}]`;
    })
    .join("");
}
