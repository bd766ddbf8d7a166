/** Small PNG and SVG download buttons over a canvas chart (plotly plots have them in the mode bar). */
import "./export.css";

export function ExportButtons({ testid, png, svg }: { testid?: string; png: () => void; svg: () => void }) {
  return (
    <div className="export-buttons">
      <button type="button" onClick={png} title="Download as PNG" data-testid={testid && `${testid}-png`}>
        PNG
      </button>
      <button type="button" onClick={svg} title="Download as SVG" data-testid={testid && `${testid}-svg`}>
        SVG
      </button>
    </div>
  );
}
