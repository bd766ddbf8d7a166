/**
 * The lesson file: markdown with a small front matter. Pure: the page parses it (it never
 * evaluates the checks, which run in the script sandbox, see sandbox/lesson-checks.ts).
 *
 * ```
 * ---
 * title: Groups and shared parameters
 * example: tutorial            (or a ```ts start block before the first step)
 * ---
 * Text before the first step introduces the lesson.
 *
 * ## Make the apical group      (each "## " heading starts a step)
 * What to do, in markdown.
 * > Hint: lines starting with ">" are a hint, shown on request ("> Hint:" starts the next one).
 * - [ ] The group holds 12 compartments `groups.apical.size === 12`
 * ```
 */
import { expressionProblem } from "./expression.js";
import { frontMatter } from "./front-matter.js";

/** One check: what it says, its expression, and its line in the lesson file (1-based). */
export interface LessonCheck {
  label: string;
  expr: string;
  line: number;
}

export interface LessonStep {
  title: string;
  /** Markdown. */
  text: string;
  hints: string[];
  checks: LessonCheck[];
  line: number;
}

export type LessonStart = { kind: "example"; id: string } | { kind: "script"; script: string };

export interface Lesson {
  title: string;
  start: LessonStart;
  intro: string;
  steps: LessonStep[];
}

/** What is wrong with a lesson file, and where (1-based line). */
export interface LessonProblem {
  line: number;
  message: string;
}

export type ParsedLesson = { ok: true; lesson: Lesson } | { ok: false; problems: LessonProblem[] };

/** Limits of a lesson file (it travels in links). */
export const MAX_LESSON_CHARS = 40_000;
export const MAX_STEPS = 40;
export const MAX_CHECKS = 100;

const CHECK_HINT = "a check is written `- [ ] what it checks `expression``: the expression in backticks ends the line";

/** Parses a lesson file; `examples`: the gallery ids `example:` may name. Never throws. */
export function parseLesson(source: string, examples: readonly string[]): ParsedLesson {
  const problems: LessonProblem[] = [];
  const bad = (line: number, message: string) => problems.length < 30 && problems.push({ line, message });
  if (source.length > MAX_LESSON_CHARS) {
    bad(1, `the lesson has ${source.length} characters; a lesson holds at most ${MAX_LESSON_CHARS}`);
    return { ok: false, problems };
  }
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const meta = frontMatter(lines, bad);
  let example: { id: string; line: number } | null = null;
  if (meta.values.example) {
    const { value, line } = meta.values.example;
    if (examples.includes(value)) example = { id: value, line };
    else bad(line, `example "${value}" is not in the gallery; known examples: ${examples.join(", ")}`);
  }
  const title = meta.values.title?.value ?? "";
  if (!title) bad(1, 'the front matter needs a title: "title: What the lesson is about"');

  const intro: string[] = [];
  const stepText = new Map<LessonStep, string[]>();
  let script: { text: string; line: number } | null = null;
  const steps: LessonStep[] = [];
  let step: LessonStep | null = null;
  let text: string[] = intro;
  let hint: string[] | null = null;
  let fence: { line: number; start: boolean; body: string[] } | null = null;
  let nChecks = 0;
  for (let i = meta.end; i < lines.length; i++) {
    const raw = lines[i];
    const n = i + 1;
    if (fence) {
      if (/^\s*```\s*$/.test(raw)) {
        if (fence.start) script = { text: `${fence.body.join("\n")}\n`, line: fence.line };
        else text.push(...fence.body, raw);
        fence = null;
      } else fence.body.push(raw);
      continue;
    }
    const open = /^\s*```\s*(.*)$/.exec(raw);
    if (open) {
      const start = /^(ts\s+|typescript\s+)?start$/.test(open[1].trim());
      if (start && step) bad(n, "the starting script (```ts start) belongs before the first step");
      if (start && script) bad(n, `a lesson has one starting script; one already starts on line ${script.line}`);
      fence = { line: n, start: start && !step && !script, body: [] };
      if (!fence.start) text.push(raw);
      hint = null;
      continue;
    }
    const heading = /^##\s+(.*)$/.exec(raw);
    if (heading) {
      if (steps.length >= MAX_STEPS) {
        bad(n, `a lesson has at most ${MAX_STEPS} steps`);
        break;
      }
      step = { title: heading[1].trim(), text: "", hints: [], checks: [], line: n };
      if (!step.title) bad(n, 'a step needs a title after "## "');
      steps.push(step);
      text = [];
      stepText.set(step, text);
      hint = null;
      continue;
    }
    if (/^>/.test(raw)) {
      const body = raw.replace(/^>\s?/, "");
      if (!step) bad(n, 'hints belong to a step: put a "## Step title" line above it');
      else if (hint && !/^hint:/i.test(body)) hint.push(body);
      else {
        hint = [body.replace(/^hint:\s*/i, "")];
        step.hints.push("");
      }
      if (step && hint) step.hints[step.hints.length - 1] = hint.join(" ").trim();
      continue;
    }
    hint = null;
    if (/^\s*[-*]\s*\[[ xX]?\]/.test(raw)) {
      const m = /^\s*[-*]\s*\[[ xX]?\]\s*(.*?)\s*`([^`]+)`\s*\.?\s*$/.exec(raw);
      if (!step) bad(n, 'checks belong to a step: put a "## Step title" line above it');
      else if (!m) bad(n, CHECK_HINT);
      else if (++nChecks > MAX_CHECKS) bad(n, `a lesson has at most ${MAX_CHECKS} checks`);
      else {
        const expr = m[2].trim();
        const problem = expressionProblem(expr);
        if (problem) bad(n, `the check \`${expr.slice(0, 60)}\` ${problem}`);
        else step.checks.push({ label: m[1].replace(/[:\s]+$/, "") || expr, expr, line: n });
      }
      continue;
    }
    text.push(raw);
  }
  if (fence) bad(fence.line, "this ``` block is never closed (a line with ``` alone ends it)");
  for (const s of steps) s.text = (stepText.get(s) ?? []).join("\n").trim();
  if (steps.length === 0) bad(meta.end + 1, 'a lesson needs at least one step: a line "## Step title"');
  if (example && script)
    bad(
      script.line,
      `a lesson starts from one script: both "example: ${example.id}" and a \`\`\`ts start block are given`,
    );
  if (!example && !script && !meta.values.example)
    bad(
      1,
      'a lesson needs a starting script: "example: <gallery id>" in the front matter, or a ```ts start block before the first step',
    );
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  const start: LessonStart = example ? { kind: "example", id: example.id } : { kind: "script", script: script!.text };
  return { ok: true, lesson: { title, start, intro: intro.join("\n").trim(), steps } };
}
