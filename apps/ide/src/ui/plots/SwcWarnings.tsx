/**
 * The SWC reader's warnings of the last run (radii raised to minRadius, coordinates that
 * look like nanometres, dropped trees), shown over the morphology, naming the file. They
 * are also in the run's log.
 */
import { useMemo } from "react";
import { parseSwcWarning } from "../../sandbox/swc-warnings.js";
import { useSessionState } from "../session-context.js";
import "./swc-warnings.css";

export function SwcWarnings() {
  const logs = useSessionState((s) => s.run.logs);
  const warnings = useMemo(
    () => logs.map(parseSwcWarning).filter((w): w is { file: string; text: string } => w !== null),
    [logs],
  );
  if (warnings.length === 0) return null;
  return (
    <div className="swc-warnings" role="alert" data-testid="swc-warnings">
      {warnings.map((w, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt from the log on every run; identical warnings may repeat
        <div key={i} className="swc-warning">
          ⚠ <b>{w.file}</b>: {w.text}
        </div>
      ))}
    </div>
  );
}
