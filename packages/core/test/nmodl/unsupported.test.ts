import { describe, expect, it } from "vitest";
import { NmodlError } from "../../src/nmodl/errors.js";
import { parseNmodl } from "../../src/nmodl/parser.js";
import { modText } from "./mod-files.js";

function errorOf(text: string): NmodlError {
  try {
    parseNmodl(text);
  } catch (e) {
    if (e instanceof NmodlError) return e;
    throw e;
  }
  throw new Error("expected an NmodlError");
}

const HEAD = "NEURON {\n  SUFFIX x\n}\n"; // three lines

/** [construct, text, line, column, words the advice must contain] */
const CASES: [string, string, number, number, RegExp][] = [
  ["VERBATIM", `${HEAD}INITIAL {\n  VERBATIM\n  x = 1;\n  ENDVERBATIM\n}`, 5, 3, /rewrite the VERBATIM block as NMODL/],
  ["VERBATIM", `${HEAD}VERBATIM\n#include <stdio.h>\nENDVERBATIM\n`, 4, 1, /C code/],
  ["POINTER", "NEURON {\n  SUFFIX x\n  POINTER p\n}", 3, 3, /PARAMETER/],
  ["BBCOREPOINTER", "NEURON {\n  SUFFIX x\n    BBCOREPOINTER rng\n}", 3, 5, /BBCOREPOINTER/],
  ["FUNCTION_TABLE", `${HEAD}FUNCTION_TABLE tau1(v(mV)) (ms)\n`, 4, 1, /FUNCTION with an expression/],
  ["NET_RECEIVE", `${HEAD}NET_RECEIVE(weight (uS)) {\n  g = g + weight\n}`, 4, 1, /later release/],
  ["POINT_PROCESS", "NEURON {\n  POINT_PROCESS ExpSyn\n}", 2, 3, /later release/],
  ["LINEAR", `${HEAD}LINEAR lin {\n  ~ a + b = 1\n}`, 4, 1, /solve the equations by hand/],
  ["NONLINEAR", `${HEAD}\nNONLINEAR nl {\n}`, 5, 1, /solve the equations by hand/],
  ["WATCH", `${HEAD}INITIAL {\n  WATCH (v > -20) 1\n}`, 5, 3, /event-driven/],
  ["FOR_NETCONS", `${HEAD}INITIAL {\n  FOR_NETCONS(w) { w = 1 }\n}`, 5, 3, /event-driven/],
  ["ELECTRODE_CURRENT", "NEURON {\n  SUFFIX x\n  ELECTRODE_CURRENT i\n}", 3, 3, /stimulus/],
  ["array", `${HEAD}STATE {\n  c[4] (mM)\n}`, 5, 4, /one scalar per element/],
  ["while", `${HEAD}INITIAL {\n  while (x < 1) { x = x + 1 }\n}`, 5, 3, /loops/],
  ["INCLUDE", `${HEAD}INCLUDE "other.inc"\n`, 4, 1, /paste/],
];

describe("unsupported constructs", () => {
  it.each(CASES)("%s gives an NmodlError with line, column and advice", (construct, text, line, column, advice) => {
    const e = errorOf(text);
    expect(e.construct).toBe(construct);
    expect([e.line, e.column]).toEqual([line, column]);
    expect(e.code).toBe("NMODL");
    expect(e.message).toMatch(new RegExp(`^line ${line}, column ${column}: `));
    expect(e.message).toMatch(advice);
  });

  it("a VERBATIM block added to a real file is found where it was added", () => {
    const lines = modText("l5pc", "SK_E2.mod").split("\n");
    const at = lines.findIndex((l) => l.startsWith("INITIAL"));
    lines.splice(at + 1, 0, "\tVERBATIM", "\treturn 0;", "\tENDVERBATIM");
    const e = errorOf(lines.join("\n"));
    expect([e.construct, e.line, e.column]).toEqual(["VERBATIM", at + 2, 2]);
  });

  it("COMMENT blocks may mention unsupported words", () => {
    expect(() => parseNmodl(`COMMENT\nVERBATIM NET_RECEIVE POINTER\nENDCOMMENT\n${HEAD}`)).not.toThrow();
  });
});
