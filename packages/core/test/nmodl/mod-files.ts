/**
 * The public .mod files under ../shared/mod (test data under their authors' licences;
 * read in place, never copied into the repository).
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** ../shared/mod relative to the repository root. */
export const MOD_DIR = fileURLToPath(new URL("../../../../../shared/mod/", import.meta.url));

export interface ModFile {
  readonly set: "l5pc" | "more";
  readonly name: string;
  readonly text: string;
}

/** Every .mod file of ../shared/mod/l5pc and ../shared/mod/more, sorted by name. */
export function modFiles(): ModFile[] {
  return (["l5pc", "more"] as const).flatMap((set) =>
    readdirSync(`${MOD_DIR}${set}`)
      .filter((f) => f.endsWith(".mod"))
      .sort()
      .map((name) => ({ set, name, text: readFileSync(`${MOD_DIR}${set}/${name}`, "utf8") })),
  );
}

/** One file's text, e.g. `modText("l5pc", "SK_E2.mod")`. */
export function modText(set: "l5pc" | "more", name: string): string {
  return readFileSync(`${MOD_DIR}${set}/${name}`, "utf8");
}

/** The 12 mechanisms of the L5PC set (../shared/mod/l5pc/<name>.mod), by SUFFIX. */
export const L5PC_MOD_NAMES = [
  "NaTs2_t",
  "NaTa_t",
  "Nap_Et2",
  "K_Pst",
  "K_Tst",
  "SKv3_1",
  "Im",
  "SK_E2",
  "Ca_HVA",
  "Ca_LVAst",
  "CaDynamics_E2",
  "Ih",
];
