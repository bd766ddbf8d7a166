/** Colours of groups (categorical) and of values (a sequential scale). */
const GROUP_COLOURS = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#9467bd",
  "#ff7f0e",
  "#17becf",
  "#8c564b",
  "#e377c2",
  "#bcbd22",
  "#7f7f7f",
];

export function groupColour(i: number): string {
  return GROUP_COLOURS[i % GROUP_COLOURS.length];
}

export const NO_GROUP = "#b8bec8";
export const VALUE_SCALE = "Viridis";
