/** A lesson's front matter: `key: value` lines between two "---" lines at the top. */

export const KEYS = ["title", "example"] as const;

type Values = Partial<Record<(typeof KEYS)[number], { value: string; line: number }>>;

/** The front matter's values with their lines, and the line after it (0-based index); problems go to `bad`. */
export function frontMatter(
  lines: string[],
  bad: (line: number, message: string) => void,
): { values: Values; end: number } {
  const values: Values = {};
  if (lines[0]?.trim() !== "---") {
    bad(1, 'a lesson starts with its front matter: a line "---", then "title: …", then "---"');
    return { values, end: 0 };
  }
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === "---") return { values, end: i + 1 };
    if (!raw || raw.startsWith("#")) continue;
    const m = /^([A-Za-z_-]+)\s*:\s*(.*)$/.exec(raw);
    if (!m) {
      bad(i + 1, `front matter lines are "key: value" (keys: ${KEYS.join(", ")}); got "${raw.slice(0, 40)}"`);
      continue;
    }
    const key = m[1] as (typeof KEYS)[number];
    if (!KEYS.includes(key)) {
      bad(i + 1, `unknown front matter key "${m[1]}"${nearest(m[1])}; keys: ${KEYS.join(", ")}`);
      continue;
    }
    if (values[key]) bad(i + 1, `"${key}" is given twice (first on line ${values[key].line})`);
    else values[key] = { value: m[2].trim().replace(/^"(.*)"$/, "$1"), line: i + 1 };
  }
  bad(1, 'the front matter is never closed: end it with a line "---"');
  return { values, end: lines.length };
}

/** ` (did you mean "title"?)` for a key one or two edits away from a known one. */
function nearest(key: string): string {
  const close = KEYS.find((k) => editDistance(k, key.toLowerCase()) <= 2);
  return close ? ` (did you mean "${close}"?)` : "";
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}
