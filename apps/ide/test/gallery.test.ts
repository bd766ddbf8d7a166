/** The gallery: every entry loads; opening an example is one undo step; a needed file completes it. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GALLERY, galleryEntry } from "../src/gallery/index.js";
import { L5PC_FIT_PARAMS, L5PC_FIT_START, L5PC_SWC, l5pcFitScript } from "../src/gallery/l5pc-fit-script.js";
import { runScript } from "../src/sandbox/run-script.js";
import { DEFAULT_SIM } from "../src/session/defaults.js";
import { validateSession } from "../src/session/share/schema.js";
import { createSession } from "../src/session/store.js";
import { inProcessServices, TUTORIAL_SCRIPT } from "./helpers.js";

/** The L5PC morphology: test data in ../shared, never copied into the repository. */
const L5PC = readFileSync(new URL(`../../../../shared/swc/${L5PC_SWC}`, import.meta.url), "utf8");

async function opened() {
  const services = inProcessServices();
  const session = createSession(services, TUTORIAL_SCRIPT);
  await session.actions.run();
  return { s: () => session.store.getState(), actions: session.actions };
}

describe("gallery", () => {
  it("loads every entry, with settings a share link would accept", async () => {
    expect(GALLERY.map((e) => e.id)).toEqual([
      "tutorial",
      "hh",
      "cable",
      "propagation",
      "dendrites",
      "ca1-bap",
      "ei-network",
      "fit",
      "l5pc-fit",
    ]);
    for (const entry of GALLERY) {
      const ex = await entry.load();
      expect(ex.id).toBe(entry.id);
      expect(ex.title).toBe(entry.title);
      expect(ex.explanation.length).toBeGreaterThan(100);
      const doc = validateSession({ script: ex.script, sim: ex.sim, trainer: ex.trainer });
      expect(doc.trainer).toEqual(ex.trainer);
    }
    expect(galleryEntry("nope")).toBeUndefined();
  });

  it("the L5PC fit script builds the cell with every fitted parameter at its start, inside its bounds", () => {
    const net = runScript(l5pcFitScript(), () => undefined, { [L5PC_SWC]: L5PC });
    expect(net.nComp).toBe(324);
    for (const [i, p] of L5PC_FIT_PARAMS.entries()) {
      const values = net.group(p.group).view.column(p.key);
      expect(new Set(values)).toEqual(new Set([L5PC_FIT_START[i]]));
      expect(L5PC_FIT_START[i] > p.bounds[0] && L5PC_FIT_START[i] < p.bounds[1]).toBe(true);
      expect(p.target >= p.bounds[0] && p.target <= p.bounds[1]).toBe(true);
    }
    expect(() => runScript(l5pcFitScript(), () => undefined, {})).toThrow(
      /no imported file "morph_l5pc_with_axon.swc"/,
    );
  });

  it("opens the L5PC fit as one undo step, names the missing morphology, and runs once it is dropped", async () => {
    const { s, actions } = await opened();
    actions.setScript(`${TUTORIAL_SCRIPT}\n// mine`);
    const ex = await galleryEntry("l5pc-fit")!.load();
    await actions.openExample(ex);
    expect(s().script).toBe(ex.script);
    expect(s().sim).toEqual({ tMax: 100, dt: 0.025, solver: "bwd_euler" });
    expect(s().trainer.params).toHaveLength(19);
    expect(s().trainer.transform).toBe("sigmoid");
    expect(s().run.status).toBe("error");
    expect(s().banner?.text).toMatch(/needs the file "morph_l5pc_with_axon.swc".*drop it on the page/);
    await actions.importFiles([{ name: L5PC_SWC, text: L5PC }]);
    expect(s().script).toBe(ex.script);
    expect(s().run.status).toBe("ok");
    expect(s().banner).toBeNull();
    await actions.undo();
    expect(s().script).toBe(`${TUTORIAL_SCRIPT}\n// mine`);
    // Undo brings the settings before the example back too; redo the example's, with the dropped file.
    expect(s().sim).toEqual(DEFAULT_SIM);
    expect(s().trainer.params).toHaveLength(0);
    await actions.redo();
    expect(s().sim).toEqual({ tMax: 100, dt: 0.025, solver: "bwd_euler" });
    expect(s().files[L5PC_SWC]).toBe(L5PC);
    expect(s().run.status).toBe("ok");
  }, 60_000);
});
