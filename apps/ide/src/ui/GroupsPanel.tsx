/**
 * Groups with member counts; clicking one shows its table and highlights it. Each group
 * can be renamed (the script's uses of the name are rewritten) or deleted (the script's
 * statements that name it are removed), one undo step each.
 */
import { useState } from "react";
import { GROUP_NAME } from "../session/group-name.js";
import "./groups.css";
import { groupColour } from "./plots/colours.js";
import { NO_GROUPS, useActions, useSessionState } from "./session-context.js";
import { Panel } from "./widgets.js";

function RenameForm({ name, onDone }: { name: string; onDone: () => void }) {
  const a = useActions();
  const [text, setText] = useState(name);
  const valid = GROUP_NAME.test(text.trim());
  return (
    <form
      className="group-rename"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        onDone();
        void a.renameGroup(name, text.trim());
      }}
    >
      <input
        // biome-ignore lint/a11y/noAutofocus: the form opens because the user asked to rename; typing comes next
        autoFocus
        aria-label={`New name for group ${name}`}
        value={text}
        data-testid="group-rename-input"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && onDone()}
      />
      <button type="submit" className="primary" disabled={!valid} data-testid="group-rename-confirm">
        Rename
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
      {text && !valid && <div className="hint">A group name is a letter or _ followed by letters, digits or _.</div>}
    </form>
  );
}

export function GroupsPanel() {
  const a = useActions();
  const groups = useSessionState((s) => s.model?.summary.groups ?? NO_GROUPS);
  const table = useSessionState((s) => s.view.table);
  const running = useSessionState((s) => s.run.status === "running");
  const [renaming, setRenaming] = useState<string | null>(null);
  const active = table.kind === "group" ? table.name : null;
  return (
    <Panel title="Groups" className="groups-panel" testid="groups-panel">
      <ul className="groups" data-testid="groups-list">
        <li className={table.kind === "all" ? "active" : ""} data-testid="group-all">
          <button
            type="button"
            className="group-item"
            aria-pressed={table.kind === "all"}
            onClick={() => void a.showAll()}
          >
            <span className="swatch" style={{ background: "#c9ced6" }} />
            <span className="group-name">all compartments</span>
          </button>
        </li>
        {groups.map((g, i) => (
          <li key={g.name} className={active === g.name ? "active" : ""}>
            {renaming === g.name ? (
              <RenameForm name={g.name} onDone={() => setRenaming(null)} />
            ) : (
              <div className="group-line">
                {/* The test id is on the group's own button's wrapper: its tools sit beside it. */}
                <span className="group-main" data-testid={`group-${g.name}`}>
                  <button
                    type="button"
                    className="group-item"
                    aria-pressed={active === g.name}
                    onClick={() => void a.showGroup(g.name)}
                  >
                    <span className="swatch" style={{ background: groupColour(i) }} />
                    <span className="group-name">{g.name}</span>
                    <span className="group-count" data-testid={`group-count-${g.name}`}>
                      {g.nodes.length} comps
                    </span>
                  </button>
                </span>
                <button
                  type="button"
                  className="group-tool"
                  disabled={running}
                  aria-label={`Rename group ${g.name}`}
                  title="Rename: rewrites the script's uses of the name"
                  data-testid={`group-rename-${g.name}`}
                  onClick={() => setRenaming(g.name)}
                >
                  ✎
                </button>
                <button
                  type="button"
                  className="group-tool"
                  disabled={running}
                  aria-label={`Delete group ${g.name}`}
                  title="Delete: removes the script's lines that name the group"
                  data-testid={`group-delete-${g.name}`}
                  onClick={() => void a.deleteGroup(g.name)}
                >
                  ✕
                </button>
              </div>
            )}
          </li>
        ))}
        {groups.length === 0 && <li className="muted">No groups yet: select in the tree, then "Add to group".</li>}
      </ul>
    </Panel>
  );
}
