/** A page per gallery example (scripts/gallery-pages.ts), made from the example's own module. */
import { describe, expect, it } from "vitest";
import { GALLERY } from "../../ide/src/gallery/index.js";
import { examplePage, examplesIndex, loadExamples } from "../scripts/gallery-pages.js";

describe("gallery pages", () => {
  it("every example of the Examples menu has a page with its title, explanation, settings and script", async () => {
    const examples = await loadExamples();
    expect(examples.map((e) => e.entry.id)).toEqual(GALLERY.map((e) => e.id));
    for (const loaded of examples) {
      const page = examplePage(loaded);
      const { example } = loaded;
      expect(page.startsWith(`# ${example.title}\n`), example.id).toBe(true);
      expect(page).toContain(`*${loaded.entry.summary}*`);
      expect(page).toContain(`::: v-pre\n${example.explanation.trim()}\n:::`);
      expect(page).toContain(`${example.sim.tMax} ms, time step ${example.sim.dt} ms`);
      expect(page).toContain(`\`\`\`\`ts\n${example.script.trimEnd()}\n\`\`\`\``);
      for (const f of example.files) expect(page).toContain(`\`${f.name}\`: ${f.where}`);
    }
    const index = examplesIndex(examples);
    for (const { entry } of examples) expect(index).toContain(`- [${entry.title}](./${entry.id}.md): ${entry.summary}`);
  });

  it("an entry that loads an example of another id is an error", async () => {
    const [first, second] = await loadExamples();
    expect(() => examplePage({ entry: first.entry, example: second.example })).toThrow(
      `gallery: the entry "${first.entry.id}" loads an example whose id is "${second.example.id}"; they must be equal`,
    );
  });
});
