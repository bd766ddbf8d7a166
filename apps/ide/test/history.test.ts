import { describe, expect, it } from "vitest";
import { canRedo, canUndo, commit, HISTORY_LIMIT, initialHistory, redo, undo } from "../src/session/history.js";

describe("script history", () => {
  it("undoes and redoes committed scripts; a new commit clears redo", () => {
    let h = initialHistory("a");
    h = commit(h, "b", "edit b");
    h = commit(h, "c", "edit c");
    expect(h.present.script).toBe("c");
    h = undo(h);
    expect(h.present).toEqual({ script: "b", label: "edit b" });
    h = undo(h);
    expect(h.present.script).toBe("a");
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h.present.script).toBe("b");
    h = commit(h, "d", "edit d");
    expect(canRedo(h)).toBe(false);
    expect(h.past.map((e) => e.script)).toEqual(["a", "b"]);
  });

  it("ignores commits that change nothing and keeps a bounded past", () => {
    let h = initialHistory("x");
    expect(commit(h, "x", "same")).toBe(h);
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = commit(h, `s${i}`, "e");
    expect(h.past.length).toBe(HISTORY_LIMIT);
  });
});
