/**
 * The trainer's settings: target, loss (with its windows and scales), optimiser (Adam with
 * its learning rate and schedule, or Levenberg-Marquardt), steps, stop threshold, space.
 */
import { useEffect, useState } from "react";
import type { TrainerSettings } from "../../session/trainer-settings.js";
import { useActions } from "../session-context.js";
import { NumberField } from "../widgets.js";

const TARGET = {
  label: "target",
  testId: "trainer-target-kind",
  options: [
    ["model", "this model with the target values"],
    ["csv", "traces from a CSV file"],
  ],
} as const;
const SCHEDULE = {
  label: "lr schedule",
  testId: "trainer-schedule",
  options: [
    ["cosine", "cosine decay"],
    ["step", "step decay"],
    ["constant", "constant"],
  ],
} as const;
const LOSS = {
  label: "loss",
  testId: "trainer-loss",
  options: [
    ["mse", "MSE of the traces"],
    ["stats", "MSE of mean and std"],
    ["windows", "mean and std per window"],
  ],
} as const;
const OPTIMIZER = {
  label: "optimiser",
  testId: "trainer-optimizer",
  options: [
    ["adam", "Adam"],
    ["lm", "Levenberg-Marquardt"],
  ],
} as const;

const SPACE = {
  label: "space",
  testId: "trainer-space",
  options: [
    ["log", "log"],
    ["none", "linear"],
    ["sigmoid", "within bounds"],
  ],
} as const;

/** A labelled select over a fixed list of [value, text] options. */
function SelectField<V extends string>(props: {
  label: string;
  testId: string;
  value: V;
  disabled: boolean;
  options: ReadonlyArray<readonly [V, string]>;
  onChange: (value: V) => void;
  title?: string;
}) {
  return (
    <label className="field" title={props.title}>
      <span>{props.label}</span>
      <select
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value as V)}
        data-testid={props.testId}
      >
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** "5-55, 55-95" -> [[5, 55], [55, 95]] (ms); empty: the whole trace. */
export function parseWindows(
  text: string,
): { ok: true; windows: Array<[number, number]> } | { ok: false; message: string } {
  const windows: Array<[number, number]> = [];
  for (const part of text.split(/[,;]/).map((s) => s.trim())) {
    if (part === "") continue;
    const m = /^(\d+(?:\.\d*)?)\s*[-–]\s*(\d+(?:\.\d*)?)$/.exec(part);
    if (!m || !(Number(m[1]) < Number(m[2])))
      return {
        ok: false,
        message: `"${part}" is not a window: write from-to in ms with from < to, windows separated by commas (for example 5-55, 55-95).`,
      };
    windows.push([Number(m[1]), Number(m[2])]);
  }
  if (windows.length > 20) return { ok: false, message: `${windows.length} windows: at most 20.` };
  return { ok: true, windows };
}

const windowsText = (w: TrainerSettings["windows"]) => (w ?? []).map(([a, b]) => `${a}-${b}`).join(", ");

/** A text field committed on Enter or blur; a parse problem is shown beside it and nothing changes. */
function TextField<T>(props: {
  label: string;
  value: string;
  parse: (s: string) => { ok: true; value: T } | { ok: false; message: string };
  onCommit: (v: T) => void;
  testid: string;
  width: number;
  placeholder?: string;
  unit?: string;
  title?: string;
}) {
  const [text, setText] = useState(props.value);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setText(props.value), [props.value]);
  const commit = () => {
    const r = props.parse(text);
    if (!r.ok) return setProblem(r.message);
    setProblem(null);
    props.onCommit(r.value);
  };
  return (
    <label className="field" title={props.title}>
      <span>{props.label}</span>
      <input
        value={text}
        style={{ width: props.width }}
        placeholder={props.placeholder}
        aria-invalid={problem !== null}
        data-testid={props.testid}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
      />
      {props.unit && <span className="unit">{props.unit}</span>}
      {problem && (
        <span className="field-problem" role="alert" data-testid={`${props.testid}-problem`}>
          {problem}
        </span>
      )}
    </label>
  );
}

const parseThreshold = (s: string): { ok: true; value: number | null } | { ok: false; message: string } => {
  if (s.trim() === "") return { ok: true, value: null };
  const x = Number(s);
  return Number.isFinite(x) && x >= 0
    ? { ok: true, value: x }
    : { ok: false, message: `"${s}" is not a loss: give a number >= 0, or nothing to run every step.` };
};

export function TrainerSettingsForm({ t, disabled }: { t: TrainerSettings; disabled: boolean }) {
  const a = useActions();
  const lm = t.optimizer === "lm";
  return (
    <div className="trainer-settings">
      <SelectField
        {...TARGET}
        value={t.targetKind}
        disabled={disabled}
        onChange={(targetKind) => a.setTrainer({ targetKind })}
      />
      <SelectField {...LOSS} value={t.loss} disabled={disabled} onChange={(loss) => a.setTrainer({ loss })} />
      {t.loss === "windows" && (
        <>
          <TextField
            label="windows"
            value={windowsText(t.windows)}
            parse={(s) => {
              const r = parseWindows(s);
              return r.ok ? { ok: true, value: r.windows } : r;
            }}
            onCommit={(windows) => a.setTrainer({ windows })}
            testid="trainer-windows"
            width={110}
            placeholder="whole trace"
            unit="ms"
            title="from-to in ms, separated by commas; empty: the whole trace"
          />
          {(["mean", "std"] as const).map((which, i) => (
            <NumberField
              key={which}
              label={i === 0 ? "scale: mean" : "std"}
              value={t.scales?.[i] ?? 1}
              min={1e-9}
              unit="mV"
              width={48}
              onCommit={(x) => {
                const next: [number, number] = [t.scales?.[0] ?? 1, t.scales?.[1] ?? 1];
                next[i] = x;
                a.setTrainer({ scales: next });
              }}
              testid={`trainer-scale-${which}`}
            />
          ))}
        </>
      )}
      {t.targetKind === "csv" && (
        <label className="field">
          <span>{t.csv ? t.csv.name : "CSV: t (ms), one column per recording"}</span>
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void f.text().then((text) => a.setTrainer({ csv: { name: f.name, text } }));
            }}
            data-testid="trainer-csv"
          />
        </label>
      )}
      <SelectField
        {...OPTIMIZER}
        value={t.optimizer ?? "adam"}
        disabled={disabled}
        onChange={(optimizer) => a.setTrainer({ optimizer })}
        title="Levenberg-Marquardt: damped Gauss-Newton steps on the loss's statistics (needs a mean-and-std loss; no learning rate)"
      />
      {!lm && (
        <>
          <NumberField
            label="Adam lr"
            value={t.lr}
            min={1e-9}
            onCommit={(lr) => a.setTrainer({ lr })}
            testid="trainer-lr"
          />
          <SelectField
            {...SCHEDULE}
            value={t.schedule}
            disabled={disabled}
            onChange={(schedule) => a.setTrainer({ schedule })}
          />
        </>
      )}
      <NumberField
        label="steps"
        value={t.steps}
        min={1}
        step={1}
        onCommit={(steps) => a.setTrainer({ steps: Math.round(steps) })}
        testid="trainer-steps"
      />
      <TextField
        label="stop below"
        value={t.threshold == null ? "" : String(t.threshold)}
        parse={parseThreshold}
        onCommit={(threshold) => a.setTrainer({ threshold })}
        testid="trainer-threshold"
        width={56}
        placeholder="none"
        title="Stop once the loss is below this value; empty: run every step"
      />
      <SelectField
        {...SPACE}
        value={t.transform}
        disabled={disabled}
        onChange={(transform) => a.setTrainer({ transform })}
        title="log: the optimiser works on log(value), which keeps conductances positive; within bounds: on the logit of the value's place between its bounds"
      />
    </div>
  );
}
