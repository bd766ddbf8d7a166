/**
 * The session: a zustand vanilla store and the actions on it. Framework-free: React
 * components subscribe and call actions; tests drive it with fake services.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { SimSettings } from "../protocol/model.js";
import { simSettingsProblem } from "../protocol/sim-limits.js";
import { type SessionContext, get, patch } from "./context.js";
import type { GalleryExample } from "../gallery/types.js";
import type { ConvergenceTolerance } from "./convergence.js";
import type { DiskFile } from "./files.js";
import { stopModel, watchModel } from "./model-activity.js";
import type { Instrument } from "./instruments.js";
import type { PanelLayout } from "./layout.js";
import { allPlaces, instrumentPlaces } from "./loc.js";
import type { ConnectRequest } from "./synapse-actions.js";
import type { MechanismTarget } from "./mechanisms.js";
import { lazyModule } from "./lazy-module.js";
import type { LessonTool } from "./lesson-state.js";
import { persistActions } from "./persist/actions.js";
import * as run from "./run-actions.js";
import { clickItem, type ClickModifiers, type ItemKey, selectedNodes } from "./selection.js";
import type { Services } from "./services.js";
import type { ViewSettings } from "./share/schema.js";
import { initialState, type SessionState } from "./state.js";
import type { SweepSettings } from "./sweep-settings.js";
import type { TrainerSettings } from "./trainer-settings.js";

export interface Session {
  store: StoreApi<SessionState>;
  actions: ReturnType<typeof makeActions>;
}

/** Actions used less often, loaded on first use (kept out of the first-paint bundle). */
const groupActions = () => import("./group-actions.js");
const synapseActions = () => import("./synapse-actions.js");
const shareMod = lazyModule(() => import("./share-actions.js"));
const filesMod = lazyModule(() => import("./files.js"));
const galleryMod = lazyModule(() => import("./gallery-actions.js"));
const mechanismsMod = lazyModule(() => import("./mechanisms.js"));
const instrumentsMod = lazyModule(() => import("./remove-instrument.js"));
const trainMod = lazyModule(() => import("./train-actions.js"));
const lessonMod = lazyModule(() => import("./lesson-actions.js"));
const lessonShareMod = lazyModule(() => import("./lesson-share.js"));
const sweepMod = lazyModule(() => import("./sweep-actions.js"));

/** Loads the actions above ahead of use (main.tsx: once the session is open), so that a first click does not wait. */
export function preloadActions(): Promise<unknown> {
  return Promise.all([shareMod, filesMod, galleryMod, mechanismsMod, instrumentsMod, trainMod].map((m) => m.preload()));
}

export function createSession(services: Services, script: string): Session {
  const store = createStore<SessionState>()(() => initialState(script));
  const c: SessionContext = { store, services };
  watchModel(c);
  return { store, actions: makeActions(c) };
}

function makeActions(c: SessionContext) {
  const selectionNodes = () => get(c).selectedNodes;
  /** Where instruments go: selected compartments; on selected branches loc(x) (or the first compartment); on cells the first (session/loc.ts). */
  const places = (x: number | null = null) => {
    const s = get(c);
    return s.model ? instrumentPlaces(s.selection, s.model.topo, x) : { nodes: [], loc: null };
  };
  const instrumentNodes = (x: number | null = null) => allPlaces(places(x));
  return {
    setScript: (script: string) => patch(c, { script }),
    run: () => run.runScript(c),
    undo: () => run.undo(c),
    redo: () => run.redo(c),
    select(key: ItemKey, mods: ClickModifiers, visible: readonly ItemKey[]) {
      const s = get(c);
      if (!s.model) return;
      const selection = clickItem(s.selection, key, mods, visible);
      const nodes = selectedNodes(selection, s.model.topo);
      patch(c, { selection, selectedNodes: nodes });
      void run.showTable(c, nodes.length ? { kind: "nodes", nodes } : { kind: "all" });
    },
    clearSelection() {
      patch(c, { selection: { keys: [], anchor: null }, selectedNodes: [] });
      void run.showTable(c, { kind: "all" });
    },
    showAll: () => run.showTable(c, { kind: "all" }),
    showGroup: (name: string) => run.showTable(c, { kind: "group", name }),
    tableTitle: () => run.tableTitle(get(c)),
    async addToGroup(name: string) {
      const nodes = selectionNodes();
      const trimmed = name.trim();
      if (nodes.length === 0 || !trimmed) return;
      await run.applyGuiEdit(c, { kind: "addToGroup", nodes, group: trimmed });
      if (get(c).run.status === "ok") await run.showTable(c, { kind: "group", name: trimmed });
    },
    /** Edits one table cell: `set` on that compartment. */
    setCell: (node: number, key: string, value: number) =>
      run.applyGuiEdit(c, { kind: "set", target: { kind: "nodes", nodes: [node] }, key, value }),
    /** Sets a key on every row of the table: `set` on the view the table mirrors. */
    setColumn(key: string, value: number) {
      const src = get(c).view.table;
      const target =
        src.kind === "group"
          ? src
          : src.kind === "nodes"
            ? { kind: "nodes" as const, nodes: src.nodes }
            : { kind: "all" as const };
      return run.applyGuiEdit(c, { kind: "set", target, key, value });
    },
    instrumentNodes,
    addClamp(delay: number, duration: number, amplitude: number, x: number | null = null) {
      const { nodes, loc } = places(x);
      if (nodes.length === 0 && !loc) return Promise.resolve([]);
      // Defined in time: the stimulus follows the toolbar's dt and t_max.
      return run.applyGuiEdit(c, { kind: "stimulate", nodes, loc, delay, duration, amplitude });
    },
    addRecording(state: string, x: number | null = null) {
      const { nodes, loc } = places(x);
      if (nodes.length === 0 && !loc) return Promise.resolve([]);
      return run.applyGuiEdit(c, { kind: "record", nodes, loc, state });
    },
    clearInstruments: () => run.applyGuiEdit(c, { kind: "clearInstruments" }),
    /** Removes one instrument of the instruments list (one undo step; two if another line adds it again). */
    removeInstrument: (instrument: Instrument) => instrumentsMod.use((m) => m.removeInstrumentAction(c, instrument)),
    /** Records `state` at given compartments (the raster's "record every cell's soma"). */
    recordAt: (nodes: readonly number[], state = "v") =>
      nodes.length ? run.applyGuiEdit(c, { kind: "record", nodes, state }) : Promise.resolve([]),
    /** Stops the model worker's run (build or simulation); it restarts with the last good model. */
    stopModel: () => stopModel(c),
    setSim(p: Partial<SimSettings>) {
      const sim = { ...get(c).sim, ...p };
      const problem = simSettingsProblem(sim.tMax, sim.dt);
      if (problem) {
        // Refused in words (too many steps for a tab, or no step at all); the settings stay as they were.
        patch(c, { banner: { kind: "error", text: `These simulation settings are refused: ${problem}` } });
        return Promise.resolve();
      }
      patch(c, { sim });
      return run.resimulate(c);
    },
    setView(p: Partial<ViewSettings>) {
      patch(c, { view: { ...get(c).view, ...p } });
      if (p.keepRuns === false) patch(c, { runs: get(c).runs.slice(-1) });
    },
    colourBy: (key: string) => run.loadColour(c, key),
    /** Runs the model at dt, dt/2 and dt/4 and says whether dt is converged (the traces are not changed). */
    checkConvergence: (tolerance?: ConvergenceTolerance) =>
      import("./convergence.js").then((m) => m.checkConvergence(c, tolerance)),
    setTrainer: (p: Partial<TrainerSettings>) => patch(c, { trainer: { ...get(c).trainer, ...p } }),
    startTraining: () => trainMod.use((m) => m.startTraining(c)),
    stopTraining: () => trainMod.loaded()?.stopTraining(c), // nothing runs before the first start
    applyTraining: () => trainMod.use((m) => m.applyTraining(c)),
    /** The sweep panel: its setup (part of share links), running and stopping its sweep (session/sweep-actions.ts). */
    setSweep: (p: Partial<SweepSettings>) => {
      patch(c, { sweep: { ...get(c).sweep, ...p } });
      // A custom summary of the last sweep is evaluated (in the sandbox) for the new setup.
      if (get(c).sweepRun.outcome && get(c).sweep.summary === "custom")
        void sweepMod.use((m) => m.refreshCustomSummary(c));
    },
    runSweep: () => sweepMod.use((m) => m.runSweep(c)),
    stopSweep: () => sweepMod.loaded()?.stopSweep(c),
    shareHash: () => shareMod.use((m) => m.shareHash(c)),
    shareLink: () => shareMod.use((m) => m.shareLink(c)),
    /** Opens a gallery example (loaded by the Examples menu): one undo step, then runs it. */
    openExample: (ex: GalleryExample) => galleryMod.use((m) => m.openExample(c, ex)),
    /** Imports a file (SWC) into the session and writes a script that reads it. */
    importFile: (name: string, text: string) => filesMod.use((m) => m.importFile(c, name, text)),
    /** Imports files picked or dropped together (`.mod` mechanisms, SWC morphologies), one undo step. */
    importFiles: (files: readonly DiskFile[]) => filesMod.use((m) => m.importFiles(c, files)),
    /** Inserts a mechanism of the Mechanisms panel: writes `insert(new M())` lines. */
    insertMechanism: (name: string, target: MechanismTarget) =>
      mechanismsMod.use((m) => m.editMechanism(c, name, target)),
    /** Removes a mechanism: writes `delete(new M())` lines. */
    removeMechanism: (name: string, target: MechanismTarget) =>
      mechanismsMod.use((m) => m.editMechanism(c, name, target, true)),
    /** Renames a group wherever the script names it (one undo step). */
    renameGroup: async (from: string, to: string) => (await groupActions()).renameGroup(c, from, to),
    /** Deletes the script's top-level statements that name a group (one undo step). */
    deleteGroup: async (name: string) => (await groupActions()).deleteGroup(c, name),
    /** Connects two selections or groups with synapses: a `jx.connect`/`fullyConnect`/`sparseConnect` line. */
    connect: async (r: ConnectRequest) => (await synapseActions()).connectSynapses(c, r),
    /** `set` on synapses (global edge indices, or "all"): `network.edge(i).set(key, value)` lines. */
    setEdge: async (edges: readonly number[] | "all", key: string, value: number) =>
      (await synapseActions()).setEdge(c, edges, key, value),
    /** The loaded model's `.edges` table. */
    edgeTable: async () => (await synapseActions()).edgeTable(c),
    openLink: (hash: string) => shareMod.use((m) => m.openLink(c, hash)),
    /** Opens a lesson file (session/lesson-actions.ts); resolves with its problems (none: it opened). */
    openLesson: (source: string) => lessonMod.use((m) => m.openLesson(c, source)),
    closeLesson: () => lessonMod.use((m) => m.closeLesson(c)),
    /** Opens the next hint of a step of the open lesson (kept open, and saved with the session). */
    showLessonHint: (step: number) => lessonMod.use((m) => m.showHint(c, step)),
    checkLesson: () => lessonMod.use((m) => m.checkLesson(c)),
    openLessonLink: (hash: string) => lessonShareMod.use((m) => m.openLessonLink(c, hash)),
    openHandInLink: (hash: string) => lessonShareMod.use((m) => m.openHandInLink(c, hash)),
    lessonLink: (source: string) => lessonShareMod.use((m) => m.lessonLink(source)),
    handInLink: (name: string) => lessonShareMod.use((m) => m.handInLink(c, name)),
    /** Opens the lesson editor or the Compare view (null closes them). */
    setLessonTool: (lessonTool: LessonTool | null) => patch(c, { lessonTool }),
    /** Panel sizes after a drag of a gutter (null: back to the defaults). */
    setLayout: (layout: PanelLayout | null) => patch(c, { layout }),
    dismissBanner: () => patch(c, { banner: null }),
    showBanner: (kind: "error" | "info", text: string) => patch(c, { banner: { kind, text } }),
    /** Autosave, project files, back to the tutorial or the previous session (see persist/actions.ts). */
    ...persistActions(c),
  };
}
