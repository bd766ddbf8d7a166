/**
 * The cells drawn from their coordinates (laid out when the model has none), in 2-D or
 * 3-D, coloured by group or by a parameter. Clicking a compartment selects its branch
 * (ctrl/cmd or shift adds).
 */
import { useMemo } from "react";
import { withUnit } from "../../protocol/units.js";
import { branchKey } from "../../session/selection.js";
import { useActions, useSessionState } from "../session-context.js";
import { Panel } from "../widgets.js";
import { morphologyTraces } from "./morphology-data.js";
import { BASE_LAYOUT } from "./plotly.js";
import { Plot } from "./Plot.js";

/** A 3-D scene in the data's proportions, looking down z (flat layouts face the viewer). */
function scene3d(c: { x: number[]; y: number[]; z: number[] }) {
  const span = (v: number[]) => Math.max(1e-9, Math.max(...v) - Math.min(...v));
  const [sx, sy, sz] = [span(c.x), span(c.y), span(c.z)];
  const m = Math.max(sx, sy, sz);
  const axis = (t: string) => ({ title: { text: `${t} (µm)` } });
  return {
    aspectmode: "manual",
    aspectratio: { x: sx / m, y: sy / m, z: Math.max(sz / m, 0.25) },
    camera: { eye: { x: 0.12, y: -0.45, z: 0.95 }, up: { x: 0, y: 1, z: 0 } },
    xaxis: axis("x"),
    yaxis: axis("y"),
    zaxis: axis("z"),
  };
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
  const coords = model?.summary.coords;
  const layout = useMemo(
    () =>
      view.dims === "3d" && coords
        ? { ...BASE_LAYOUT, margin: { l: 0, r: 0, t: 0, b: 0 }, uirevision: "morph3d", scene: scene3d(coords) }
        : {
            ...BASE_LAYOUT,
            uirevision: "morph2d",
            xaxis: { title: { text: "x (µm)" }, zeroline: false },
            yaxis: { title: { text: "y (µm)" }, scaleanchor: "x", zeroline: false },
            hovermode: "closest",
            dragmode: "pan",
          },
    [view.dims, coords],
  );
  const onClick = (node: unknown, e: MouseEvent | undefined) => {
    if (!model || typeof node !== "number") return;
    const { cell, branch } = model.topo.addressOf(node);
    const visible = model.summary.cells.flatMap((c, ci) => c.branches.map((_, bi) => branchKey(ci, bi)));
    a.select(branchKey(cell, branch), { toggle: !!(e && (e.ctrlKey || e.metaKey)), range: !!e?.shiftKey }, visible);
  };
  void selection;
  return (
    <Panel
      title={
        <span
          title={
            model?.summary.coords.source === "layout"
              ? "The model has no coordinates: cells are laid out from their topology. Click a compartment to select its branch; ctrl/shift-click adds."
              : "Click a compartment to select its branch; ctrl/shift-click adds."
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
      {model && (
        <Plot
          data={data}
          layout={layout}
          onClick={onClick}
          testid="morphology-plot"
          bundle={view.dims === "3d" ? "gl3d" : "basic"}
        />
      )}
    </Panel>
  );
}
