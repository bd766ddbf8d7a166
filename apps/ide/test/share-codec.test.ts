import { describe, expect, it } from "vitest";
import {
  decodeSession,
  encodeSession,
  fromBase64Url,
  MAX_DOC_BYTES,
  migrate,
  toBase64Url,
} from "../src/session/share/codec.js";
import { DEFAULT_SIM, DEFAULT_VIEW, type SessionDoc, validateSession } from "../src/session/share/schema.js";
import { DEFAULT_TRAINER } from "../src/session/trainer-settings.js";
import { TUTORIAL_SCRIPT } from "./helpers.js";

const tutorialDoc = (): SessionDoc => ({
  script:
    TUTORIAL_SCRIPT +
    'network.cell("all").branch([1, 3]).addToGroup("apical");\nnetwork.group("apical").set("radius", 0.3);\n',
  sim: DEFAULT_SIM,
  trainer: { ...DEFAULT_TRAINER, params: [{ group: "fast_spiking", key: "Na_gNa", target: 0.2 }] },
  view: { ...DEFAULT_VIEW, table: { kind: "group", name: "apical" } },
  check: "0123abcd",
});

async function deflate(text: string): Promise<string> {
  const s = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return toBase64Url(new Uint8Array(await new Response(s).arrayBuffer()));
}

describe("share links", () => {
  it("round-trips the tutorial session exactly, in under 2,000 characters", async () => {
    const doc = tutorialDoc();
    const hash = await encodeSession(doc);
    expect(hash).toMatch(/^#s=2\.[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(2000);
    const back = await decodeSession(hash);
    expect(back).toEqual({ ok: true, doc, version: 2 });
  });

  it("explains malformed, truncated, future-version and oversized links", async () => {
    const good = await encodeSession(tutorialDoc());
    const cases: Array<[string, string, RegExp]> = [
      ["#s=hello", "malformed", /malformed.*#s=2\.<data>/],
      ["#s=1.a$b", "malformed", /malformed/],
      ["#s=0.abcd", "malformed", /format 0 does not exist/],
      ["#s=9.abcd", "future", /newer version of Dendrolab \(session format 9; this version opens formats 1 to 2\)/],
      [good.slice(0, good.length - 40), "truncated", /truncated or corrupted/],
      [`#s=1.${"A".repeat(100_001)}`, "oversized", /too large/],
    ];
    for (const [hash, problem, message] of cases) {
      const r = await decodeSession(hash);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.problem, hash.slice(0, 20)).toBe(problem);
        expect(r.message).toMatch(message);
        expect(r.message).toMatch(/Your open session was not changed/);
      }
    }
  });

  it("refuses documents that unpack past the size limit (a compression bomb)", async () => {
    const r = await decodeSession(`#s=1.${await deflate(JSON.stringify({ script: " ".repeat(MAX_DOC_BYTES * 4) }))}`);
    expect(r.ok || r.problem).toBe("oversized");
  });

  it("validates fields and names the first bad one", async () => {
    const doc = { ...tutorialDoc(), sim: { tMax: -1, dt: 0.025, solver: "bwd_euler" } };
    const r = await decodeSession(`#s=1.${await deflate(JSON.stringify(doc))}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/sim.tMax should be a number from 0.001 to 100000, got -1/);
    const notJson = await decodeSession(`#s=1.${await deflate("{not json")}`);
    expect(!notJson.ok && notJson.problem).toBe("truncated");
  });

  it("names the path of a bad field, what belongs there and what was found", () => {
    const bad = (patch: (d: Record<string, any>) => unknown) => {
      const d: Record<string, any> = structuredClone(tutorialDoc());
      const r = patch(d);
      try {
        validateSession(r === undefined ? d : r);
        return "accepted";
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(bad(() => 3)).toBe("the session should be an object, got 3");
    expect(bad((d) => void delete d.script)).toBe(
      "script should be a string of at most 60000 characters, got undefined",
    );
    expect(
      bad((d) => {
        d.sim.solver = "rk4";
      }),
    ).toBe('sim.solver should be "bwd_euler" or "crank_nicolson" or "fwd_euler", got "rk4"');
    expect(bad((d) => void delete d.trainer.lr)).toBe("trainer.lr should be a number from 1e-9 to 100, got undefined");
    expect(
      bad((d) => {
        d.trainer.params = Array(51).fill(d.trainer.params[0]);
      }),
    ).toBe('trainer.params should be at most 50 entries, got "51 entries"');
    expect(
      bad((d) => {
        d.trainer.params[0].target = "x";
      }),
    ).toBe('trainer.params[0].target should be a number from -1000000000000 to 1000000000000, got "x"');
    expect(
      bad((d) => {
        d.trainer.csv = 5;
      }),
    ).toBe("trainer.csv should be null or { name, text }, got 5");
    expect(
      bad((d) => {
        d.view.table = { kind: "nodes", nodes: [1, -2] };
      }),
    ).toBe("view.table.nodes[1] should be a compartment index, got -2");
    expect(
      bad((d) => {
        d.view.table = { kind: "rows" };
      }),
    ).toBe('view.table.kind should be "all" or "group" or "nodes", got "rows"');
    expect(
      bad((d) => {
        d.view.keepRuns = "yes";
      }),
    ).toBe('view.keepRuns should be true or false, got "yes"');
    expect(
      bad((d) => {
        d.files = { "../x": "" };
      }),
    ).toBe(`files["../x"] should be named with letters, digits, '.', '_' and '-', got "../x"`);
    expect(
      bad((d) => {
        d.files = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`f${i}`, ""]));
      }),
    ).toBe('files should be at most 20 files, got "21 entries"');
    expect(
      bad((d) => {
        d.check = "x".repeat(65);
      }),
    ).toMatch(/^check should be a string of at most 64 characters/);
    expect(
      bad((d) => {
        delete d.sim;
        delete d.trainer;
        delete d.view;
      }),
    ).toBe("accepted");
    const filled = validateSession({ script: "" });
    expect(filled).toEqual({ script: "", sim: DEFAULT_SIM, trainer: DEFAULT_TRAINER, view: DEFAULT_VIEW });
  });

  it("migrates older documents step by step", () => {
    const steps = {
      1: (d: Record<string, unknown>) => ({ script: d.code }),
      2: (d: Record<string, unknown>) => ({ ...d, sim: { tMax: 20, dt: 0.025, solver: "bwd_euler" } }),
    };
    expect(migrate({ code: "x" }, 1, 3, steps)).toEqual({
      script: "x",
      sim: { tMax: 20, dt: 0.025, solver: "bwd_euler" },
    });
    expect(migrate({ code: "x" }, 1, 4, steps)).toBeNull();
    expect(migrate({ a: 1 }, 3, 3, steps)).toEqual({ a: 1 });
  });

  it("base64url round-trips all bytes", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    expect(fromBase64Url("a")).toBeNull();
  });
});
