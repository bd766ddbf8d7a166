/** The layout: tree and groups | script and table | morphology and traces/trainer. */
import { type ComponentType, type CSSProperties, lazy, Suspense, useEffect, useState } from "react";
import { layoutVars } from "../session/layout.js";
import { Banner } from "./Banner.js";
import { EditorPanel } from "./editor/EditorPanel.js";
import { FileDrop } from "./FileDrop.js";
import { GroupsPanel } from "./GroupsPanel.js";
import { Gutter } from "./layout/Gutter.js";
import "./layout/layout.css";
import "./theme/dark.css";
import { MechanismsPanel } from "./mechanisms/MechanismsPanel.js";
import { MorphologyPanel } from "./plots/MorphologyPanel.js";
import { TracesPanel } from "./plots/TracesPanel.js";
import { useActions, useSessionState } from "./session-context.js";
import { ParamTable } from "./table/ParamTable.js";
import { Toolbar } from "./Toolbar.js";
import { TrainerPanel } from "./trainer/TrainerPanel.js";
import { TreePanel } from "./tree/TreePanel.js";

export function App() {
  useUndoKeys();
  const layout = useSessionState((s) => s.layout);
  return (
    <div className="app">
      <Toolbar />
      <Banner />
      <FileDrop />
      <main className="grid" style={layout ? (layoutVars(layout) as CSSProperties) : undefined}>
        <aside className="col col-left">
          <TreePanel />
          <Gutter kind="row-left" />
          <GroupsPanel />
        </aside>
        <Gutter kind="col-left" />
        <section className="col col-mid">
          <EditorPanel />
          <Gutter kind="row-mid" />
          <ParamTable />
        </section>
        <Gutter kind="col-mid" />
        <section className="col col-right">
          <MorphologyPanel />
          <Gutter kind="row-right" />
          <BottomTabs />
        </section>
      </main>
    </div>
  );
}

/** The Channels & synapses tab, loaded when first opened. */
const ModelEditPanel = lazy(() =>
  import("./model-edit/ModelEditPanel.js").then((m) => ({ default: m.ModelEditPanel })),
);

type Tab = "traces" | "trainer" | "mechanisms" | "model-edit";

/** The bottom tabs; a `kept` panel stays mounted while hidden (its plots and runs go on). */
const TABS: ReadonlyArray<{ id: Tab; label: string; Panel: ComponentType; kept: boolean }> = [
  { id: "traces", label: "Traces & instruments", Panel: TracesPanel, kept: true },
  { id: "trainer", label: "Trainer", Panel: TrainerPanel, kept: true },
  { id: "mechanisms", label: "Mechanisms", Panel: MechanismsPanel, kept: false },
  { id: "model-edit", label: "Channels & synapses", Panel: ModelEditPanel, kept: false },
];

function BottomTabs() {
  const [tab, setTab] = useState<Tab>("traces");
  return (
    <section className="panel tabs-panel">
      <header className="panel-head tabs" role="tablist">
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? "on" : ""}
            onClick={() => setTab(id)}
            data-testid={`tab-${id}`}
          >
            {label}
          </button>
        ))}
      </header>
      <div className="panel-body">
        {TABS.map(({ id, Panel, kept }) => (
          <div key={id} hidden={tab !== id}>
            {(kept || tab === id) && (
              <Suspense fallback={<div className="muted">Loading…</div>}>
                <Panel />
              </Suspense>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

/** Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Y) undo and redo model edits, outside text fields. */
function useUndoKeys() {
  const a = useActions();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable))
        return;
      if (!(e.ctrlKey || e.metaKey)) return;
      const k = e.key.toLowerCase();
      if (k === "z" && !e.shiftKey) void a.undo();
      else if ((k === "z" && e.shiftKey) || k === "y") void a.redo();
      else if (k === "enter") void a.run();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [a]);
}
