/**
 * The custom summary's expression (committed on Enter or when the field loses focus, then
 * evaluated in the script sandbox on every run's trace) and the names it can use.
 */
import { useEffect, useState } from "react";
import type { CustomSummaryState } from "../../session/sweep-run.js";
import { MAX_SWEEP_EXPR_CHARS } from "../../session/sweep-settings.js";
import { useActions, useSessionState } from "../session-context.js";

const EXAMPLES = ["max(v) - min(v)", "spikes(v, -20) / 0.05", "v[v.length - 1]", "mean(v.slice(-400))"];

export function SweepExpression({ custom }: { custom: CustomSummaryState | null }) {
  const a = useActions();
  const expression = useSessionState((st) => st.sweep.expression);
  const [text, setText] = useState(expression);
  useEffect(() => setText(expression), [expression]);
  const commit = (expr = text) => {
    if (expr !== expression) a.setSweep({ expression: expr });
  };
  return (
    <div className="sweep-expression">
      <label className="field">
        <span>expression</span>
        <input
          type="text"
          value={text}
          spellCheck={false}
          maxLength={MAX_SWEEP_EXPR_CHARS}
          aria-label="Custom summary expression"
          data-testid="sweep-expression"
          onChange={(e) => setText(e.target.value)}
          onBlur={() => commit()}
          onKeyDown={(e) => e.key === "Enter" && commit()}
        />
      </label>
      <span className="sweep-expression-status" data-testid="sweep-expression-status" role="status">
        {custom?.status === "running" && "evaluating in the sandbox…"}
        {custom?.status === "error" && <span className="console-error">{custom.message}</span>}
      </span>
      <details className="sweep-expression-help" data-testid="sweep-expression-help">
        <summary>
          names: <code>v</code>, <code>t</code>, <code>dt</code>, <code>spikes(v, threshold = 0)</code>,{" "}
          <code>max</code>, <code>min</code>, <code>mean</code>
        </summary>
        <p>
          A number per run, evaluated in the script sandbox (at most {MAX_SWEEP_EXPR_CHARS} characters, stopped after a
          time limit): <code>v</code> the run's samples of the recording (a Float32Array), <code>t</code> their times
          (ms), <code>dt</code> their step (ms), <code>spikes(v, threshold)</code> its upward crossings of the threshold
          (mV), <code>max(v)</code>, <code>min(v)</code>, <code>mean(v)</code>, and <code>Math</code>.
        </p>
        <p className="sweep-examples">
          Try:
          {EXAMPLES.map((ex) => (
            <button
              type="button"
              key={ex}
              onClick={() => {
                setText(ex);
                commit(ex);
              }}
            >
              <code>{ex}</code>
            </button>
          ))}
        </p>
      </details>
    </div>
  );
}
