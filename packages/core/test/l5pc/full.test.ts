/**
 * The full L5PC of Hay et al. (2011) with the project's channels, against NEURON running
 * the model's .mod files (fixtures l5pc_full_*): the BBP morphology with its axon read as
 * NEURON reads it, 4 compartments per section, regions and values of BluePyOpt's
 * parameters.json / release_params.json, exponential apical Ih, 34 C. Every voltage
 * within 0.01 mV and equal spike counts (issue 10).
 */
import { describe, it } from "vitest";
import { available, CASES, checkFullCase } from "./full-case.js";

describe.skipIf(!available)("full L5PC against NEURON", () => {
  it.each(CASES)(
    "%s",
    (name) => {
      const errors = checkFullCase(name);
      if (process.env.L5PC_VERBOSE) console.log(name, errors);
    },
    120_000,
  );
});
