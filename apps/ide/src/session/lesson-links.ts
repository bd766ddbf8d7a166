/**
 * Lessons and hand-ins as links, like share links (share/codec.ts):
 * `#lesson=1.<base64url(deflate-raw(JSON))>` holds a lesson file, `#handin=1.…` a
 * student's hand-in (lessons/handin.ts). Nothing leaves the browser: the document is the
 * link. Decoding never throws: it returns the document or why the link does not open.
 */
import { HANDIN_VERSION, type HandIn, makeHandIn, MAX_HANDIN_POINTS, validateHandIn } from "../lessons/handin.js";
import { MAX_LESSON_CHARS } from "../lessons/format.js";
import { deflateRaw, fromBase64Url, inflateRaw, MAX_DOC_BYTES, MAX_LINK_CHARS, toBase64Url } from "./share/codec.js";

export const LESSON_VERSION = 1;

type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };

export { isHandInHash, isLessonHash } from "./link-hash.js";

async function encode(prefix: string, version: number, doc: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(doc));
  return `#${prefix}=${version}.${toBase64Url(await deflateRaw(bytes))}`;
}

/** The JSON of a `#<prefix>=<version>.<data>` link (found anywhere in `text`, e.g. a whole URL). */
async function decode(text: string, prefix: string, version: number, what: string): Promise<Decoded<unknown>> {
  const at = text.indexOf(`#${prefix}=`);
  const body = (at >= 0 ? text.slice(at + prefix.length + 2) : text.replace(new RegExp(`^${prefix}=`), "")).trim();
  if (body.length > MAX_LINK_CHARS)
    return {
      ok: false,
      message: `This ${what} link is too large (${body.length} characters; at most ${MAX_LINK_CHARS}).`,
    };
  const m = /^(\d{1,6})\.([A-Za-z0-9_-]+)$/.exec(body);
  if (!m) return { ok: false, message: `This is not a ${what} link: one looks like #${prefix}=${version}.<data>.` };
  if (Number(m[1]) !== version)
    return {
      ok: false,
      message: `This ${what} link has format ${m[1]}; this version of Dendrolab opens format ${version}.`,
    };
  const bytes = fromBase64Url(m[2]);
  const inflated = bytes ? await inflateRaw(bytes, MAX_DOC_BYTES) : null;
  if (inflated === "too-large")
    return { ok: false, message: `This ${what} link is too large once unpacked (over ${MAX_DOC_BYTES / 1024} KB).` };
  if (!inflated)
    return { ok: false, message: `This ${what} link is truncated or corrupted (was it cut off when copied?).` };
  try {
    return { ok: true, value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(inflated)) };
  } catch {
    return { ok: false, message: `This ${what} link is corrupted: its data is not JSON.` };
  }
}

/** The link hash of a lesson file; throws what to do when the lesson is too large for a link. */
export async function encodeLesson(source: string): Promise<string> {
  const hash = await encode("lesson", LESSON_VERSION, { lesson: source });
  const bytes = new TextEncoder().encode(source).length;
  if (source.length > MAX_LESSON_CHARS || bytes > MAX_DOC_BYTES - 100 || hash.length > MAX_LINK_CHARS)
    throw new Error(
      `This lesson is too large for a link (${source.length} characters); shorten it to at most ${MAX_LESSON_CHARS} characters.`,
    );
  return hash;
}

/** The lesson file of a lesson link. */
export async function decodeLesson(text: string): Promise<Decoded<string>> {
  const r = await decode(text, "lesson", LESSON_VERSION, "lesson");
  if (!r.ok) return r;
  const doc = r.value as { lesson?: unknown };
  if (!doc || typeof doc.lesson !== "string" || doc.lesson.length > MAX_LESSON_CHARS)
    return { ok: false, message: "This lesson link holds no lesson file." };
  return { ok: true, value: doc.lesson };
}

/**
 * The link of a hand-in: traces are thinned until the link fits (2,000 points each, then
 * half as many, down to 50). Throws what to do when even that does not fit.
 */
export async function encodeHandIn(parts: Parameters<typeof makeHandIn>[0]): Promise<{ hash: string; doc: HandIn }> {
  for (let points = MAX_HANDIN_POINTS; points >= 50; points = Math.floor(points / 2)) {
    const doc = makeHandIn(parts, points);
    const bytes = new TextEncoder().encode(JSON.stringify(doc)).length;
    if (bytes > MAX_DOC_BYTES) continue;
    const hash = await encode("handin", HANDIN_VERSION, doc);
    if (hash.length <= MAX_LINK_CHARS) return { hash, doc };
  }
  const doc = makeHandIn({ ...parts, traces: null }, 0);
  const hash = await encode("handin", HANDIN_VERSION, doc);
  if (new TextEncoder().encode(JSON.stringify(doc)).length <= MAX_DOC_BYTES && hash.length <= MAX_LINK_CHARS)
    return { hash, doc };
  throw new Error("This hand-in is too large for a link: the script and the lesson together are over 64 KB.");
}

/** A hand-in from its link (or a whole URL holding one). */
export async function decodeHandIn(text: string): Promise<Decoded<HandIn>> {
  const r = await decode(text, "handin", HANDIN_VERSION, "hand-in");
  if (!r.ok) return r;
  try {
    return { ok: true, value: validateHandIn(r.value) };
  } catch (e) {
    return { ok: false, message: `This hand-in is invalid: ${(e as Error).message}.` };
  }
}
