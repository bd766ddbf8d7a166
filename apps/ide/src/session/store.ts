/**
 * The session: a zustand vanilla store and the actions on it. Framework-free: React
 * components subscribe and call actions; tests drive it with fake services.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { SimSettings } from "../protocol/model.js";
import { type SessionContext, get, patch } from "./context.js";
import { type DiskFile, importFile, importFiles } from "./files.js";
import type { Instrument } from "./instruments.js";
import { editMechanism, type MechanismTarget } from "./mechanisms.js";
import { removeInstrumentAction } from "./remove-instrument.js";
import * as run from "./run-actions.js";
import { clickItem, type ClickModifiers, type ItemKey, selectedNodes } from "./selection.js";
import type { Services } from "./services.js";
import * as share from "./share-actions.js";
import type { ViewSettings } from "./share/schema.js";
import { initialState, type SessionState } from "./state.js";
import * as train from "./train-actions.js";
import type { TrainerSettings } from "./trainer-settings.js";

export interface Session {
  store: StoreApi<SessionState>;
  actions: ReturnType<typeof makeActions>;
}

export function createSession(services: Services, script: string): Session {
  const store = createStore<SessionState>()(() => initialState(script));
  const c: SessionContext = { store, services };
  return { store, actions: makeActions(c) };
}

function makeActions(c: SessionContext) {
  const selectionNodes = () => get(c).selectedNodes;
  /** Instruments go to the selected compartments, or the first compartment of each selected branch or cell. */
  const instrumentNodes = () => {
    const s = get(c);
    if (!s.model) return [];
    const topo = s.model.topo;
    const out = new Set<number>();
    for (const key of s.selection.keys) {
      const [kind, ci, bi, ki] = key.split(":");
      if (kind === "comp") out.add(topo.globalComp(+ci, +bi, +ki));
      else if (kind === "branch") out.add(topo.globalComp(+ci, +bi, 0));
      else if (kind === "cell") out.add(topo.globalComp(+ci, 0, 0));
    }
    return [...out].sort((a, b) => a - b);
  };
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
    addClamp(delay: number, duration: number, amplitude: number) {
      const nodes = instrumentNodes();
      const { dt, tMax } = get(c).sim;
      if (nodes.length === 0) return Promise.resolve([]);
      return run.applyGuiEdit(c, { kind: "stimulate", nodes, delay, duration, amplitude, dt, tMax });
    },
    addRecording(state: string) {
      const nodes = instrumentNodes();
      if (nodes.length === 0) return Promise.resolve([]);
      return run.applyGuiEdit(c, { kind: "record", nodes, state });
    },
    clearInstruments: () => run.applyGuiEdit(c, { kind: "clearInstruments" }),
    /** Removes one instrument of the instruments list (one undo step; two if another line adds it again). */
    removeInstrument: (instrument: Instrument) => removeInstrumentAction(c, instrument),
    /** Records `state` at given compartments (the raster's "record every cell's soma"). */
    recordAt: (nodes: readonly number[], state = "v") =>
      nodes.length ? run.applyGuiEdit(c, { kind: "record", nodes, state }) : Promise.resolve([]),
    setSim(p: Partial<SimSettings>) {
      patch(c, { sim: { ...get(c).sim, ...p } });
      return run.resimulate(c);
    },
    setView(p: Partial<ViewSettings>) {
      patch(c, { view: { ...get(c).view, ...p } });
      if (p.keepRuns === false) patch(c, { runs: get(c).runs.slice(-1) });
    },
    colourBy: (key: string) => run.loadColour(c, key),
    setTrainer: (p: Partial<TrainerSettings>) => patch(c, { trainer: { ...get(c).trainer, ...p } }),
    startTraining: () => train.startTraining(c),
    stopTraining: () => train.stopTraining(c),
    applyTraining: () => train.applyTraining(c),
    shareHash: () => share.shareHash(c),
    shareLink: () => share.shareLink(c),
    /** Imports a file (SWC) into the session and writes a script that reads it. */
    importFile: (name: string, text: string) => importFile(c, name, text),
    /** Imports files picked or dropped together (`.mod` mechanisms, SWC morphologies), one undo step. */
    importFiles: (files: readonly DiskFile[]) => importFiles(c, files),
    /** Inserts a mechanism of the Mechanisms panel: writes `insert(new M())` lines. */
    insertMechanism: (name: string, target: MechanismTarget) => editMechanism(c, name, target),
    /** Removes a mechanism: writes `delete(new M())` lines. */
    removeMechanism: (name: string, target: MechanismTarget) => editMechanism(c, name, target, true),
    openLink: (hash: string) => share.openLink(c, hash),
    dismissBanner: () => patch(c, { banner: null }),
    showBanner: (kind: "error" | "info", text: string) => patch(c, { banner: { kind, text } }),
  };
}
