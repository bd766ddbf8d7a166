/**
 * Property access by group, channel or synapse name (`network.apical`), through a Proxy,
 * as in Jaxley. It works at run time only: `View` declares no index signature, so that
 * TypeScript (and the IDE's editor) reports a misspelt member such as `cell.sett(...)`
 * instead of typing it `any`. Typed code writes `view.group(name)` or `view.named(name)`.
 */
import { DendrolabError } from "../errors.js";

/** Names that tools probe on arbitrary objects; they read as undefined, never throw. */
const PROBES = new Set([
  "then",
  "toJSON",
  "asymmetricMatch",
  "nodeType",
  "tagName",
  "$$typeof",
  "inspect",
  "constructor",
  "prototype",
  "length",
  "size",
  "valueOf",
  "toString",
  "__proto__",
  "_isMockFunction",
  "@@__IMMUTABLE_ITERABLE__@@",
  "@@__IMMUTABLE_RECORD__@@",
  "_reactFragment",
]);

/** What the proxy needs from a view. */
export interface NamedAccess {
  /** The view reached by `name`, or undefined if `name` is not a group, channel or synapse. */
  namedView(name: string): unknown;
  /** Names reachable as properties, for error messages. */
  namedViewNames(): string[];
}

/**
 * Wraps a view so that unknown identifiers resolve to groups, channels and synapse types
 * at run time; the returned type is the view's own (no `any` for unknown names).
 */
export function withNamedAccess<T extends object & NamedAccess>(target: T): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop !== "string" || prop in t) return Reflect.get(t, prop, receiver);
      const v = t.namedView(prop);
      if (v !== undefined) return v;
      if (PROBES.has(prop) || prop.startsWith("_") || prop.startsWith("$") || prop.startsWith("@@")) return undefined;
      const names = t.namedViewNames();
      throw new DendrolabError(
        `'${prop}' is not a method, a group, a channel or a synapse of this view. ` +
          `Groups, channels and synapses here: ${names.length ? names.join(", ") : "(none)"}.`,
        "UNKNOWN_NAME",
      );
    },
  });
}
