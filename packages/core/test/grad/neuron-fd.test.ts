/**
 * The float64 adjoint against finite differences of NEURON itself (issue 4).
 *
 * Every fixture in ../fixtures/neuron-grad (written by tools/neuron-refs/gradients.py)
 * names a NEURON reference case, a loss L = sum_r sum_k w[r][k] * trace[r][k] over the
 * case's recordings with w[r][k] = sin(0.37 k + 1.3 r) / n_time_points, NEURON's L, and
 * central finite differences of NEURON's L for parameters (key, target). A target's
 * compartments or synapses all get the same shift, so the derivative is the sum of the
 * column gradients over the target. The case is rebuilt with the public API and the
 * adjoint of the same L must agree with NEURON's finite difference within 1e-3
 * relative; L itself must agree to 1e-8 relative.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { View } from "../../src/api/view.js";
import { buildCase, FIXTURE_DIR, loadCase } from "../neuron/fixtures.js";
import { adjoint, loss, type RunOpts } from "./helpers.js";

const GRAD_DIR = join(FIXTURE_DIR, "../neuron-grad");
const WEIGHT_FORMULA = "w[r][k] = sin(0.37*k + 1.3*r) / n_time_points";
// The issue asks for 1e-3; measured worst is 1.6e-7, so 1e-5 catches regressions.
const REL_GRAD = 1e-5;
const REL_LOSS = 1e-8;

interface GradParam {
  key: string;
  target: { comps?: Array<[number, number, number]>; synapses?: number[] };
  what: string;
  h: number;
  fd: number;
  fd_error_estimate: number;
}
interface GradFixture {
  name: string;
  case_fixture: string;
  n_time_points: number;
  n_recordings: number;
  weights: { formula: string };
  loss: number;
  parameters: GradParam[];
}

const files = existsSync(GRAD_DIR)
  ? readdirSync(GRAD_DIR)
      .filter((f) => f.endsWith(".json"))
      .sort()
  : [];

/** w[r * nT + k] = sin(0.37 k + 1.3 r) / nT, the layout of simulate's values. */
function weightsOf(nRec: number, nT: number): Float64Array {
  const w = new Float64Array(nRec * nT);
  for (let r = 0; r < nRec; r++) for (let k = 0; k < nT; k++) w[r * nT + k] = Math.sin(0.37 * k + 1.3 * r) / nT;
  return w;
}

describe("adjoint = finite differences of NEURON (relative 1e-5; the issue asks 1e-3)", () => {
  it("has gradient fixtures", () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  for (const file of files) {
    const fx = JSON.parse(readFileSync(join(GRAD_DIR, file), "utf8")) as GradFixture;
    it(fx.name, () => {
      expect(fx.weights.formula).toBe(WEIGHT_FORMULA);
      const { def, traces } = loadCase(join(GRAD_DIR, fx.case_fixture.replace(/\.json$/, "")));
      expect(def.name).toBe(fx.name);
      const module = buildCase(def);
      const nT = def.n_steps + 1;
      expect(nT).toBe(fx.n_time_points);
      expect(def.recordings.length).toBe(fx.n_recordings);
      const w = weightsOf(def.recordings.length, nT);
      const opts: RunOpts = { tMax: def.n_steps * def.dt_ms, deltaT: def.dt_ms, solver: def.solver };

      // The loss: ours, NEURON's (the fixture), and NEURON's traces summed here.
      const rows = traces.traces ?? traces.v!;
      let fromTraces = 0;
      for (const [r, row] of rows.entries()) for (const [k, x] of row.entries()) fromTraces += w[r * nT + k] * x;
      expect(Math.abs(fromTraces - fx.loss) / Math.abs(fx.loss), "L of the fixture's traces").toBeLessThan(1e-12);
      const L = loss(module, w, opts);
      const lossErr = Math.abs(L - fx.loss) / Math.abs(fx.loss);
      expect(lossErr, `L: ours ${L}, NEURON ${fx.loss}`).toBeLessThan(REL_LOSS);

      const g = adjoint(module, w, opts);
      const cellView = (c: number): View => (def.cells.length === 1 ? module : module.cell(c));
      let worst = 0;
      const lines: string[] = [];
      for (const p of fx.parameters) {
        let ad = 0;
        if (p.target.synapses) {
          const col = g.edge.get(p.key);
          expect(col, `edge gradient column ${p.key}`).toBeDefined();
          for (const j of p.target.synapses) ad += col![j];
        } else {
          const col = g.node.get(p.key);
          expect(col, `node gradient column ${p.key}`).toBeDefined();
          for (const [c, b, k] of p.target.comps!) {
            const idx = cellView(c).branch(b).comp(k).nodeIndices;
            expect(idx.length).toBe(1);
            ad += col![idx[0]];
          }
        }
        const rel = Math.abs(ad - p.fd) / Math.abs(p.fd);
        worst = Math.max(worst, rel);
        lines.push(
          `  ${p.key.padEnd(26)} ${p.what.padEnd(42)} adjoint ${ad.toExponential(10).padStart(18)}  NEURON fd ${p.fd.toExponential(10).padStart(18)}  rel ${rel.toExponential(1)} (fd ~${(p.fd_error_estimate / Math.abs(p.fd)).toExponential(0)})`,
        );
        // The finite difference must be accurate enough for the comparison to mean something.
        expect(p.fd_error_estimate / Math.abs(p.fd), `${p.key} (${p.what}): NEURON fd uncertainty`).toBeLessThan(1e-5);
        expect(rel, `${p.key} (${p.what}): adjoint ${ad}, NEURON finite difference ${p.fd}`).toBeLessThan(REL_GRAD);
      }
      if (process.env.NEURON_FD_VERBOSE) {
        console.log(
          `${fx.name}: L ours ${L} NEURON ${fx.loss} (rel ${lossErr.toExponential(1)}); max gradient rel error ${worst.toExponential(1)}\n${lines.join("\n")}`,
        );
      }
    });
  }
});
