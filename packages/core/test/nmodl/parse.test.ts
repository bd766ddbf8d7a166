import { describe, expect, it } from "vitest";
import type {
  Block,
  CallableBlock,
  DeclarationBlock,
  Expr,
  NamedBlock,
  NeuronBlock,
  NmodlFile,
  Stmt,
} from "../../src/nmodl/ast.js";
import { NmodlError } from "../../src/nmodl/errors.js";
import { parseNmodl } from "../../src/nmodl/parser.js";
import { DendrolabError } from "../../src/errors.js";
import { modFiles, modText } from "./mod-files.js";

const blocks = <K extends Block["kind"]>(f: NmodlFile, kind: K) =>
  f.blocks.filter((b): b is Block & { kind: K } => b.kind === kind);
const one = <K extends Block["kind"]>(f: NmodlFile, kind: K) => {
  const bs = blocks(f, kind);
  expect(bs).toHaveLength(1);
  return bs[0];
};
const decls = (f: NmodlFile, kind: DeclarationBlock["kind"]) =>
  blocks(f, kind).flatMap((b) => (b as DeclarationBlock).declarations);

/** An expression printed back in fully parenthesised form, to compare structure. */
function show(e: Expr): string {
  switch (e.kind) {
    case "num":
      return e.unit ? `${e.value}(${e.unit})` : String(e.value);
    case "name":
      return e.name;
    case "call":
      return `${e.name}(${e.args.map(show).join(", ")})`;
    case "unary":
      return `(${e.op}${show(e.arg)})`;
    case "binary":
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
  }
}

describe("parseNmodl on the public files", () => {
  const files = modFiles();

  it("finds the 12 L5PC files and the 13 more", () => {
    expect(files.filter((f) => f.set === "l5pc")).toHaveLength(12);
    expect(files.filter((f) => f.set === "more")).toHaveLength(13);
  });

  it.each(files.map((f) => [f.set, f.name, f.text] as const))("parses %s/%s with a SUFFIX", (_set, _name, text) => {
    const f = parseNmodl(text);
    const neuron = one(f, "neuron");
    expect(neuron.suffix).toMatch(/^[A-Za-z_]\w*$/);
  });

  it("NaTs2_t: suffix, ion, parameters, states, derivative equations", () => {
    const f = parseNmodl(modText("l5pc", "NaTs2_t.mod"));
    const neuron = one(f, "neuron") as NeuronBlock;
    expect(neuron.suffix).toBe("NaTs2_t");
    expect(neuron.suffixPos).toEqual({ line: 5, column: 9 });
    expect(neuron.ions).toEqual([
      { name: "na", read: ["ena"], write: ["ina"], valence: null, pos: { line: 6, column: 2 } },
    ]);
    expect(neuron.range).toEqual(["gNaTs2_tbar", "gNaTs2_t", "ina"]);
    expect(decls(f, "parameter")).toEqual([
      { name: "gNaTs2_tbar", value: 0.00001, unit: "S/cm2", limits: null, range: null, pos: { line: 17, column: 2 } },
    ]);
    expect(decls(f, "state").map((d) => d.name)).toEqual(["m", "h"]);
    expect(decls(f, "assigned").find((d) => d.name === "ina")?.unit).toBe("mA/cm2");
    const deriv = one(f, "derivative") as NamedBlock;
    expect(deriv.name).toBe("states");
    expect(deriv.body.map((s) => s.kind)).toEqual(["call", "assign", "assign"]);
    const eq = deriv.body[1] as Extract<Stmt, { kind: "assign" }>;
    expect(eq.target).toBe("m");
    expect(eq.prime).toBe(true);
    expect(show(eq.value)).toBe("((mInf - m) / mTau)");
    expect(eq.pos).toEqual({ line: 48, column: 2 });
    const bp = one(f, "breakpoint");
    expect(bp.body[0]).toMatchObject({ kind: "solve", block: "states", method: "cnexp", steadystate: false });
    const rates = one(f, "procedure") as CallableBlock;
    expect(rates.name).toBe("rates");
    expect(rates.args).toEqual([]);
    expect(rates.body[0]).toMatchObject({ kind: "local", names: ["qt"] });
    expect(show((rates.body[1] as Extract<Stmt, { kind: "assign" }>).value)).toBe("(2.3 ^ ((34 - 21) / 10))");
    // UNITSOFF, then `if (v == -32) { v = v + 0.0001 }` assigning v as NEURON allows.
    expect(rates.body[2]).toMatchObject({ kind: "unitsflag", on: false });
    const cond = rates.body[3] as Extract<Stmt, { kind: "if" }>;
    expect(show(cond.cond)).toBe("(v == (-32))");
    expect(cond.then[0]).toMatchObject({ kind: "assign", target: "v", prime: false });
    expect(cond.else).toBeNull();
  });

  it("SK_E2: two ions, PARAMETER with v/ek/cai, STATE FROM TO, a procedure argument with unit", () => {
    const f = parseNmodl(modText("l5pc", "SK_E2.mod"));
    const neuron = one(f, "neuron") as NeuronBlock;
    expect(neuron.ions.map((i) => [i.name, i.read, i.write])).toEqual([
      ["k", ["ek"], ["ik"]],
      ["ca", ["cai"], []],
    ]);
    const ps = decls(f, "parameter");
    expect(ps.map((d) => [d.name, d.value, d.unit])).toEqual([
      ["v", null, "mV"],
      ["gSK_E2bar", 0.000001, "mho/cm2"],
      ["zTau", 1, "ms"],
      ["ek", null, "mV"],
      ["cai", null, "mM"],
    ]);
    expect(decls(f, "state")).toEqual([
      { name: "z", value: null, unit: null, limits: null, range: [0, 1], pos: { line: 32, column: 7 } },
    ]);
    const rates = one(f, "procedure") as CallableBlock;
    expect(rates.args).toEqual([{ name: "ca", unit: "mM", pos: { line: 46, column: 17 } }]);
    expect(show((rates.body[1] as Extract<Stmt, { kind: "assign" }>).value)).toBe("(1 / (1 + ((0.00043 / ca) ^ 4.8)))");
  });

  it("CaDynamics_E2: READ ica WRITE cai, FARADAY from the unit library, a concentration state", () => {
    const f = parseNmodl(modText("l5pc", "CaDynamics_E2.mod"));
    expect((one(f, "neuron") as NeuronBlock).ions[0]).toMatchObject({ name: "ca", read: ["ica"], write: ["cai"] });
    const units = one(f, "units");
    expect(units.entries).toContainEqual({
      kind: "factor",
      name: "FARADAY",
      from: "faraday",
      to: "coulombs",
      pos: { line: 13, column: 2 },
    });
    expect(units.entries).toContainEqual({
      kind: "unitdef",
      name: "mV",
      definition: "millivolt",
      pos: { line: 11, column: 2 },
    });
    const eq = (one(f, "derivative") as NamedBlock).body[0] as Extract<Stmt, { kind: "assign" }>;
    expect(eq.target).toBe("cai");
    expect(show(eq.value)).toBe("(((-10000) * ((ica * gamma) / ((2 * FARADAY) * depth))) - ((cai - minCai) / decay))");
  });

  it("K_Pst: if/else, and ^ binds tighter than unary minus", () => {
    const f = parseNmodl(modText("l5pc", "K_Pst.mod"));
    const body = (one(f, "procedure") as CallableBlock).body;
    const cond = body.find((s) => s.kind === "if") as Extract<Stmt, { kind: "if" }>;
    expect(show(cond.cond)).toBe("(v < (-50))");
    expect(cond.else).toHaveLength(1);
    const hTau = body.find((s) => s.kind === "assign" && s.target === "hTau") as Extract<Stmt, { kind: "assign" }>;
    expect(show(hTau.value)).toContain("exp((-(((v + 75) / 48) ^ 2)))");
  });

  it("cal_mig: FUNCTIONs with unit arguments and return units, GLOBAL, constants in UNITS", () => {
    const f = parseNmodl(modText("more", "cal_mig.mod"));
    const fns = blocks(f, "function");
    expect(fns.map((b) => b.name)).toEqual(["h2", "ghk", "KTF", "efun", "alp", "bet", "alpmt", "betmt"]);
    const ghk = fns[1];
    expect(ghk.args.map((a) => [a.name, a.unit])).toEqual([
      ["v", "mV"],
      ["ci", "mM"],
      ["co", "mM"],
    ]);
    expect(ghk.unit).toBe("mV");
    expect((one(f, "neuron") as NeuronBlock).global).toEqual(["USEGHK"]);
    expect(one(f, "units").entries).toContainEqual({
      kind: "value",
      name: "R",
      value: 8.3134,
      unit: "joule/degC",
      pos: { line: 18, column: 3 },
    });
  });

  it("ka: TABLE with FROM TO WITH; INDEPENDENT is accepted", () => {
    const f = parseNmodl(modText("more", "ka.mod"));
    expect(blocks(f, "independent")).toHaveLength(1);
    const table = (one(f, "procedure") as CallableBlock).body[0];
    expect(table).toMatchObject({ kind: "table", names: ["minf", "hinf", "mtau", "htau"], depend: [], with: 641 });
  });

  it("kctin: KINETIC reactions and CONSERVE; a number with a unit in an expression", () => {
    const f = parseNmodl(modText("more", "kctin.mod"));
    const kin = one(f, "kinetic") as NamedBlock;
    expect(kin.body.map((s) => s.kind)).toEqual(["call", "reaction", "reaction", "reaction", "conserve"]);
    const r = kin.body[1] as Extract<Stmt, { kind: "reaction" }>;
    expect(r.left.map((x) => x.name)).toEqual(["cst"]);
    expect(r.right.map((x) => x.name)).toEqual(["ost"]);
    expect(r.rates.map(show)).toEqual(["k3", "k4"]);
    expect(one(f, "initial").body[0]).toMatchObject({
      kind: "solve",
      block: "kin",
      method: "sparse",
      steadystate: true,
    });
    const k3 = blocks(f, "procedure")[0].body.find((s) => s.kind === "assign" && s.target === "k3") as Extract<
      Stmt,
      { kind: "assign" }
    >;
    expect(show(k3.value)).toContain("(cai * 1(/mM))");
  });

  it("CA1ina: statements without separators on one line", () => {
    const f = parseNmodl(modText("more", "CA1ina.mod"));
    const iassign = blocks(f, "procedure").find((p) => p.name === "iassign")!;
    expect(iassign.body.map((s) => (s.kind === "assign" ? s.target : s.kind))).toEqual(["i", "ina"]);
  });
});

describe("parseNmodl syntax errors", () => {
  const fails = (text: string) => {
    try {
      parseNmodl(text);
    } catch (e) {
      expect(e).toBeInstanceOf(NmodlError);
      expect(e).toBeInstanceOf(DendrolabError);
      expect((e as NmodlError).code).toBe("NMODL");
      return e as NmodlError;
    }
    throw new Error("expected an NmodlError");
  };

  it("names line and column of an unexpected token", () => {
    const e = fails("NEURON { SUFFIX x }\nBREAKPOINT {\n  i = 2 * * v\n}");
    expect([e.line, e.column, e.construct]).toEqual([3, 11, "syntax"]);
    expect(e.message).toMatch(/^line 3, column 11: expected a number, a name, a function call or "\(", found "\*"/);
  });

  it("an unclosed block names where it was opened", () => {
    const e = fails("NEURON { SUFFIX x }\nINITIAL {\n  m = 1\n");
    expect(e.message).toContain(`INITIAL opened with "{" at line 2, column 9 is not closed`);
  });

  it("an unterminated COMMENT, a stray else, a missing = ", () => {
    expect(fails("COMMENT\nhello").message).toMatch(/^line 1, column 1: COMMENT without ENDCOMMENT/);
    expect(fails("INITIAL { else { } }").message).toMatch(/"else" without a matching "if"/);
    expect(fails("INITIAL { m 1 }").message).toMatch(/line 1, column 13: expected "=" after "m"/);
  });

  it("refuses nesting too deep instead of overflowing the stack", () => {
    const e = fails(`INITIAL { x = ${"(".repeat(5000)}1${")".repeat(5000)} }`);
    expect(e.message).toMatch(/nesting deeper than/);
  });
});
