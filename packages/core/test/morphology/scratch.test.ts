import { readFileSync, readdirSync } from "node:fs";
import { test } from "vitest";
import { buildMorphology, parseSwc } from "../../src/morphology/swc";

test("scratch", () => {
  for (const f of readdirSync("/work/shared/swc").filter((f) => f.endsWith(".swc"))) {
    const text = readFileSync(`/work/shared/swc/${f}`, "utf8");
    for (const reading of ["jaxley", "neuron"] as const) {
      try {
        const t0 = performance.now();
        const m = buildMorphology(parseSwc(text), { ncomp: 1, reading, minRadius: f.includes("retina") || f.includes("flywire") ? 0.1 : undefined, scale: f.includes("flywire") ? 0.001 : 1 });
        const dt = performance.now() - t0;
        console.log(f, reading, dt.toFixed(1), "ms", m.branches.length, "branches", m.sampleToComp.size, "mapped", m.warnings.slice(0, 3));
        if (m.branches.length < 12) console.log(m.branches.map((b) => `${b.name ?? ""} p=${b.parent}@${b.parentX} t=${b.typeId} L=${b.comps.reduce((a, c) => a + c.lengthUm, 0).toFixed(4)} A=${b.comps.reduce((a, c) => a + c.areaUm2, 0).toFixed(4)}`).join("\n"));
      } catch (e) {
        console.log(f, reading, "ERROR", (e as Error).message);
      }
    }
  }
});
