/**
 * The gallery's examples: each is a script written for the project with a short
 * explanation, its simulation and trainer settings, and the files it needs that are not
 * part of the repository (the user drops them in; see session/gallery-actions.ts).
 */
import type { SimSettings, Traces } from "../protocol/model.js";
import type { ViewSettings } from "../session/share/schema.js";
import type { TrainerSettings } from "../session/trainer-settings.js";

/** A file an example reads that the repository does not hold: the user drops it on the page. */
export interface NeededFile {
  /** The name the script reads it by (`files["…"]` of `dendrolab:files`). */
  name: string;
  /** Where to find it, one sentence. */
  where: string;
}

/** One example, as loaded on demand. */
export interface GalleryExample {
  id: string;
  title: string;
  /**
   * The explanation, markdown-ish: paragraphs separated by blank lines, `- ` list items,
   * `code` and **bold** (see ui/gallery/Markdownish.tsx).
   */
  explanation: string;
  script: string;
  sim: SimSettings;
  trainer: TrainerSettings;
  files: readonly NeededFile[];
  /** View settings the example opens with beside the defaults (e.g. `colourBy`). */
  view?: Partial<ViewSettings>;
  /**
   * The example's figure, derived from its run on the page (e.g. an f-I curve from the
   * spike counts of its traces); absent when the traces panel says it all.
   */
  figure?: (run: ExampleRun) => ExampleFigure;
}

/** What an example's figure is derived from: the latest run's traces and the script's console lines. */
export interface ExampleRun {
  traces: Traces;
  logs: readonly string[];
}

/** One curve of a figure; colours are the UI's. */
export interface FigureSeries {
  label: string;
  x: number[];
  y: number[];
  /** "line" (default), "markers" (points joined by a thin line) or "dashed" (e.g. the analytic curve). */
  style?: "line" | "markers" | "dashed";
}

/** A figure beside the explanation: curves, axis labels and a caption with the numbers it shows. */
export interface ExampleFigure {
  title: string;
  xLabel: string;
  yLabel: string;
  series: FigureSeries[];
  /** One or two sentences with the measured numbers (e.g. "λ 707 µm measured, 707 µm analytic"). */
  caption: string;
  /** The numbers behind the caption, by name (tests check them). */
  values: Record<string, number>;
}

/** An entry of the Examples menu: what it shows before the example is loaded. */
export interface GalleryEntry {
  id: string;
  title: string;
  /** One line under the title in the menu. */
  summary: string;
  /** Loads the example (a separate chunk: nothing of it is in the first-paint bundle). */
  load(): Promise<GalleryExample>;
}
