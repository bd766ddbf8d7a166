/**
 * Spikes of a network run: upward crossings of a threshold by each cell's voltage trace
 * (the first `v` recording of each cell, its soma when the somata are recorded).
 */
import type { Traces } from "../../protocol/model.js";

/**
 * Times (ms) at which `values` (sampled every `dt` ms) crosses `threshold` upwards:
 * sample k-1 below, sample k at or above; the time is interpolated between the two.
 *
 * @example spikeTimes([-70, -10, 10, 20, -60, 5], 0.5, 0) // [0.75, 2.462]
 */
export function spikeTimes(values: ArrayLike<number>, dt: number, threshold: number): number[] {
  const out: number[] = [];
  for (let k = 1; k < values.length; k++) {
    const a = values[k - 1];
    const b = values[k];
    if (a < threshold && b >= threshold) out.push((k - 1 + (threshold - a) / (b - a)) * dt);
  }
  return out;
}

export interface Raster {
  /** Cell index of each raster row, ascending. */
  cells: number[];
  /** Spike times (ms) per row. */
  spikes: number[][];
  nSpikes: number;
  /** Simulated time, ms. */
  tMax: number;
  /** Spikes per cell per second over the cells in the raster, Hz. */
  meanRateHz: number;
}

/** The cell of a trace row recorded at a compartment (`cell 3 · branch 0 · comp 0`), or -1. */
function cellOf(row: Traces["rows"][number]): number {
  const m = /^cell (\d+) ·/.exec(row.place ?? row.label);
  return m ? Number(m[1]) : -1;
}

/** The raster of a run: one row per cell with a voltage recording. */
export function rasterOf(traces: Traces, threshold: number): Raster {
  const byCell = new Map<number, ArrayLike<number>>();
  for (const row of traces.rows) {
    const state = row.state ?? row.label.split(" · ").pop();
    const cell = cellOf(row);
    if (state === "v" && cell >= 0 && !byCell.has(cell)) byCell.set(cell, row.values);
  }
  const cells = [...byCell.keys()].sort((a, b) => a - b);
  const spikes = cells.map((c) => spikeTimes(byCell.get(c)!, traces.dt, threshold));
  const nSpikes = spikes.reduce((n, s) => n + s.length, 0);
  const tMax = (traces.nSamples - 1) * traces.dt;
  const meanRateHz = cells.length && tMax > 0 ? nSpikes / cells.length / (tMax / 1000) : 0;
  return { cells, spikes, nSpikes, tMax, meanRateHz };
}
