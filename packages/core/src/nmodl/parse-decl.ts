/**
 * The declaration blocks: NEURON, UNITS, PARAMETER, CONSTANT, ASSIGNED, STATE.
 */
import type { Declaration, DeclarationBlock, NeuronBlock, UnitsBlock, UnitsEntry, UseIon } from "./ast.js";
import { type Cursor, describe, posOf } from "./cursor.js";
import type { SourcePos } from "./errors.js";
import { nameList } from "./parse-stmt.js";
import { unsupported } from "./unsupported.js";

/** Keywords of the NEURON block (a name list stops at them). */
const NEURON_WORDS = new Set([
  "SUFFIX",
  "USEION",
  "READ",
  "WRITE",
  "VALENCE",
  "REPRESENTS",
  "NONSPECIFIC_CURRENT",
  "RANGE",
  "GLOBAL",
  "THREADSAFE",
  "POINTER",
  "BBCOREPOINTER",
  "ELECTRODE_CURRENT",
  "EXTERNAL",
  "POINT_PROCESS",
  "ARTIFICIAL_CELL",
  "SECTION",
  "RANDOM",
]);
const neuronStop = (c: Cursor) => NEURON_WORDS.has(c.peek().text);

/** Runs `item` until the block's `}`; `{` is consumed first. */
function blockItems(c: Cursor, block: string, item: () => void): SourcePos {
  const open = c.expect("{", `after ${block}`);
  while (!c.accept("}")) {
    if (c.atEnd())
      throw c.error(`${block} opened with "{" at line ${open.line}, column ${open.column} is not closed by "}"`);
    item();
  }
  return posOf(open);
}

/**
 * The NEURON block (the cursor at the word NEURON).
 *
 * @example parseNeuronBlock(c).suffix // "NaTs2_t"
 */
export function parseNeuronBlock(c: Cursor): NeuronBlock {
  const start = c.next();
  let suffix: string | null = null,
    suffixPos: SourcePos | null = null,
    threadsafe = false;
  const ions: UseIon[] = [],
    nonspecific: string[] = [],
    range: string[] = [],
    global: string[] = [];
  const nameLists = { NONSPECIFIC_CURRENT: nonspecific, RANGE: range, GLOBAL: global };
  blockItems(c, "NEURON", () => {
    const t = c.peek();
    if (t.kind !== "name")
      throw c.error(`expected a NEURON statement (SUFFIX, USEION, RANGE, ...), found ${describe(t)}`);
    switch (t.text) {
      case "SUFFIX": {
        c.next();
        const s = c.name("after SUFFIX");
        if (suffix !== null)
          throw c.error(`a second SUFFIX "${s.text}"; a mechanism has one SUFFIX (here "${suffix}")`, s);
        suffix = s.text;
        suffixPos = posOf(s);
        return;
      }
      case "USEION": {
        c.next();
        const name = c.name("after USEION").text;
        let read: string[] = [],
          write: string[] = [],
          valence: number | null = null;
        for (;;) {
          if (c.accept("READ")) read = read.concat(nameList(c, "after READ", neuronStop));
          else if (c.accept("WRITE")) write = write.concat(nameList(c, "after WRITE", neuronStop));
          else if (c.accept("VALENCE")) valence = c.signedNumber("after VALENCE");
          else if (c.accept("REPRESENTS")) c.name("after REPRESENTS");
          else break;
        }
        ions.push({ name, read, write, valence, pos: posOf(t) });
        return;
      }
      case "NONSPECIFIC_CURRENT":
      case "RANGE":
      case "GLOBAL":
        c.next();
        nameLists[t.text].push(...nameList(c, `after ${t.text}`, neuronStop));
        return;
      case "THREADSAFE":
        c.next();
        threadsafe = true;
        return;
      case "REPRESENTS":
        c.next();
        c.name("after REPRESENTS");
        return;
      case "POINT_PROCESS":
      case "ARTIFICIAL_CELL":
      case "POINTER":
      case "BBCOREPOINTER":
      case "ELECTRODE_CURRENT":
      case "EXTERNAL":
      case "RANDOM":
        throw unsupported(t.text, posOf(t));
      default:
        throw c.error(
          `unknown NEURON statement "${t.text}"; expected SUFFIX, USEION, NONSPECIFIC_CURRENT, RANGE, ` +
            `GLOBAL or THREADSAFE`,
        );
    }
  });
  return { kind: "neuron", suffix, suffixPos, ions, nonspecific, range, global, threadsafe, pos: posOf(start) };
}

/** The UNITS block (the cursor at the word UNITS). */
export function parseUnitsBlock(c: Cursor): UnitsBlock {
  const start = c.next();
  const entries: UnitsEntry[] = [];
  blockItems(c, "UNITS", () => {
    const t = c.peek();
    const pos = posOf(t);
    if (c.is("(")) {
      const name = c.unit()!;
      c.expect("=", `after the unit (${name}) (a unit definition reads (mV) = (millivolt))`);
      const definition = c.unit();
      if (definition === null)
        throw c.error(`expected a unit in parentheses after "(${name}) =", found ${describe(c.peek())}`);
      entries.push({ kind: "unitdef", name, definition, pos });
      return;
    }
    const name = c.name(
      "in UNITS (a unit definition (mV) = (millivolt) or a constant FARADAY = (faraday) (coulomb))",
    ).text;
    c.expect("=", `after "${name}" in UNITS`);
    if (c.is("(")) {
      const from = c.unit()!;
      const to = c.unit();
      if (to === null)
        throw c.error(
          `expected the unit to express (${from}) in, as in FARADAY = (faraday) (coulomb), found ${describe(c.peek())}`,
        );
      entries.push({ kind: "factor", name, from, to, pos });
      return;
    }
    const value = c.signedNumber(`after "${name} =" in UNITS`);
    entries.push({ kind: "value", name, value, unit: c.unit(), pos });
  });
  return { kind: "units", entries, pos: posOf(start) };
}

/** `<low, high>` (or a single `<tolerance>` of a STATE). */
function limits(c: Cursor): [number, number] | null {
  if (!c.accept("<")) return null;
  const low = c.signedNumber('after "<" (limits read <low, high>)');
  if (c.accept(">")) return null; // a STATE's absolute tolerance: accepted and ignored
  c.expect(",", "between the low and high limits (<low, high>)");
  const high = c.signedNumber("as the high limit");
  c.expect(">", "to close the limits <low, high>");
  return [low, high];
}

/** PARAMETER, CONSTANT, ASSIGNED or STATE (the cursor at the keyword). */
export function parseDeclarationBlock(c: Cursor, kind: DeclarationBlock["kind"]): DeclarationBlock {
  const start = c.next();
  const block = start.text;
  const declarations: Declaration[] = [];
  blockItems(c, block, () => {
    const t = c.name(`in ${block} (a declaration such as "gbar = 0.1 (S/cm2)")`);
    if (c.is("[")) throw unsupported("[array]", posOf(c.peek()));
    let value: number | null = null;
    if (c.accept("=")) value = c.signedNumber(`as the value of "${t.text}"`);
    const unit = c.unit();
    let range: [number, number] | null = null;
    let lim = limits(c);
    if (c.accept("FROM")) {
      const lo = c.signedNumber("after FROM");
      c.expect("TO", "in FROM low TO high");
      range = [lo, c.signedNumber("after TO")];
      if (c.accept("WITH")) c.signedNumber("after WITH");
    }
    lim ??= limits(c);
    if (c.is("START")) {
      c.next();
      value = c.signedNumber("after START");
    }
    declarations.push({ name: t.text, value, unit, limits: lim, range, pos: posOf(t) });
  });
  return { kind, declarations, pos: posOf(start) };
}
