/**
 * Where instruments go: the selected compartments themselves; on a selected branch, the
 * compartment at `loc(x)` (x from 0 to 1 along the branch, as the library's `loc`), or
 * its first compartment when no x is given; on a selected cell, its first compartment.
 */
import type { Selection } from "./selection.js";
import type { Topology } from "./topology.js";

/** The compartment of a branch of `ncomp` compartments at `x` (the library's rule). */
export function locIndex(x: number, ncomp: number): number {
  return Math.min(Math.floor(x * ncomp), ncomp - 1);
}

/** Position of a compartment's centre along its branch, 0..1. */
export function compLoc(k: number, ncomp: number): number {
  return (k + 0.5) / ncomp;
}

export interface InstrumentPlaces {
  /** Compartments addressed directly (selected compartments, first compartments). */
  nodes: number[];
  /** Compartments placed by `loc(x)` on selected branches. */
  loc: { x: number; nodes: number[] } | null;
}

/** The places instruments go for a selection (see the file's header). */
export function instrumentPlaces(sel: Selection, topo: Topology, x: number | null = null): InstrumentPlaces {
  const direct = new Set<number>();
  const byLoc = new Set<number>();
  for (const key of sel.keys) {
    const [kind, ci, bi, ki] = key.split(":");
    if (kind === "comp") direct.add(topo.globalComp(+ci, +bi, +ki));
    else if (kind === "branch" && x !== null) {
      byLoc.add(topo.globalComp(+ci, +bi, locIndex(x, topo.cells[+ci].branches[+bi].ncomp)));
    } else if (kind === "branch") direct.add(topo.globalComp(+ci, +bi, 0));
    else if (kind === "cell") direct.add(topo.globalComp(+ci, 0, 0));
  }
  for (const n of byLoc) direct.delete(n);
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return { nodes: sorted(direct), loc: byLoc.size ? { x: x!, nodes: sorted(byLoc) } : null };
}

/** All compartments of the places, ascending. */
export function allPlaces(p: InstrumentPlaces): number[] {
  return [...p.nodes, ...(p.loc?.nodes ?? [])].sort((a, b) => a - b);
}

/** `root.cell(c).branch(b).loc(x)` for each compartment placed by loc, e.g. `network.cell(0).branch(1).loc(0.75)`. */
export function locExpressions(topo: Topology, loc: { x: number; nodes: readonly number[] }, root: string): string[] {
  return loc.nodes.map((n) => {
    const a = topo.addressOf(n);
    return `${root}.cell(${a.cell}).branch(${a.branch}).loc(${loc.x})`;
  });
}
