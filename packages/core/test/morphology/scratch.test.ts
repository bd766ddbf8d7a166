import { readFileSync } from "node:fs";
import { test } from "vitest";
import { buildMorphology, parseSwc } from "../../src/morphology/swc";
const fx = JSON.parse(readFileSync("test/morphology/neuron/fixtures/neuron-geometry.json", "utf8"));
test("max errors", () => {
  const mx: Record<string, number> = { L: 0, area: 0, diam: 0, ri: 0 };
  let nsec = 0, nseg = 0;
  for (const [file, by] of Object.entries<any>(fx.files)) {
    let text: string;
    try { text = readFileSync(`test/morphology/swc/${file}`, "utf8"); } catch { text = readFileSync(`test/morphology/neuron/swc/${file}`, "utf8"); }
    for (const n of fx.nsegs) {
      const m = buildMorphology(parseSwc(text), { ncomp: n, reading: "neuron" });
      for (const sec of by[String(n)]) {
        const b = m.branches.find((x) => x.name === sec.name)!;
        nsec++;
        const rel = (a: number, e: number) => Math.abs(a - e) / Math.abs(e);
        mx.L = Math.max(mx.L, rel(b.comps.reduce((a, c) => a + c.lengthUm, 0), sec.L));
        for (let j = 0; j < n; j++) {
          nseg++;
          mx.area = Math.max(mx.area, rel(b.comps[j].areaUm2, sec.area[j]));
          mx.diam = Math.max(mx.diam, rel(2 * b.comps[j].radiusUm, sec.diam[j]));
          const ri = j === 0 ? b.comps[0].loadInPerUm : b.comps[j - 1].loadOutPerUm + b.comps[j].loadInPerUm;
          mx.ri = Math.max(mx.ri, rel(ri, sec.ri[j]));
        }
        mx.ri = Math.max(mx.ri, rel(b.comps[n - 1].loadOutPerUm, sec.riEnd));
      }
    }
  }
  console.log(nsec, "sections", nseg, "segments", mx);
});
