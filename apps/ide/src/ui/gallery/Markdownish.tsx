/**
 * A small markdown subset for the gallery's explanations, rendered as React elements (no
 * HTML is injected): paragraphs separated by blank lines, `- ` list items, `code` and
 * **bold**; *emphasis* with single asterisks.
 */
import type { ReactNode } from "react";

/** Inline markup of one line: `code`, **bold**, *emphasis*. */
export function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const key = out.length;
    if (m[1] !== undefined) out.push(<code key={key}>{m[1]}</code>);
    else if (m[2] !== undefined) out.push(<strong key={key}>{inline(m[2])}</strong>);
    else out.push(<em key={key}>{m[3]}</em>);
    last = re.lastIndex;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** The blocks of a text: paragraphs and lists. */
export function Markdownish({ text }: { text: string }) {
  const blocks = text.trim().split(/\n\s*\n/);
  return (
    <>
      {blocks.map((block, i) => {
        const lines = block.split("\n");
        if (lines.every((l) => l.startsWith("- ")))
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks of a fixed text
            <ul key={i}>
              {lines.map((l, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text
                <li key={j}>{inline(l.slice(2))}</li>
              ))}
            </ul>
          );
        // biome-ignore lint/suspicious/noArrayIndexKey: blocks of a fixed text
        return <p key={i}>{inline(lines.join(" "))}</p>;
      })}
    </>
  );
}
