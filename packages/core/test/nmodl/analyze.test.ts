import { describe, expect, it } from "vitest";
import { analyzeNmodl } from "../../src/nmodl/analyze.js";
import { NmodlError } from "../../src/nmodl/errors.js";
import { modFiles, modText } from "./mod-files.js";
import { run } from "./run-flat.js";

function errorOf(text: string): NmodlError {
  try {
    analyzeNmodl(text);
  } catch (e) {
    if (e instanceof NmodlError) return e;
    throw e;
  }
  throw new Error("expected an NmodlError");
}

describe("analyzeNmodl on the public files", () => {
  const files = modFiles().filter((f) => f.name !== "kctin.mod");

  it.each(files.map((f) => [f.set, f.name, f.text] as const))(
    "%s/%s: every state has a cnexp linear form",
    (_s, _n, text) => {
      const m = analyzeNmodl(text);
      expect(m.derivative?.method).toBe("cnexp");
      expect([...m.derivative!.linear.keys()].sort()).toEqual(m.states.map((s) => s.name).sort());
      // A current, or (buffering mechanisms) an ion concentration integrated as a state.
      expect(m.currents.length + m.states.filter((s) => s.isState).length).toBeGreaterThan(0);
    },
  );

  it("kctin's KINETIC scheme is parsed but refused with advice (solving is for later)", () => {
    const e = errorOf(modText("more", "kctin.mod"));
    expect([e.construct, e.line, e.column]).toEqual(["KINETIC", 60, 1]);
    expect(e.message).toMatch(/DERIVATIVE block/);
  });

  it("CaDynamics_E2: reads ica, writes cai as a state, FARADAY with NEURON 8.2's value", () => {
    const m = analyzeNmodl(modText("l5pc", "CaDynamics_E2.mod"));
    expect(m.ions).toEqual([
      { name: "ca", valence: 2, read: [{ name: "ica", role: "current" }], write: [{ name: "cai", role: "inside" }] },
    ]);
    expect(m.states.map((s) => [s.name, s.kind, s.isState])).toEqual([["cai", "ion", true]]);
    expect(m.constants).toEqual({ FARADAY: 96485.33212331001 });
    expect(m.parameters.map((p) => [p.name, p.value, p.unit])).toEqual([
      ["gamma", 0.05, null],
      ["decay", 80, "ms"],
      ["depth", 0.1, "um"],
      ["minCai", 1e-4, "mM"],
    ]);
    // cai' = -(10000)*(ica*gamma/(2*F*depth)) - (cai - minCai)/decay, one cnexp step:
    const env = new Map([
      ["ica", -1e-3],
      ["gamma", 0.05],
      ["depth", 0.1],
      ["minCai", 1e-4],
      ["decay", 80],
      ["cai", 5e-5],
      ["dt", 0.025],
    ]);
    run(m.derivative!.body, env, m.derivative!.linear);
    const a = (-10000 * (-1e-3 * 0.05)) / (2 * 96485.33212331001 * 0.1) + 1e-4 / 80,
      b = -1 / 80;
    const exact = -a / b + (5e-5 + a / b) * Math.exp(b * 0.025);
    expect(env.get("cai")!).toBeCloseTo(exact, 15);
    expect(Math.abs(env.get("cai")! - exact) / exact).toBeLessThan(1e-13);
  });

  it("R = (k-mole) (joule/degC) is NEURON 8.2's gas constant; unknown unit constants are refused", () => {
    const head = "NEURON { SUFFIX x }\n";
    expect(
      analyzeNmodl(`${head}UNITS { R = (k-mole) (joule/degC) FARADAY = (faraday) (kilocoulombs) }`).constants,
    ).toEqual({ R: 8.31446261815324, FARADAY: 96.48533212331002 });
    const e = errorOf(`${head}UNITS {\n  Q = (quux) (coulomb)\n}`);
    expect([e.line, e.column, e.construct]).toEqual([3, 3, "UNITS"]);
    expect(e.message).toMatch(/write its value as a number/);
  });

  it("NaTs2_t: INITIAL inlines rates() and bumps v at -32 mV on its own copy of v", () => {
    const m = analyzeNmodl(modText("l5pc", "NaTs2_t.mod"));
    expect(m.builtinsRead).toEqual(["v"]);
    const env = run(m.initial, new Map([["v", -32]]));
    const v = -32 + 0.0001,
      qt = 2.3 ** ((34 - 21) / 10);
    const mAlpha = (0.182 * (v + 32)) / (1 - Math.exp(-(v + 32) / 6));
    const mBeta = (0.124 * (-v - 32)) / (1 - Math.exp(-(-v - 32) / 6));
    expect(env.get("m")).toBe(mAlpha / (mAlpha + mBeta));
    expect(env.get("mTau")).toBe(1 / (mAlpha + mBeta) / qt);
    expect(env.get("v")).toBe(v); // the mechanism's copy of v; the node's voltage is not this
  });

  it("Ca_LVAst: v = v + 10 ... v = v - 10 inside rates()", () => {
    const m = analyzeNmodl(modText("l5pc", "Ca_LVAst.mod"));
    const env = run(m.initial, new Map([["v", -65]]));
    expect(env.get("m")).toBe(1 / (1 + Math.exp((-65 + 10 + 30) / -6)));
    expect(env.get("v")).toBe(-65);
  });

  it("SK_E2: an argument is passed by value (rates(cai) does not change cai)", () => {
    const m = analyzeNmodl(modText("l5pc", "SK_E2.mod"));
    expect(m.ions.map((i) => [i.name, i.read.map((r) => r.name), i.write.map((w) => w.name)])).toEqual([
      ["k", ["ek"], ["ik"]],
      ["ca", ["cai"], []],
    ]);
    expect(m.parameters.map((p) => p.name)).toEqual(["gSK_E2bar", "zTau"]);
    const env = run(m.initial, new Map([["cai", 0]]));
    expect(env.get("cai")).toBe(0);
    expect(env.get("z")).toBe(1 / (1 + (0.00043 / 1e-7) ** 4.8));
  });

  it("cal_mig: FUNCTIONs (ghk, efun, KTF) inline to the GHK current", () => {
    const m = analyzeNmodl(modText("more", "cal_mig.mod"));
    expect(m.builtinsRead).toEqual(["v", "celsius"]);
    const v = -20,
      cai = 1e-4,
      cao = 2,
      celsius = 34,
      mm = 0.3;
    const env = new Map([
      ["v", v],
      ["cai", cai],
      ["cao", cao],
      ["celsius", celsius],
      ["m", mm],
      ["gcalbar", 0.003],
      ["ki", 0.001],
      ["USEGHK", 1],
      ["erev", 100],
    ]);
    run(m.breakpoint, env);
    const f = ((25 / 293.15) * (celsius + 273.15)) / 2,
      nu = v / f;
    const ghk = -f * (1 - (cai / cao) * Math.exp(nu)) * (nu / (Math.exp(nu) - 1));
    expect(env.get("ica")).toBe(0.003 * mm * mm * (0.001 / (0.001 + cai)) * ghk);
  });

  it("km: tadj, set in INITIAL and read in BREAKPOINT, must persist per instance", () => {
    const m = analyzeNmodl(modText("more", "km.mod"));
    expect(m.persistent).toEqual(["tadj"]);
    expect(analyzeNmodl(modText("l5pc", "Im.mod")).persistent).toEqual([]);
  });

  it("Ca_HVA: a RANGE name declared nowhere (gCa_HVA) is an implicit ASSIGNED, as in NEURON", () => {
    const m = analyzeNmodl(modText("l5pc", "Ca_HVA.mod"));
    expect(m.assigned.find((s) => s.name === "gCa_HVA")).toMatchObject({ implicit: true, range: true });
  });

  it("ka: TABLE statements are dropped (rates exact) and reported", () => {
    expect(analyzeNmodl(modText("more", "ka.mod")).hadTables).toBe(true);
    expect(analyzeNmodl(modText("l5pc", "Ih.mod")).hadTables).toBe(false);
  });
});

describe("analyzeNmodl errors", () => {
  const mech = (body: string) =>
    `NEURON {\n  SUFFIX x\n  NONSPECIFIC_CURRENT i\n}\nPARAMETER { g = 1 }\nASSIGNED { i (mA/cm2) minf tau }\n` +
    `STATE { m }\nBREAKPOINT {\n  SOLVE states METHOD cnexp\n  i = g * m * v\n}\n${body}`;
  const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

  it("a STATE assigned in BREAKPOINT outside the SOLVE is refused at the assignment (in an if too)", () => {
    for (const stmt of ["m = 0.5", "if (v > 0) { m = 0.5 }"]) {
      const text = mech("DERIVATIVE states {\n  m' = -m\n}").replace("  i = g * m * v", `  ${stmt}\n  i = g * m * v`);
      const e = errorOf(text);
      expect([e.construct, e.line]).toEqual(["STATE", lineOf(text, stmt)]);
      expect(e.message).toMatch(/BREAKPOINT assigns the STATE m outside its SOLVE.*SOLVE name/);
    }
  });

  it("SOLVE of a PROCEDURE: explicit updates; with a METHOD or arguments it is refused", () => {
    const text = mech("PROCEDURE states() {\n  m = m + 0.1 * (1 - m)\n}");
    const procedure = text.replace("SOLVE states METHOD cnexp", "SOLVE states");
    expect(analyzeNmodl(procedure).derivative?.method).toBe("procedure");
    expect(errorOf(text).message).toMatch(/states is a PROCEDURE, which is solved without a METHOD/);
    const args = procedure.replace("PROCEDURE states()", "PROCEDURE states(x)");
    expect(errorOf(args).message).toMatch(/takes no arguments; states has 1/);
  });

  it("a cnexp equation not linear in its state suggests derivimplicit", () => {
    const text = mech("DERIVATIVE states {\n  m' = -m * m\n}");
    const e = errorOf(text);
    expect([e.construct, e.line, e.column]).toEqual(["cnexp", lineOf(text, "m' ="), 3]);
    expect(e.message).toMatch(/not linear in m.*METHOD derivimplicit/);
    expect(() => analyzeNmodl(text.replace("cnexp", "derivimplicit"))).not.toThrow();
  });

  it("linear through a local and a conditional term free of the state", () => {
    const m = analyzeNmodl(
      mech(
        "DERIVATIVE states {\n  LOCAL k\n  if (v > 0) { tau = 2 } else { tau = 3 }\n  k = (1 - m) / tau\n  m' = k\n}",
      ),
    );
    const form = m.derivative!.linear.get("m")!;
    expect(form).toBeDefined();
    const env = run(
      m.derivative!.body,
      new Map([
        ["v", 1],
        ["m", 0.5],
        ["dt", 0.1],
      ]),
      m.derivative!.linear,
    );
    expect(env.get("m")).toBeCloseTo(1 - 0.5 * Math.exp(-0.1 / 2), 14);
  });

  it("a state-dependent value assigned inside an if is not cnexp-linear", () => {
    const e = errorOf(mech("DERIVATIVE states {\n  if (v > 0) { minf = m } else { minf = 0 }\n  m' = minf\n}"));
    expect(e.construct).toBe("cnexp");
  });

  it("unknown names come with the nearest declared name", () => {
    const text = mech("DERIVATIVE states {\n  m' = (minff - m) / tau\n}");
    const e = errorOf(text);
    expect([e.line, e.column]).toEqual([lineOf(text, "minff"), 9]);
    expect(e.message).toMatch(/unknown name "minff". Did you mean "minf"\?/);
  });

  it("assigning a PARAMETER, a wrong arity, recursion, a PROCEDURE used as a value", () => {
    expect(errorOf(mech("DERIVATIVE states {\n  g = 2\n  m' = -m\n}")).message).toMatch(
      /cannot assign to "g": it is a PARAMETER/,
    );
    expect(errorOf(mech("PROCEDURE r(x) { minf = x }\nDERIVATIVE states {\n  r(1, 2)\n  m' = -m\n}")).message).toMatch(
      /r takes 1 argument \(x\), got 2/,
    );
    expect(errorOf(mech("FUNCTION f(x) { f = f(x) }\nDERIVATIVE states {\n  m' = -m * f(1)\n}")).construct).toBe(
      "recursion",
    );
    expect(errorOf(mech("PROCEDURE r() { minf = 1 }\nDERIVATIVE states {\n  m' = r()\n}")).message).toMatch(
      /PROCEDURE r has no value/,
    );
  });

  it("calls that fan out exponentially are refused, not inlined forever", () => {
    const fns = Array.from({ length: 30 }, (_, k) => `FUNCTION f${k}(x) { f${k} = f${k + 1}(x) + f${k + 1}(x) }`).join(
      "\n",
    );
    const e = errorOf(mech(`${fns}\nFUNCTION f30(x) { f30 = x }\nDERIVATIVE states {\n  m' = -m * f0(1)\n}`));
    expect(e.construct).toBe("inlining");
  });

  it("an ion variable that is only READ cannot be assigned; a missing SUFFIX is named", () => {
    const text = "NEURON {\n  SUFFIX x\n  USEION k READ ek, ik\n}\nBREAKPOINT {\n  ik = 1\n}";
    expect(errorOf(text).message).toMatch(/line 6, column 3: cannot assign to "ik": ion k is only READ/);
    expect(errorOf("PARAMETER { g = 1 }").message).toMatch(/needs a NEURON block with a SUFFIX/);
    expect(errorOf("NEURON {\n  SUFFIX x\n  USEION na READ ek\n}").message).toMatch(
      /"ek" is not a variable of ion na; its variables are ena, nai, nao, ina/,
    );
  });
});
