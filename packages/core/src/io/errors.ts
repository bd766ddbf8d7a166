/**
 * The error raised for a malformed serialised model: it names where, what was
 * expected and what was found.
 */
import { DendrolabError } from "../errors.js";

/** A serialised model that cannot be read. */
export class ModelFormatError extends DendrolabError {
  /** Where in the document, e.g. `model.columns.radius.values[3]`. */
  readonly path: string;

  constructor(path: string, expected: string, got: unknown) {
    super(`Cannot read the model: ${path} should be ${expected}; got ${show(got)}.`, "MODEL_FORMAT");
    this.name = "ModelFormatError";
    this.path = path;
  }
}

function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  if (v === undefined) return "nothing";
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 60)}...` : s;
  } catch {
    return String(v);
  }
}
