import { readdirSync } from "node:fs";
import { test } from "vitest";
import { buildMorphology, parseSwc } from "../../src/morphology/swc";
import { swcText, branchLength } from "./helpers";
test("summary", () => {
  for (const f of readdirSync("test/morphology/swc").filter((f) => f.endsWith(".swc")).concat(readdirSync("test/morphology/neuron/swc"))) {
    for (const reading of ["jaxley", "neuron"] as const) {
      try {
        const opts = { ncomp: 1, reading, minRadius: /retina|flywire/.test(f) ? 0.05 : undefined, scale: f.includes("flywire") ? 0.001 : 1 };
        const m = buildMorphology(parseSwc(swcText(f)), opts);
        const short = m.branches.length <= 12;
        console.log(f, reading, m.branches.length, "br", m.sampleToComp.size, "samples", "types", short ? m.branches.map((b) => b.typeId).join(",") : "", "parents", short ? m.branches.map((b) => `${b.parent}@${b.parentX}`).join(",") : "", "L", short ? m.branches.map((_, i) => branchLength(m, i).toFixed(3)).join(",") : "", m.warnings);
      } catch (e) { console.log(f, reading, "ERR", (e as Error).message.slice(0, 150)); }
    }
  }
});
