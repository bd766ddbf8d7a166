/**
 * The mechanism-level names of an NMODL file: parameters, assigned variables, states,
 * constants, ion variables, and NEURON's own variables (`v`, `celsius`, `dt`, `t`).
 */
import type { DeclarationBlock, NeuronBlock, NmodlFile, SourcePos, UseIon } from "./ast.js";
import { NmodlError } from "./errors.js";
import { unitsConstant } from "./units.js";

/** What an ion variable is: reversal potential, inside or outside concentration, current. */
export type IonRole = "reversal" | "inside" | "outside" | "current";

export type SymbolKind = "parameter" | "assigned" | "state" | "constant" | "ion" | "builtin";

export interface MechSymbol {
  readonly name: string;
  readonly kind: SymbolKind;
  readonly unit: string | null;
  /** Default value (parameters, constants; states and assigned may have none). */
  readonly value: number | null;
  readonly limits: readonly [number, number] | null;
  /** In the NEURON block's RANGE list. */
  readonly range: boolean;
  /** For ion variables: the ion and the role. */
  readonly ion?: { readonly name: string; readonly role: IonRole; readonly read: boolean; readonly write: boolean };
  /** A RANGE name declared nowhere else: NEURON makes it an ASSIGNED variable that stays 0. */
  readonly implicit?: boolean;
  /** An ion concentration declared as a STATE (a buffering mechanism's `cai`). */
  readonly isState?: boolean;
  readonly pos: SourcePos;
}

/** NEURON's variables a mechanism may read: voltage, temperature, time step, time. */
export const BUILTINS: Record<string, string> = { v: "mV", celsius: "degC", dt: "ms", t: "ms" };

/** The variables of ion `x`: ex, xi, xo, ix. */
export function ionVariables(ion: string): Record<string, IonRole> {
  return { [`e${ion}`]: "reversal", [`${ion}i`]: "inside", [`${ion}o`]: "outside", [`i${ion}`]: "current" };
}

function ionSymbols(
  neuron: NeuronBlock | undefined,
): Map<string, { ion: UseIon; role: IonRole; read: boolean; write: boolean }> {
  const out = new Map<string, { ion: UseIon; role: IonRole; read: boolean; write: boolean }>();
  for (const ion of neuron?.ions ?? []) {
    const vars = ionVariables(ion.name);
    for (const [list, isWrite] of [
      [ion.read, false],
      [ion.write, true],
    ] as const) {
      for (const name of list) {
        const role = vars[name];
        if (role === undefined) {
          throw new NmodlError(
            ion.pos,
            "USEION",
            `USEION ${ion.name} ${isWrite ? "WRITE" : "READ"} ${name}: "${name}" is not ` +
              `a variable of ion ${ion.name}; its variables are ${Object.keys(vars).join(", ")}`,
          );
        }
        const prev = out.get(name);
        out.set(name, { ion, role, read: (prev?.read ?? false) || !isWrite, write: (prev?.write ?? false) || isWrite });
      }
    }
  }
  return out;
}

/**
 * The symbol table of a file, by name. Ion variables and NEURON's variables take
 * precedence over their declarations in PARAMETER or ASSIGNED (files declare `v`, `ek`,
 * `cai` there for their units); an ion concentration declared as STATE stays an ion
 * variable with `isState`.
 *
 * @example buildSymbols(parseNmodl(text)).get("gNaTs2_tbar")?.kind // "parameter"
 */
export function buildSymbols(file: NmodlFile): Map<string, MechSymbol> {
  const neuron = file.blocks.find((b): b is NeuronBlock => b.kind === "neuron");
  const range = new Set([...(neuron?.range ?? []), ...(neuron?.nonspecific ?? [])]);
  const ions = ionSymbols(neuron);
  const table = new Map<string, MechSymbol>();
  const declare = (s: MechSymbol) => {
    const prev = table.get(s.name);
    if (prev && prev.kind !== "ion" && prev.kind !== "builtin") {
      throw new NmodlError(
        s.pos,
        "declaration",
        `"${s.name}" is declared twice (first at line ${prev.pos.line}, ` +
          `column ${prev.pos.column}); declare each name once`,
      );
    }
    table.set(s.name, s);
  };
  const base = { unit: null, value: null, limits: null, range: false };
  for (const b of file.blocks) {
    if (b.kind === "units") {
      for (const e of b.entries) {
        if (e.kind !== "unitdef")
          declare({
            ...base,
            name: e.name,
            kind: "constant",
            value: unitsConstant(e),
            unit: e.kind === "value" ? e.unit : e.to,
            pos: e.pos,
          });
      }
    } else if (b.kind === "define") {
      declare({ ...base, name: b.name, kind: "constant", value: b.value, pos: b.pos });
    } else if (b.kind === "local") {
      for (const n of b.names) declare({ ...base, name: n, kind: "assigned", pos: b.pos });
    } else if (b.kind === "parameter" || b.kind === "constant" || b.kind === "assigned" || b.kind === "state") {
      declareBlock(b, range, ions, declare, table);
    }
  }
  for (const [name, info] of ions) {
    if (table.get(name)?.kind === "ion") continue;
    table.set(name, {
      ...base,
      name,
      kind: "ion",
      range: false,
      pos: info.ion.pos,
      ion: { name: info.ion.name, role: info.role, read: info.read, write: info.write },
    });
  }
  for (const name of neuron?.range ?? []) {
    if (!table.has(name) && !(name in BUILTINS)) {
      table.set(name, { ...base, name, kind: "assigned", range: true, implicit: true, pos: neuron!.pos });
    }
  }
  for (const [name, unit] of Object.entries(BUILTINS)) {
    table.set(name, { ...base, name, kind: "builtin", unit, pos: { line: 1, column: 1 } });
  }
  return table;
}

function declareBlock(
  b: DeclarationBlock,
  range: Set<string>,
  ions: ReturnType<typeof ionSymbols>,
  declare: (s: MechSymbol) => void,
  table: Map<string, MechSymbol>,
): void {
  for (const d of b.declarations) {
    if (d.name in BUILTINS) {
      if (b.kind === "state")
        throw new NmodlError(d.pos, "STATE", `"${d.name}" is NEURON's own variable and cannot be a STATE`);
      continue; // v (mV), celsius (degC), dt (ms) declared for their units
    }
    const ion = ions.get(d.name);
    if (ion) {
      if (b.kind === "state" && !(ion.write && (ion.role === "inside" || ion.role === "outside"))) {
        throw new NmodlError(
          d.pos,
          "STATE",
          `the STATE "${d.name}" is a variable of ion ${ion.ion.name}; a mechanism ` +
            `may integrate an ion concentration only if it WRITEs it (USEION ${ion.ion.name} WRITE ${d.name})`,
        );
      }
      const prev = table.get(d.name);
      if (prev?.kind === "ion") {
        throw new NmodlError(
          d.pos,
          "declaration",
          `"${d.name}" is declared twice (first at line ${prev.pos.line}); declare each name once`,
        );
      }
      table.set(d.name, {
        name: d.name,
        kind: "ion",
        unit: d.unit,
        value: d.value,
        limits: null,
        range: false,
        pos: d.pos,
        ion: { name: ion.ion.name, role: ion.role, read: ion.read, write: ion.write },
        isState: b.kind === "state",
      });
      continue;
    }
    if (b.kind === "constant" && d.value === null) {
      throw new NmodlError(d.pos, "CONSTANT", `the CONSTANT "${d.name}" needs a value: ${d.name} = number`);
    }
    const kind = b.kind === "constant" ? "constant" : b.kind;
    declare({
      name: d.name,
      kind,
      unit: d.unit,
      value: d.value,
      limits: d.limits,
      range: range.has(d.name),
      pos: d.pos,
    });
  }
}
