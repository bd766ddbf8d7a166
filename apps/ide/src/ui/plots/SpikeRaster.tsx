/**
 * The spike raster of a network run (cells × time) beside the traces, with the spike
 * threshold and the population's mean rate. Drawn on a canvas (1,000 cells in a few
 * milliseconds); the time of its last draw (data and paint) is on the element as `data-draw-ms`.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { Traces } from "../../protocol/model.js";
import { useActions, useSessionState } from "../session-context.js";
import { plotColours } from "../theme/theme.js";
import { NumberField } from "../widgets.js";
import { ExportButtons } from "./ExportButtons.js";
import { downloadCanvasPng, downloadText } from "./export.js";
import { fitCanvas, type Painter, SvgPainter } from "./painter.js";
import { type Raster, rasterOf } from "./raster-data.js";
import { formatTick, niceTicks } from "./ticks.js";

const M = { l: 52, r: 10, t: 6, b: 30 };

export function SpikeRaster({ traces }: { traces: Traces }) {
  const a = useActions();
  const model = useSessionState((s) => s.model);
  const [threshold, setThreshold] = useState(0);
  const canvas = useRef<HTMLCanvasElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const [r, setRaster] = useState<Raster | null>(null);
  const nCells = model?.summary.cells.length ?? 0;
  const somata = useMemo(
    () => (model ? model.summary.cells.map((_, c) => model.topo.globalComp(c, 0, 0)) : []),
    [model],
  );

  useEffect(() => {
    const el = canvas.current;
    const box = host.current;
    if (!el || !box) return;
    const t0 = performance.now();
    const raster = rasterOf(traces, threshold);
    const ms = performance.now() - t0;
    setRaster(raster);
    // Painted when the layout is done (a ResizeObserver reports the first size once it is laid
    // out, then every change): painting in the commit would force a layout of the whole page
    // ahead of the traces' draw.
    const ro = new ResizeObserver(() => {
      const t1 = performance.now();
      paintOnCanvas(el, raster, nCells);
      const paintMs = performance.now() - t1;
      performance.measure?.("raster:draw", { start: t1, end: t1 + paintMs });
      box.dataset.drawMs = (ms + paintMs).toFixed(1);
    });
    ro.observe(box);
    return () => ro.disconnect();
  }, [traces, threshold, nCells]);

  const exportSvg = () => {
    const box = host.current?.getBoundingClientRect();
    if (!box || !r) return;
    const svg = new SvgPainter();
    paintRaster(svg, r, nCells, box.width, box.height);
    downloadText(svg.document(box.width, box.height, plotColours().paper), "dendrolab-raster.svg", "image/svg+xml");
  };
  return (
    <div className="raster-panel" data-testid="raster-panel">
      <div className="raster-tools">
        <b>Spike raster</b>
        <NumberField
          label="threshold"
          unit="mV"
          value={threshold}
          onCommit={setThreshold}
          testid="raster-threshold"
          width={56}
        />
        <span data-testid="raster-summary">
          {r
            ? `${r.nSpikes} spikes in ${r.cells.length} of ${nCells} cells · mean rate ${formatRate(r.meanRateHz)} Hz`
            : ""}
        </span>
        {r && r.cells.length < nCells && (
          <button
            type="button"
            onClick={() => void a.recordAt(somata, "v")}
            data-testid="record-somata"
            title='Writes a record("v") line for the first compartment of every cell'
          >
            Record every cell's soma (v)
          </button>
        )}
      </div>
      <div
        className="raster"
        ref={host}
        data-testid="raster-plot"
        data-spikes={r?.nSpikes ?? ""}
        data-cells={r?.cells.length ?? ""}
      >
        <canvas ref={canvas} />
        <ExportButtons
          testid="raster-plot"
          png={() => canvas.current && downloadCanvasPng(canvas.current, "dendrolab-raster")}
          svg={exportSvg}
        />
      </div>
    </div>
  );
}

const formatRate = (hz: number) => (hz === 0 ? "0" : hz.toPrecision(3));

function paintOnCanvas(el: HTMLCanvasElement, raster: Raster, nCells: number): void {
  const { g, w, h } = fitCanvas(el, 80, 60);
  paintRaster(g, raster, nCells, w, h);
}

/** Axes (t in ms, cell index) and one tick per spike, in the row of its cell. */
function paintRaster(g: Painter, r: Raster, nCells: number, w: number, h: number): void {
  const { ink: INK, grid: GRID, mark: TICK } = plotColours();
  const tMax = r.tMax > 0 ? r.tMax : 1;
  const rows = Math.max(1, nCells);
  const pw = w - M.l - M.r;
  const ph = h - M.t - M.b;
  const px = (t: number) => M.l + (t / tMax) * pw;
  const rowH = ph / rows;
  const py = (cell: number) => M.t + cell * rowH;
  for (const t of niceTicks(0, tMax)) {
    g.line([px(t), px(t)], [M.t, h - M.b], GRID, 1);
    g.text(px(t), h - M.b + 13, formatTick(t), INK, "center");
  }
  for (const c of niceTicks(0, rows - 1, 4).filter((c) => Number.isInteger(c))) {
    g.text(M.l - 5, py(c) + rowH / 2 + 4, String(c), INK, "right");
  }
  g.text((M.l + w - M.r) / 2, h - 4, "t (ms)", INK, "center");
  g.text(12, (M.t + h - M.b) / 2, "cell", INK, "center", true);
  g.line([M.l, M.l, w - M.r], [M.t, h - M.b, h - M.b], "#99a", 1);
  const tickH = Math.max(1, Math.min(rowH * 0.8, 10));
  r.cells.forEach((cell, i) => {
    const y = py(cell) + (rowH - tickH) / 2;
    for (const t of r.spikes[i]) g.rect(px(t) - 0.5, y, 1.2, tickH, TICK);
  });
}
