/** The layout: tree and groups | script and table | morphology and traces/trainer. */
import { type ComponentType, type CSSProperties, lazy, Suspense, useEffect, useState } from "react";
import { layoutVars } from "../session/layout.js";
import { Banner } from "./Banner.js";
import { EditorPanel } from "./editor/EditorPanel.js";
import { FileDrop } from "./FileDrop.js";
import { Deferred, deferredPanel } from "./layout/deferred.js";
import { Gutter } from "./layout/Gutter.js";
import { Onboarding } from "./onboarding/Onboarding.js";
import "./layout/layout.css";
import "./theme/dark.css";
import { useActions, useSessionState } from "./session-context.js";
import { Toolbar } from "./Toolbar.js";
import { Panel } from "./widgets.js";

/** The panels that show the model: their code loads just after first paint (layout/deferred.tsx). */
const treeSlot = deferredPanel(
  () => import("./tree/TreePanel.js").then((m) => m.TreePanel),
  <Panel title="Model tree" className="tree-panel">
    {null}
  </Panel>,
);
const groupsSlot = deferredPanel(
  () => import("./GroupsPanel.js").then((m) => m.GroupsPanel),
  <Panel title="Groups" className="groups-panel">
    {null}
  </Panel>,
);
const tableSlot = deferredPanel(
  () => import("./table/ParamTable.js").then((m) => m.ParamTable),
  <Panel title="" className="table-panel">
    {null}
  </Panel>,
);
const morphologySlot = deferredPanel(
  () => import("./plots/MorphologyPanel.js").then((m) => m.MorphologyPanel),
  <Panel title="Morphology" className="morph-panel">
    {null}
  </Panel>,
);
const tracesSlot = deferredPanel(
  () => import("./plots/TracesPanel.js").then((m) => m.TracesPanel),
  null,
  true, // the first run's traces are drawn into it
);

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
          <Deferred slot={treeSlot} />
          <Gutter kind="row-left" />
          <Deferred slot={groupsSlot} />
        </aside>
        <Gutter kind="col-left" />
        <section className="col col-mid">
          <EditorPanel />
          <Gutter kind="row-mid" />
          <Deferred slot={tableSlot} />
        </section>
        <Gutter kind="col-mid" />
        <section className="col col-right">
          <Deferred slot={morphologySlot} />
          <Gutter kind="row-right" />
          <BottomTabs />
        </section>
      </main>
      <Onboarding />
    </div>
  );
}

/** The Channels & synapses tab, loaded when first opened. */
const ModelEditPanel = lazy(() =>
  import("./model-edit/ModelEditPanel.js").then((m) => ({ default: m.ModelEditPanel })),
);
/** The Trainer and Mechanisms tabs, loaded when first opened (not needed for the first trace). */
const TrainerPanel = lazy(() => import("./trainer/TrainerPanel.js").then((m) => ({ default: m.TrainerPanel })));
const MechanismsPanel = lazy(() =>
  import("./mechanisms/MechanismsPanel.js").then((m) => ({ default: m.MechanismsPanel })),
);

/** The Sweep tab, loaded when first opened. */
const SweepPanel = lazy(() => import("./sweep/SweepPanel.js").then((m) => ({ default: m.SweepPanel })));

function TracesTab() {
  return <Deferred slot={tracesSlot} />;
}

type Tab = "traces" | "trainer" | "sweep" | "mechanisms" | "model-edit";

/** The bottom tabs, each mounted when first opened; a `kept` panel then stays mounted while hidden (its plots and runs go on). */
const TABS: ReadonlyArray<{ id: Tab; label: string; Panel: ComponentType; kept: boolean }> = [
  { id: "traces", label: "Traces & instruments", Panel: TracesTab, kept: true },
  { id: "trainer", label: "Trainer", Panel: TrainerPanel, kept: true },
  { id: "sweep", label: "Sweep", Panel: SweepPanel, kept: true },
  { id: "mechanisms", label: "Mechanisms", Panel: MechanismsPanel, kept: false },
  { id: "model-edit", label: "Channels & synapses", Panel: ModelEditPanel, kept: false },
];

function BottomTabs() {
  const [tab, setTab] = useState<Tab>("traces");
  const [opened, setOpened] = useState<ReadonlySet<Tab>>(() => new Set([tab]));
  const open = (id: Tab) => {
    setTab(id);
    setOpened((o) => (o.has(id) ? o : new Set([...o, id])));
  };
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
            onClick={() => open(id)}
            data-testid={`tab-${id}`}
          >
            {label}
          </button>
        ))}
      </header>
      <div className="panel-body">
        {TABS.map(({ id, Panel, kept }) => (
          <div key={id} hidden={tab !== id}>
            {(tab === id || (kept && opened.has(id))) && (
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
