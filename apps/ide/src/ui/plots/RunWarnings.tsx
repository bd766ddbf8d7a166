/** What looked wrong in the latest run (e.g. a voltage outside -200..200 mV, where and when), above its traces. */
import { useSessionState } from "../session-context.js";
import "../warnings.css";

const NONE: readonly string[] = [];

export function RunWarnings() {
  const warnings = useSessionState((s) => s.runs[s.runs.length - 1]?.traces.warnings ?? NONE);
  if (warnings.length === 0) return null;
  return (
    <ul className="warnings" data-testid="run-warnings" role="status">
      {warnings.map((w) => (
        <li key={w}>⚠ {w}</li>
      ))}
    </ul>
  );
}
