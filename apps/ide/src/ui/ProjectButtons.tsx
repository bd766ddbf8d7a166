/**
 * "Save project" (downloads `name.dendrolab.json`: the whole session, imported files
 * included), "Open project…" (a file picker; project files can also be dropped on the
 * page), and the autosave's state in a quiet word.
 */
import { clockTime } from "../session/persist/autosave-state.js";
import { FilePickerButton } from "./FilePickerButton.js";
import { useActions, useSessionState } from "./session-context.js";
import "./project.css";

/** Offers a text as a file download. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ProjectButtons() {
  const a = useActions();
  return (
    <div className="project-buttons">
      <button
        type="button"
        data-testid="save-project"
        title="Download the whole session (script, settings, imported files, training results) as one .dendrolab.json file"
        onClick={() => {
          const { fileName, text } = a.saveProject();
          downloadText(fileName, text);
        }}
      >
        ⤓ Save project
      </button>
      <FilePickerButton
        testId="open-project"
        label="Open project…"
        title="Open a .dendrolab.json project file (or drop it on the page); Undo brings back the open session"
        accept=".json,application/json"
        onFiles={async ([file]) => {
          try {
            await a.openProject(file.name, await file.text());
          } catch (err) {
            a.showBanner("error", `Could not read "${file.name}": ${(err as Error).message}`);
          }
        }}
      />
      <AutosaveStatus />
    </div>
  );
}

function AutosaveStatus() {
  const st = useSessionState((s) => s.autosave);
  if (st.status === "off") return null;
  const text =
    st.status === "unavailable"
      ? "Autosave off"
      : st.status === "pending"
        ? "Saving…"
        : st.savedAt
          ? `Saved ${clockTime(st.savedAt)}`
          : "";
  const title =
    st.status === "unavailable"
      ? `This browser does not let the page store data (${st.message ?? "IndexedDB unavailable"}; private mode?): a reload loses your work. Use “Save project” to keep it.`
      : "The session is saved in this browser as you work and restored when you come back.";
  return (
    <span className={`autosave autosave-${st.status}`} data-testid="autosave-status" title={title}>
      {text}
    </span>
  );
}
