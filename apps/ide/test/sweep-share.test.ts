import { describe, expect, it } from "vitest";
import { projectDoc, projectText, readProject, sessionOfDoc } from "../src/session/persist/project-codec.js";
import { DEFAULT_SWEEP } from "../src/session/defaults.js";
import { decodeSession, encodeSession } from "../src/session/share/codec.js";
import { DEFAULT_SIM, DEFAULT_VIEW, type SessionDoc } from "../src/session/share/schema.js";
import type { SweepSettings } from "../src/session/sweep-settings.js";
import { initialState } from "../src/session/state.js";
import { DEFAULT_TRAINER } from "../src/session/trainer-settings.js";

const setup: SweepSettings = {
  vary: "param",
  group: "fast_spiking",
  key: "Na_gNa",
  from: 0.05,
  to: 0.6,
  points: 12,
  summary: "rate",
  recording: 0,
};

const doc = (sweep?: unknown): SessionDoc =>
  ({
    script: "// s",
    sim: DEFAULT_SIM,
    trainer: DEFAULT_TRAINER,
    view: DEFAULT_VIEW,
    ...(sweep ? { sweep } : {}),
  }) as SessionDoc;

describe("the sweep setup in links and project files", () => {
  it("travels in a share link, and a link without it (made before sweeps) still opens, at format 1", async () => {
    const hash = await encodeSession(doc(setup));
    expect(hash).toMatch(/^#s=1\./);
    const r = await decodeSession(hash);
    expect(r.ok && r.doc.sweep).toEqual(setup);
    const old = await decodeSession(await encodeSession(doc()));
    expect(old.ok).toBe(true);
    expect(old.ok && old.doc.sweep).toBeUndefined();
  });

  it("refuses a bad setup in words", async () => {
    const r = await decodeSession(await encodeSession(doc({ ...setup, points: 500 })));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain("sweep.points should be a number from 2 to 100, got 500");
    const v = await decodeSession(await encodeSession(doc({ ...setup, vary: "both" })));
    expect(!v.ok && v.message).toContain('sweep.vary should be "stimulus" or "param"');
  });

  it("is saved in project files; a project without it opens with the default setup", () => {
    const s = { ...initialState("// script"), sweep: setup };
    const r = readProject(projectText(projectDoc(s)), "p.dendrolab.json");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(sessionOfDoc(r.doc).world.sweep).toEqual(setup);
    const { sweep: _, ...older } = r.doc;
    expect(sessionOfDoc({ ...older }).world.sweep).toEqual(DEFAULT_SWEEP);
  });
});
