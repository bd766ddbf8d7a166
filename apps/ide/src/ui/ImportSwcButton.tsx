/** "Import SWC…": reads a morphology file from disk into the session and writes a script that uses it. */
import { FilePickerButton } from "./FilePickerButton.js";
import { useActions } from "./session-context.js";

export function ImportSwcButton() {
  const a = useActions();
  return (
    <FilePickerButton
      testId="import-swc"
      label="⤒ Import SWC…"
      title="Load a morphology (.swc) from disk; writes a script that reads it"
      accept=".swc,.SWC,text/plain"
      onFiles={async ([file]) => {
        try {
          await a.importFile(file.name, await file.text());
        } catch (err) {
          a.showBanner("error", `Could not read "${file.name}": ${(err as Error).message}`);
        }
      }}
    />
  );
}
