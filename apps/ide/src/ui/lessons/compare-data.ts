/**
 * The Compare view's data: hand-in links found in pasted text (or a dropped file), decoded;
 * the table of students × checks, and the traces of every student overlaid. Pure.
 */
import type { HandIn } from "../../lessons/handin.js";
import type { PlotData } from "../plots/plotly-types.js";

/** The hand-in links of a text, with their line: every `#handin=…` (whole URLs or bare hashes). */
export function findHandInLinks(text: string): Array<{ line: number; link: string }> {
  const out: Array<{ line: number; link: string }> = [];
  text.split(/\r?\n/).forEach((l, i) => {
    for (const m of l.matchAll(/#handin=[^\s"'<>]+/g)) out.push({ line: i + 1, link: m[0] });
  });
  return out;
}

/** Check labels in order: those of the first hand-in, then any others met. */
export function checkColumns(handIns: readonly HandIn[]): string[] {
  const labels: string[] = [];
  for (const h of handIns) for (const c of h.checks) if (!labels.includes(c.label)) labels.push(c.label);
  return labels;
}

/** One line per student for trace `row` of their hand-in. */
export function overlayTraces(handIns: readonly HandIn[], row: number): PlotData[] {
  return handIns.flatMap((h, i) => {
    const tr = h.traces[row];
    if (!tr) return [];
    return [{ type: "scatter", mode: "lines", name: `${h.name} (${i + 1})`, x: tr.t, y: tr.v, line: { width: 1.4 } }];
  });
}

/** The distinct lesson titles of the hand-ins (read from each lesson file's front matter). */
export function lessonTitles(handIns: readonly HandIn[]): string[] {
  const titles = handIns.map((h) => /^title:\s*(.+)$/m.exec(h.lesson)?.[1].trim() ?? "an untitled lesson");
  return [...new Set(titles)].map((t) => `“${t}”`);
}

/** A check's label for a column head: without backticks, at most 28 characters. */
export function shortLabel(label: string): string {
  const plain = label.replace(/`/g, "");
  return plain.length > 28 ? `${plain.slice(0, 27)}…` : plain;
}
