/** The small part of plotly.js the IDE uses. */
export type PlotData = Record<string, unknown>;
export type PlotLayout = Record<string, unknown>;

export interface PlotlyHTMLElement extends HTMLDivElement {
  on(
    event: "plotly_click",
    handler: (e: { points: Array<{ customdata?: unknown; data?: { name?: string } }>; event?: MouseEvent }) => void,
  ): void;
  removeAllListeners?(event: string): void;
}

export interface PlotlyApi {
  react(
    el: HTMLElement,
    data: PlotData[],
    layout: PlotLayout,
    config?: Record<string, unknown>,
  ): Promise<PlotlyHTMLElement>;
  purge(el: HTMLElement): void;
  /** The plot as a data URL (`data:image/png;base64,...` or `data:image/svg+xml,...`). */
  toImage(
    el: HTMLElement,
    opts: { format: "png" | "svg"; width: number; height: number; scale?: number; setBackground?: string },
  ): Promise<string>;
  /** The mode bar's icons (`camera`, `disk`, ...). */
  Icons?: Record<string, unknown>;
  Plots: { resize(el: HTMLElement): void };
}
