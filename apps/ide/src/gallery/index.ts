/**
 * The Examples menu's entries. Only titles and summaries are here; each example's module
 * is imported on demand (its own chunk), so the gallery adds almost nothing to first paint.
 */
import type { GalleryEntry } from "./types.js";

export const GALLERY: readonly GalleryEntry[] = [
  {
    id: "tutorial",
    title: "Groups tutorial network",
    summary: "Three cells, two synapses, groups with shared parameters (the opening script).",
    load: async () => (await import("./tutorial-example.js")).TUTORIAL_EXAMPLE,
  },
  {
    id: "hh",
    title: "Hodgkin-Huxley: threshold, refractoriness, f-I",
    summary: "The action potential: all-or-none threshold, refractory period and the firing rate against current.",
    load: async () => (await import("./hh-example.js")).HH_EXAMPLE,
  },
  {
    id: "cable",
    title: "Passive cable: the length constant",
    summary: "Attenuation of a steady voltage along a dendrite, drawn with the analytic cable solution.",
    load: async () => (await import("./cable-example.js")).CABLE_EXAMPLE,
  },
  {
    id: "propagation",
    title: "Propagation: velocity against axon radius",
    summary: "Five HH axons of growing radius: the conduction velocity follows the square-root law.",
    load: async () => (await import("./propagation-example.js")).PROPAGATION_EXAMPLE,
  },
  {
    id: "dendrites",
    title: "Dendritic integration: near, far, together",
    summary: "One synapse near and far from the soma; two inputs summed at different places and at one.",
    load: async () => (await import("./dendrites-example.js")).DENDRITES_EXAMPLE,
  },
  {
    id: "ca1-bap",
    title: "CA1 pyramidal cell: a backpropagating spike",
    summary: "A reconstructed morphology (SWC) coloured by path distance; the spike travels into the dendrites.",
    load: async () => (await import("./ca1-example.js")).CA1_EXAMPLE,
  },
  {
    id: "ei-network",
    title: "Excitatory-inhibitory network with a raster",
    summary: "Sixteen excitatory and four inhibitory cells, sparse random synapses, the spike raster.",
    load: async () => (await import("./ei-network-example.js")).EI_NETWORK_EXAMPLE,
  },
  {
    id: "fit",
    title: "Fitting two conductances with the trainer",
    summary: "Gradient descent through the simulation recovers HH_gNa and HH_gK from a recorded trace.",
    load: async () => (await import("./fit-example.js")).FIT_EXAMPLE,
  },
  {
    id: "l5pc-fit",
    title: "L5PC fit (Jaxley paper, Fig. 3)",
    summary: "19 region-wise conductances of a layer-5 pyramidal cell fitted by gradient descent.",
    load: async () => (await import("./l5pc-fit-example.js")).L5PC_FIT_EXAMPLE,
  },
];

/** The entry with this id (undefined if there is none). */
export function galleryEntry(id: string): GalleryEntry | undefined {
  return GALLERY.find((e) => e.id === id);
}
