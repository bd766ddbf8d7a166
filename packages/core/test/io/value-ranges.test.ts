/**
 * A serialised model obeys the rules of `set`: a forged document (a share link or a file)
 * cannot carry values that `set` refuses (issue 12, point 11).
 */
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { HH } from "../../src/channels.js";
import { IonotropicSynapse } from "../../src/synapses.js";
import { deserializeModel, serializeModel } from "../../src/io/index.js";
import { decodeColumn, encodeColumn } from "../../src/io/encode.js";

function twoCells() {
  const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0]);
  const net = new jx.Network([cell, cell]);
  net.cell(0).branch(0).insert(new HH());
  jx.connect(net.cell(0).branch(0).comp(0), net.cell(1).branch(0).comp(0), new IonotropicSynapse());
  return net;
}

/** The model as JSON with one compartment's value of `column` replaced. */
function forged(column: string, index: number, value: number) {
  const doc = JSON.parse(JSON.stringify(serializeModel(twoCells())));
  const values = decodeColumn(doc.columns[column], 8, column);
  values[index] = value;
  doc.columns[column] = JSON.parse(JSON.stringify(encodeColumn(values)));
  return doc;
}

describe("deserializeModel refuses values that set() refuses", () => {
  it("keeps a valid model", () => {
    expect(() => deserializeModel(JSON.parse(JSON.stringify(serializeModel(twoCells()))))).not.toThrow();
  });

  it.each([
    [
      "radius",
      3,
      1e-30,
      /model\.columns\.radius\[3\] should be between 0\.001 and 10000 \(a radius \(um\)\); got 1e-30/,
    ],
    ["length", 0, 1e-300, /model\.columns\.length\[0\]/],
    ["HH_m", 1, -1e10, /model\.columns\.HH_m\[1\] should be .*gating state.*got -10000000000/],
    ["HH_gNa", 0, -0.12, /model\.columns\.HH_gNa\[0\]/],
    ["v", 5, 1e6, /model\.columns\.v\[5\]/],
  ])("refuses %s = %s, naming where", (key, index, value, message) => {
    expect(() => deserializeModel(forged(key, index, value))).toThrow(message);
  });

  it("refuses a NaN radius (base columns are always numbers) but keeps NaN where a mechanism is absent", () => {
    expect(() => deserializeModel(forged("radius", 2, Number.NaN))).toThrow(/model\.columns\.radius\[2\]/);
    const doc = JSON.parse(JSON.stringify(serializeModel(twoCells())));
    expect(Number.isNaN(decodeColumn(doc.columns.HH_gNa, 8, "HH_gNa")[7])).toBe(true);
    expect(() => deserializeModel(doc)).not.toThrow();
  });
});
