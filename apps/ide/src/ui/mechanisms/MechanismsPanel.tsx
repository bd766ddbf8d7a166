/**
 * The Mechanisms tab: every mechanism of the model and of the imported `.mod` files, the
 * files that could not be read (file, line, column), and the chosen mechanism in detail.
 */
import { useState } from "react";
import { useSessionState } from "../session-context.js";
import { MechanismDetails } from "./MechanismDetails.js";

export function MechanismsPanel() {
  const report = useSessionState((s) => s.mechanisms);
  const [chosen, setChosen] = useState<string | null>(null);
  if (!report) return <div className="mechanisms muted">Run the script to see its mechanisms.</div>;
  const { mechanisms, problems, celsius, celsiusVaries } = report;
  const current = mechanisms.find((m) => m.name === chosen) ?? mechanisms[0] ?? null;
  return (
    <div className="mechanisms" data-testid="mechanisms-panel">
      <div className="mech-list" role="tablist" aria-label="Mechanisms">
        {mechanisms.map((m) => (
          <button
            type="button"
            role="tab"
            key={m.name}
            aria-selected={m === current}
            className={`mech-chip${m === current ? " on" : ""}${m.inserted === 0 ? " unused" : ""}`}
            onClick={() => setChosen(m.name)}
            data-testid={`mech-${m.name}`}
            title={m.inserted ? `inserted in ${m.inserted} compartments` : "not inserted"}
          >
            {m.name}
            {m.source.kind === "file" && <span className="mech-badge">.mod</span>}
          </button>
        ))}
        <span className="muted mech-celsius">
          curves at {celsius} °C{celsiusVaries ? " (celsius varies: the first compartment's)" : ""}
        </span>
      </div>
      {problems.length > 0 && (
        <ul className="mech-problems" data-testid="mech-problems">
          {problems.map((p) => (
            <li key={p.file} data-testid={`mech-problem-${p.file}`}>
              <b>{p.file}</b>
              {p.line !== null && (
                <>
                  , line {p.line}
                  {p.column !== null && `, column ${p.column}`}
                </>
              )}
              : {p.message.replace(/^line \d+, column \d+: /, "")}
            </li>
          ))}
        </ul>
      )}
      {current ? (
        <MechanismDetails m={current} celsius={celsius} />
      ) : (
        <p className="muted mech-empty">
          No mechanisms yet. Import NEURON mechanisms with “Import .mod…” or drop .mod files on the page.
        </p>
      )}
    </div>
  );
}
