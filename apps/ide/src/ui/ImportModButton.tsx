/** "Import .mod…": reads one or many NEURON `.mod` files into the session; the script loads them. */
import { FilePickerButton } from "./FilePickerButton.js";
import { readDiskFiles } from "./FileDrop.js";
import { useActions } from "./session-context.js";

export function ImportModButton() {
  const a = useActions();
  return (
    <FilePickerButton
      testId="import-mod"
      label="⤒ Import .mod…"
      title="Load NEURON mechanisms (.mod files) from disk; each becomes a jx.loadNmodl line in the script (or drop them on the page)"
      accept=".mod,.MOD"
      multiple
      onFiles={async (picked) => {
        const files = await readDiskFiles(picked, (m) => a.showBanner("error", m));
        if (files) await a.importFiles(files);
      }}
    />
  );
}
