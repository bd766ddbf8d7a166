/** Pure helpers behind the components: windowing, formatting, ticks, tree rows, morphology traces, CSV. */
import { describe, expect, it } from "vitest";
import { serializeModel } from "@dendrolab/core/io";
import { runScript } from "../src/sandbox/run-script.js";
import { parseTraceCsv, resample } from "../src/session/csv.js";
import { morphologyTraces, SEGMENT_MODE_FROM } from "../src/ui/plots/morphology-data.js";
import { extent, niceTicks } from "../src/ui/plots/ticks.js";
import { visibleRange } from "../src/ui/table/windowing.js";
import { defaultExpanded, treeRows } from "../src/ui/tree/tree-model.js";
import { ModelEngine } from "../src/workers/model-engine.js";
import { TUTORIAL_SCRIPT } from "./helpers.js";

const summaryOf = (script: string) => new ModelEngine().load(serializeModel(runScript(script, () => undefined)));

describe("table windowing", () => {
  it("renders only the rows in view plus an overscan", () => {
    expect(visibleRange(0, 240, 24, 10_000)).toEqual([0, 18]);
    expect(visibleRange(24 * 5000, 240, 24, 10_000)).toEqual([4992, 5018]);
    expect(visibleRange(24 * 9999, 240, 24, 10_000)).toEqual([9991, 10_000]);
    expect(visibleRange(0, 240, 24, 0)).toEqual([0, 0]);
  });
});

describe("chart ticks", () => {
  it("chooses 1-2-5 steps and pads flat ranges", () => {
    expect(niceTicks(0, 20)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(-72, 41)).toEqual([-60, -40, -20, 0, 20, 40]);
    expect(extent([3, 3])).toEqual([1.5, 4.5]);
    expect(extent([NaN])).toEqual([0, 1]);
  });
});

describe("tree rows", () => {
  it("lists cells, then branches and compartments of expanded items, in display order", () => {
    const cells = [
      {
        branches: [
          { parent: -1, ncomp: 2 },
          { parent: 0, ncomp: 1 },
        ],
      },
      { branches: [{ parent: -1, ncomp: 1 }] },
    ];
    const rows = treeRows(cells, new Set(["cell:0", "branch:0:0"]));
    expect(rows.map((r) => r.key)).toEqual([
      "cell:0",
      "branch:0:0",
      "comp:0:0:0",
      "comp:0:0:1",
      "branch:0:1",
      "cell:1",
    ]);
    expect(rows[4].detail).toBe("child of 0 · 1 comps");
    expect([...defaultExpanded(cells)]).toEqual(["cell:0", "cell:1"]);
    expect(defaultExpanded(Array(9).fill(cells[1])).size).toBe(0);
  });
});

describe("morphology traces", () => {
  it("draws the tutorial as branch lines plus one marker trace per group, the selection outlined", () => {
    const s = summaryOf(TUTORIAL_SCRIPT);
    const traces = morphologyTraces(s, {
      dims: "2d",
      values: null,
      valueKey: "group",
      selected: [2, 3],
      highlightGroup: "slow_spiking",
    });
    expect(traces.map((t) => t.name)).toEqual(["branches", "fast_spiking", "slow_spiking", "selected"]);
    expect((traces[1].marker as { opacity: number }).opacity).toBe(0.25);
    expect(traces[3].customdata).toEqual([2, 3]);
    const byValue = morphologyTraces(s, {
      dims: "3d",
      values: Array(24).fill(1),
      valueKey: "radius",
      selected: [],
      highlightGroup: null,
    });
    expect(byValue.map((t) => [t.type, t.name])).toEqual([
      ["scatter3d", "branches"],
      ["scatter3d", "radius"],
    ]);
  });

  it("draws large models as coloured segments, one trace per colour", () => {
    const big = `import * as jx from "@dendrolab/core";
const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 10), [-1, 0, 0]);
const network = new jx.Network(Array.from({ length: ${Math.ceil(SEGMENT_MODE_FROM / 30)} }, () => cell));
network.cell(0).addToGroup("first");
export default network;`;
    const s = summaryOf(big);
    expect(s.nComp).toBeGreaterThanOrEqual(SEGMENT_MODE_FROM);
    const traces = morphologyTraces(s, {
      dims: "2d",
      values: null,
      valueKey: "group",
      selected: [0],
      highlightGroup: null,
    });
    expect(traces.map((t) => t.name)).toEqual(["no group", "first", "selected"]);
    expect((traces[1].x as unknown[]).length).toBe(30 * 4); // 3 points and a gap per compartment
    const binned = morphologyTraces(s, {
      dims: "2d",
      values: Array.from({ length: s.nComp }, (_, i) => i),
      valueKey: "radius",
      selected: [],
      highlightGroup: null,
    });
    expect(binned).toHaveLength(8);
  });
});

describe("CSV targets", () => {
  it("reads a header, columns and rows, and resamples onto the simulation grid", () => {
    const r = parseTraceCsv("t,v0,v1\n0,-70,-65\n1,-60,-65\n2,-50,-65\n");
    expect(r).toEqual({
      ok: true,
      t: [0, 1, 2],
      names: ["v0", "v1"],
      rows: [
        [-70, -60, -50],
        [-65, -65, -65],
      ],
    });
    if (r.ok) expect(Array.from(resample(r.t, r.rows[0], 0.5, 6))).toEqual([-70, -65, -60, -55, -50, -50]);
  });

  it("explains what is wrong with a file", () => {
    expect(parseTraceCsv("")).toEqual({ ok: false, message: "The CSV file is empty." });
    expect(parseTraceCsv("0,1\n").ok).toBe(false);
    expect(parseTraceCsv("0,1\n1,x\n")).toMatchObject({ message: "Row 2, column 2 of the CSV is not a number." });
    expect(parseTraceCsv("0,1\n0,2\n")).toMatchObject({
      message: "Row 2 of the CSV: time must increase (got 0 after 0).",
    });
    expect(parseTraceCsv("0,1,2\n1,2\n")).toMatchObject({
      message: "Row 2 of the CSV has 2 columns; the first data row has 3.",
    });
  });
});
