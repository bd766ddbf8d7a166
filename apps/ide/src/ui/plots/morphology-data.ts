/**
 * Plotly traces of the morphology: branches as lines, compartments as markers coloured
 * by group or by a parameter, the selection outlined. Pure (tested in Node).
 */
import type { ModelSummary } from "../../protocol/model.js";
import { groupColour, NO_GROUP, VALUE_SCALE } from "./colours.js";
import { DECIMATE_FROM, finiteRange, memberPolylines, pixelSize } from "./morphology-decimate.js";
import type { PlotData } from "./plotly-types.js";

export interface MorphologyOptions {
  dims: "2d" | "3d";
  /** Values per compartment when colouring by a parameter; null: by group. */
  values: number[] | null;
  valueKey: string;
  selected: readonly number[];
  highlightGroup: string | null;
}

/** Above this many compartments, compartments are drawn as coloured line segments (one SVG path per colour) instead of markers. */
export const SEGMENT_MODE_FROM = 1500;

export function morphologyTraces(s: ModelSummary, o: MorphologyOptions): PlotData[] {
  if (s.nComp >= SEGMENT_MODE_FROM) return segmentTraces(s, o);
  const three = o.dims === "3d";
  const kind = three ? "scatter3d" : "scatter";
  const xyz = (nodes: readonly number[]) => ({
    x: nodes.map((n) => s.coords.x[n]),
    y: nodes.map((n) => s.coords.y[n]),
    ...(three ? { z: nodes.map((n) => s.coords.z[n]) } : {}),
  });
  const lx: Array<number | null> = [];
  const ly: Array<number | null> = [];
  const lz: Array<number | null> = [];
  for (const path of s.coords.branchPaths) {
    for (const p of path) {
      lx.push(p[0]);
      ly.push(p[1]);
      lz.push(p[2]);
    }
    lx.push(null);
    ly.push(null);
    lz.push(null);
  }
  const traces: PlotData[] = [
    {
      type: kind,
      mode: "lines",
      x: lx,
      y: ly,
      ...(three ? { z: lz } : {}),
      line: { color: "#9aa3ad", width: three ? 4 : 2 },
      hoverinfo: "skip",
      name: "branches",
      showlegend: false,
    },
  ];
  const names = compLabels(s);
  const label = (n: number) => names[n];
  const marker = (color: unknown, extra: Record<string, unknown> = {}) => ({
    color,
    size: three ? 5 : 10,
    line: { width: 0 },
    ...extra,
  });
  const all = Array.from({ length: s.nComp }, (_, i) => i);
  if (o.values) {
    traces.push({
      type: kind,
      mode: "markers",
      ...xyz(all),
      customdata: all,
      name: o.valueKey,
      text: all.map((n) => `${label(n)}: ${o.values![n]}`),
      hoverinfo: "text",
      marker: marker(
        all.map((n) => (Number.isNaN(o.values![n]) ? null : o.values![n])),
        {
          colorscale: VALUE_SCALE,
          showscale: true,
          colorbar: { thickness: 10, len: 0.8, title: { text: o.valueKey, side: "right" } },
        },
      ),
    });
  } else {
    const inGroup = new Set(s.groups.flatMap((g) => g.nodes));
    const none = all.filter((n) => !inGroup.has(n));
    if (none.length)
      traces.push({
        type: kind,
        mode: "markers",
        ...xyz(none),
        customdata: none,
        name: "no group",
        text: none.map(label),
        hoverinfo: "text+name",
        marker: marker(NO_GROUP),
      });
    s.groups.forEach((g, i) => {
      const dim = o.highlightGroup !== null && o.highlightGroup !== g.name;
      traces.push({
        type: kind,
        mode: "markers",
        ...xyz(g.nodes),
        customdata: g.nodes,
        name: g.name,
        text: g.nodes.map(label),
        hoverinfo: "text+name",
        marker: marker(groupColour(i), { opacity: dim ? 0.25 : 1 }),
      });
    });
  }
  if (o.selected.length) {
    traces.push({
      type: kind,
      mode: "markers",
      ...xyz(o.selected),
      customdata: o.selected,
      name: "selected",
      hoverinfo: "skip",
      marker: { color: "rgba(0,0,0,0)", size: three ? 8 : 16, line: { color: "#f5a700", width: 3 } },
    });
  }
  return traces;
}

/** "cell 0 · branch 1 · comp 1 · loc(0.75)" for every compartment (hover text). */
export function compLabels(s: Pick<ModelSummary, "cells">): string[] {
  const out: string[] = [];
  for (const [ci, cell] of s.cells.entries()) {
    for (const [bi, b] of cell.branches.entries()) {
      for (let k = 0; k < b.ncomp; k++) {
        const x = +((k + 0.5) / b.ncomp).toFixed(3);
        out.push(`cell ${ci} · branch ${bi} · comp ${k} · loc(${x})`);
      }
    }
  }
  return out;
}

/**
 * Each compartment as a short polyline (from half-way to its proximal neighbour, through its
 * centre, to half-way to its distal neighbour), one trace per colour: groups, or eight bins
 * of the coloured parameter. Cheap to draw for tens of thousands of compartments. From
 * `DECIMATE_FROM` compartments on, runs of one colour along a branch are one polyline
 * without points closer than a pixel (morphology-decimate.ts), so drawing stays bounded.
 */
function segmentTraces(s: ModelSummary, o: MorphologyOptions): PlotData[] {
  const three = o.dims === "3d";
  const kind = three ? "scatter3d" : "scatter";
  const { x, y, z } = s.coords;
  const decimate = s.nComp >= DECIMATE_FROM;
  const pixel = decimate ? pixelSize(s) : 0;
  const seg = new Array<[number[], number[], number[]]>(decimate ? 0 : s.nComp);
  let k = 0;
  let b = 0;
  for (const cell of decimate ? [] : s.cells) {
    for (const br of cell.branches) {
      const path = s.coords.branchPaths[b++] ?? [];
      for (let j = 0; j < br.ncomp; j++, k++) {
        const mid = (a: number, c: number, q: number[]) => (q[a] + q[c]) / 2;
        const xs = [
          j === 0 ? (path[0]?.[0] ?? x[k]) : mid(k - 1, k, x),
          x[k],
          j === br.ncomp - 1 ? (path[path.length - 1]?.[0] ?? x[k]) : mid(k, k + 1, x),
        ];
        const ys = [
          j === 0 ? (path[0]?.[1] ?? y[k]) : mid(k - 1, k, y),
          y[k],
          j === br.ncomp - 1 ? (path[path.length - 1]?.[1] ?? y[k]) : mid(k, k + 1, y),
        ];
        const zs = [
          j === 0 ? (path[0]?.[2] ?? z[k]) : mid(k - 1, k, z),
          z[k],
          j === br.ncomp - 1 ? (path[path.length - 1]?.[2] ?? z[k]) : mid(k, k + 1, z),
        ];
        seg[k] = [xs, ys, zs];
      }
    }
  }
  const trace = (
    nodes: readonly number[],
    name: string,
    color: string,
    width: number,
    extra: Record<string, unknown> = {},
  ): PlotData => {
    if (decimate) {
      const mask = new Uint8Array(s.nComp);
      for (const n of nodes) mask[n] = 1;
      const p = memberPolylines(s, mask, pixel, three);
      return {
        type: kind,
        mode: "lines",
        x: p.x,
        y: p.y,
        ...(three ? { z: p.z } : {}),
        customdata: p.customdata,
        name,
        line: { color, width },
        hoverinfo: "name",
        ...extra,
      };
    }
    const tx: Array<number | null> = [];
    const ty: Array<number | null> = [];
    const tz: Array<number | null> = [];
    const cd: Array<number | null> = [];
    for (const n of nodes) {
      const [a, bb, c] = seg[n];
      tx.push(...a, null);
      ty.push(...bb, null);
      tz.push(...c, null);
      cd.push(n, n, n, null);
    }
    return {
      type: kind,
      mode: "lines",
      x: tx,
      y: ty,
      ...(three ? { z: tz } : {}),
      customdata: cd,
      name,
      line: { color, width },
      hoverinfo: "name",
      ...extra,
    };
  };
  const all = Array.from({ length: s.nComp }, (_, i) => i);
  const traces: PlotData[] = [];
  if (o.values) {
    const [lo, hi] = finiteRange(o.values);
    const bins = 8;
    const colours = ["#440154", "#46327e", "#365c8d", "#277f8e", "#1fa187", "#4ac16d", "#a0da39", "#fde725"];
    const members: number[][] = Array.from({ length: bins }, () => []);
    const none: number[] = [];
    for (const n of all) {
      const v = o.values[n];
      if (!Number.isFinite(v)) none.push(n);
      else members[hi > lo ? Math.min(bins - 1, Math.floor(((v - lo) / (hi - lo)) * bins)) : 0].push(n);
    }
    if (none.length) traces.push(trace(none, `${o.valueKey}: none`, NO_GROUP, 2));
    members.forEach((m, i) => {
      if (m.length)
        traces.push(
          trace(
            m,
            `${o.valueKey} ${(lo + ((hi - lo) * i) / bins).toPrecision(3)}–${(lo + ((hi - lo) * (i + 1)) / bins).toPrecision(3)}`,
            colours[i],
            3,
          ),
        );
    });
  } else {
    const inGroup = new Set(s.groups.flatMap((g) => g.nodes));
    const none = all.filter((n) => !inGroup.has(n));
    if (none.length) traces.push(trace(none, "no group", NO_GROUP, 2));
    for (const [i, g] of s.groups.entries()) {
      traces.push(
        trace(g.nodes, g.name, groupColour(i), 3, {
          opacity: o.highlightGroup !== null && o.highlightGroup !== g.name ? 0.25 : 1,
        }),
      );
    }
  }
  if (o.selected.length) traces.push(trace(o.selected, "selected", "#f5a700", 6, { opacity: 0.8 }));
  return traces;
}
