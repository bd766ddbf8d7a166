/**
 * exportNeuron without NEURON: the files it writes, and the clear errors (before any
 * file) for what NEURON cannot take.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import * as jx from "../../src/index.js";
import { HH, Leak } from "../../src/channels.js";
import { loadNmodl } from "../../src/nmodl/load.js";
import { IonotropicSynapse } from "../../src/synapses.js";
import { modText } from "../nmodl/mod-files.js";

function cell(): jx.Cell {
  const c = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0, 0]);
  c.insert(new HH());
  c.branch(0).comp(0).record("v");
  return c;
}

/** The error exportNeuron throws (it must throw). */
function errorOf(f: () => unknown): jx.DendrolabError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(jx.DendrolabError);
    return e as jx.DendrolabError;
  }
  throw new Error("exportNeuron did not throw");
}

describe("exportNeuron: the files", () => {
  it("is typed: a module or view, { tMax, deltaT?, solver? } -> { files, main }", () => {
    expectTypeOf(jx.exportNeuron).parameter(0).toEqualTypeOf<jx.View>();
    expectTypeOf(jx.exportNeuron).parameter(1).toEqualTypeOf<jx.ExportNeuronOptions>();
    expectTypeOf(jx.exportNeuron).returns.toEqualTypeOf<{ files: Record<string, string>; main: string }>();
    expectTypeOf<jx.ExportNeuronOptions["solver"]>().toEqualTypeOf<jx.SolverName | undefined>();
  });

  it("writes model.py (main), model.json, README.md and one .mod per mechanism", () => {
    const net = new jx.Network([cell(), cell()]);
    jx.connect(net.cell(0).branch(0).comp(0), net.cell(1).branch(1).comp(1), new IonotropicSynapse());
    const { files, main } = jx.exportNeuron(net, { tMax: 5, deltaT: 0.025 });
    expect(main).toBe("model.py");
    expect(Object.keys(files).sort()).toEqual([
      "README.md",
      "mechanisms/HH.mod",
      "mechanisms/IonotropicSynapse.mod",
      "model.json",
      "model.py",
    ]);
    expect(files["model.py"]).toContain("pc.source_var(");
    expect(files["model.py"]).toContain("pc.target_var(");
    expect(files["README.md"]).toContain("mpiexec -n 16 nrniv -mpi -python model.py");
    const hh = files["mechanisms/HH.mod"];
    expect(hh).toContain("SUFFIX HH");
    expect(hh).toContain("SOLVE dl_cnexp METHOD cnexp");
    expect(hh).toContain("FUNCTION dl_vtrap(x, y)");
    expect(hh).toContain("m' = dlr_m_a * (1 - m) - dlr_m_b * m");
    expect(files["mechanisms/IonotropicSynapse.mod"]).toContain("POINT_PROCESS IonotropicSynapse");
    const model = JSON.parse(files["model.json"]);
    expect(model.nSteps).toBe(200);
    expect(model.secondorder).toBe(0);
    expect(model.cells).toHaveLength(2);
    expect(model.cells[1][1]).toMatchObject({ parent: 0, parentX: 1, nseg: 2, L: 20, diam: [2, 2], Ra: 5000 });
    expect(model.synapses).toEqual([
      expect.objectContaining({ type: "IonotropicSynapse", pre: [0, 0, 0.25], post: [1, 1, 0.75], source: 0 }),
    ]);
    expect(model.recordings).toEqual([
      { kind: "segment", at: [0, 0, 0.25], variable: "v", label: "cell0_branch0(0.25).v" },
      { kind: "segment", at: [1, 0, 0.25], variable: "v", label: "cell1_branch0(0.25).v" }, // copied with the cell
    ]);
  });

  it("a mechanism named like one of NEURON's gets _dl in NEURON (the L5PC's pas)", () => {
    const Pas = jx.defineChannel({
      name: "pas",
      params: { g: 1e-4, e: -70 },
      states: {},
      gates: {},
      current: "g * (v - e)",
    });
    const c = cell();
    c.insert(new Pas());
    const { files } = jx.exportNeuron(c, { tMax: 1 });
    expect(files["mechanisms/pas_dl.mod"]).toContain("SUFFIX pas_dl");
    expect(files["mechanisms/pas_dl.mod"]).toContain("e_dl = -70"); // a parameter named like an NMODL word, too
    expect(JSON.parse(files["model.json"]).mechanisms).toEqual(["HH", "pas_dl"]);
  });

  it("Crank-Nicolson is NEURON's secondorder 2; a mechanism on part of a section is switched off elsewhere", () => {
    const c = cell();
    c.branch(1).comp(0).insert(new Leak());
    const model = JSON.parse(jx.exportNeuron(c, { tMax: 1, solver: "crank_nicolson" }).files["model.json"]);
    expect(model.secondorder).toBe(2);
    expect(model.cells[0][1].mechanisms[1]).toMatchObject({ suffix: "Leak", values: { present: [1, 0] } });
  });
});

describe("exportNeuron: what NEURON cannot take is a clear error, before any file", () => {
  it("a mechanism calling a function without an NMODL form names the mechanism, the part and the function", () => {
    const Odd = jx.defineChannel({
      name: "Odd",
      params: { g: 0.001 },
      states: {},
      gates: {},
      current: "g * efun_d1(v / 10) * (v + 70)",
    });
    const c = cell();
    c.insert(new Odd());
    const e = errorOf(() => jx.exportNeuron(c, { tMax: 1 }));
    expect(e.code).toBe("NOT_EXPORTABLE");
    expect(e.message).toMatch(/channel "Odd", current calls efun_d1\(\), which has no NMODL form/);
  });

  it("a clamp of a gate state names the state and the compartment", () => {
    const c = cell();
    c.branch(2).comp(1).clamp("HH_m", new Float64Array(41).fill(0.1));
    const e = errorOf(() => jx.exportNeuron(c, { tMax: 1 }));
    expect(e.code).toBe("NOT_EXPORTABLE");
    expect(e.message).toContain("a clamp of compartment 5's (cell0_branch2(0.75)) state HH_m");
    expect(e.message).toContain('the export holds only voltages in NEURON; remove the clamp or clamp "v"');
  });

  it("forward Euler, a temperature that varies, Ra varying within a branch", () => {
    expect(errorOf(() => jx.exportNeuron(cell(), { tMax: 1, solver: "fwd_euler" })).message).toContain(
      'solver "fwd_euler": NEURON has no forward Euler',
    );
    const warm = cell();
    warm.branch(1).set("celsius", 20);
    expect(errorOf(() => jx.exportNeuron(warm, { tMax: 1 })).message).toContain(
      "celsius is 6.3 at compartment 0 but 20 at compartment 2 (cell0_branch1(0.25)); NEURON has one temperature",
    );
    const ra = cell();
    ra.branch(2).comp(0).set("axial_resistivity", 100);
    expect(errorOf(() => jx.exportNeuron(ra, { tMax: 1 })).message).toContain(
      "cell 0, branch 2: axial_resistivity differs between its compartments; NEURON has one Ra per section",
    );
  });

  it("an imported .mod file in part of a branch, and a GLOBAL with two values", () => {
    const SK = loadNmodl(modText("l5pc", "SK_E2.mod"));
    const c = cell();
    c.branch(1).comp(1).insert(new SK());
    expect(errorOf(() => jx.exportNeuron(c, { tMax: 1 })).message).toContain(
      "cell 0, branch 1: the imported mechanism SK_E2 is in some of its compartments only",
    );
    const g = cell();
    g.insert(new SK()); // zTau is a PARAMETER not declared RANGE: a GLOBAL in NEURON
    g.branch(1).set("SK_E2_zTau", 2);
    expect(errorOf(() => jx.exportNeuron(g, { tMax: 1 })).message).toContain(
      "SK_E2_zTau is 1 at compartment 0 but 2 at compartment 2; it is a GLOBAL of SK_E2.mod",
    );
    const same = cell();
    same.insert(new SK());
    same.set("SK_E2_zTau", 3);
    expect(JSON.parse(jx.exportNeuron(same, { tMax: 1 }).files["model.json"]).globals).toEqual({ zTau_SK_E2: 3 });
  });

  it("bad options", () => {
    expect(errorOf(() => jx.exportNeuron(cell(), { tMax: 0 })).message).toContain("tMax must be a number of ms");
    expect(errorOf(() => jx.exportNeuron(cell(), { tMax: 1, solver: "rk4" as never })).code).toBe("UNKNOWN_NAME");
  });
});
