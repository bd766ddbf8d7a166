/**
 * Seeded mutations of NMODL texts for the fuzz tests: token deletions, duplications and
 * swaps, truncation, inserted braces and parentheses, random bytes.
 */

const PIECES = /\s+|[A-Za-z_]\w*|\d+\.?\d*(?:[eE][+-]?\d+)?|<->|[<>=!]=|&&|\|\||\S/g;
const INSERTS = [
  "{",
  "}",
  "(",
  ")",
  "'",
  "=",
  "~",
  "<",
  ">",
  ",",
  "-",
  "^",
  "if",
  "else",
  "LOCAL",
  "SOLVE",
  "FROM",
  "TO",
  "COMMENT",
  "ENDCOMMENT",
  ":",
  "?",
  "\n",
  "PROCEDURE",
  "FUNCTION",
  "TABLE",
  "UNITS",
  "(mV)",
  "1e",
  ".",
  '"',
  "[0]",
];

/** One mutation of `text`, drawn with `rand` (a seeded PRNG returning [0, 1)). */
export function mutate(text: string, rand: () => number): string {
  const pick = (n: number) => Math.floor(rand() * n);
  const pieces: string[] = text.match(PIECES) ?? [""];
  const kinds = 7;
  const rounds = 1 + pick(3);
  let out: string[] = pieces;
  for (let r = 0; r < rounds; r++) {
    const k = pick(kinds);
    const i = pick(out.length),
      j = pick(out.length);
    out = [...out];
    switch (k) {
      case 0:
        out.splice(i, 1 + pick(3));
        break; // delete tokens
      case 1:
        out.splice(i, 0, ...out.slice(i, i + 1 + pick(4)));
        break; // duplicate
      case 2:
        [out[i], out[j]] = [out[j], out[i]];
        break; // swap
      case 3:
        out = out.slice(0, i);
        break; // truncate
      case 4:
        out.splice(i, 0, INSERTS[pick(INSERTS.length)]);
        break; // insert a token
      case 5: {
        // random bytes
        const bytes = Array.from({ length: 1 + pick(8) }, () => String.fromCharCode(pick(256)));
        out.splice(i, 0, bytes.join(""));
        break;
      }
      case 6:
        out.splice(i, 0, "{".repeat(1 + pick(300)));
        break; // deep nesting
    }
  }
  return out.join("");
}
