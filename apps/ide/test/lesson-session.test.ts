/**
 * A lesson in a session (in-process services: the checks go through the sandbox's
 * evaluator), and its links: a lesson link and a hand-in link survive the round trip.
 */
import { describe, expect, it } from "vitest";
import { SHIPPED_LESSONS } from "../src/lessons/shipped.js";
import { decodeHandIn, decodeLesson, encodeHandIn, encodeLesson } from "../src/session/lesson-links.js";
import { MAX_DOC_BYTES } from "../src/session/share/codec.js";
import { createSession } from "../src/session/store.js";
import { inProcessServices, TUTORIAL_SCRIPT } from "./helpers.js";

const source = (id: string) => SHIPPED_LESSONS.find((l) => l.id === id)!.source;
const settle = () => new Promise((r) => setTimeout(r, 50));

describe("a lesson in the session", () => {
  it("opens the threshold lesson, ticks its checks after each run, and hands in", async () => {
    const { store, actions } = createSession(inProcessServices(), TUTORIAL_SCRIPT);
    expect(await actions.openLesson(source("threshold"))).toEqual([]);
    await actions.checkLesson();
    let s = store.getState();
    expect(s.script).toContain("const amplitude = 0.1;");
    expect(s.lesson?.results.map((r) => r?.pass)).toEqual([false, false, false, false, false]);
    actions.setScript(s.script.replace("amplitude = 0.1", "amplitude = 0.3"));
    await actions.run();
    await settle();
    await actions.checkLesson();
    s = store.getState();
    expect(s.lesson?.results[0]).toEqual({ pass: true, message: null });
    expect(s.history.past.length).toBeGreaterThan(0); // opening the lesson was an undo step

    const hash = await actions.handInLink("Ada");
    expect(hash).toMatch(/^#handin=1\.[A-Za-z0-9_-]+$/);
    const back = await decodeHandIn(`https://example.org/${hash}`);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.name).toBe("Ada");
    expect(back.value.lesson).toBe(source("threshold"));
    expect(back.value.script).toContain("amplitude = 0.3");
    expect(back.value.checks.map((c) => c.pass)).toEqual([true, false, false, false, false]);
    expect(back.value.traces).toHaveLength(1);
    expect(Math.max(...back.value.traces[0].v)).toBeGreaterThan(20); // the spike survives thinning
  });

  it("reports a faulty lesson with its lines and leaves the session alone", async () => {
    const { store, actions } = createSession(inProcessServices(), TUTORIAL_SCRIPT);
    const problems = await actions.openLesson("---\ntitle: T\nexample: nope\n---\n## S\n- [ ] bad\n");
    expect(problems.map((p) => p.line)).toEqual([3, 6]);
    expect(store.getState().lesson ?? null).toBeNull();
  });
});

describe("lesson and hand-in links", () => {
  it("carries a lesson file in a link", async () => {
    const hash = await encodeLesson(source("groups"));
    expect(hash).toMatch(/^#lesson=1\./);
    expect(await decodeLesson(hash)).toEqual({ ok: true, value: source("groups") });
    await expect(encodeLesson("x".repeat(50_000))).rejects.toThrow(/too large for a link/);
  });

  it("says why a broken link does not open", async () => {
    expect(await decodeLesson("#lesson=1.!!")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a lesson link/),
    });
    expect(await decodeLesson("#lesson=9.abc")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/format 9/),
    });
    expect(await decodeHandIn("#handin=1.AAAA")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/truncated|corrupted/),
    });
    const { hash } = await encodeHandIn({ name: "B", lesson: "l", script: "s", checks: [], traces: null });
    expect((await decodeHandIn(hash)).ok).toBe(true);
    expect(await decodeHandIn(hash.slice(0, -12))).toMatchObject({ ok: false });
  });

  it("thins long traces until the hand-in fits in a link", async () => {
    const n = 400_001;
    const values = Float32Array.from({ length: n }, (_, k) => (k % 5000 < 40 ? 40 : -65 + Math.sin(k) * 3));
    const rows = Array.from({ length: 8 }, (_, i) => ({ label: `trace ${i}`, values }));
    const { hash, doc } = await encodeHandIn({
      name: "C",
      lesson: source("groups"),
      script: TUTORIAL_SCRIPT,
      checks: [{ label: "a", pass: true }],
      traces: { dt: 0.025, rows },
    });
    expect(new TextEncoder().encode(JSON.stringify(doc)).length).toBeLessThanOrEqual(MAX_DOC_BYTES);
    expect(doc.traces[0].v.length).toBeGreaterThanOrEqual(50);
    expect(Math.max(...doc.traces[0].v)).toBe(40);
    const back = await decodeHandIn(hash);
    expect(back.ok && back.value.traces.length).toBe(8);
  });
});
