/**
 * How long the model worker may take to answer a request before it is taken for hung,
 * ended and restarted with the last good model. The deadlines scale with the work, so
 * legitimate long runs are never cut: building a model scales with its size (branches
 * and compartments); a simulation, announced by the worker with its step count and
 * compartments (and its own estimate of the time it takes), scales with those.
 */

/** Slack every request gets on top of its share of the work (a busy machine, a cold start). */
export const BASE_DEADLINE_MS = 30_000;

/** Allowed per branch or compartment of a model being built (deserialised, summarised, tabled). */
const BUILD_MS_PER_ELEMENT = 0.05;

/** Allowed per step and compartment when the worker gave no estimate (about 60 times the usual time). */
const SIM_MS_PER_COMP_STEP = 0.005;

/** A simulation may take this many times the worker's own estimate. */
const ESTIMATE_FACTOR = 4;

/** Branches plus compartments of a serialised model (0 for parts that are not lists: the worker refuses those). */
export function modelSize(model: unknown): number {
  const cells = (model as { cells?: unknown } | null)?.cells;
  if (!Array.isArray(cells)) return 0;
  let n = 0;
  for (const c of cells) {
    const parents = (c as { parents?: unknown } | null)?.parents;
    const ncomp = (c as { ncomp?: unknown } | null)?.ncomp;
    if (Array.isArray(parents)) n += parents.length;
    if (Array.isArray(ncomp)) for (const k of ncomp) n += typeof k === "number" && k > 0 ? k : 0;
  }
  return n;
}

/** Deadline for building a model of `size` branches and compartments (or answering a table of as many rows). */
export function buildDeadlineMs(size: number): number {
  return BASE_DEADLINE_MS + size * BUILD_MS_PER_ELEMENT;
}

/** Deadline for a simulation of `nSteps` steps of `nComp` compartments, from its start. */
export function simDeadlineMs(nSteps: number, nComp: number, estimateMs: number | null): number {
  const work =
    estimateMs !== null && Number.isFinite(estimateMs)
      ? ESTIMATE_FACTOR * estimateMs
      : nSteps * (nComp + 4) * SIM_MS_PER_COMP_STEP;
  return BASE_DEADLINE_MS + work;
}

/** "2.5 s", "3 min 20 s": a duration in words for messages. */
export function formatDuration(ms: number): string {
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 120) return `${Math.round(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
