import { test } from "vitest";
import * as jx from "../../src/index.js";
import { loadSwcCase, runSwcCase } from "./neuron-sim.js";
test("probe", () => {
  const { def, traces, text } = loadSwcCase("swc_flywire_t4_bwd_euler");
  const run = runSwcCase(def, text, "jaxley");
  const t = run.cell.view;
  const xs = t.column("x") as number[], ys = t.column("y") as number[], zs = t.column("z") as number[];
  const br = t.column("global_branch_index" in {} ? "x" : t.columns.includes("branch_index") ? "branch_index" : t.columns[0]) as number[];
  console.log(t.columns.join(","));
  for (const j of [1, 5]) {
    const r = def.recordings[j];
    const d = xs.map((x, i) => [Math.hypot(x - r.x, ys[i] - r.y, zs[i] - r.z), i]).sort((a, b) => a[0] - b[0]).slice(0, 5);
    console.log(r.neuron_location, r.x, r.y, r.z, "nearest", JSON.stringify(d.map(([dd, i]) => [dd.toFixed(3), i, br[i]])));
    const ours = run.values.subarray(j * run.nSamples, (j + 1) * run.nSamples);
    const row = traces.traces[j];
    const peaks = (a: ArrayLike<number>) => { const o: number[] = []; for (let k = 1; k < a.length; k++) if (a[k - 1] < 0 && a[k] >= 0) o.push(k * 0.025); return o; };
    console.log("spike times ours", peaks(ours), "neuron", peaks(row));
  }
});
