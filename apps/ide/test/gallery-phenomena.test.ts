/**
 * Every gallery example, opened as the IDE opens it (openExample, the real script runner
 * and model engine in-process), shows its phenomenon: the numbers behind its figure.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bapPeaks } from "../src/gallery/ca1-example.js";
import { CA1_SWC } from "../src/gallery/ca1-script.js";
import { epsps } from "../src/gallery/dendrites-example.js";
import { eiSpikes, NE } from "../src/gallery/ei-network-example.js";
import { FIT_TARGET } from "../src/gallery/fit-example.js";
import { hhMeasures } from "../src/gallery/hh-example.js";
import { runScript } from "../src/sandbox/run-script.js";
import { openGalleryExample } from "./gallery-open.js";

/** The CA1 morphology: test data in ../shared, never copied into the repository. */
const CA1 = readFileSync(new URL(`../../../../shared/swc/${CA1_SWC}`, import.meta.url), "utf8");

const traces = (o: Awaited<ReturnType<typeof openGalleryExample>>) => o.s.runs[o.s.runs.length - 1].traces;

describe("gallery examples show their phenomena", () => {
  it("Hodgkin-Huxley: all-or-none threshold, refractoriness, and an f-I curve that rises", async () => {
    const o = await openGalleryExample("hh");
    const m = hhMeasures(traces(o));
    expect(m.pulseSpikes).toEqual([0, 1, 1]); // 0.3 nA for 1 ms is below threshold, 0.5 and 0.8 fire one spike
    expect(m.pairSpikes[0]).toBe(1); // the second pulse 5 ms after the first fires nothing
    expect(m.pairSpikes[2]).toBe(2); // 20 ms after, it fires again
    const firing = m.rates.filter((r) => r > 0);
    expect(m.rates[0]).toBe(0); // below rheobase
    expect(firing.length).toBeGreaterThanOrEqual(6);
    for (let i = 1; i < firing.length; i++) expect(firing[i]).toBeGreaterThan(firing[i - 1]);
    expect(firing[0]).toBeGreaterThan(40); // type II: the rate jumps from 0
    expect(o.figure?.values.thresholdNa).toBe(0.5);
  });

  it("passive cable: the attenuation matches the analytic sealed-end profile within 2 %", async () => {
    const o = await openGalleryExample("cable");
    const v = o.figure!.values;
    expect(v.lambdaUm).toBeCloseTo(707.1, 1);
    expect(v.maxRelError).toBeLessThan(0.02);
    expect(v.ratioAt1000).toBeGreaterThan(0.2); // and it does attenuate
    expect(v.ratioAt1000).toBeLessThan(0.3);
    expect(o.figure!.series.map((s) => s.style)).toEqual(["markers", "dashed"]);
  });

  it("propagation: the velocity grows with the radius, close to the square-root law", async () => {
    const o = await openGalleryExample("propagation");
    const v = o.figure!.series[0].y;
    for (let i = 1; i < v.length; i++) expect(v[i]).toBeGreaterThan(v[i - 1]);
    expect(o.figure!.values.exponent).toBeGreaterThan(0.4);
    expect(o.figure!.values.exponent).toBeLessThan(0.6);
  });

  it("dendritic integration: the far synapse gives a smaller somatic EPSP; same-site inputs sum sublinearly", async () => {
    const o = await openGalleryExample("dendrites");
    const e = epsps(traces(o));
    expect(e.far).toBeLessThan(0.7 * e.near);
    expect(e.farLocal).toBeGreaterThan(2 * e.far); // large locally, attenuated at the soma
    expect(e.both / e.sum).toBeGreaterThan(0.95); // different places: nearly linear
    expect(e.both / e.sum).toBeLessThanOrEqual(1);
    expect(e.farTwice / (2 * e.far)).toBeLessThan(0.9); // one place: sublinear
  });

  it("the tutorial opens with its script unchanged and explains the depolarisation block of its first trace", async () => {
    const o = await openGalleryExample("tutorial");
    expect(o.ex.script).toContain('set("Na_gNa", 0.4)');
    const v = traces(o).rows[0].values;
    expect(Math.max(...v)).toBeGreaterThan(40); // one spike
    expect(v[v.length - 1]).toBeGreaterThan(-30); // then stuck depolarised: the block
    expect(o.ex.explanation).toMatch(/depolarisation block/);
  });

  it("CA1: coloured by path distance; the spike backpropagates, later and smaller farther out", async () => {
    const o = await openGalleryExample("ca1-bap", { [CA1_SWC]: CA1 });
    expect(o.s.view.colourBy).toBe("PathDistance_um");
    const colours = o.state().colourValues!;
    expect(Math.max(...colours)).toBeGreaterThan(800);
    const d = o.figure!.series[0].x;
    for (let i = 1; i < d.length; i++) expect(d[i]).toBeGreaterThan(d[i - 1]);
    expect(d[5]).toBeGreaterThan(700);
    const peaks = bapPeaks(traces(o));
    // Later the farther out (the sites lie on different branches, so the peaks need not fall at every step).
    for (let i = 1; i < peaks.length; i++) expect(peaks[i].t).toBeGreaterThan(peaks[i - 1].t);
    expect(peaks[0].peak).toBeGreaterThan(20);
    for (const p of peaks.slice(1)) expect(p.peak).toBeLessThan(peaks[0].peak - 10);
    expect(peaks[4].peak + peaks[5].peak).toBeLessThan(peaks[1].peak + peaks[2].peak); // smaller far out
    expect(o.figure!.values.farPeak).toBeGreaterThan(-20); // still a spike there, not passive spread
    expect(o.figure!.values.farDelayMs).toBeGreaterThan(1);
  });

  it("E-I network: the inhibitory cells fire from excitation alone, and inhibition slows the excitatory cells", async () => {
    const o = await openGalleryExample("ei-network");
    const v = o.figure!.values;
    expect(v.rateE).toBeGreaterThan(10);
    expect(v.rateI).toBeGreaterThan(5);
    // The same network without inhibition, run through the same script runner and engine.
    const { ModelEngine } = await import("../src/workers/model-engine.js");
    const { serializeModel } = await import("@dendrolab/core/io");
    const noInh = o.ex.script.replace('network.set("GABA_gS", 0.004);', 'network.set("GABA_gS", 0);');
    expect(noInh).not.toBe(o.ex.script);
    const engine = new ModelEngine();
    engine.load(serializeModel(runScript(noInh, () => undefined)));
    const free = eiSpikes(engine.simulate(o.ex.sim)).slice(0, NE);
    const withInh = eiSpikes(traces(o)).slice(0, NE);
    const count = (s: number[][]) => s.reduce((a, t) => a + t.length, 0);
    expect(count(withInh)).toBeLessThan(count(free));
  });

  it("fitting: the trainer recovers both conductances within 5 %", async () => {
    const o = await openGalleryExample("fit");
    expect(o.s.trainer.params.map((p) => p.key)).toEqual(["HH_gNa", "HH_gK"]);
    await o.actions.startTraining();
    for (let i = 0; i < 1200 && o.state().training.status === "running"; i++)
      await new Promise((r) => setTimeout(r, 50));
    const t = o.state().training;
    expect(t.status).toBe("done");
    expect(t.losses[t.losses.length - 1]).toBeLessThan(t.losses[0] / 100);
    const [gNa, gK] = t.best!.values;
    expect(Math.abs(gNa / FIT_TARGET.HH_gNa - 1)).toBeLessThan(0.05);
    expect(Math.abs(gK / FIT_TARGET.HH_gK - 1)).toBeLessThan(0.05);
  }, 120_000);
});
