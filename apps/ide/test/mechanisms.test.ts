/**
 * NMODL mechanisms in the IDE: `.mod` files become `loadNmodl` lines in the script, the
 * Mechanisms panel describes the model's mechanisms with gating curves, GUI inserts and
 * removals become `insert`/`delete` lines, and share links carry the `.mod` texts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GATING_V } from "../src/protocol/mechanisms.js";
import { addModImports, isDeclared, modSuffix, modVariable } from "../src/session/mod-script.js";
import { applyEdit } from "../src/session/script-edits.js";
import { decodeSession } from "../src/session/share/codec.js";
import { createSession } from "../src/session/store.js";
import { canLoadNmodl } from "../src/workers/nmodl-adapter.js";
import { inProcessServices, TUTORIAL_SCRIPT, tutorialTopology } from "./helpers.js";

/** The L5PC model's 12 `.mod` files (test data in ../shared, never copied into the repository). */
const MOD_DIR = new URL("../../../../shared/mod/l5pc/", import.meta.url);
const MODS = readdirSync(MOD_DIR)
  .filter((n) => n.endsWith(".mod"))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, MOD_DIR), "utf8") }));

async function opened(script = TUTORIAL_SCRIPT) {
  const session = createSession(inProcessServices(), script);
  await session.actions.run();
  return { s: () => session.store.getState(), actions: session.actions };
}

const L5PC_SCRIPT = `import * as jx from "@dendrolab/core";
import { NaTs2_t, SK_E2, CaDynamics_E2 } from "@dendrolab/core/channels/l5pc";
const comp = new jx.Compartment();
const branch = new jx.Branch(comp, 2);
const cell = new jx.Cell(branch, [-1, 0]);
cell.insert(new NaTs2_t());
cell.branch(0).insert(new SK_E2());
cell.branch(0).insert(new CaDynamics_E2());
cell.set("celsius", 34);
cell.branch(0).comp(0).record("v");
const network = new jx.Network([cell]);
export default network;
`;

describe(".mod files in the script", () => {
  it("reads a file's SUFFIX, comments skipped", () => {
    expect(MODS.map((m) => modSuffix(m.text))).toEqual(MODS.map((m) => m.name.replace(/\.mod$/, "")));
    expect(modSuffix(": SUFFIX no\nCOMMENT\nSUFFIX nor\nENDCOMMENT\nNEURON { SUFFIX yes }")).toBe("yes");
    expect(modSuffix("NEURON { POINT_PROCESS x }")).toBeNull();
  });

  it("declares each file once, after the imports, named by its SUFFIX (renamed on a clash)", () => {
    const na = { name: "na.mod", text: "NEURON { SUFFIX Na }" };
    const r = addModImports(TUTORIAL_SCRIPT, [MODS[0], na]);
    const lines = r.script.split("\n");
    const lastImport = lines.map((l) => l.startsWith("import ")).lastIndexOf(true);
    expect(lines[lastImport]).toBe('import { mod } from "dendrolab:files";');
    expect(lines[lastImport + 1]).toBe('const CaDynamics_E2 = jx.loadNmodl(mod("CaDynamics_E2.mod"));');
    // The tutorial imports the built-in Na: the file's class becomes Na_mod.
    expect(lines[lastImport + 2]).toBe('const Na_mod = jx.loadNmodl(mod("na.mod"));');
    expect(r.variables).toEqual({ "CaDynamics_E2.mod": "CaDynamics_E2", "na.mod": "Na_mod" });
    expect(modVariable(r.script, "na.mod")).toBe("Na_mod");
    // Again: nothing changes.
    expect(addModImports(r.script, [MODS[0], na]).script).toBe(r.script);
  });

  it("adds the core namespace where the script lacks it, and knows declared names", () => {
    const r = addModImports("export default null;\n", [MODS[0]]);
    expect(r.script).toBe(
      'import * as jx from "@dendrolab/core";\nimport { mod } from "dendrolab:files";\nconst CaDynamics_E2 = jx.loadNmodl(mod("CaDynamics_E2.mod"));\nexport default null;\n',
    );
    expect(isDeclared(TUTORIAL_SCRIPT, "Leak")).toBe(true);
    expect(isDeclared(TUTORIAL_SCRIPT, "Lea")).toBe(false);
    expect(isDeclared('import { A as B } from "x";', "B")).toBe(true);
  });

  it("writes insert and delete lines, importing a built-in class the script lacks", () => {
    const topo = tutorialTopology();
    const ins = applyEdit(
      TUTORIAL_SCRIPT,
      {
        kind: "insert",
        target: { kind: "group", name: "fast_spiking" },
        mechanism: { kind: "module", module: "@dendrolab/core/channels/l5pc", exportName: "Ih" },
        name: "Ih",
      },
      topo,
    );
    expect(ins.lines).toEqual(['network.group("fast_spiking").insert(new Ih());']);
    expect(ins.script).toContain('import { Ih } from "@dendrolab/core/channels/l5pc";\n');
    expect(ins.label).toBe("Insert Ih");
    const del = applyEdit(
      TUTORIAL_SCRIPT,
      {
        kind: "delete",
        target: { kind: "nodes", nodes: [0, 1] },
        mechanism: { kind: "module", module: "@dendrolab/core/channels", exportName: "Leak" },
        name: "Leak",
      },
      topo,
    );
    expect(del.lines).toEqual(["network.cell(0).branch(0).delete(new Leak());"]);
    expect(del.script.match(/import \{[^}]*Leak/g)).toHaveLength(1); // already imported
    const mod = applyEdit(
      TUTORIAL_SCRIPT,
      {
        kind: "insert",
        target: { kind: "all" },
        mechanism: { kind: "file", ...{ file: "SK_E2.mod", text: MODS[10].text } },
        name: "SK_E2",
      },
      topo,
    );
    expect(mod.script).toContain('const SK_E2 = jx.loadNmodl(mod("SK_E2.mod"));');
    expect(mod.lines).toEqual(["network.insert(new SK_E2());"]);
  });
});

describe("the Mechanisms panel", () => {
  it("describes the model's mechanisms, with the curves of voltage-gated states at the model's celsius", async () => {
    const { s } = await opened(L5PC_SCRIPT);
    expect(s().run.status).toBe("ok");
    const report = s().mechanisms!;
    expect(report.celsius).toBe(34);
    expect(report.mechanisms.map((m) => m.name)).toEqual(["NaTs2_t", "SK_E2", "CaDynamics_E2"]);
    const [na, sk, cad] = report.mechanisms;
    expect(na.source).toEqual({ kind: "module", module: "@dendrolab/core/channels/l5pc", exportName: "NaTs2_t" });
    expect(na.inserted).toBe(4);
    expect(sk.inserted).toBe(2);
    expect(na.ions).toEqual([{ species: "na", read: ["ena"], write: ["ina"] }]);
    expect(na.params[0]).toMatchObject({ key: "NaTs2_t_gNaTs2_tbar", unit: "S/cm2", default: 0.00001 });
    expect(na.states.map((x) => x.key)).toEqual(["NaTs2_t_m", "NaTs2_t_h"]);
    expect(cad.states.map((x) => x.key)).toEqual(["cai"]);
    // SK_E2's z follows cai, CaDynamics_E2's cai follows ica: neither is voltage-gated.
    expect(sk.gates).toEqual([]);
    expect(cad.gates).toEqual([]);
    expect(na.gates.map((g) => g.state)).toEqual(["NaTs2_t_m", "NaTs2_t_h"]);
    // Against the closed form of the file's rates (m, at every 10 mV).
    const qt = 2.3 ** ((34 - 21) / 10);
    const m = na.gates[0];
    expect(m.inf).toHaveLength(GATING_V.length);
    for (let i = 5; i < GATING_V.length; i += 10) {
      const v = GATING_V[i];
      const a = (0.182 * (v + 32)) / (1 - Math.exp(-(v + 32) / 6));
      const b = (0.124 * (-v - 32)) / (1 - Math.exp(-(-v - 32) / 6));
      expect(m.inf[i]).toBeCloseTo(a / (a + b), 9);
      expect(m.tau[i] / (1 / (a + b) / qt)).toBeCloseTo(1, 6);
    }
  });

  it("inserts and removes a mechanism from the GUI, one undo step each", async () => {
    const { s, actions } = await opened();
    expect(s().mechanisms!.mechanisms.map((m) => m.name)).toEqual(["Na", "K", "Leak"]);
    const all = s().model!.summary.nComp;
    await actions.removeMechanism("Leak", { kind: "group", name: "fast_spiking" });
    expect(s().run.status).toBe("ok");
    expect(s().script).toContain('network.group("fast_spiking").delete(new Leak());');
    const fast = s().model!.summary.groups.find((g) => g.name === "fast_spiking")!.nodes.length;
    expect(s().mechanisms!.mechanisms.find((m) => m.name === "Leak")!.inserted).toBe(all - fast);
    await actions.insertMechanism("Leak", { kind: "all" });
    expect(s().script).toContain("network.insert(new Leak());");
    expect(s().mechanisms!.mechanisms.find((m) => m.name === "Leak")!.inserted).toBe(all);
    await actions.undo();
    expect(s().script).not.toContain("network.insert(new Leak());");
    // Nothing selected: the selection target says what to do and writes nothing.
    const before = s().script;
    expect(await actions.insertMechanism("Leak", { kind: "selection" })).toEqual([]);
    expect(s().script).toBe(before);
    expect(s().banner?.text).toMatch(/Select compartments/);
  });

  it("imports many .mod files as one undo step; each is declared and listed (or its problem shown)", async () => {
    const { s, actions } = await opened();
    const r = await actions.importFiles(MODS);
    expect(r).toEqual({ ok: true, names: MODS.map((m) => m.name) });
    for (const m of MODS) expect(s().script).toContain(`jx.loadNmodl(mod(${JSON.stringify(m.name)}))`);
    expect(s().history.present.label).toBe("Import 12 files");
    const report = s().mechanisms!;
    if (canLoadNmodl()) {
      expect(report.problems).toEqual([]);
      expect(report.mechanisms.filter((m) => m.source.kind === "file")).toHaveLength(12);
    } else {
      expect(report.problems.map((p) => p.file)).toEqual(MODS.map((m) => m.name));
      expect(report.problems[0].message).toMatch(/cannot read \.mod files/);
    }
    await actions.undo();
    expect(s().script).toBe(TUTORIAL_SCRIPT);
  });

  it("shows a broken .mod file's line and column", async () => {
    const { s, actions } = await opened();
    await actions.importFiles([{ name: "bad.mod", text: "NEURON {\n  SUFFIX bad\n  VERBATIM\n}\n" }]);
    const p = s().mechanisms!.problems[0];
    expect(p.file).toBe("bad.mod");
    expect(p.line).toBe(3);
    expect(p.column).toBeGreaterThan(0);
  });

  it("refuses files that are neither .mod nor .swc when several are dropped", async () => {
    const { s, actions } = await opened();
    const r = await actions.importFiles([MODS[0], { name: "notes.txt", text: "hello" }]);
    expect(r.ok).toBe(false);
    expect(s().banner?.text).toMatch(/"notes.txt" is neither/);
    expect(s().files).toEqual({});
  });
});

describe("share links with .mod files", () => {
  it("carry the mechanism texts, and name the files left out", async () => {
    const a = await opened();
    await a.actions.importFiles(MODS);
    const link = await a.actions.shareLink();
    expect(link.omittedFiles).toEqual([]);
    const doc = await decodeSession(link.hash);
    expect(doc.ok && doc.doc.files).toEqual(Object.fromEntries(MODS.map((m) => [m.name, m.text])));
    const b = await opened();
    expect(await b.actions.openLink(link.hash)).toBe(true);
    expect(b.s().files).toEqual(a.s().files);
    expect(b.s().script).toBe(a.s().script);

    // A large morphology does not fit: the .mod files still travel, the link names the SWC.
    const big = Array.from({ length: 3000 }, (_, i) => `${i + 1} 3 ${Math.random()} ${Math.random()} 0 1 ${i}`).join(
      "\n",
    );
    a.s().files["big.swc"] = big; // as if imported earlier
    a.actions.setScript(`${a.s().script}\n// reads files["big.swc"]\n`); // only files the script names are asked for
    const large = await a.actions.shareLink();
    expect(large.omittedFiles).toEqual(["big.swc"]);
    const doc2 = await decodeSession(large.hash);
    expect(doc2.ok && Object.keys(doc2.doc.files ?? {})).toEqual(MODS.map((m) => m.name));
    expect(doc2.ok && doc2.doc.missingFiles).toEqual(["big.swc"]);
    const c = await opened();
    expect(await c.actions.openLink(large.hash)).toBe(true);
    expect(c.s().banner?.text).toMatch(/leaves out the file "big.swc".*drop it on the page/);
    // Whoever has the file already keeps it, and is not asked for it.
    const d = await opened();
    await d.actions.importFiles([{ name: "big.swc", text: big }]);
    expect(await d.actions.openLink(large.hash)).toBe(true);
    expect(d.s().files["big.swc"]).toBe(big);
    expect(d.s().banner).toBeNull();
  });
});
