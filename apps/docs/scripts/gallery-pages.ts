/**
 * A page per example of the IDE's gallery (apps/ide/src/gallery), made from the example's
 * own module: its title, summary, explanation, settings, needed files and script.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runnerImport } from "vite";
import type { LoadedExample } from "./gallery-load.js";

/** The gallery's examples, in the Examples menu's order. */
export async function loadExamples(): Promise<LoadedExample[]> {
  const entry = fileURLToPath(new URL("./gallery-load.ts", import.meta.url));
  const { module } = await runnerImport<typeof import("./gallery-load.js")>(entry, {
    configFile: false,
    logLevel: "warn",
  });
  return module.EXAMPLES;
}

/** The page's path under the content folder. */
export const examplePath = (id: string) => `examples/${id}.md`;

/** One example's page (markdown). */
export function examplePage({ entry, example }: LoadedExample): string {
  if (entry.id !== example.id) {
    throw new Error(
      `gallery: the entry "${entry.id}" loads an example whose id is "${example.id}"; they must be equal`,
    );
  }
  const { sim } = example;
  const lines = [
    `# ${example.title}`,
    "",
    `*${entry.summary}*`,
    "",
    `In the IDE: **Examples ▾** → *${example.title}* replaces the script and settings with this example's and runs it.`,
    "",
    // v-pre: the explanation is shown as written, never read as a Vue template.
    "::: v-pre",
    example.explanation.trim(),
    ":::",
    "",
    "## Settings",
    "",
    `- Simulation: ${sim.tMax} ms, time step ${sim.dt} ms, solver \`${sim.solver}\`.`,
  ];
  if (example.trainer.params.length > 0) {
    lines.push(
      `- Trainer: ${example.trainer.params.length} parameter(s), ${example.trainer.steps} steps, loss \`${example.trainer.loss}\`.`,
    );
  }
  if (example.figure) lines.push("- After each run, the example's panel draws a figure derived from the run.");
  if (example.files.length > 0) {
    lines.push("", "## Files it needs", "", "These are not in the repository: drop them on the IDE's page.", "");
    for (const f of example.files) lines.push(`- \`${f.name}\`: ${f.where}`);
  }
  lines.push("", "## The script", "", "````ts", example.script.trimEnd(), "````", "");
  return lines.join("\n");
}

/** The examples' index page. */
export function examplesIndex(examples: readonly LoadedExample[]): string {
  const lines = [
    "# Examples",
    "",
    "The examples of the IDE's **Examples ▾** menu, each with its explanation and script (made from the gallery's sources).",
    "",
  ];
  for (const { entry } of examples) lines.push(`- [${entry.title}](./${entry.id}.md): ${entry.summary}`);
  return `${lines.join("\n")}\n`;
}

/** Writes the examples' pages under `content`; returns their titles by content path. */
export async function writeExamplePages(content: string): Promise<Map<string, string>> {
  const examples = await loadExamples();
  const titles = new Map<string, string>();
  mkdirSync(join(content, "examples"), { recursive: true });
  writeFileSync(join(content, "examples/index.md"), examplesIndex(examples));
  for (const loaded of examples) {
    writeFileSync(join(content, examplePath(loaded.entry.id)), examplePage(loaded));
    titles.set(examplePath(loaded.entry.id), loaded.entry.title);
  }
  return titles;
}
