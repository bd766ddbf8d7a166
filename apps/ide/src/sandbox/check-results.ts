/**
 * A lesson's check results as the relay passes them on (relay.ts): the worker that sent
 * them runs user code, so each is rebuilt from what it holds: `pass` only when it is
 * `true`, messages cut to a console line's length, at most MAX_RUN_CHECKS results.
 */
import { type CheckResult, MAX_RUN_CHECKS } from "../protocol/lesson.js";
import { capLine } from "./limits.js";

/** `{ checks }` for a list from the worker, `{}` for anything else. */
export function checkResults(given: unknown): { checks?: CheckResult[] } {
  if (!Array.isArray(given)) return {};
  const checks = given.slice(0, MAX_RUN_CHECKS).map((r): CheckResult => {
    const o = (r && typeof r === "object" ? r : {}) as Record<string, unknown>;
    const message = typeof o.message === "string" ? capLine(o.message, 1000) : null;
    return { pass: o.pass === true, message, ...(o.invalid === true ? { invalid: true } : {}) };
  });
  return { checks };
}
