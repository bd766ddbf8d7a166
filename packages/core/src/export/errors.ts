/**
 * The error of `exportNeuron`: what cannot be written for NEURON, and where.
 */
import { DendrolabError } from "../errors.js";

/**
 * A {@link DendrolabError} with code `NOT_EXPORTABLE`, prefixed "exportNeuron: ".
 *
 * @example throw exportError(`channel "Ca": writes the concentration cai`)
 */
export function exportError(message: string): DendrolabError {
  return new DendrolabError(`exportNeuron: ${message}.`, "NOT_EXPORTABLE");
}
