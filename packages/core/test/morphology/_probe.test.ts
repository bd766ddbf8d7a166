import { test } from "vitest";
import { listSwcCases, loadSwcCase, runSwcCase, maeOf, spikeCounts } from "./neuron-sim.js";
test("probe", () => {
  for (const name of listSwcCases()) {
    const { def, traces, text, neuronText } = loadSwcCase(name);
    for (const reading of ["neuron", "jaxley"] as const) {
      const t0 = performance.now();
      const run = runSwcCase(def, reading === "neuron" ? neuronText : text, reading);
      const mae = maeOf(run, traces);
      const sp = spikeCounts(run);
      console.log(`${name} ${reading}: mae ${mae.map((m) => m.toExponential(2)).join(" ")} | spikes ${sp.join(",")} vs ${def.checks.per_recording.map((p) => p.n_spikes).join(",")} | dist ${run.sites.map((s) => s.distUm.toFixed(3)).join(" ")} | ${(performance.now() - t0).toFixed(0)} ms`);
    }
  }
});
