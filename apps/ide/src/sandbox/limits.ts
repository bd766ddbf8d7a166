/**
 * What a script run may send back to the page, enforced by the relay inside the sandbox
 * document before anything reaches the page (see relay.ts), and how a message's size is
 * counted. Pure functions: the relay, the page and the unit tests share them.
 */

/**
 * The largest reply (the serialised model) a run may send, counted by {@link measureBytes}.
 * The 1,296-compartment L5PC model of Hay et al. (12 mechanisms) counts about 0.7 MB;
 * 64 MB leaves room for models a hundred times larger.
 */
export const MAX_REPLY_BYTES = 64 * 1024 * 1024;

/** Console lines a run keeps (the rest are counted and reported as dropped). */
export const MAX_LOG_LINES = 200;

/** Characters a console line keeps (the rest are counted and reported as dropped). */
export const MAX_LOG_LINE_CHARS = 2000;

/** Messages a run's worker may send (log lines included) before the run is refused as a flood. */
export const MAX_WORKER_MESSAGES = 20_000;

/** A run that has not answered after this long is stopped (an infinite loop). */
export const SCRIPT_TIMEOUT_MS = 1500;

/** Extra time a run gets per character of its imported files (2 s per million: reading a large SWC). */
export const SCRIPT_MS_PER_FILE_CHAR = 2e-3;

/** The longest a run may take, however large its files. */
export const SCRIPT_TIMEOUT_MAX_MS = 20_000;

/**
 * The time limit of a run with these imported files: 1.5 s, plus 2 s per million characters
 * of files (a 5 MB SWC of 110,000 samples takes seconds to read), at most 20 s.
 */
export function scriptTimeoutMs(files: Readonly<Record<string, string>> = {}): number {
  let chars = 0;
  for (const text of Object.values(files)) chars += typeof text === "string" ? text.length : 0;
  return Math.min(SCRIPT_TIMEOUT_MS + chars * SCRIPT_MS_PER_FILE_CHAR, SCRIPT_TIMEOUT_MAX_MS);
}

/** Extra time a sweep's custom summary gets per sample of its traces (1 µs: a thousand times a plain loop). */
export const SUMMARY_MS_PER_SAMPLE = 1e-3;

/**
 * The time limit of a sweep's custom summary over `traces`: 1.5 s, as a script, plus 1 µs
 * per sample (400 runs of 8,001 samples: 4.7 s), at most 20 s.
 */
export function summaryTimeoutMs(traces: readonly ArrayLike<number>[]): number {
  let samples = 0;
  for (const t of traces) samples += t.length;
  return Math.min(SCRIPT_TIMEOUT_MS + samples * SUMMARY_MS_PER_SAMPLE, SCRIPT_TIMEOUT_MAX_MS);
}

/**
 * The size of a structured-clone value in bytes, counted as: 8 per number, 1 per
 * character of strings and keys, the byte length of typed arrays and buffers, 1 per
 * anything else. Stops counting (and returns a value above `limit`) as soon as `limit`
 * is passed, so a huge value costs no more than `limit` to measure. No recursion: a deep
 * value cannot overflow the stack.
 */
export function measureBytes(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let total = 0;
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "number" || typeof v === "bigint") total += 8;
    else if (typeof v === "string") total += v.length;
    else if (v === null || typeof v !== "object") total += 1;
    else if (seen.has(v)) total += 1;
    else {
      seen.add(v);
      if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) total += v.byteLength;
      else if (Array.isArray(v)) for (const x of v) stack.push(x);
      else if (v instanceof Map) for (const [k, x] of v) stack.push(k, x);
      else if (v instanceof Set) for (const x of v) stack.push(x);
      else
        for (const k of Object.keys(v)) {
          total += k.length;
          stack.push((v as Record<string, unknown>)[k]);
        }
    }
    if (total > limit) return total;
  }
  return total;
}

/** `n` bytes in words: "812 bytes", "3.4 KB", "12.5 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Room for the note {@link capLine} adds: the relay lets a line the worker already cut pass unchanged. */
export const CAP_NOTE_CHARS = 100;

/** A console line cut to `max` characters, saying how much was cut. */
export function capLine(line: string, max = MAX_LOG_LINE_CHARS): string {
  if (line.length <= max) return line;
  const cut = line.length - max;
  return `${line.slice(0, max)}… (${cut.toLocaleString("en-US")} more characters not shown)`;
}

/** The last console line of a run whose output was cut. */
export function droppedLinesNote(dropped: number): string {
  return `… ${dropped.toLocaleString("en-US")} more console line${dropped === 1 ? " was" : "s were"} not kept (a run keeps its first ${MAX_LOG_LINES} lines).`;
}
