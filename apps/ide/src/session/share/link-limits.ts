/**
 * Can a session document travel as a link? Share checks a document against the same
 * limits the opener applies (decodeSession in codec.ts and the schema), so every link
 * Share makes opens; a session over them gets a warning that says what to do instead.
 */
import { MAX_DOC_BYTES, MAX_LINK_CHARS } from "./codec.js";
import { MAX_SCRIPT_CHARS, type SessionDoc, SessionSchemaError, validateSession } from "./schema.js";

const n = (x: number) => x.toLocaleString("en");

const INSTEAD =
  "Save it as a project file instead (“Save project”) and send the file: a project file holds the whole session.";

/** The unpacked size of a document, bytes. */
export const docBytes = (doc: SessionDoc): number => new TextEncoder().encode(JSON.stringify(doc)).length;

/**
 * Why `doc` (with its `hash`, `#s=…`, if made already) would not open as a link, in words
 * that say what to do instead; null when it would open.
 */
export function linkProblem(doc: SessionDoc, hash?: string): string | null {
  if (doc.script.length > MAX_SCRIPT_CHARS)
    return `This session is too large for a link: its script has ${n(doc.script.length)} characters and a link holds scripts of at most ${n(MAX_SCRIPT_CHARS)}. ${INSTEAD}`;
  const bytes = docBytes(doc);
  if (bytes > MAX_DOC_BYTES)
    return `This session is too large for a link: it takes ${n(bytes)} bytes unpacked and a link holds at most ${n(MAX_DOC_BYTES)}. ${INSTEAD}`;
  const chars = hash === undefined ? 0 : hash.replace(/^#?s=/, "").length;
  if (chars > MAX_LINK_CHARS)
    return `This session is too large for a link: its link would have ${n(chars)} characters and links of at most ${n(MAX_LINK_CHARS)} open. ${INSTEAD}`;
  try {
    validateSession(JSON.parse(JSON.stringify(doc)));
  } catch (e) {
    if (!(e instanceof SessionSchemaError)) throw e;
    return `This session cannot be shared as a link: ${e.message}. ${INSTEAD}`;
  }
  return null;
}
