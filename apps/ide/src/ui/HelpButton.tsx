/**
 * Help (toolbar, "?"): a link to the documentation site (served at ./docs/ beside the IDE),
 * the keyboard shortcuts and where things are. A popup that closes on Escape or a click elsewhere.
 */
import { useRef, useState } from "react";
import { onboarding } from "./onboarding/onboarding-store.js";
import { useDismiss } from "./use-dismiss.js";
import "./help.css";

const SHORTCUTS: ReadonlyArray<readonly [string, string]> = [
  ["Ctrl+Enter", "run the script (in the editor too)"],
  ["Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y)", "undo / redo a step: a run, a GUI edit, an opened link or example"],
  ["Tree: ↑ ↓", "move between rows"],
  ["Tree: → ←", "expand or collapse (and move to the first child or the parent)"],
  ["Tree: Enter / Space", "select the row"],
  ["Tree: Ctrl+Space", "add the row to the selection (or remove it)"],
  ["Tree: Shift+↑ ↓", "extend the selection"],
  ["Tree, morphology: Ctrl+click / Shift+click", "add to the selection / select a range"],
  ["Table: Enter on a cell", "edit it; Enter writes the set line, Escape cancels"],
  ["Escape", "close a popup or menu"],
];

export function HelpButton() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useDismiss(root, open, () => setOpen(false));
  return (
    <div className="help" ref={root}>
      <button
        type="button"
        data-testid="help"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        title="Keyboard shortcuts and where the documentation is"
      >
        ?
      </button>
      {open && (
        <div className="help-pop" role="dialog" aria-label="Help" data-testid="help-pop">
          <h3>Documentation</h3>
          <p>
            <a href="./docs/" target="_blank" rel="noopener" data-testid="help-docs">
              Open the documentation
            </a>{" "}
            (a new tab): the guide, every panel of the IDE, the examples explained and the API reference of{" "}
            <code>@dendrolab/core</code>, made from the repository's <code>README.md</code>, <code>docs/</code>, the
            gallery and the core's TSDoc.
          </p>
          <h3>Keyboard shortcuts</h3>
          <table>
            <tbody>
              {SHORTCUTS.map(([keys, what]) => (
                <tr key={keys}>
                  <th scope="row">{keys}</th>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Getting started</h3>
          <p>
            <button
              type="button"
              className="primary"
              data-testid="help-tour"
              onClick={() => {
                setOpen(false);
                onboarding.startTour();
              }}
            >
              Take the tour
            </button>{" "}
            five steps through the panels.
          </p>
          <p>
            <b>Examples ▾</b> opens explained examples, each already simulated; <b>Lessons</b> walk through an exercise
            with checks. Every GUI action writes lines into the script, which is the model: edit it and press
            Ctrl+Enter. Hover over a control for what it does.
          </p>
        </div>
      )}
    </div>
  );
}
