/**
 * The lessons that ship with Dendrolab (lessons/shipped/*.md), each a lesson file as a
 * teacher would write it. Loaded on demand: the texts are not part of the first paint.
 */
import groups from "./shipped/groups.md?raw";
import threshold from "./shipped/threshold.md?raw";

export interface ShippedLesson {
  id: string;
  title: string;
  summary: string;
  source: string;
}

export const SHIPPED_LESSONS: readonly ShippedLesson[] = [
  {
    id: "groups",
    title: "Groups and shared parameters",
    summary: "The groups tutorial step by step: make a group, set it, leave depolarisation block, train it.",
    source: groups,
  },
  {
    id: "threshold",
    title: "What sets the spike threshold?",
    summary: "A Hodgkin-Huxley compartment: find the threshold, change the sodium channels, fire a train.",
    source: threshold,
  },
];
