/** What the gallery e2e tests expect of each example that runs without files: the caption shows its phenomenon. */
export interface ExampleExpectation {
  id: string;
  title: string;
  /** The figure's caption (measured numbers). */
  caption: RegExp;
  /** Words of the explanation. */
  text: RegExp;
}

export const EXAMPLES: readonly ExampleExpectation[] = [
  {
    id: "hh",
    title: "Hodgkin-Huxley: threshold, refractoriness, f-I",
    caption: /the first to fire a spike is 0\.5 nA.*f-I: 0, \d+, \d+/,
    text: /type II/,
  },
  {
    id: "cable",
    title: "Passive cable: the length constant",
    caption: /λ = √\(a R_m \/ 2R_a\) = 707 µm.*largest difference from the analytic profile is 0\.\d+ %/,
    text: /length constant/,
  },
  {
    id: "propagation",
    title: "Propagation: velocity against axon radius",
    caption: /exponent 0\.[45]\d \(cable theory: 0\.5\)/,
    text: /square root of the radius/,
  },
  {
    id: "dendrites",
    title: "Dendritic integration: near, far, together",
    caption: /far synapse gives [\d.]+ mV, the near one [\d.]+ mV/,
    text: /sublinearly/,
  },
  {
    id: "ei-network",
    title: "Excitatory-inhibitory network with a raster",
    caption: /16 of 16 excitatory and 4 of 4 inhibitory cells fire/,
    text: /spike raster/,
  },
];
