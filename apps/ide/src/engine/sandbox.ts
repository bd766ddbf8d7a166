/**
 * Runs model scripts in a Web Worker inside an opaque-origin sandboxed iframe. A run
 * that takes longer than the limit (an infinite loop) is stopped by removing the iframe,
 * which ends its worker; the page is never blocked and the previous model is kept.
 */
import type { SerializedModel } from "@dendrolab/core/io";
import { isScriptReply, type ScriptReply } from "../protocol/messages.js";
import { SANDBOX_SRCDOC } from "./sandbox-frame.js";

export type ScriptOutcome =
  | { ok: true; model: SerializedModel; logs: string[]; ms: number }
  | { ok: false; kind: "error" | "timeout" | "crash"; message: string; line: number | null; logs: string[] };

interface Frame {
  iframe: HTMLIFrameElement;
  ready: Promise<void>;
  onReply: (m: ScriptReply) => void;
}

export class ScriptSandbox {
  private frame: Frame | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listener = (e: MessageEvent) => {
    const f = this.frame;
    if (!f || e.source !== f.iframe.contentWindow) return;
    if (isScriptReply(e.data)) f.onReply(e.data);
  };

  constructor(
    private readonly workerSource: () => Promise<string>,
    // A run is stopped after 1.5 s, so that a runaway script is gone well within 2 s.
    readonly timeoutMs = 1500,
    private readonly bootTimeoutMs = 30_000,
  ) {
    window.addEventListener("message", this.listener);
  }

  /** Starts the sandbox ahead of the first run. */
  warm(): Promise<void> {
    return this.ensureFrame().ready;
  }

  /** Runs a script; resolves with the model or with why there is none. Runs are sequential. */
  run(script: string, files: Readonly<Record<string, string>> = {}): Promise<ScriptOutcome> {
    const next = this.queue.then(() => this.runNow(script, files));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(script: string, files: Readonly<Record<string, string>>): Promise<ScriptOutcome> {
    const frame = this.ensureFrame();
    try {
      await frame.ready;
    } catch (e) {
      this.kill();
      return { ok: false, kind: "crash", message: (e as Error).message, line: null, logs: [] };
    }
    const id = this.nextId++;
    return new Promise<ScriptOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.kill();
        resolve({
          ok: false,
          kind: "timeout",
          message: `The script ran for more than ${this.timeoutMs / 1000} s and was stopped (an infinite loop?). The previous model is kept.`,
          line: null,
          logs: [],
        });
        void this.warm().catch(() => undefined);
      }, this.timeoutMs);
      frame.onReply = (m) => {
        if (m.kind === "crash") {
          clearTimeout(timer);
          this.kill();
          resolve({
            ok: false,
            kind: "crash",
            message: `The script sandbox stopped: ${m.message}`,
            line: null,
            logs: [],
          });
          return;
        }
        if ((m.kind !== "result" && m.kind !== "error") || m.id !== id) return;
        clearTimeout(timer);
        if (m.kind === "result") {
          performance.measure("sandbox:script-in-worker", { start: performance.now() - m.ms, duration: m.ms });
          resolve({ ok: true, model: m.model, logs: m.logs, ms: m.ms });
        } else {
          resolve({ ok: false, kind: "error", message: m.message, line: m.line, logs: m.logs });
        }
      };
      frame.iframe.contentWindow!.postMessage({ kind: "run", id, script, files: { ...files } }, "*");
    });
  }

  private ensureFrame(): Frame {
    if (this.frame) return this.frame;
    const iframe = document.createElement("iframe");
    iframe.setAttribute("sandbox", "allow-scripts");
    iframe.setAttribute("aria-hidden", "true");
    iframe.title = "script sandbox";
    iframe.dataset.testid = "script-sandbox";
    iframe.style.cssText = "position:absolute;width:0;height:0;border:0;visibility:hidden";
    const frame: Frame = { iframe, ready: Promise.resolve(), onReply: () => undefined };
    performance.mark("sandbox:create");
    frame.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error("The script sandbox did not start in time.")),
        this.bootTimeoutMs,
      );
      frame.onReply = (m) => {
        if (m.kind === "frame-ready") {
          performance.mark("sandbox:frame-ready");
          this.workerSource().then(
            (source) => iframe.contentWindow?.postMessage({ kind: "boot", source }, "*"),
            (e: Error) => reject(e),
          );
        } else if (m.kind === "ready") {
          performance.mark("sandbox:worker-ready", { detail: m.bootMs });
          if (m.bootMs)
            performance.measure("sandbox:worker-boot", { start: performance.now() - m.bootMs, duration: m.bootMs });
          clearTimeout(timer);
          resolve();
        } else if (m.kind === "crash") {
          clearTimeout(timer);
          reject(new Error(`The script sandbox failed to start: ${m.message}`));
        }
      };
    });
    iframe.srcdoc = SANDBOX_SRCDOC;
    document.body.appendChild(iframe);
    this.frame = frame;
    return frame;
  }

  /** Ends the iframe and its worker. */
  private kill(): void {
    this.frame?.iframe.remove();
    this.frame = null;
  }

  dispose(): void {
    this.kill();
    window.removeEventListener("message", this.listener);
  }
}
