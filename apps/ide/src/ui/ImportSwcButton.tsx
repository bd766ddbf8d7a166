/** "Import SWC…": reads a morphology file from disk into the session and writes a script that uses it. */
import { type ChangeEvent, useRef } from "react";
import { useActions } from "./session-context.js";

export function ImportSwcButton() {
  const a = useActions();
  const input = useRef<HTMLInputElement>(null);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = ""; // the same file can be imported again
    if (!file) return;
    try {
      await a.importFile(file.name, await file.text());
    } catch (err) {
      a.showBanner("error", `Could not read "${file.name}": ${(err as Error).message}`);
    }
  };
  return (
    <>
      <button
        type="button"
        data-testid="import-swc"
        onClick={() => input.current?.click()}
        title="Load a morphology (.swc) from disk; writes a script that reads it"
      >
        ⤒ Import SWC…
      </button>
      <input
        ref={input}
        type="file"
        accept=".swc,.SWC,text/plain"
        hidden
        data-testid="import-swc-input"
        onChange={(e) => void onFile(e)}
      />
    </>
  );
}
