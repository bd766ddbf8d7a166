/**
 * An example's figure in its explanation panel: derived from the latest run by the
 * example's own `figure` (e.g. the f-I curve from the spikes of its traces), redrawn after
 * every run, so that the "Try: …" edits of the explanation show in it too.
 */
import { useMemo } from "react";
import type { ExampleFigure, GalleryExample } from "../../gallery/types.js";
import { LiveChart, type Series } from "../plots/LiveChart.js";
import { useSessionState } from "../session-context.js";

const COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"];

type Derived = { ok: true; figure: ExampleFigure } | { ok: false; message: string } | null;

export function ExampleFigureView({ example }: { example: GalleryExample }) {
  const latest = useSessionState((s) => s.runs[s.runs.length - 1]);
  const logs = useSessionState((s) => s.run.logs);
  const derived = useMemo((): Derived => {
    if (!example.figure || !latest) return null;
    try {
      return { ok: true, figure: example.figure({ traces: latest.traces, logs }) };
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
  }, [example, latest, logs]);
  if (!example.figure) return null;
  if (!derived)
    return (
      <p className="example-figure-note muted" data-testid="example-figure-note">
        The figure appears once the example has run.
      </p>
    );
  if (!derived.ok)
    return (
      <p className="example-figure-note muted" data-testid="example-figure-note">
        The figure needs the example's recordings ({derived.message}); undo your edits or reopen the example.
      </p>
    );
  const f = derived.figure;
  const series: Series[] = f.series.map((s, i) => ({
    x: s.x,
    y: s.y,
    label: s.label,
    color: COLOURS[i % COLOURS.length],
    dash: s.style === "dashed",
    markers: s.style === "markers",
    width: s.style === "markers" ? 1 : 1.5,
  }));
  return (
    <figure className="example-figure" data-testid="example-figure">
      <figcaption className="example-figure-title">{f.title}</figcaption>
      <div className="example-figure-chart">
        <LiveChart series={series} xLabel={f.xLabel} yLabel={f.yLabel} testid="example-figure-plot" />
      </div>
      <p className="example-figure-caption" data-testid="example-figure-caption">
        {f.caption}
      </p>
    </figure>
  );
}
