/**
 * Type guards for reading untrusted data (documents, specs, messages).
 */

/**
 * Is `v` a plain record (an object that is neither null nor an array)?
 *
 * @example isObject({ a: 1 }) // true
 * @example isObject([1]) // false
 */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
