/**
 * Property: any valid session document survives a share link: encode -> decode gives
 * the same document, at the current version (fast-check, fixed seed).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simSettingsProblem } from "../src/protocol/sim-limits.js";
import { decodeSession, encodeSession } from "../src/session/share/codec.js";
import { SESSION_VERSION, type SessionDoc } from "../src/session/share/schema.js";

/** A double in [min, max], never -0 (JSON writes -0 as 0). */
const num = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((v) => v + 0);
const text = (maxLength: number) => fc.string({ unit: "grapheme", maxLength });
const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/);
const fileName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,30}$/);

const sessionDoc: fc.Arbitrary<SessionDoc> = fc.record(
  {
    script: text(400),
    sim: fc
      .record({
        tMax: num(0.001, 100_000),
        dt: num(1e-6, 10),
        solver: fc.constantFrom("bwd_euler", "crank_nicolson", "fwd_euler"),
      })
      // Valid settings only: at most 1e7 steps and t_max >= dt (protocol/sim-limits.ts).
      .filter((s) => simSettingsProblem(s.tMax, s.dt) === null),
    trainer: fc.record(
      {
        params: fc.array(fc.record({ group: name, key: name, target: num(-1e12, 1e12) }), { maxLength: 5 }),
        targetKind: fc.constantFrom("model", "csv"),
        csv: fc.option(fc.record({ name: text(30), text: text(300) }), { nil: null }),
        loss: fc.constantFrom("mse", "stats", "windows"),
        // Optional (links made before them have none): the window loss's windows and scales, the optimiser, the stop threshold.
        windows: fc.array(
          fc.tuple(num(0, 1e6), num(0, 1e6)).filter(([a, b]) => a < b),
          { maxLength: 4 },
        ),
        scales: fc.tuple(num(1e-9, 1e6), num(1e-9, 1e6)),
        optimizer: fc.constantFrom("adam", "lm"),
        threshold: fc.option(num(0, 1e12), { nil: null }),
        lr: num(1e-9, 100),
        schedule: fc.constantFrom("cosine", "step", "constant"),
        steps: fc.integer({ min: 1, max: 100_000 }),
        transform: fc.constantFrom("log", "none"),
      },
      { requiredKeys: ["params", "targetKind", "csv", "loss", "lr", "schedule", "steps", "transform"] },
    ),
    view: fc.record({
      colourBy: fc.oneof(fc.constant("group"), name),
      dims: fc.constantFrom("2d", "3d"),
      keepRuns: fc.boolean(),
      table: fc.oneof(
        fc.constant({ kind: "all" as const }),
        name.map((n) => ({ kind: "group" as const, name: n })),
        fc.array(fc.nat({ max: 10_000 }), { maxLength: 30 }).map((nodes) => ({ kind: "nodes" as const, nodes })),
      ),
    }),
    files: fc.dictionary(fileName, text(200), { maxKeys: 3 }),
    check: fc.stringMatching(/^[0-9a-f]{8}$/),
  },
  { requiredKeys: ["script", "sim", "trainer", "view"] },
);

describe("share link encode/decode round trip (property)", () => {
  it("decodes every valid document to itself", async () => {
    await fc.assert(
      fc.asyncProperty(sessionDoc, async (doc) => {
        const hash = await encodeSession(doc);
        expect(hash.startsWith(`#s=${SESSION_VERSION}.`)).toBe(true);
        expect(await decodeSession(hash)).toEqual({ ok: true, doc, version: SESSION_VERSION });
      }),
      { seed: 7_2024, numRuns: 100 },
    );
  });
});
