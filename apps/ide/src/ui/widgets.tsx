/** Small shared pieces: panels and number inputs. */
import { type ReactNode, useEffect, useState } from "react";

export function Panel(props: {
  title: ReactNode;
  tools?: ReactNode;
  className?: string;
  children: ReactNode;
  testid?: string;
}) {
  return (
    <section className={`panel ${props.className ?? ""}`} data-testid={props.testid}>
      <header className="panel-head">
        <h2>{props.title}</h2>
        <div className="panel-tools">{props.tools}</div>
      </header>
      <div className="panel-body">{props.children}</div>
    </section>
  );
}

/** A number field that reports only valid numbers, on Enter or blur. */
export function NumberField(props: {
  label: string;
  value: number;
  onCommit: (v: number) => void;
  min?: number;
  step?: number;
  unit?: string;
  testid?: string;
  width?: number;
  /** A tooltip saying what the field is. */
  title?: string;
}) {
  const [text, setText] = useState(String(props.value));
  useEffect(() => setText(String(props.value)), [props.value]);
  const commit = () => {
    const v = Number(text);
    if (text.trim() !== "" && Number.isFinite(v) && (props.min === undefined || v >= props.min)) {
      if (v !== props.value) props.onCommit(v);
    } else setText(String(props.value));
  };
  return (
    <label className="field" title={props.title}>
      <span>{props.label}</span>
      <input
        type="number"
        value={text}
        step={props.step ?? "any"}
        style={{ width: props.width ?? 64 }}
        data-testid={props.testid}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
      />
      {props.unit && <span className="unit">{props.unit}</span>}
    </label>
  );
}
