/** One edit distance and one "did you mean" for every error message of the library. */
import { describe, expect, it } from "vitest";
import { unknownNameError } from "../../src/errors.js";
import { editDistance, nearestName, validNamesHint } from "../../src/names.js";

describe("names", () => {
  it("edit distance: insertions, deletions, substitutions cost 1, a case difference 0.5", () => {
    expect(editDistance("radus", "radius")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("gna", "gNa")).toBe(0.5);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });

  it("nearest name: the closest (first on ties); with onlyClose, none when far", () => {
    expect(nearestName("gna", ["gK", "gNa"])).toBe("gNa");
    expect(nearestName("x", ["ab", "cd"])).toBe("ab");
    expect(nearestName("x", [])).toBeUndefined();
    expect(nearestName("axon", ["apical", "basal"], { onlyClose: true })).toBeUndefined();
    expect(nearestName("apicl", ["apical", "basal"], { onlyClose: true })).toBe("apical");
  });

  it("the same rule behind both kinds of message", () => {
    expect(unknownNameError("key", "HH_gna", ["HH_gK", "HH_gNa"]).message).toBe(
      "Unknown key 'HH_gna'. Valid: HH_gK, HH_gNa. Did you mean 'HH_gNa'?",
    );
    expect(unknownNameError("group", "axon", ["apical"]).message).toBe("Unknown group 'axon'. Valid: apical.");
    expect(validNamesHint("gna", ["v", "gNa", "gK"])).toBe('Valid names: gK, gNa, v. Did you mean "gNa"?');
  });
});
