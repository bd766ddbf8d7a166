/**
 * The cells drawn from their coordinates (laid out when the model has none), in 2-D or
 * 3-D, coloured by group or by a parameter. Clicking a compartment selects it (alt-click:
 * its branch; ctrl/cmd or shift adds); instruments then go to the compartment clicked.
 */
import { useEffect, useMemo, useState } from "react";
import { withUnit } from "../../protocol/units.js";
import { branchKey, compKey } from "../../session/selection.js";
import { useActions, useSessionState } from "../session-context.js";
import { Panel } from "../widgets.js";
import { fittedScene } from "./camera-fit.js";
import { morphologyTraces } from "./morphology-data.js";
import { BASE_LAYOUT } from "./plotly.js";
import { Plot } from "./Plot.js";
import { SwcWarnings } from "./SwcWarnings.js";
import "./morphology.css";

/** Every point drawn: compartment centres and the traced points of every branch. */
function allPoints(c: { x: number[]; y: number[]; z: number[]; branchPaths: number[][][] }) {
  const x = [...c.x];
  const y = [...c.y];
  const z = [...c.z];
  for (const path of c.branchPaths)
    for (const p of path) {
      x.push(p[0]);
      y.push(p[1]);
      z.push(p[2]);
    }
  return { x, y, z };
}

/** Width / height of an element, followed as it resizes (1.6 until measured). */
function useAspect(testid: string): number {
  const [aspect, setAspect] = useState(1.6);
  useEffect(() => {
    const el = document.querySelector(`[data-testid="${testid}"]`);
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) setAspect(+(r.width / r.height).toFixed(2));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [testid]);
  return aspect;
}

/** A key of the cell's extent (changes when another cell is loaded, not when a parameter is). */
function sceneKey(p: { x: number[]; y: number[]; z: number[] }): string {
  const r = (v: number[]) => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const x of v) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return `${Math.round(lo)},${Math.round(hi)}`;
  };
  return `${p.x.length}:${r(p.x)}:${r(p.y)}:${r(p.z)}`;
}

export function MorphologyPanel() {
  const a = useActions();
  const model = useSessionState((s) => s.model);
  const view = useSessionState((s) => s.view);
  const values = useSessionState((s) => s.colourValues);
  const selected = useSessionState((s) => s.selectedNodes);
  const selection = useSessionState((s) => s.selection);
  const highlight = view.table.kind === "group" ? view.table.name : null;
  const keys = useMemo(() => (model ? model.summary.nodeKeys : []), [model]);
  const data = useMemo(
    () =>
      model
        ? morphologyTraces(model.summary, {
            dims: view.dims,
            values: view.colourBy === "group" ? null : values,
            valueKey: withUnit(view.colourBy, model.summary.units?.[view.colourBy]),
            selected,
            highlightGroup: highlight,
          })
        : [],
    [model, view.dims, view.colourBy, values, selected, highlight],
  );
  const hasLegend = data.some((d) => d.showlegend !== false);
  const coords = model?.summary.coords;
  const viewAspect = useAspect("morphology-panel");
  const points = useMemo(() => (coords ? allPoints(coords) : null), [coords]);
  const layout = useMemo(
    () =>
      view.dims === "3d" && points
        ? {
            ...BASE_LAYOUT,
            margin: { l: 0, r: 0, t: 0, b: 0 },
            // The camera is fitted again when the cell's extent or the panel's shape changes.
            uirevision: `morph3d:${sceneKey(points)}:${viewAspect}`,
            scene: fittedScene(points, viewAspect),
          }
        : {
            ...BASE_LAYOUT,
            // The legend above the plot: below it, it ran into the x axis title in short panels. The top
            // margin holds one row of it: with less, plotly pushes the margin and draws the whole plot twice.
            margin: { ...BASE_LAYOUT.margin, t: hasLegend ? 42 : 24 },
            legend: { ...BASE_LAYOUT.legend, x: 0, y: 1, yanchor: "bottom" },
            uirevision: "morph2d",
            xaxis: { title: { text: "x (µm)" }, zeroline: false },
            yaxis: { title: { text: "y (µm)" }, scaleanchor: "x", zeroline: false },
            hovermode: "closest",
            dragmode: "pan",
          },
    [view.dims, points, viewAspect, hasLegend],
  );
  const onClick = (node: unknown, e: MouseEvent | undefined) => {
    if (!model || typeof node !== "number") return;
    const { cell, branch, comp } = model.topo.addressOf(node);
    const whole = !!e?.altKey;
    const visible = model.summary.cells.flatMap((c, ci) =>
      c.branches.flatMap((b, bi) =>
        whole ? [branchKey(ci, bi)] : Array.from({ length: b.ncomp }, (_, k) => compKey(ci, bi, k)),
      ),
    );
    const key = whole ? branchKey(cell, branch) : compKey(cell, branch, comp);
    a.select(key, { toggle: !!(e && (e.ctrlKey || e.metaKey)), range: !!e?.shiftKey }, visible);
  };
  void selection;
  return (
    <Panel
      title={
        <span
          title={
            model?.summary.coords.source === "layout"
              ? "The model has no coordinates: cells are laid out from their topology. Click a compartment to select it (alt-click: its branch); ctrl/shift-click adds."
              : "Click a compartment to select it (alt-click: its branch); ctrl/shift-click adds."
          }
        >
          Morphology {model?.summary.coords.source === "layout" && <span className="muted">· laid out</span>}
        </span>
      }
      className="morph-panel"
      testid="morphology-panel"
      tools={
        <>
          <fieldset className="seg" aria-label="dimensions">
            {(["2d", "3d"] as const).map((d) => (
              <button
                type="button"
                key={d}
                className={view.dims === d ? "on" : ""}
                aria-pressed={view.dims === d}
                onClick={() => a.setView({ dims: d })}
                data-testid={`morph-${d}`}
              >
                {d.toUpperCase()}
              </button>
            ))}
          </fieldset>
          <label className="field">
            <span>colour by</span>
            <select value={view.colourBy} onChange={(e) => void a.colourBy(e.target.value)} data-testid="colour-by">
              <option value="group">group</option>
              {keys.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
        </>
      }
    >
      <SwcWarnings />
      <div className="morph-plot-area">
        {model && (
          <Plot
            data={data}
            layout={layout}
            onClick={onClick}
            testid="morphology-plot"
            bundle={view.dims === "3d" ? "gl3d" : "basic"}
          />
        )}
      </div>
    </Panel>
  );
}
