import { describe, expect, it } from "vitest";
import { GALLERY } from "../src/gallery/index.js";
import { parseLesson } from "../src/lessons/format.js";
import { SHIPPED_LESSONS } from "../src/lessons/shipped.js";

const IDS = GALLERY.map((g) => g.id);
const parse = (s: string) => parseLesson(s, IDS);
const problems = (s: string) => {
  const r = parse(s);
  if (r.ok) throw new Error("expected problems");
  return r.problems;
};

const GOOD = `---
title: A lesson
example: hh
---
Intro text.

## First step
Do this.
> Hint: like that.
> more of the hint
- [ ] it spikes \`spikes(trace()) >= 1\`
- [ ] \`nComp === 1\`

## Second step
\`\`\`ts
const shown = "code in the text";
\`\`\`
`;

describe("lesson files", () => {
  it("reads front matter, intro, steps, hints and checks with their lines", () => {
    const r = parse(GOOD);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { lesson } = r;
    expect(lesson.title).toBe("A lesson");
    expect(lesson.start).toEqual({ kind: "example", id: "hh" });
    expect(lesson.intro).toBe("Intro text.");
    expect(lesson.steps.map((s) => s.title)).toEqual(["First step", "Second step"]);
    expect(lesson.steps[0].hints).toEqual(["like that. more of the hint"]);
    expect(lesson.steps[0].checks).toEqual([
      { label: "it spikes", expr: "spikes(trace()) >= 1", line: 11 },
      { label: "nComp === 1", expr: "nComp === 1", line: 12 },
    ]);
    expect(lesson.steps[1].text).toContain('const shown = "code in the text";');
    expect(lesson.steps[1].checks).toEqual([]);
  });

  it('starts a new hint at each "> Hint:" line', () => {
    const r = parse("---\ntitle: T\nexample: hh\n---\n## S\n> Hint: one\n> more\n> Hint: two\n");
    expect(r.ok && r.lesson.steps[0].hints).toEqual(["one more", "two"]);
  });

  it("takes an inline starting script from a ```ts start block", () => {
    const r = parse("---\ntitle: T\n---\n```ts start\nconst a = 1;\n```\n## S\n- [ ] x `nComp > 0`\n");
    expect(r.ok && r.lesson.start).toEqual({ kind: "script", script: "const a = 1;\n" });
  });

  it("names what is wrong and on which line", () => {
    expect(problems("title: no front matter\n## S\n")[0]).toMatchObject({
      line: 1,
      message: expect.stringMatching(/front matter/),
    });
    expect(problems("---\ntitel: T\nexample: hh\n---\n## S\n")).toContainEqual({
      line: 2,
      message: expect.stringContaining('unknown front matter key "titel" (did you mean "title"?)'),
    });
    expect(problems("---\ntitle: T\nexample: nope\n---\n## S\n")[0]).toMatchObject({
      line: 3,
      message: expect.stringContaining('example "nope" is not in the gallery'),
    });
    expect(problems("---\ntitle: T\nexample: hh\n---\n## S\n- [ ] no expression\n")).toEqual([
      { line: 6, message: expect.stringContaining("the expression in backticks ends the line") },
    ]);
    expect(problems("---\ntitle: T\nexample: hh\n---\n## S\n- [ ] bad `spikes(trace() >= 1`\n")[0]).toMatchObject({
      line: 6,
      message: expect.stringContaining('unclosed "("'),
    });
    expect(problems("---\ntitle: T\nexample: hh\n---\n## S\n- [ ] two `a; b`\n")[0].message).toMatch(/one expression/);
    expect(problems("---\ntitle: T\nexample: hh\n---\n- [ ] early `nComp > 0`\n## S\n")[0]).toMatchObject({
      line: 5,
      message: expect.stringContaining("checks belong to a step"),
    });
    expect(problems("---\ntitle: T\n---\n## S\n")[0].message).toMatch(/needs a starting script/);
    expect(problems("---\ntitle: T\nexample: hh\n---\nno steps\n")[0].message).toMatch(/at least one step/);
    expect(problems("---\ntitle: T\nexample: hh\n---\n```\nnever closed\n## S\n")[0]).toMatchObject({ line: 5 });
    expect(problems("---\ntitle: T\n")[0].message).toMatch(/never closed/);
  });

  it("never throws, whatever the text", () => {
    for (const s of ["", "---", "---\n---", "```", "## \n", "\u0000\n---\n", "- [ ]", ">"])
      expect(() => parse(s)).not.toThrow();
    expect(parse("x".repeat(50_000)).ok).toBe(false);
  });

  it("parses the lessons shipped with the project", () => {
    for (const l of SHIPPED_LESSONS) {
      const r = parse(l.source);
      expect(r.ok ? [] : r.problems).toEqual([]);
      if (r.ok) expect(r.lesson.title).toBe(l.title);
    }
  });
});
