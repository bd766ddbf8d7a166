/** Importing SWC files: the session keeps them, the script reads them, links carry them when they fit. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runScript } from "../src/sandbox/run-script.js";
import { fileName, swcExampleScript } from "../src/session/files.js";
import { decodeSession } from "../src/session/share/codec.js";
import { createSession } from "../src/session/store.js";
import { inProcessServices, TUTORIAL_SCRIPT } from "./helpers.js";

/** The CA1 morphology the e2e tests import too (a copy of ../shared/swc/morph_ca1_n120_250.swc). */
const SWC = readFileSync(new URL("../../../e2e/fixtures/morph_ca1_n120_250.swc", import.meta.url), "utf8");

async function opened() {
  const session = createSession(inProcessServices(), TUTORIAL_SCRIPT);
  await session.actions.run();
  return { s: () => session.store.getState(), actions: session.actions };
}

describe("imported files", () => {
  it("cleans file names", () => {
    expect(fileName("C:\\Users\\me\\n120 cell.swc")).toBe("n120_cell.swc");
    expect(fileName("../../.hidden.swc")).toBe("hidden.swc");
    expect(fileName("")).toBe("cell.swc");
  });

  it("gives scripts the files through dendrolab:files, and names a missing one", () => {
    const net = runScript(swcExampleScript("cell.swc"), () => undefined, { "cell.swc": SWC });
    expect(net.groupNames).toEqual(expect.arrayContaining(["soma", "apical"]));
    expect(() => runScript(swcExampleScript("other.swc"), () => undefined, { "cell.swc": SWC })).toThrow(
      /no imported file "other.swc".*"cell.swc".*Import SWC/,
    );
    expect(() =>
      runScript(
        'import files from "dendrolab:files";\n(files as any)["x"] = "y";\nexport default null;',
        () => undefined,
        {},
      ),
    ).toThrow();
  });

  it("imports an SWC file: writes the example script (one undo step), runs it and draws the traced cell", async () => {
    const { s, actions } = await opened();
    const r = await actions.importFile("/tmp/morph_ca1_n120_250.swc", SWC);
    expect(r).toEqual({ ok: true, name: "morph_ca1_n120_250.swc" });
    expect(s().files).toEqual({ "morph_ca1_n120_250.swc": SWC });
    expect(s().script).toContain('jx.readSwc(files["morph_ca1_n120_250.swc"], { ncomp: 2, minRadius: 0.1 })');
    expect(s().run.status).toBe("ok");
    const summary = s().model!.summary;
    expect(summary.coords.source).toBe("columns");
    expect(summary.groups.map((g) => g.name)).toEqual(expect.arrayContaining(["soma", "apical"]));
    expect(s().runs.at(-1)?.traces).toBeTruthy();
    expect(s().history.present.label).toBe("Import morph_ca1_n120_250.swc");
    await actions.undo();
    expect(s().script).toBe(TUTORIAL_SCRIPT);
  });

  it("shares imported files when the link stays small enough, and says so when it does not", async () => {
    const a = await opened();
    await a.actions.importFile("cell.swc", SWC);
    const small = await a.actions.shareLink();
    expect(small.omittedFiles).toEqual([]);
    const doc = await decodeSession(small.hash);
    expect(doc.ok && doc.doc.files).toEqual({ "cell.swc": SWC });
    const b = await opened();
    expect(await b.actions.openLink(small.hash)).toBe(true);
    expect(b.s().run.status).toBe("ok");
    expect(b.s().model?.summary.groups).toEqual(a.s().model?.summary.groups);
    expect(b.s().banner).toBeNull();

    // A file too large for a link: left out, and named (the small one still travels).
    const big = `${SWC}\n${Array.from({ length: 4000 }, (_, i) => `# padding ${Math.random().toString(36)} ${i}`).join("\n")}\n`;
    await a.actions.importFile("big.swc", big);
    expect(a.s().run.status).toBe("ok");
    const large = await a.actions.shareLink();
    expect(large.omittedFiles).toEqual(["big.swc"]);
    const doc2 = await decodeSession(large.hash);
    expect(doc2.ok).toBe(true);
    expect(doc2.ok && doc2.doc.files).toEqual({ "cell.swc": SWC });
    expect(doc2.ok && doc2.doc.missingFiles).toEqual(["big.swc"]);
    const c = await opened();
    expect(await c.actions.openLink(large.hash)).toBe(true);
    expect(c.s().run.status).toBe("error");
    expect(c.s().run.message).toMatch(/no imported file "big.swc".*Import SWC/);
    expect(c.s().banner?.text).toMatch(/leaves out the file "big.swc"/);
    // Importing it then keeps the shared script (which names it) and runs it.
    await c.actions.importFile("big.swc", big);
    expect(c.s().script).toBe(a.s().script);
    expect(c.s().run.status).toBe("ok");
  });
});
