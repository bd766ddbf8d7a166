/**
 * The model script in Monaco (loaded lazily; a read-only preview shows meanwhile), with
 * the last run's error and console output below.
 */
import { useEffect, useRef, useState } from "react";
import { useActions, useSession, useSessionState } from "../session-context.js";
import { Panel } from "../widgets.js";
import type { ScriptEditor } from "./monaco.js";

/** Longest wait (during a run) before a change from outside the editor is shown in it, ms. */
const SHOW_WITHIN_MS = 1000;

export function EditorPanel() {
  const session = useSession();
  const a = useActions();
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<ScriptEditor | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const script = useSessionState((s) => s.script);
  const run = useSessionState((s) => s.run);

  useEffect(() => {
    let disposed = false;
    let started = false;
    // Monaco is large (its evaluation is a long task): it loads when the user reaches for
    // the editor, or a few seconds after the first model is on screen.
    const load = () => {
      if (started || disposed) return;
      started = true;
      import("./monaco.js").then(
        (m) => {
          if (disposed || !host.current) return;
          editor.current = m.createEditor(
            host.current,
            session.store.getState().script,
            (t) => a.setScript(t),
            () => void a.run(),
          );
          setLoaded(true);
        },
        (e: Error) => setLoadError(`The editor could not load: ${e.message}`),
      );
    };
    const fallback = setTimeout(load, 8000);
    let idle: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = session.store.subscribe((s) => {
      if ((s.run.status === "ok" || s.run.status === "error") && idle === undefined) idle = setTimeout(load, 5000);
    });
    const panel = host.current?.closest("[data-testid=editor-panel]");
    const events = ["pointerdown", "focusin", "keydown", "pointerenter"] as const;
    for (const e of events) panel?.addEventListener(e, load, { once: true });
    return () => {
      disposed = true;
      clearTimeout(fallback);
      clearTimeout(idle);
      for (const e of events) panel?.removeEventListener(e, load);
      unsubscribe();
      editor.current?.dispose();
      editor.current = null;
    };
  }, [session, a]);

  // A script change that did not come from typing (a GUI action, undo, a link): the
  // editor shows it, scrolls to the lines that changed and highlights them briefly. Unless
  // the editor has the focus, that waits until the run it started is over (at most
  // SHOW_WITHIN_MS): Monaco's edit and redraw take about 15 ms of the main thread, which
  // would otherwise delay the trace that a table edit draws at once (bench:ide). Focusing
  // the editor shows the change first, so that typing always starts from the session's script.
  const [highlight, setHighlight] = useState<string | null>(null);
  const running = run.status === "running";
  useEffect(() => {
    const ed = editor.current;
    if (!ed || ed.getValue() === script) return;
    const show = () => {
      const now = session.store.getState().script;
      if (ed !== editor.current || ed.getValue() === now) return;
      const runs = ed.showChange(now);
      if (runs.length > 0) setHighlight(runs.map((r) => `${r.from}-${r.to}`).join(","));
    };
    const el = host.current;
    if (!running || el?.contains(document.activeElement)) return show();
    const timer = setTimeout(show, SHOW_WITHIN_MS);
    el?.addEventListener("focusin", show);
    return () => {
      clearTimeout(timer);
      el?.removeEventListener("focusin", show);
    };
  }, [script, running, session]);

  useEffect(() => {
    if (!loaded) return; // the effect runs again once the editor is there
    editor.current?.setRunError(run.status === "error" ? run.line : null, run.message);
  }, [run, loaded]);

  return (
    <Panel
      title="Model script · TypeScript"
      className="editor-panel"
      testid="editor-panel"
      tools={<span className="muted">Ctrl+Enter runs</span>}
    >
      <div className="editor-host" ref={host} data-testid="editor" data-highlight={highlight ?? undefined}>
        {!loaded && (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the preview scrolls, so the keyboard must reach it (and focusing it loads the editor)
          <pre className="editor-preview" tabIndex={0} data-testid="editor-preview">
            {loadError ?? script}
          </pre>
        )}
      </div>
      {(run.status === "error" || run.logs.length > 0) && (
        <div className="console" data-testid="console">
          {run.status === "error" && (
            <div className="console-error" data-testid="run-error">
              {run.fromScript && (
                <span className="console-source" data-testid="run-error-source">
                  Your script stopped with this error:{" "}
                </span>
              )}
              {run.line ? `Line ${run.line}: ` : ""}
              {run.message}
            </div>
          )}
          {run.logs.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the log only grows and its lines may repeat: a line's place is its identity
            <div key={i} className="console-line">
              {l}
            </div>
          ))}
        </div>
      )}
    </Panel>
  );
}
