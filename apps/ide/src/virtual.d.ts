/** Build-time modules (see build/*.ts). */
declare module "virtual:core-dts" {
  /** [file path under file:///node_modules, declaration text] */
  const files: Array<[string, string]>;
  export default files;
}

declare module "virtual:sandbox-worker-source" {
  /** The light script worker (no tfjs) as one classic script. */
  export const light: string;
  /** The file (next to sandbox.html) of the full script worker (with tfjs): a classic script setting `DendrolabFullWorkerSource`. */
  export const fullFile: string;
}

declare module "virtual:tutorial-model" {
  /** The model the shipped tutorial's script builds, made at build time (build/tutorial-model-plugin.ts). */
  export const model: import("@dendrolab/core/io").SerializedModel;
  /** What the script logged while it built the model. */
  export const logs: readonly string[];
}

declare module "plotly.js-basic-dist-min" {
  const Plotly: import("./ui/plots/plotly-types.js").PlotlyApi;
  export default Plotly;
}

declare module "plotly.js-gl3d-dist-min" {
  const Plotly: import("./ui/plots/plotly-types.js").PlotlyApi;
  export default Plotly;
}

declare module "plotly.js-cartesian-dist-min" {
  const Plotly: import("./ui/plots/plotly-types.js").PlotlyApi;
  export default Plotly;
}

declare module "monaco-codicons.css";
declare module "monaco-codicon-modifiers.css";
