/**
 * Learning-rate schedules of the trainer: the rate Adam uses at each step of a job of
 * `steps` steps. A decaying rate lets Adam settle at the optimum instead of circling it
 * (with a constant rate the loss of the tutorial's training rises and falls again).
 *
 * - "constant": the base rate at every step.
 * - "cosine": from the base rate down to {@link COSINE_FLOOR} of it, along half a cosine.
 * - "step": halved after every quarter of the steps (the last quarter runs at 1/8).
 */
export const LR_SCHEDULES = ["cosine", "step", "constant"] as const;
export type LrSchedule = (typeof LR_SCHEDULES)[number];

/** The fraction of the base rate a cosine schedule ends at. */
export const COSINE_FLOOR = 0.02;

/**
 * The learning rate at `step` (1-based) of `steps`.
 *
 * @example learningRate("cosine", 0.05, 1, 40)  // 0.05
 * @example learningRate("cosine", 0.05, 40, 40) // 0.001
 * @example learningRate("step", 0.05, 40, 40)   // 0.00625
 */
export function learningRate(schedule: LrSchedule, base: number, step: number, steps: number): number {
  const progress = steps > 1 ? Math.min(1, Math.max(0, (step - 1) / (steps - 1))) : 0;
  if (schedule === "cosine")
    return base * (COSINE_FLOOR + (1 - COSINE_FLOOR) * 0.5 * (1 + Math.cos(Math.PI * progress)));
  if (schedule === "step") {
    const quarter = Math.max(1, Math.ceil(steps / 4));
    return base * 0.5 ** Math.min(3, Math.floor((step - 1) / quarter));
  }
  return base;
}
