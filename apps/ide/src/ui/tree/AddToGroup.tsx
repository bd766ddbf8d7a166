/** "Add to group": a new or existing group for the selected compartments; names follow the library's one rule. */
import { groupNameProblem } from "@dendrolab/core/rules";
import { useState } from "react";
import { NO_GROUPS, useActions, useSessionState } from "../session-context.js";

export function AddToGroup() {
  const a = useActions();
  const groups = useSessionState((s) => s.model?.summary.groups ?? NO_GROUPS);
  const n = useSessionState((s) => s.selectedNodes.length);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const problem = groupNameProblem(name.trim());
  const valid = problem === null;
  const submit = () => {
    if (!valid) return;
    void a.addToGroup(name.trim());
    setOpen(false);
    setName("");
  };
  return (
    <div className="add-to-group">
      {!open ? (
        <button type="button" data-testid="add-to-group" disabled={n === 0} onClick={() => setOpen(true)}>
          + Add to group…
        </button>
      ) : (
        <form
          className="add-to-group-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <input
            // biome-ignore lint/a11y/noAutofocus: the form opens because the user asked for it; typing the name comes next
            autoFocus
            list="group-names"
            placeholder="new or existing group"
            value={name}
            data-testid="group-name-input"
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
          />
          <datalist id="group-names">
            {groups.map((g) => (
              <option key={g.name} value={g.name} />
            ))}
          </datalist>
          <button type="submit" className="primary" disabled={!valid} data-testid="group-add-confirm">
            Add {n} comps
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
          {name && !valid && (
            <div className="hint" role="alert" data-testid="group-name-problem">
              {problem}
            </div>
          )}
        </form>
      )}
    </div>
  );
}
