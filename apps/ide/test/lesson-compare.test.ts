import { describe, expect, it } from "vitest";
import type { HandIn } from "../src/lessons/handin.js";
import {
  checkColumns,
  findHandInLinks,
  lessonTitles,
  overlayTraces,
  shortLabel,
} from "../src/ui/lessons/compare-data.js";

const handIn = (name: string, checks: Array<[string, boolean]>): HandIn => ({
  name,
  lesson: "---\ntitle: Threshold\n---\n",
  script: "",
  checks: checks.map(([label, pass]) => ({ label, pass })),
  traces: [{ label: "v", t: [0, 1], v: [-65, 20] }],
  at: "2026-01-01T00:00:00.000Z",
});

describe("the Compare view's data", () => {
  it("finds hand-in links with their lines, in URLs or bare", () => {
    const text = "http://x/#handin=1.abc\nnot a link\n  #handin=1.d_e-f and http://y/#handin=1.g\n#s=1.zzz";
    expect(findHandInLinks(text)).toEqual([
      { line: 1, link: "#handin=1.abc" },
      { line: 3, link: "#handin=1.d_e-f" },
      { line: 3, link: "#handin=1.g" },
    ]);
  });

  it("makes one column per check and one line per student", () => {
    const a = handIn("A", [["spikes", true]]);
    const b = handIn("B", [
      ["spikes", false],
      ["`HH_gNa` is at most 0.08 S/cm² and more words", true],
    ]);
    expect(checkColumns([a, b])).toEqual(["spikes", "`HH_gNa` is at most 0.08 S/cm² and more words"]);
    expect(shortLabel("`HH_gNa` is at most 0.08 S/cm² and more words")).toBe("HH_gNa is at most 0.08 S/cm…");
    expect(overlayTraces([a, b], 0).map((d) => d.name)).toEqual(["A (1)", "B (2)"]);
    expect(overlayTraces([a, b], 1)).toEqual([]);
    expect(lessonTitles([a, b])).toEqual(["“Threshold”"]);
  });
});
