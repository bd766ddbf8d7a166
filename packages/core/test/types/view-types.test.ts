/**
 * The types of views (issue 9): `View` declares no index signature, so a misspelt member
 * is a compile error in `tsc` and in the IDE's editor, not an `any`. The
 * `@ts-expect-error` lines are checked by `tsc -p packages/core/tsconfig.json`: if the
 * error they expect goes away (an index signature comes back), the type check fails.
 * At run time the same lines behave as the Proxy makes them (see src/api/proxy.ts).
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import * as jx from "@dendrolab/core";

function cellWithApical(): jx.Cell {
  const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0, 0, 1]);
  cell.branch([1, 3]).addToGroup("apical");
  return cell;
}

describe("view types", () => {
  it("a misspelt method, an untyped group property, a Table as a number: compile errors", () => {
    const cell = cellWithApical();
    // @ts-expect-error `sett` is not a member of a view
    expect(() => cell.sett("radius", 1)).toThrow(/'sett' is not a method, a group, a channel or a synapse/);
    // @ts-expect-error `recrod` is not a member of a view
    expect(() => cell.branch(0).recrod("v")).toThrow(/'recrod' is not a method/);
    // @ts-expect-error a group is not a typed property (write cell.group("apical"))
    const byProperty: number = cell.apical.view;
    // @ts-expect-error `.view` is a Table, not a number
    const rows: number = cell.group("apical").view;
    expect(byProperty).toBeInstanceOf(jx.Table);
    expect(rows).toBeInstanceOf(jx.Table);
  });

  it("selections are views, tables are Tables, and views have no string index", () => {
    const cell = cellWithApical();
    expectTypeOf(cell.group("apical")).toEqualTypeOf<jx.View>();
    expectTypeOf(cell.named("apical")).toEqualTypeOf<jx.View>();
    expectTypeOf(cell.branch(0).comp(1)).toEqualTypeOf<jx.View>();
    expectTypeOf(cell.group("apical").view).toEqualTypeOf<jx.Table>();
    expectTypeOf(cell.edges).toEqualTypeOf<jx.Table>();
    expectTypeOf<jx.View>().not.toHaveProperty("apical");
    expectTypeOf<string>().not.toMatchTypeOf<keyof jx.View>();
    expect(cell.group("apical").view.length).toBe(4);
  });
});
