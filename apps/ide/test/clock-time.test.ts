import { describe, expect, it } from "vitest";
import { clockTime } from "../src/session/persist/autosave-state.js";

describe("clockTime (the autosave's time in the toolbar and the restore banner)", () => {
  it("shows hours and minutes, 24-hour and zero-padded, for a time today", () => {
    const t = new Date(2026, 11, 7, 9, 5, 30).getTime();
    expect(clockTime(t, new Date(2026, 11, 7, 23, 59).getTime())).toBe("09:05");
    expect(clockTime(new Date(2026, 11, 7, 14, 2).getTime(), t)).toBe("14:02");
  });
  it("adds the day and the month for another day", () => {
    const t = new Date(2026, 11, 3, 14, 2).getTime();
    expect(clockTime(t, new Date(2026, 11, 7, 10, 0).getTime())).toBe("3 Dec 14:02");
    expect(clockTime(new Date(2026, 0, 31, 0, 0).getTime(), t)).toBe("31 Jan 00:00");
  });
});
