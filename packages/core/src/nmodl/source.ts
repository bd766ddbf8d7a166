/**
 * The text of each `.mod` file `loadNmodl` read, kept beside its class so that
 * `exportNeuron` can write the file for NEURON as it is.
 */
import type { Mechanism } from "../mechanisms/define.js";

/** A loaded file: its text and the names its NEURON block declares RANGE. */
export interface NmodlSource {
  readonly text: string;
  readonly suffix: string;
  readonly range: ReadonlySet<string>;
}

const SOURCES = new WeakMap<object, NmodlSource>();

/** Remembers the source of a class made by `loadNmodl`. */
export function rememberNmodlSource(cls: object, source: NmodlSource): void {
  SOURCES.set(cls, source);
}

/**
 * The `.mod` file a mechanism instance was loaded from, if it is an instance of a
 * `loadNmodl` class under the file's own SUFFIX (a renamed instance is not the file).
 *
 * @example nmodlSourceOf(new (loadNmodl(text))())?.suffix // "NaTs2_t"
 */
export function nmodlSourceOf(m: Mechanism): NmodlSource | undefined {
  const s = SOURCES.get(m.constructor);
  return s && s.suffix === m.name ? s : undefined;
}
