/**
 * A lesson's markdown: fenced code blocks as code, the rest through the gallery's small
 * markdown subset (paragraphs, lists, `code`, **bold**, *emphasis*). No HTML is injected.
 */
import { Markdownish } from "../gallery/Markdownish.js";

export function LessonText({ text }: { text: string }) {
  const parts = text.split(/^```[^\n]*\n([\s\S]*?)^```\s*$/m);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed text
          <pre key={i} className="lesson-code">
            {part.replace(/\n$/, "")}
          </pre>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed text
          part.trim() && <Markdownish key={i} text={part} />
        ),
      )}
    </>
  );
}
