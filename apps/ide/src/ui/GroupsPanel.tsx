/** Groups with member counts; clicking one shows its table and highlights it. */
import { groupColour } from "./plots/colours.js";
import { NO_GROUPS, useActions, useSessionState } from "./session-context.js";
import { Panel } from "./widgets.js";

export function GroupsPanel() {
  const a = useActions();
  const groups = useSessionState((s) => s.model?.summary.groups ?? NO_GROUPS);
  const table = useSessionState((s) => s.view.table);
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
          <li key={g.name} className={active === g.name ? "active" : ""} data-testid={`group-${g.name}`}>
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
          </li>
        ))}
        {groups.length === 0 && <li className="muted">No groups yet: select in the tree, then "Add to group".</li>}
      </ul>
    </Panel>
  );
}
