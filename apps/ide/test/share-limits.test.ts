/**
 * Every link Share makes opens (Share checks the opener's limits and warns instead), and
 * a document that is not an object is "not a Dendrolab link".
 */
import { describe, expect, it } from "vitest";
import { decodeSession, toBase64Url } from "../src/session/share/codec.js";
import { createSession } from "../src/session/store.js";
import { inProcessServices, TUTORIAL_SCRIPT } from "./helpers.js";

async function opened(script = TUTORIAL_SCRIPT) {
  const session = createSession(inProcessServices(), script);
  await session.actions.run();
  return { ...session, s: () => session.store.getState() };
}

/** The tutorial padded with a comment to `chars` characters (it compresses to a short link). */
const padded = (chars: number) => {
  const head = `${TUTORIAL_SCRIPT}\n// `;
  return head + "x".repeat(chars - head.length);
};

async function deflate(text: string): Promise<string> {
  const s = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return toBase64Url(new Uint8Array(await new Response(s).arrayBuffer()));
}

describe("links Share makes", () => {
  it("open when the script is just under the limit", async () => {
    const a = await opened(padded(59_900));
    const link = await a.actions.shareLink();
    expect(link.problem).toBeUndefined();
    const b = await opened();
    expect(await b.actions.openLink(link.hash)).toBe(true);
    expect(b.s().script).toBe(a.s().script);
  });

  it("are not made for a 61,000-character script: Share says why and what to do instead", async () => {
    const a = await opened(padded(61_000));
    const link = await a.actions.shareLink();
    if (!link.problem) {
      // Had a link been made, it would have to open.
      const b = await opened();
      expect(await b.actions.openLink(link.hash)).toBe(true);
    }
    expect(link.hash).toBe("");
    expect(link.problem).toMatch(/script has 61,000 characters.*at most 60,000.*project file/);
    await expect(a.actions.shareHash()).rejects.toThrow(/too large for a link/);
  });
});

describe("documents that are not a session object", () => {
  it.each([
    ["null", "null"],
    ["[1, 2]", "an array"],
    ["42", "a number"],
    ['"script"', "a string"],
  ])("%s is not a Dendrolab link", async (json, got) => {
    const r = await decodeSession(`#s=1.${await deflate(json)}`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^This is not a Dendrolab link/);
    expect(r.message).toContain(`its data is ${got}`);
    expect(r.message).not.toMatch(/convert/);
  });
});
