/**
 * Share links: `#s=<version>.<base64url(deflate-raw(JSON))>`. Decoding never throws: it
 * returns the document, or why the link cannot be opened, in words a user understands.
 */
import {
  MIGRATIONS,
  type Migration,
  SESSION_VERSION,
  SessionSchemaError,
  type SessionDoc,
  validateSession,
} from "./schema.js";

/** Links longer than this are refused before decoding (characters after `#s=`). */
export const MAX_LINK_CHARS = 100_000;
/** Decompressed documents larger than this are refused (bytes). */
export const MAX_DOC_BYTES = 64 * 1024;

type LinkProblem = "malformed" | "future" | "truncated" | "oversized" | "invalid" | "foreign";

export type DecodeResult =
  | { ok: true; doc: SessionDoc; version: number }
  | { ok: false; problem: LinkProblem; message: string };

const KEEP = "Your open session was not changed.";

/** The hash for a session: `#s=2.…`. */
export async function encodeSession(doc: SessionDoc): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(doc));
  return `#s=${SESSION_VERSION}.${toBase64Url(await deflateRaw(bytes))}`;
}

export { isShareHash } from "../link-hash.js";

/** Reads a share hash. */
export async function decodeSession(
  hash: string,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): Promise<DecodeResult> {
  const body = hash.replace(/^#?s=/, "");
  if (body.length > MAX_LINK_CHARS) {
    return bad(
      "oversized",
      `This link is too large (${body.length.toLocaleString("en")} characters; the limit is ${MAX_LINK_CHARS.toLocaleString("en")}). ${KEEP}`,
    );
  }
  const m = /^(\d{1,6})\.([A-Za-z0-9_-]*)$/.exec(body);
  if (!m) {
    return bad(
      "malformed",
      `This link is malformed: a session link looks like #s=${SESSION_VERSION}.<data> with data made of letters, digits, "-" and "_". ${KEEP}`,
    );
  }
  const version = Number(m[1]);
  if (version > SESSION_VERSION) {
    return bad(
      "future",
      `This link was made by a newer version of Dendrolab (session format ${version}; this version opens formats 1 to ${SESSION_VERSION}). Update Dendrolab to open it. ${KEEP}`,
    );
  }
  if (version < 1) return bad("malformed", `This link is malformed: session format ${version} does not exist. ${KEEP}`);
  const bytes = fromBase64Url(m[2]);
  if (!bytes || bytes.length === 0)
    return bad("malformed", `This link is malformed: its data is not valid base64url. ${KEEP}`);
  const inflated = await inflateRaw(bytes, MAX_DOC_BYTES);
  if (inflated === "too-large") {
    return bad(
      "oversized",
      `This link is too large: its session is over ${MAX_DOC_BYTES / 1024} KB once unpacked. ${KEEP}`,
    );
  }
  if (inflated === null) {
    return bad(
      "truncated",
      `This link is truncated or corrupted: its data does not unpack (was it cut off when copied?). ${KEEP}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(inflated));
  } catch {
    return bad("truncated", `This link is corrupted: its data is not a session. ${KEEP}`);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    const got = json === null ? "null" : Array.isArray(json) ? "an array" : `a ${typeof json}`;
    return bad(
      "foreign",
      `This is not a Dendrolab link: its data is ${got}, where a Dendrolab session (an object with a script) is expected. ${KEEP}`,
    );
  }
  try {
    const doc = migrate(json as Record<string, unknown>, version, SESSION_VERSION, migrations);
    if (doc === null)
      return bad("invalid", `This link uses session format ${version}, which this version cannot convert. ${KEEP}`);
    return { ok: true, doc: validateSession(doc), version };
  } catch (e) {
    if (e instanceof SessionSchemaError) return bad("invalid", `This link's session is invalid: ${e.message}. ${KEEP}`);
    throw e;
  }
}

/** Brings a document from version `from` to `to` through `migrations[from]`, `[from + 1]`, ...; null if a step is missing. */
export function migrate(
  doc: Record<string, unknown>,
  from: number,
  to: number,
  migrations: Readonly<Record<number, Migration>>,
): Record<string, unknown> | null {
  let out = doc;
  for (let v = from; v < to; v++) {
    const step = migrations[v];
    if (!step) return null;
    out = step(out);
  }
  return out;
}

function bad(problem: LinkProblem, message: string): DecodeResult {
  return { ok: false, problem, message };
}

export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates, stopping early past `limit` bytes; null when the data is not valid deflate. */
export async function inflateRaw(bytes: Uint8Array, limit: number): Promise<Uint8Array | null | "too-large"> {
  try {
    const reader = new Blob([bytes as BlobPart])
      .stream()
      .pipeThrough(new DecompressionStream("deflate-raw"))
      .getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return "too-large";
      }
      chunks.push(value);
    }
    const out = new Uint8Array(size);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  } catch {
    return null;
  }
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(s: string): Uint8Array | null {
  if (s.length % 4 === 1) return null;
  try {
    const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
