/**
 * The Project menu: "Save project" (downloads `name.dendrolab.json`: the whole session,
 * imported files included), "Open project…" (a file picker; project files can also be
 * dropped on the page), "Back to the tutorial"; its button shows the autosave's state in
 * a quiet word ("saved 14:02", "autosave off").
 */
import { useEffect, useRef } from "react";
import { clockTime } from "../session/persist/autosave-state.js";
import { FilePickerButton } from "./FilePickerButton.js";
import { useActions, useSessionState } from "./session-context.js";
import "./project.css";

/** Offers a text (or bytes) as a file download. */
export function downloadText(fileName: string, text: string | Uint8Array, type = "application/json"): void {
  const url = URL.createObjectURL(new Blob([text as BlobPart], { type }));
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
  const menu = useRef<HTMLDetailsElement>(null);
  const close = () => menu.current?.removeAttribute("open");
  useEffect(() => {
    // The menu closes on a click elsewhere.
    const outside = (e: PointerEvent) => {
      if (menu.current && !menu.current.contains(e.target as Node)) menu.current.removeAttribute("open");
    };
    window.addEventListener("pointerdown", outside);
    return () => window.removeEventListener("pointerdown", outside);
  }, []);
  return (
    <details className="project-menu" ref={menu}>
      <summary
        data-testid="project-menu"
        title="Save or open a project file; the session is also autosaved in this browser"
      >
        Project <AutosaveStatus />
      </summary>
      <div className="project-pop">
        <button
          type="button"
          data-testid="save-project"
          title="Download the whole session (script, settings, imported files, training results) as one .dendrolab.json file"
          onClick={() => {
            close();
            void a.saveProject().then(({ fileName, text }) => downloadText(fileName, text));
          }}
        >
          ⤓ Save project
        </button>
        <FilePickerButton
          testId="open-project"
          label="⤒ Open project…"
          title="Open a .dendrolab.json project file (or drop it on the page); Undo brings back the open session"
          accept=".json,application/json"
          onFiles={async ([file]) => {
            close();
            try {
              await a.openProject(file.name, await file.text());
            } catch (err) {
              a.showBanner("error", `Could not read "${file.name}": ${(err as Error).message}`);
            }
          }}
        />
        <button
          type="button"
          data-testid="export-neuron"
          title="Download the model as a NEURON 8.2 Python script with its .mod files and a README (zip): nrnivmodl mechanisms, then nrniv -python model.py, or mpiexec -n N nrniv -mpi -python model.py on a cluster"
          onClick={() => {
            close();
            void a.exportNeuron().then((z) => z && downloadText(z.fileName, z.bytes, "application/zip"));
          }}
        >
          ⤓ Export to NEURON (.zip)
        </button>
        <button
          type="button"
          data-testid="back-to-tutorial"
          title="Replace the session with the tutorial (Undo brings it back)"
          onClick={() => {
            close();
            void a.backToTutorial();
          }}
        >
          ↺ Back to the tutorial
        </button>
      </div>
    </details>
  );
}

/** The autosave's state: a tick when saved (the time in its tooltip), "saving…", or "autosave off" (no storage). */
function AutosaveStatus() {
  const st = useSessionState((s) => s.autosave);
  if (st.status === "off") return null;
  const text = st.status === "unavailable" ? "· autosave off" : st.status === "pending" ? "…" : "✓";
  const title =
    st.status === "unavailable"
      ? `This browser does not let the page store data (${st.message ?? "IndexedDB unavailable"}; private mode?): a reload loses your work. Use “Save project” to keep it.`
      : st.status === "pending"
        ? "Saving the session in this browser…"
        : `Saved in this browser${st.savedAt ? ` at ${clockTime(st.savedAt)}` : ""}: a reload brings the session back.`;
  return (
    <span
      className={`autosave autosave-${st.status}`}
      data-testid="autosave-status"
      data-status={st.status}
      title={title}
    >
      {text}
    </span>
  );
}
