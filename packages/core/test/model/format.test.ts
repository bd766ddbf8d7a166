/** One pandas-style rule for printing table values (Table.toString and the IDE's table). */
import { describe, expect, it } from "vitest";
import { Branch, Cell, Compartment } from "../../src/index.js";
import { FORMAT_PRECISION, formatValue, isIntegerColumn } from "../../src/model/format.js";

describe("formatValue", () => {
  it("prints floats with 6 significant digits, like pandas", () => {
    expect(FORMAT_PRECISION).toBe(6);
    expect(formatValue(0.30000000000000004)).toBe("0.3");
    expect(formatValue(1 / 3)).toBe("0.333333");
    expect(formatValue(2 / 3)).toBe("0.666667");
    expect(formatValue(123456.789)).toBe("123457");
    expect(formatValue(-0.0123456789)).toBe("-0.0123457");
    expect(formatValue(1234567.5)).toBe("1.23457e+6");
  });

  it("keeps a decimal point on whole floats, not on integer columns", () => {
    expect(formatValue(10)).toBe("10.0");
    expect(formatValue(-2)).toBe("-2.0");
    expect(formatValue(0)).toBe("0.0");
    expect(formatValue(3, true)).toBe("3");
  });

  it("writes very small and very large values in exponent form, 6 significant digits, no trailing zeros", () => {
    expect(formatValue(1e-5)).toBe("1e-5");
    expect(formatValue(1.23456789e-5)).toBe("1.23457e-5");
    expect(formatValue(-2.5e-7)).toBe("-2.5e-7");
    expect(formatValue(1e-4)).toBe("0.0001");
    expect(formatValue(3e20)).toBe("3e+20");
  });

  it("booleans, strings, NaN and infinities", () => {
    expect(formatValue(true)).toBe("True");
    expect(formatValue(false)).toBe("False");
    expect(formatValue("HH")).toBe("HH");
    expect(formatValue(NaN)).toBe("NaN");
    expect(formatValue(Infinity)).toBe("Infinity");
  });

  it("knows the index columns", () => {
    for (const c of ["global_comp_index", "local_cell_index", "index_within_type", "type_ind"])
      expect(isIntegerColumn(c)).toBe(true);
    for (const c of ["radius", "HH_gNa", "index"]) expect(isIntegerColumn(c)).toBe(false);
  });

  it("is the rule Table.toString() prints with", () => {
    const cell = new Cell(new Branch(new Compartment(), 2), [-1]);
    cell.set("radius", 1 / 3);
    const text = cell.view.toString();
    expect(text).toContain("0.333333");
    expect(text).not.toContain("0.3333333");
  });
});
