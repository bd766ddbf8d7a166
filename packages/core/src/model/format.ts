/**
 * How table values print, like pandas: one rule for `Table.toString()` and the IDE's
 * parameter table.
 */

/** A value in a table cell. */
export type TableValue = number | boolean | string;

/** Significant digits of a printed float (pandas' default `display.precision`). */
export const FORMAT_PRECISION = 6;

/**
 * Formats one table value as pandas prints it: booleans as `True`/`False`, floats with
 * {@link FORMAT_PRECISION} significant digits and a decimal point kept on whole numbers
 * (`10.0`, whole numbers up to 1e15), other values below 1e-4 or from 1e6 on in
 * exponent form without trailing zeros (`1.5e-5`, `1.23457e+6`), and values of integer
 * (index) columns as integers.
 *
 * @example formatValue(10) // "10.0"
 * @example formatValue(0.30000000000000004) // "0.3"
 * @example formatValue(1.23456789e-5) // "1.23457e-5"
 * @example formatValue(3, true) // "3"
 */
export function formatValue(v: TableValue, integerColumn = false): string {
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "string") return v;
  if (Number.isNaN(v)) return "NaN";
  if (integerColumn) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return `${v}.0`;
  const abs = Math.abs(v);
  // Exponent form where 6 significant digits cannot show the value as a plain decimal.
  if (abs !== 0 && (abs < 1e-4 || abs >= 10 ** FORMAT_PRECISION)) {
    return v.toExponential(FORMAT_PRECISION - 1).replace(/\.?0+e/, "e");
  }
  return String(Number(v.toPrecision(FORMAT_PRECISION)));
}

/**
 * Is `name` an index-like column (printed as integers)? `*_index`, `index_within_type`
 * and `type_ind`.
 *
 * @example isIntegerColumn("global_comp_index") // true
 * @example isIntegerColumn("radius") // false
 */
export function isIntegerColumn(name: string): boolean {
  return name.endsWith("_index") || name === "index_within_type" || name === "type_ind";
}
