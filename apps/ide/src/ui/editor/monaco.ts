/**
 * Monaco, bundled (no CDN), loaded lazily: the editor core, the contributions a
 * TypeScript editor needs, the TypeScript language service, and the declarations of
 * @dendrolab/core and tfjs so that scripts autocomplete and type-check.
 * monaco-editor >= 0.55 exposes the TypeScript defaults from its typescript feature
 * module (formerly `monaco.languages.typescript`).
 */
import * as monaco from "monaco-editor/editor/editor.api";
import "monaco-editor/editor/browser/coreCommands";
import "monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget";
import "monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching";
import "monaco-editor/editor/contrib/clipboard/browser/clipboard";
import "monaco-editor/editor/contrib/codeAction/browser/codeActionContributions";
import "monaco-editor/editor/contrib/comment/browser/comment";
import "monaco-editor/editor/contrib/contextmenu/browser/contextmenu";
import "monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo";
import "monaco-editor/editor/contrib/find/browser/findController";
import "monaco-editor/editor/contrib/folding/browser/folding";
import "monaco-editor/editor/contrib/format/browser/formatActions";
import "monaco-editor/editor/contrib/gotoError/browser/gotoError";
import "monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands";
import "monaco-editor/editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition";
import "monaco-editor/editor/contrib/hover/browser/hoverContribution";
import "monaco-editor/editor/contrib/indentation/browser/indentation";
import "monaco-editor/editor/contrib/inlayHints/browser/inlayHintsContribution";
import "monaco-editor/editor/contrib/linesOperations/browser/linesOperations";
import "monaco-editor/editor/contrib/multicursor/browser/multicursor";
import "monaco-editor/editor/contrib/parameterHints/browser/parameterHints";
import "monaco-editor/editor/contrib/semanticTokens/browser/documentSemanticTokens";
import "monaco-editor/editor/contrib/smartSelect/browser/smartSelect";
import "monaco-editor/editor/contrib/snippet/browser/snippetController2";
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/editor/contrib/tokenization/browser/tokenization";
import "monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter";
import "monaco-editor/editor/contrib/wordOperations/browser/wordOperations";
import "monaco-editor/editor/standalone/browser/quickAccess/standaloneCommandsQuickAccess";
import "monaco-editor/editor/common/standaloneStrings";
import "monaco-codicons.css";
import "monaco-codicon-modifiers.css";
import "monaco-editor/languages/definitions/typescript/register";
import { isDark, onThemeChange } from "../theme/theme.js";
import "./highlight.css";
import { changedHunks } from "./line-diff.js";
import { installSafeMarkdown } from "./safe-markdown.js";
import * as ts from "monaco-editor/languages/features/typescript/register";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TsWorker from "monaco-editor/languages/features/typescript/ts.worker?worker";
import declarations from "virtual:core-dts";

(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker: (_id: string, label: string) =>
    label === "typescript" || label === "javascript" ? new TsWorker() : new EditorWorker(),
};

/** What a script can use besides its imports: the worker's console (no DOM, no network). */
const SCRIPT_GLOBALS = `
interface ScriptConsole {
  log(...data: unknown[]): void; info(...data: unknown[]): void; debug(...data: unknown[]): void;
  warn(...data: unknown[]): void; error(...data: unknown[]): void;
}
declare var console: ScriptConsole;
/** Files imported with "Import SWC…" or "Import .mod…" (or dropped on the page), by name (their text). */
declare module "dendrolab:files" {
  const files: Readonly<Record<string, string>>;
  export default files;
  /** The text of an imported .mod file, for jx.loadNmodl: mod("NaTs2_t.mod"). */
  export function mod(name: string): string;
}
`;

let configured = false;

function configure(): void {
  if (configured) return;
  configured = true;
  installSafeMarkdown();
  const defaults = ts.typescriptDefaults;
  defaults.setCompilerOptions({
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    lib: ["es2022"],
    strict: true,
    noEmit: true,
    allowNonTsExtensions: true,
    skipLibCheck: true,
  });
  defaults.setDiagnosticsOptions({
    noSemanticValidation: false,
    noSyntaxValidation: false,
    diagnosticCodesToIgnore: [2688],
  });
  defaults.setEagerModelSync(true);
  defaults.setExtraLibs([
    ...declarations.map(([filePath, content]) => ({ filePath, content })),
    { filePath: "file:///node_modules/@tensorflow/tfjs-core/index.d.ts", content: 'export * from "./dist/index";\n' },
    { filePath: "file:///script-globals.d.ts", content: SCRIPT_GLOBALS },
  ]);
}

/** How long the lines a GUI action wrote stay highlighted, ms. */
export const HIGHLIGHT_MS = 2500;

export interface ScriptEditor {
  setValue(text: string): void;
  /**
   * Shows a script changed outside the editor (a GUI action, undo, a link), scrolls to the
   * lines that changed and highlights them; returns them (1-based, inclusive).
   */
  showChange(text: string): Array<{ from: number; to: number }>;
  getValue(): string;
  /** Marks an error line (1-based) from the last run, or clears it. */
  setRunError(line: number | null, message: string | null): void;
  /** Highlights runs of lines (1-based, inclusive) for {@link HIGHLIGHT_MS} and scrolls to the last. */
  highlightLines(runs: ReadonlyArray<{ from: number; to: number }>): void;
  focus(): void;
  dispose(): void;
}

/** Creates the editor in `host`. `onChange` fires on typing; `onRun` on Ctrl/Cmd+Enter. */
export function createEditor(
  host: HTMLElement,
  text: string,
  onChange: (text: string) => void,
  onRun: () => void,
): ScriptEditor {
  configure();
  const uri = monaco.Uri.parse("file:///model.ts");
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(text, "typescript", uri);
  model.setValue(text);
  const editor = monaco.editor.create(host, {
    model,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    lineNumbersMinChars: 3,
    scrollBeyondLastLine: false,
    tabSize: 2,
    fixedOverflowWidgets: true,
    renderLineHighlight: "line",
    // TypeScript shows no inlay hints unless asked for some, but Monaco still requests them
    // after every change, and the worker type-checks the script to answer: about 70 ms of
    // a core after each GUI edit (bench:ide, Chromium trace), for nothing.
    inlayHints: { enabled: "off" },
    theme: isDark() ? "vs-dark" : "vs",
  });
  const offTheme = onThemeChange((dark) => monaco.editor.setTheme(dark ? "vs-dark" : "vs"));
  let applying = false;
  const sub = model.onDidChangeContent(() => {
    if (!applying) onChange(model.getValue());
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, onRun);
  const flash = editor.createDecorationsCollection();
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  return {
    setValue(next) {
      if (next === model.getValue()) return;
      applying = true;
      const t0 = performance.now();
      // Replace only what changed (GUI edits insert lines), as an edit: the editor keeps its
      // cursor, scroll position and own undo stack.
      const old = model.getValue();
      let head = 0;
      while (head < old.length && head < next.length && old[head] === next[head]) head++;
      let tail = 0;
      while (
        tail < old.length - head &&
        tail < next.length - head &&
        old[old.length - 1 - tail] === next[next.length - 1 - tail]
      )
        tail++;
      const from = model.getPositionAt(head);
      const to = model.getPositionAt(old.length - tail);
      const range = new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column);
      editor.executeEdits(
        "dendrolab",
        [{ range, text: next.slice(head, next.length - tail) }],
        editor.getSelections() ?? undefined,
      );
      editor.pushUndoStop();
      performance.measure("editor:setValue", { start: t0, end: performance.now() });
      applying = false;
    },
    showChange(next) {
      const runs = changedHunks(model.getValue(), next).map((r) => ({ from: r.from, to: Math.max(r.from, r.to) }));
      this.setValue(next);
      if (runs.length > 0) this.highlightLines(runs);
      return runs;
    },
    getValue: () => model.getValue(),
    setRunError(line, message) {
      monaco.editor.setModelMarkers(
        model,
        "run",
        line && message
          ? [
              {
                severity: monaco.MarkerSeverity.Error,
                message,
                startLineNumber: line,
                endLineNumber: line,
                startColumn: 1,
                endColumn: model.getLineMaxColumn(Math.min(line, model.getLineCount())),
              },
            ]
          : [],
      );
    },
    highlightLines(runs) {
      const n = model.getLineCount();
      const ranges = runs.map(({ from, to }) => {
        const a = Math.max(1, Math.min(from, n));
        return new monaco.Range(a, 1, Math.max(a, Math.min(to, n)), 1);
      });
      const last = ranges[ranges.length - 1];
      if (!last) return;
      editor.revealLinesInCenterIfOutsideViewport(
        last.startLineNumber,
        last.endLineNumber,
        monaco.editor.ScrollType.Immediate,
      );
      const options = { isWholeLine: true, className: "gui-edit-line", linesDecorationsClassName: "gui-edit-gutter" };
      flash.set(ranges.map((range) => ({ range, options })));
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => flash.clear(), HIGHLIGHT_MS);
    },
    focus: () => editor.focus(),
    dispose() {
      clearTimeout(flashTimer);
      offTheme();
      sub.dispose();
      editor.dispose();
    },
  };
}
