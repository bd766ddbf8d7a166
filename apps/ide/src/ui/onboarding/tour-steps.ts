/** The tour: at most five steps, each about one region of the IDE (found by CSS selector). */

export interface TourStep {
  title: string;
  text: string;
  /** The regions highlighted; the text box is placed beside the first. */
  targets: readonly string[];
}

export const TOUR_STEPS: readonly TourStep[] = [
  {
    title: "The script is the model",
    text: "Everything you build is a script in Jaxley's API. Each click in the panels writes lines here; edit it yourself and press Ctrl+Enter (or ▶ Run) to build and simulate.",
    targets: [".editor-panel"],
  },
  {
    title: "Cells, branches, compartments",
    text: "The model tree (left) and the morphology (right) show the same cells. Select in either, Ctrl+click to add, then add the selection to a group, or record and stimulate it.",
    targets: [".tree-panel", ".morph-panel"],
  },
  {
    title: "Every parameter in a table",
    text: "The selection's (or a group's) parameters, one row per compartment. Edit a cell, or set a key on every row: each edit is a set line in the script and re-simulates at once.",
    targets: [".table-panel"],
  },
  {
    title: "Traces after every run",
    text: "What you record, redrawn after every run. Above the plot: the clamps and recordings in place, and “keep earlier runs” to compare a run with the ones before.",
    targets: [".tabs-panel"],
  },
  {
    title: "Train, learn, share",
    text: "The Trainer tab fits parameters to a trace by gradient descent. Examples and Lessons teach by doing; Project and Share keep and send your work. This tour is in Help (?) any time.",
    targets: [".toolbar", '[data-testid="tab-trainer"]'],
  },
];
