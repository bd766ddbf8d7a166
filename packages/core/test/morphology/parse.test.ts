import { describe, expect, test } from "vitest";
import { parseSwc, SwcError } from "../../src/morphology/swc/index.js";

/** The SwcError thrown by `f`, or a failed expectation. */
function swcError(f: () => unknown): SwcError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SwcError);
    return e as SwcError;
  }
  throw new Error("expected an SwcError, nothing was thrown");
}

describe("parseSwc accepts what SWC files contain", () => {
  test("comments, blank lines, CRLF, CR, tabs, extra columns, decimal ids", () => {
    const text =
      "# header\r\n\r\n1\t1 0 0 0 5 -1   # trailing comment\r\n" +
      "  2 3 0 10 0 1 1 extra 99\r" +
      "3.0 3 0 20 0 0.5 2.0\n\n   \n# end";
    const s = parseSwc(text);
    expect(s.map((x) => [x.id, x.type, x.parent, x.line])).toEqual([
      [1, 1, -1, 3],
      [2, 3, 1, 4],
      [3, 3, 2, 5],
    ]);
    expect(s[1]).toMatchObject({ x: 0, y: 10, z: 0, r: 1, text: "2 3 0 10 0 1 1 extra 99" });
  });

  test("ids in any order, any negative parent is a root, exponents and signs", () => {
    const s = parseSwc("5 2 1e1 -2.5 +.5 1E-1 4\n4 1 0 0 0 3 -7\n");
    expect(s[0]).toMatchObject({ id: 5, x: 10, y: -2.5, z: 0.5, r: 0.1, parent: 4 });
    expect(s[1].parent).toBe(-1);
  });

  test("a byte order mark and a missing final newline", () => {
    expect(parseSwc("\uFEFF1 1 0 0 0 1 -1")).toHaveLength(1);
  });
});

describe("parseSwc errors name the line, quote it and say what was expected", () => {
  test("too few fields", () => {
    const e = swcError(() => parseSwc("# c\n1 1 0 0 0 1 -1\n2 3 0 1 0\n"));
    expect(e.line).toBe(3);
    expect(e.text).toBe("2 3 0 1 0");
    expect(e.message).toBe('SWC line 3: expected 7 fields (id type x y z radius parent), got 5: "2 3 0 1 0"');
  });

  test("a field that is not a number", () => {
    const e = swcError(() => parseSwc("1 1 0 0 0 1 -1\n2 3 0 abc 0 1 1\n"));
    expect(e.message).toBe('SWC line 2: field 4 (y) is "abc", expected a number: "2 3 0 abc 0 1 1"');
    for (const bad of ["0x1F", "Infinity", "NaN", "1e999", "1,5", "--1", "1e"]) {
      expect(swcError(() => parseSwc(`1 1 0 ${bad} 0 1 -1`)).message).toContain(`field 4 (y) is "${bad}"`);
    }
  });

  test("non-integer and negative ids", () => {
    expect(swcError(() => parseSwc("1.5 1 0 0 0 1 -1")).message).toBe(
      'SWC line 1: id is 1.5, expected an integer: "1.5 1 0 0 0 1 -1"',
    );
    expect(swcError(() => parseSwc("1 1 0 0 0 1 -1\n2 3 0 0 0 1 1.2")).message).toContain(
      "parent is 1.2, expected an integer",
    );
    expect(swcError(() => parseSwc("1 2.5 0 0 0 1 -1")).message).toContain("type is 2.5, expected an integer");
    expect(swcError(() => parseSwc("-3 1 0 0 0 1 -1")).message).toContain("id is -3, expected a non-negative integer");
  });

  test("duplicate ids name both lines", () => {
    const e = swcError(() => parseSwc("1 1 0 0 0 1 -1\n2 3 0 1 0 1 1\n\n2 3 0 2 0 1 1\n"));
    expect(e.line).toBe(4);
    expect(e.message).toBe('SWC line 4: duplicate id 2 (already used on line 2); expected unique ids: "2 3 0 2 0 1 1"');
  });

  test("unknown parents", () => {
    const e = swcError(() => parseSwc("1 1 0 0 0 1 -1\n2 3 0 1 0 1 7\n"));
    expect(e.line).toBe(2);
    expect(e.message).toBe(
      "SWC line 2: parent 7 does not exist (no sample has id 7); expected the id of another " +
        'sample, or -1 for the root: "2 3 0 1 0 1 7"',
    );
  });

  test("cycles list the ids and lines", () => {
    const e = swcError(() => parseSwc("1 1 0 0 0 1 -1\n2 3 0 1 0 1 4\n3 3 0 2 0 1 2\n4 3 0 3 0 1 3\n"));
    expect(e.message).toMatch(
      /^SWC line \d: sample \d is its own ancestor \(parents (\d -> ){3}\d, lines \d, \d, \d\); expected a tree: "/,
    );
    expect([2, 3, 4]).toContain(e.line);
    const self = swcError(() => parseSwc("1 1 0 0 0 1 -1\n2 3 0 1 0 1 2\n"));
    expect(self.message).toBe('SWC line 2: sample 2 is its own parent; expected a tree: "2 3 0 1 0 1 2"');
  });

  test("no root", () => {
    const e = swcError(() => parseSwc("1 1 0 0 0 1 2\n2 3 0 1 0 1 1\n"));
    expect(e.message).toMatch(/^SWC has no root \(no sample has parent -1\): line \d: sample \d is its own ancestor/);
    expect(e.line).not.toBeNull();
  });

  test("no samples at all", () => {
    const e = swcError(() => parseSwc("# only a comment\n\n"));
    expect(e.line).toBeNull();
    expect(e.message).toContain("no samples");
  });

  test("several roots: an error unless allowed", () => {
    const text = "1 1 0 0 0 1 -1\n2 3 0 1 0 1 1\n3 1 5 0 0 1 -1\n4 3 5 1 0 1 3\n";
    const e = swcError(() => parseSwc(text));
    expect(e.line).toBe(3);
    expect(e.message).toBe(
      "SWC line 3: a second root (parent -1; the first is on line 1, 2 roots in all); expected one " +
        'tree, or pass allowMultipleRoots to keep the first tree: "3 1 5 0 0 1 -1"',
    );
    expect(parseSwc(text, { allowMultipleRoots: true })).toHaveLength(4);
  });

  test("long lines are shortened in messages", () => {
    const long = `1 1 0 0 0 1 ${"x".repeat(200)}`;
    const e = swcError(() => parseSwc(long));
    expect(e.message.length).toBeLessThan(200);
    expect(e.text).toBe(long);
  });
});
