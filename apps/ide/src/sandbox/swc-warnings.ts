/**
 * The reader's warnings of every SWC a script reads, in the run's log: `readSwc` as
 * scripts see it logs each of `cell.warnings` naming the file (found among the session's
 * imported files by its text), e.g. `warning: SWC "retina.swc": raised 3089 radii ...`.
 * The morphology panel shows these lines too (ui/plots/SwcWarnings.tsx).
 */
import type * as jx from "@dendrolab/core/sim";

/** The prefix of a logged SWC warning; the file name follows in quotes. */
export const SWC_WARNING_PREFIX = "warning: SWC ";

/** One logged SWC warning: `warning: SWC "<file>": <text>`. */
export function swcWarningLine(file: string, text: string): string {
  return `${SWC_WARNING_PREFIX}${JSON.stringify(file)}: ${text}`;
}

/** The file and text of a logged SWC warning, or null for other log lines. */
export function parseSwcWarning(line: string): { file: string; text: string } | null {
  if (!line.startsWith(SWC_WARNING_PREFIX)) return null;
  const m = /^"((?:[^"\\]|\\.)*)": ([\s\S]*)$/.exec(line.slice(SWC_WARNING_PREFIX.length));
  if (!m) return null;
  try {
    return { file: JSON.parse(`"${m[1]}"`) as string, text: m[2] };
  } catch {
    return null;
  }
}

/** `@dendrolab/core` for scripts: a copy (not frozen yet), but `readSwc` logs its warnings naming the file. */
export function coreWithSwcWarnings<C extends typeof jx>(
  core: C,
  files: Readonly<Record<string, string>>,
  log: (line: string) => void,
): C & Record<string, unknown> {
  const readSwc: typeof jx.readSwc = (text, options) => {
    const cell = core.readSwc(text, options);
    if (cell.warnings.length > 0) {
      const name = Object.keys(files).find((n) => files[n] === text) ?? "(SWC text not from an imported file)";
      for (const w of cell.warnings) log(swcWarningLine(name, w));
    }
    return cell;
  };
  return { ...core, readSwc };
}
