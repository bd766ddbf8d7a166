/** "Import .mod…": reads one or many NEURON `.mod` files into the session; the script loads them. */
import { type ChangeEvent, useRef } from "react";
import { readDiskFiles } from "./FileDrop.js";
import { useActions } from "./session-context.js";

export function ImportModButton() {
  const a = useActions();
  const input = useRef<HTMLInputElement>(null);
  const onFiles = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = [...(e.currentTarget.files ?? [])];
    e.currentTarget.value = ""; // the same files can be imported again
    if (picked.length === 0) return;
    const files = await readDiskFiles(picked, (m) => a.showBanner("error", m));
    if (files) await a.importFiles(files);
  };
  return (
    <>
      <button
        type="button"
        data-testid="import-mod"
        onClick={() => input.current?.click()}
        title="Load NEURON mechanisms (.mod files) from disk; each becomes a jx.loadNmodl line in the script (or drop them on the page)"
      >
        ⤒ Import .mod…
      </button>
      <input
        ref={input}
        type="file"
        accept=".mod,.MOD"
        multiple
        hidden
        data-testid="import-mod-input"
        onChange={(e) => void onFiles(e)}
      />
    </>
  );
}
