import { describe, expect, it } from "vitest";
import { serializeModel } from "@dendrolab/core/io";
import { removeInstrument } from "../src/session/instrument-edits.js";
import { type Instrument, instrumentLabel, instrumentsOf, placeOf } from "../src/session/instruments.js";
import { insertLines } from "../src/session/script-edits.js";
import { runScript } from "../src/sandbox/run-script.js";
import { ModelEngine } from "../src/workers/model-engine.js";
import { TUTORIAL_SCRIPT, tutorialTopology } from "./helpers.js";

const summaryOf = (script: string) => new ModelEngine().load(serializeModel(runScript(script, () => undefined)));

/** The script without the instrument (as the instruments list's × writes it). */
const remove = (script: string, instrument: Instrument, summary: ReturnType<typeof summaryOf>) =>
  removeInstrument(script, instrument, summary, tutorialTopology(), "network", insertLines);

const MORE = TUTORIAL_SCRIPT.replace(
  "export default network;",
  [
    'network.cell(0).branch(0).comp(0).record("Na_m");',
    'network.cell("all").branch(0).comp(0).record("v");',
    "network.cell(2).branch(1).comp(1).stimulate(jx.stepCurrent(2, 1, 0.1, 0.025, 20));",
    "export default network;",
  ].join("\n"),
);

describe("the instruments list", () => {
  it("lists stimuli then recordings with their places", () => {
    const topo = tutorialTopology();
    const items = instrumentsOf(summaryOf(MORE)).map((i) => `${i.kind} ${placeOf(i, topo)}`);
    expect(items).toEqual([
      "stimulus cell 0 · branch 0 · comp 0",
      "stimulus cell 2 · branch 1 · comp 1",
      "recording cell 0 · branch 0 · comp 0",
      "recording cell 0 · branch 0 · comp 0",
      "recording cell 1 · branch 0 · comp 0",
      "recording cell 2 · branch 0 · comp 0",
    ]);
  });

  it("removes the tutorial's multi-line stimulus by deleting its statement, and nothing else", () => {
    const summary = summaryOf(TUTORIAL_SCRIPT);
    const [stim] = instrumentsOf(summary);
    const out = remove(TUTORIAL_SCRIPT, stim, summary);
    expect(instrumentLabel(stim)).toBe("current clamp");
    expect(out.removedLine).toBe(true);
    expect(out.script).not.toContain("stimulate");
    expect(out.script).toContain('network.cell(0).branch(0).comp(0).record("v");');
    expect(out.script.split("\n").length).toBe(TUTORIAL_SCRIPT.split("\n").length - 5);
    const after = summaryOf(out.script);
    expect(after.stimuli).toEqual([]);
    expect(after.recordings).toEqual(summary.recordings);
  });

  it("removes one recording made by a line for many cells with deleteRecordings, recording the others again", () => {
    const summary = summaryOf(MORE);
    const cell1 = instrumentsOf(summary).find((i) => i.kind === "recording" && i.index === 8)!;
    const out = remove(MORE, cell1, summary);
    expect(out.lines).toEqual(["network.cell(1).branch(0).comp(0).deleteRecordings();"]);
    const after = summaryOf(out.script);
    expect(after.recordings.map((r) => `${r.index} ${r.state}`)).toEqual(["0 v", "0 Na_m", "16 v"]);
  });

  it("removing v where another line records it too: the line goes, then delete calls keep Na_m", () => {
    const summary = summaryOf(MORE);
    const v0 = instrumentsOf(summary).find((i) => i.kind === "recording" && i.index === 0 && i.state === "v")!;
    const first = remove(MORE, v0, summary);
    expect(first.lines).toEqual([]);
    expect(first.removedLine).toBe(true);
    expect(first.script).not.toContain('network.cell(0).branch(0).comp(0).record("v");');
    const mid = summaryOf(first.script);
    // The "all" line still records v at comp 0 (what removeInstrumentAction checks after the run).
    expect(mid.recordings.some((r) => r.index === 0 && r.state === "v")).toBe(true);
    const second = remove(first.script, v0, mid);
    expect(second.lines).toEqual([
      "network.cell(0).branch(0).comp(0).deleteRecordings();",
      'network.cell(0).branch(0).comp(0).record("Na_m");',
    ]);
    const after = summaryOf(second.script);
    expect(after.recordings.map((r) => `${r.index} ${r.state}`)).toEqual(["8 v", "16 v", "0 Na_m"]);
  });
});
