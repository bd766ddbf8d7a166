/**
 * Drag and drop of files onto the page: `.mod` mechanisms and `.swc` morphologies, one or
 * many at once (one undo step), or a project file (`.dendrolab.json`, which replaces the
 * session as one undo step). An overlay shows while files are dragged over the page.
 */
import { useEffect, useState } from "react";
import type { DiskFile } from "../session/files.js";
import { useActions } from "./session-context.js";

/** Reads files as text; on a failure reports it and returns null. */
export async function readDiskFiles(
  list: readonly File[],
  report: (message: string) => void,
): Promise<DiskFile[] | null> {
  try {
    return await Promise.all(list.map(async (f) => ({ name: f.name, text: await f.text() })));
  } catch (err) {
    report(`Could not read the files: ${(err as Error).message}`);
    return null;
  }
}

const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes("Files");

export function FileDrop() {
  const a = useActions();
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overPage = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const all = [...(e.dataTransfer?.files ?? [])];
      const project = all.find((f) => /\.json$/i.test(f.name));
      if (project) {
        // A project file replaces the whole session (one undo step); other files dropped with it are ignored.
        void readDiskFiles([project], (m) => a.showBanner("error", m)).then(
          (files) => files && a.openProject(files[0].name, files[0].text),
        );
        return;
      }
      if (all.length === 0) return;
      void readDiskFiles(all, (m) => a.showBanner("error", m)).then((files) => files && a.importFiles(files));
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragleave", leave);
    window.addEventListener("dragover", overPage);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("dragover", overPage);
      window.removeEventListener("drop", drop);
    };
  }, [a]);
  if (!over) return null;
  return (
    <div className="file-drop" data-testid="file-drop">
      <div>
        Drop NEURON mechanisms (.mod) and morphologies (.swc) to import them, or a project (.dendrolab.json) to open it
      </div>
    </div>
  );
}
