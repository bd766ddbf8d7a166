/**
 * What the toolbar says about the autosave: `off` until the session has opened,
 * `pending` while a change waits to be written, `saved` (with the time), or
 * `unavailable` (IndexedDB missing or refused, e.g. in private mode: nothing is kept on
 * reload, and leaving the page with edits asks first).
 */
export interface AutosaveState {
  status: "off" | "pending" | "saved" | "unavailable";
  /** When the last save was written, ms since the epoch. */
  savedAt: number | null;
  /** Why the autosave is unavailable. */
  message: string | null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number) => String(n).padStart(2, "0");

/**
 * A time as the banner and toolbar show it: "14:02" today, "3 Dec 14:02" on another day
 * (local time). Formatted by hand: the Intl formatters cost tens of milliseconds to set up
 * on first use, and toLocaleTimeString builds one on every call.
 */
export function clockTime(ms: number, now: number = Date.now()): string {
  const d = new Date(ms);
  const time = `${two(d.getHours())}:${two(d.getMinutes())}`;
  if (new Date(now).toDateString() === d.toDateString()) return time;
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${time}`;
}
