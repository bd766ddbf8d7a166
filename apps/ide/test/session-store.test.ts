/**
 * The session store with in-process services: the tutorial workflow of the e2e test,
 * without a browser.
 */
import { describe, expect, it } from "vitest";
import { branchKey, cellKey } from "../src/session/selection.js";
import { decodeSession } from "../src/session/share/codec.js";
import { createSession } from "../src/session/store.js";
import { inProcessServices, TUTORIAL_SCRIPT } from "./helpers.js";

async function opened() {
  const services = inProcessServices();
  const session = createSession(services, TUTORIAL_SCRIPT);
  await session.actions.run();
  return { ...session, services, s: () => session.store.getState() };
}

const until = async (cond: () => boolean, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe("session", () => {
  it("opens on the tutorial network, simulated", async () => {
    const { s } = await opened();
    expect(s().run.status).toBe("ok");
    expect(s().model?.summary.nComp).toBe(24);
    expect(s().table?.index).toHaveLength(24);
    expect(s().runs).toHaveLength(1);
    expect(s().runs[0].traces.rows[0].values).toHaveLength(801);
    expect(s().history.past).toHaveLength(0);
  });

  it("multi-selects branches 1 and 3 of every cell, adds them to apical, sets radius 0.3: 12 rows", async () => {
    const { s, actions } = await opened();
    const visible = [0, 1, 2].flatMap((c) => [cellKey(c), ...[0, 1, 2, 3].map((b) => branchKey(c, b))]);
    actions.select(branchKey(0, 1), {}, visible);
    for (const c of [0, 1, 2])
      for (const b of [1, 3]) if (c || b !== 1) actions.select(branchKey(c, b), { toggle: true }, visible);
    expect(s().selectedNodes).toEqual([2, 3, 6, 7, 10, 11, 14, 15, 18, 19, 22, 23]);
    await actions.addToGroup("apical");
    expect(s().script).toContain('network.cell("all").branch([1, 3]).addToGroup("apical");');
    expect(s().view.table).toEqual({ kind: "group", name: "apical" });
    expect(actions.tableTitle()).toBe('network.group("apical").view');
    await actions.setColumn("radius", 0.3);
    expect(s().script).toContain('network.group("apical").set("radius", 0.3);');
    const t = s().table!;
    expect(t.index).toHaveLength(12);
    expect(t.data[t.columns.indexOf("radius")]).toEqual(Array(12).fill(0.3));
    expect(s().history.past.map((e) => e.label)).toEqual(["Open", "Add to group apical"]);
  });

  it("undo and redo cover model edits; training ticks are not undo steps", async () => {
    const { s, actions } = await opened();
    await actions.setCell(0, "radius", 2);
    expect(s().script).toContain('network.cell(0).branch(0).comp(0).set("radius", 2);');
    actions.setTrainer({ params: [{ group: "fast_spiking", key: "Na_gNa", target: 0.2 }], steps: 5 });
    await actions.startTraining();
    await until(() => s().training.status === "done");
    expect(s().training.losses).toHaveLength(5);
    // The run keeps its own step numbering (Adam's first loss is step 1), whatever the settings say later.
    expect(s().training.firstStep).toBe(1);
    actions.setTrainer({ optimizer: "lm" });
    expect(s().training.firstStep).toBe(1);
    actions.setTrainer({ optimizer: "adam" });
    expect(s().history.past).toHaveLength(1);
    await actions.applyTraining();
    expect(s().history.present.label).toBe("Apply trained values");
    expect(s().script).toMatch(/network\.group\("fast_spiking"\)\.set\("Na_gNa", 0\.\d+\);/);
    await actions.undo();
    expect(s().history.present.label).toBe("Set radius = 2");
    await actions.undo();
    expect(s().script).toBe(TUTORIAL_SCRIPT);
    await actions.redo();
    expect(s().script).toContain('set("radius", 2)');
  }, 120_000);

  it("keeps the previous model when a script fails, and earlier runs when asked", async () => {
    const { s, actions } = await opened();
    actions.setView({ keepRuns: true });
    await actions.setColumn("Na_gNa", 0.2);
    expect(s().runs).toHaveLength(2);
    actions.setScript(`${TUTORIAL_SCRIPT}\nnetwork.cell(9);\n`);
    await actions.run();
    expect(s().run.status).toBe("error");
    expect(s().run.message).toMatch(/cell index 9 is out of range/);
    expect(s().run.line).toBe(TUTORIAL_SCRIPT.split("\n").length + 1);
    expect(s().model?.summary.nComp).toBe(24);
    expect(s().runs).toHaveLength(2);
  });

  it("draws a table edit at once from the model worker, then confirms it with the script run", async () => {
    const services = inProcessServices();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slowRun = services.runScript;
    const session = createSession(
      {
        ...services,
        runScript: async (sc, f) => (sc.includes('"radius", 3') ? gate.then(() => slowRun(sc, f)) : slowRun(sc, f)),
      },
      TUTORIAL_SCRIPT,
    );
    const s = () => session.store.getState();
    await session.actions.run();
    const done = session.actions.setColumn("radius", 3);
    await until(() => s().runs[s().runs.length - 1]?.provisional === true);
    expect(s().run.status).toBe("running");
    expect(s().table?.data[s().table!.columns.indexOf("radius")]).toEqual(Array(24).fill(3));
    const provisional = s().runs[s().runs.length - 1];
    release();
    await done;
    const confirmed = s().runs[s().runs.length - 1];
    expect(confirmed.provisional).toBe(false);
    expect([confirmed.n, confirmed.label]).toEqual([provisional.n, provisional.label]);
    expect(Array.from(confirmed.traces.rows[0].values)).toEqual(Array.from(provisional.traces.rows[0].values));
    expect(s().runs).toHaveLength(1);
  });

  it("drops the optimistic result when the script run fails, and restores the model worker", async () => {
    const services = inProcessServices();
    const session = createSession(
      {
        ...services,
        runScript: async (sc, f) =>
          sc.includes('"radius", 3')
            ? { ok: false, kind: "error", message: "boom", line: 1, logs: [] }
            : services.runScript(sc, f),
      },
      TUTORIAL_SCRIPT,
    );
    const s = () => session.store.getState();
    await session.actions.run();
    await session.actions.setColumn("radius", 3);
    expect(s().banner?.text).toMatch(/Could not apply "Set radius = 3": boom/);
    expect(s().script).toBe(TUTORIAL_SCRIPT);
    expect(s().runs.every((r) => !r.provisional)).toBe(true);
    await until(() => s().table?.data[s().table!.columns.indexOf("radius")][0] === 1);
    expect((await services.table({ kind: "all" })).ok && (await services.column("radius")).ok).toBe(true);
    const col = await services.column("radius");
    expect(col.ok && col.value[0]).toBe(1);
  });

  it("a GUI edit the model rejects leaves the script as it was and says why", async () => {
    const { s, actions } = await opened();
    await actions.setColumn("radius", -1);
    expect(s().script).toBe(TUTORIAL_SCRIPT);
    expect(s().history.past).toHaveLength(0);
    expect(s().run.status).toBe("ok");
    expect(s().banner?.text).toMatch(/^Could not apply "Set radius = -1": .*radius.* The script is unchanged\.$/);
  });

  it("trains against an uploaded CSV of target traces, resampled to the simulation's grid", async () => {
    const { s, actions } = await opened();
    const target = await inProcessServices().loadModel(s().model!.serialized, { ...s().sim }, { kind: "all" });
    const v = target.ok ? target.traces!.rows[0].values : new Float32Array();
    const csv = ["t,v", ...Array.from({ length: 201 }, (_, k) => `${(k * 0.1).toFixed(1)},${v[k * 4]}`)].join("\n");
    actions.setTrainer({
      params: [{ group: "fast_spiking", key: "Na_gNa", target: 1 }],
      targetKind: "csv",
      csv: { name: "t.csv", text: csv },
      steps: 3,
    });
    await actions.startTraining();
    await until(() => s().training.status !== "running");
    expect(s().training.status).toBe("done");
    expect(s().training.losses[0]).toBeLessThan(1); // the target is the model itself, sampled every 0.1 ms
    actions.setTrainer({ csv: { name: "bad.csv", text: "t,a,b\n0,1,2\n1,1,2\n" } });
    await actions.startTraining();
    expect(s().training.message).toMatch(/The CSV has 2 trace column\(s\); the model records 1/);
  });

  it("shares the session and opens it elsewhere with the same groups and values", async () => {
    const a = await opened();
    await a.actions.setCell(1, "Na_gNa", 0.3);
    a.actions.setTrainer({ params: [{ group: "fast_spiking", key: "Na_gNa", target: 0.25 }], lr: 0.02 });
    const hash = await a.actions.shareHash();
    expect(hash.length).toBeLessThan(2000);
    const b = await opened();
    expect(await b.actions.openLink(hash)).toBe(true);
    expect(b.s().script).toBe(a.s().script);
    expect(b.s().trainer).toEqual(a.s().trainer);
    expect(b.s().model?.summary.groups).toEqual(a.s().model?.summary.groups);
    expect(b.s().table).toEqual(a.s().table);
    expect(b.s().banner).toBeNull();
    const doc = await decodeSession(hash);
    expect(doc.ok && doc.doc.check).toMatch(/^[0-9a-f]{8}$/);
  });

  it("a hostile link shows an error and changes nothing", async () => {
    const { s, actions } = await opened();
    const before = { script: s().script, history: s().history, model: s().model };
    expect(await actions.openLink("#s=99.AAAA")).toBe(false);
    expect(s().banner?.kind).toBe("error");
    expect(s().banner?.text).toMatch(/newer version/);
    expect({ script: s().script, history: s().history, model: s().model }).toEqual(before);
  });

  it("places a clamp and a recording at the first compartment of the selected branch", async () => {
    const { s, actions } = await opened();
    actions.select(branchKey(2, 1), {}, []);
    await actions.addClamp(2, 5, 0.3);
    await actions.addRecording("v");
    expect(s().script).toContain("network.cell(2).branch(1).comp(0).stimulate(jx.stepCurrent(2, 5, 0.3));");
    expect(s().script).toContain('network.cell(2).branch(1).comp(0).record("v");');
    expect(s().runs[s().runs.length - 1].traces.rows).toHaveLength(2);
  });
});
