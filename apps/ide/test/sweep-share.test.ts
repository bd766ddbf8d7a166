import { describe, expect, it } from "vitest";
import { projectDoc, projectText, readProject, sessionOfDoc } from "../src/session/persist/project-codec.js";
import { DEFAULT_SWEEP } from "../src/session/defaults.js";
import { decodeSession, encodeSession } from "../src/session/share/codec.js";
import {
  DEFAULT_SIM,
  DEFAULT_VIEW,
  MIGRATIONS,
  type SessionDoc,
  sweepSetupV1toV2,
} from "../src/session/share/schema.js";
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
  second: null,
  summary: "rate",
  expression: "max(v) - min(v)",
  recording: 0,
};

/** A 2-D setup: Na_gNa of fast_spiking times the clamps' amplitude, with a custom summary. */
const grid: SweepSettings = {
  ...setup,
  points: 4,
  second: { vary: "stimulus", group: "", key: "", from: 0, to: 0.5, points: 3 },
  summary: "custom",
  expression: "spikes(v, -20) / 0.05",
};

/**
 * A link made by Dendrolab before 2-D sweeps (session format 1), kept as it was written:
 * its sweep is the setup above without `second` and `expression`.
 */
const FORMAT_1_LINK =
  "#s=1.JY1BDoJAEAS_Qvo8KpLoYX7gQV9gQkYYyEaX3cwuoCH83aC3PlRVL0iNuZjBOBwKGYpudyma0Sa9DyAk58EL8lXe4KoktBlc7svqREjhNamB8ZjbWseXGlZCmlXj5kxiHzCimHgQegtjBKOTlOsU3dMNPQhP3aCb1P1NQOgs-N_BiZDDts6EGNyQE_hYEdLo_T9skhUE0yZYu8W4XNcv";

const doc = (sweep?: unknown): SessionDoc =>
  ({
    script: "// s",
    sim: DEFAULT_SIM,
    trainer: DEFAULT_TRAINER,
    view: DEFAULT_VIEW,
    ...(sweep ? { sweep } : {}),
  }) as SessionDoc;

describe("the sweep setup in links and project files", () => {
  it("travels in a share link, and a link without it (made before sweeps) still opens", async () => {
    const hash = await encodeSession(doc(setup));
    expect(hash).toMatch(/^#s=2\./);
    const r = await decodeSession(hash);
    expect(r.ok && r.doc.sweep).toEqual(setup);
    const old = await decodeSession(await encodeSession(doc()));
    expect(old.ok).toBe(true);
    expect(old.ok && old.doc.sweep).toBeUndefined();
  });

  it("carries a 2-D setup with a custom summary (format 2)", async () => {
    const r = await decodeSession(await encodeSession(doc(grid)));
    expect(r).toMatchObject({ ok: true, version: 2 });
    expect(r.ok && r.doc.sweep).toEqual(grid);
  });

  it("opens a 1-D link of format 1 as a 1-D sweep, migrated to format 2", async () => {
    const r = await decodeSession(FORMAT_1_LINK);
    expect(r).toMatchObject({ ok: true, version: 1 });
    expect(r.ok && r.doc.script).toBe("// an f-I curve\n");
    expect(r.ok && r.doc.sweep).toEqual(setup);
    // The migration itself: a format-1 sweep gains no second quantity and the default expression.
    const { second: _s, expression: _e, ...v1 } = setup;
    expect(sweepSetupV1toV2({ script: "", sweep: v1 })).toEqual({ script: "", sweep: setup });
    expect(sweepSetupV1toV2({ script: "" })).toEqual({ script: "" });
    expect(MIGRATIONS[1]).toBe(sweepSetupV1toV2);
  });

  it("refuses a bad setup in words", async () => {
    const r = await decodeSession(await encodeSession(doc({ ...setup, points: 500 })));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain("sweep.points should be a number from 2 to 100, got 500");
    const v = await decodeSession(await encodeSession(doc({ ...setup, vary: "both" })));
    expect(!v.ok && v.message).toContain('sweep.vary should be "stimulus" or "param"');
    const two = await decodeSession(await encodeSession(doc({ ...grid, second: { ...grid.second, points: 1 } })));
    expect(!two.ok && two.message).toContain("sweep.second.points should be a number from 2 to 100, got 1");
    const long = await decodeSession(await encodeSession(doc({ ...grid, expression: "v".repeat(401) })));
    expect(!long.ok && long.message).toContain("sweep.expression should be a string of at most 400 characters");
  });

  it("is saved in project files; a project without it opens with the default setup", () => {
    const s = { ...initialState("// script"), sweep: setup };
    const r = readProject(projectText(projectDoc(s)), "p.dendrolab.json");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(sessionOfDoc(r.doc).world.sweep).toEqual(setup);
    const { sweep: _, ...older } = r.doc;
    expect(sessionOfDoc({ ...older }).world.sweep).toEqual(DEFAULT_SWEEP);
    // A 2-D setup too; a project saved before 2-D sweeps (no second, no expression) opens as 1-D.
    const g = readProject(projectText(projectDoc({ ...initialState("// s"), sweep: grid })), "g.dendrolab.json");
    expect(g.ok && sessionOfDoc(g.doc).world.sweep).toEqual(grid);
    const { second: _s, expression: _e, ...v1 } = setup;
    const before = readProject(
      projectText({ ...projectDoc(initialState("// s")), sweep: v1 } as never),
      "old.dendrolab.json",
    );
    expect(before.ok && sessionOfDoc(before.doc).world.sweep).toEqual(setup);
  });
});
