/** Project files: the schema, its messages, migrations, the trace cap; whole-session undo of links and projects. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { filesNamedBy, scriptUsesFile } from "../src/session/files.js";
import { decodeSession } from "../src/session/share/codec.js";
import {
  MAX_SAVED_TRACE_VALUES,
  projectDoc,
  projectFromJson,
  projectText,
  readProject,
  sessionOfDoc,
} from "../src/session/persist/project-codec.js";
import { PROJECT_FORMAT, PROJECT_VERSION } from "../src/session/persist/project-schema.js";
import { initialState, type TraceRun } from "../src/session/state.js";
import { createSession } from "../src/session/store.js";
import { inProcessServices, TUTORIAL_SCRIPT } from "./helpers.js";

const SWC = readFileSync(new URL("../../../e2e/fixtures/morph_ca1_n120_250.swc", import.meta.url), "utf8");

const run = (n: number, samples: number): TraceRun => ({
  n,
  label: `run ${n}`,
  traces: {
    dt: 0.025,
    nSamples: samples,
    rows: [{ label: "v", values: new Float32Array(samples).fill(-65.25) }],
    ms: 1,
  },
});

/** A minimal valid project text with `patch` applied. */
const text = (patch: Record<string, unknown>) =>
  JSON.stringify({
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    savedAt: "2026-12-07T14:02:00.000Z",
    script: "x",
    ...patch,
  });

describe("project files", () => {
  it("round-trips a session: script, files, settings, training results and traces", () => {
    const s = {
      ...initialState("// script"),
      files: { "cell.swc": SWC },
      sim: { tMax: 30, dt: 0.05, solver: "crank_nicolson" as const },
      trainer: {
        ...initialState("").trainer,
        params: [{ group: "g", key: "Na_gNa", target: 0.3 }],
        csv: { name: "t.csv", text: "t,v\n".padEnd(70_000, "0") },
      },
      training: {
        ...initialState("").training,
        status: "running" as const,
        params: [{ group: "g", key: "Na_gNa", target: 0.3 }],
        initial: [0.4],
        values: [0.35],
        losses: [2, 1, Number.NaN],
        firstStep: 0 as const,
        best: { step: 2, loss: 1, values: [0.35] },
      },
      runs: [run(1, 801), run(2, 801)],
    };
    const r = readProject(projectText(projectDoc(s)), "p.dendrolab.json");
    if (!r.ok) throw new Error(r.message);
    const back = sessionOfDoc(r.doc);
    expect(back.script).toBe("// script");
    expect(back.world.files).toEqual({ "cell.swc": SWC });
    expect(back.world.sim).toEqual(s.sim);
    expect(back.world.trainer.csv?.text.length).toBe(70_000); // larger than a link holds
    expect(back.world.training.status).toBe("stopped"); // a running job is saved as stopped
    expect(back.world.training.losses.slice(0, 2)).toEqual([2, 1]);
    expect(back.world.training.losses[2]).toBeNaN();
    expect(back.world.training.firstStep).toBe(0); // a Levenberg-Marquardt run's losses start at step 0
    expect(back.world.training.best).toEqual({ step: 2, loss: 1, values: [0.35] });
    expect(back.world.runs.map((x) => x.n)).toEqual([1, 2]);
    expect(Array.from(back.world.runs[1].traces.rows[0].values.slice(0, 3))).toEqual([-65.25, -65.25, -65.25]);
    // The autosave's form keeps Float32Arrays (IndexedDB stores them as they are).
    const binary = projectFromJson(projectDoc(s, new Date(), true), "The autosaved session");
    if (!binary.ok) throw new Error(binary.message);
    expect(sessionOfDoc(binary.doc).world.runs[0].traces.rows[0].values).toEqual(s.runs[0].traces.rows[0].values);
  });

  it("keeps the panel layout the user dragged, and refuses a malformed one", () => {
    const layout = { left: 320, mid: 1.2, right: 0.9, rows: { left: [1, 1], mid: [2, 1], right: [1, 3] } } as const;
    const s = { ...initialState("// script"), layout: structuredClone(layout) as never };
    const r = projectFromJson(JSON.parse(projectText(projectDoc(s))), "p.dendrolab.json");
    if (!r.ok) throw new Error(r.message);
    expect(sessionOfDoc(r.doc).world.layout).toEqual(layout);
    const bad = projectFromJson(JSON.parse(text({ layout: { ...layout, left: "wide" } })), "p.dendrolab.json");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/layout\.left/);
    const none = projectFromJson(JSON.parse(text({})), "p.dendrolab.json");
    expect(none.ok && sessionOfDoc(none.doc).world.layout).toBeNull();
  });

  it("keeps the newest runs whose traces fit, leaving older ones out whole", () => {
    const half = Math.floor(MAX_SAVED_TRACE_VALUES / 2) + 1;
    const doc = projectDoc({ ...initialState("s"), runs: [run(1, half), run(2, half), run(3, 10)] });
    expect((doc.runs as Array<{ n: number }>).map((x) => x.n)).toEqual([2, 3]);
  });

  it("says what is wrong with a file, naming it", () => {
    const cases: Array<[string, RegExp]> = [
      ["{", /^"f\.json" is not a Dendrolab project: it is not JSON \(/],
      [
        "[1]",
        /^"f\.json" is not a Dendrolab project: a project file is a JSON object with "format": "dendrolab-project"/,
      ],
      [JSON.stringify({ script: "x" }), /is not a Dendrolab project/],
      [text({ version: "1" }), /"version" should be a whole number from 1 to 2, got "1"/],
      [text({ version: 0 }), /"version" should be a whole number from 1 to 2, got 0/],
      [
        text({ version: 7 }),
        /saved by a newer version of Dendrolab \(project format 7; this version opens formats 1 to 2\)/,
      ],
      [
        text({ script: 5 }),
        /^"f\.json" is not a valid project: script should be a string of at most 5000000 characters, got 5\./,
      ],
      [
        text({ files: { "a b.swc": "x" } }),
        /files\["a b\.swc"\] should be named with letters, digits, '\.', '_' and '-', got "a b\.swc"/,
      ],
      [
        text({ sim: { tMax: 20, dt: 50, solver: "bwd_euler" } }),
        /sim\.dt should be a number from 0\.000001 to 10, got 50\./,
      ],
      [
        text({
          runs: [{ n: 1, label: "r", traces: { dt: 0.1, nSamples: 2, rows: [{ label: "v", values: [1, "x"] }] } }],
        }),
        /runs\[0\]\.traces\.rows\[0\]\.values\[1\] should be a number or null, got "x"/,
      ],
    ];
    for (const [input, message] of cases) {
      const r = readProject(input, "f.json");
      expect(r.ok, input).toBe(false);
      if (!r.ok) {
        expect(r.message).toMatch(message);
        expect(r.message).toMatch(/Your open session was not changed\.$/);
      }
    }
    expect(readProject(text({}), "f.json").ok).toBe(true);
  });

  it("migrates older versions step by step, and refuses a version it cannot convert", () => {
    // As if the format were at version 3: version 1 named the script "program", version 2 added nothing.
    const migrations = {
      1: (d: Record<string, unknown>) => {
        const { program, ...rest } = d;
        return { ...rest, script: program };
      },
      2: (d: Record<string, unknown>) => d,
    };
    const old = JSON.stringify({ format: PROJECT_FORMAT, version: 1, savedAt: "x", program: "// old" });
    const r = readProject(old, "old.json", migrations, 3);
    expect(r.ok && r.doc.script).toBe("// old");
    const gap = readProject(old, "old.json", { 2: migrations[2] }, 3);
    expect(!gap.ok && gap.message).toMatch(/"old\.json" uses project format 1, which this version cannot convert/);
  });
});

describe("whole-session steps", () => {
  async function opened() {
    const session = createSession(inProcessServices(), TUTORIAL_SCRIPT);
    await session.actions.run();
    return { s: () => session.store.getState(), a: session.actions };
  }

  it("undo after opening a link brings back the files and settings that were open; redo the link's", async () => {
    const src = await opened();
    await src.a.setSim({ dt: 0.05 });
    const hash = await src.a.shareHash();
    const { s, a } = await opened();
    await a.importFile("cell.swc", SWC);
    const mine = s().script;
    expect(await a.openLink(hash)).toBe(true);
    expect(s().script).toBe(TUTORIAL_SCRIPT);
    expect(s().files).toEqual({});
    expect(s().sim.dt).toBe(0.05);
    await a.undo();
    expect(s().script).toBe(mine);
    expect(s().files).toEqual({ "cell.swc": SWC });
    expect(s().sim.dt).toBe(0.025);
    expect(s().run.status).toBe("ok");
    await a.redo();
    expect(s().script).toBe(TUTORIAL_SCRIPT);
    expect(s().files).toEqual({});
    expect(s().sim.dt).toBe(0.05);
  });

  it("opening a project with the same script is still an undo step; a bad file changes nothing", async () => {
    const { s, a } = await opened();
    const saved = await a.saveProject();
    expect(saved.fileName).toBe("session.dendrolab.json");
    await a.setSim({ tMax: 7 });
    const steps = s().history.past.length;
    expect(await a.openProject("session.dendrolab.json", saved.text)).toBe(true);
    expect(s().history.past.length).toBe(steps + 1);
    expect(s().sim.tMax).toBe(20);
    await a.undo();
    expect(s().sim.tMax).toBe(7);
    expect(await a.openProject("x.dendrolab.json", "nope")).toBe(false);
    expect(s().banner?.text).toMatch(/^"x\.dendrolab\.json" is not a Dendrolab project/);
    expect(s().sim.tMax).toBe(7);
  });

  it("a share link asks only for the large files the script uses", async () => {
    const { s, a } = await opened();
    const big = `${SWC}\n${"# padding\n".repeat(20_000)}`;
    await a.importFile("big.swc", big);
    await a.importFile("cell.swc", SWC); // the example script now reads cell.swc only
    expect(s().script).not.toContain('"big.swc"');
    const link = await a.shareLink();
    expect(link.omittedFiles).toEqual([]);
    const doc = await decodeSession(link.hash);
    expect(doc.ok && doc.doc.missingFiles).toBeUndefined();
    expect(doc.ok && Object.keys(doc.doc.files ?? {})).toEqual(["cell.swc"]);
  });

  it("names the files a script reads", () => {
    const script = 'const c = jx.readSwc(files["a.swc"]);\nconst N = jx.loadNmodl(mod(\'Na.mod\'));\n// "b.swc"';
    expect(filesNamedBy(script)).toEqual(["a.swc", "Na.mod"]);
    expect(scriptUsesFile(script, "b.swc")).toBe(true);
    expect(scriptUsesFile(script, "a.sw")).toBe(false);
  });
});
