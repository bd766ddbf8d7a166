/**
 * Runs model scripts in the sandbox document (sandbox.html: an opaque-origin iframe with
 * its own Content-Security-Policy, see sandbox/relay.ts). The page talks to it only
 * through a MessagePort handed over once, when the iframe first loads; if the iframe ever
 * loads again (it was navigated), it is thrown away and a new one is made, so a navigated
 * frame never receives a script.
 *
 * Each run has an unguessable id and gets exactly one reply. Anything else from the
 * sandbox (a wrong id, a second reply, an unknown message) drops the sandbox: its iframe
 * is removed (ending its worker) and a new one starts. A run that takes too long is
 * stopped by the relay; the page keeps a backstop in case the relay never answers.
 */
import type { SerializedModel } from "@dendrolab/core/io";
import type { CheckRequest, CheckResult } from "../protocol/lesson.js";
import { isScriptReply, type ScriptReply } from "../protocol/messages.js";
import { SCRIPT_TIMEOUT_MS, scriptTimeoutMs } from "../sandbox/limits.js";

export type ScriptOutcome =
  | {
      ok: true;
      model: SerializedModel;
      logs: string[];
      ms: number;
      checks?: CheckResult[];
      /** The model was built with the app, not by this run (engine/prebuilt.ts). */
      prebuilt?: true;
    }
  | {
      ok: false;
      kind: "error" | "timeout" | "crash";
      message: string;
      line: number | null;
      logs: string[];
      checks?: CheckResult[];
    };

/** A reply of the relay to a request (a run or a summary). */
export type SandboxReply =
  | Exclude<ScriptReply, { kind: "ready" | "boot-failed" }>
  | { kind: "failed"; message: string };
type Reply = Exclude<SandboxReply, { kind: "failed" }>;

interface Pending {
  id: string;
  /** The relay's reply, or the message of a sandbox that failed before it replied. */
  resolve: (r: SandboxReply) => void;
  timer: ReturnType<typeof setTimeout>;
}

interface Frame {
  iframe: HTMLIFrameElement;
  port: MessagePort | null;
  ready: Promise<void>;
  /** The document and its relay have loaded (before the worker's boot). */
  loaded: Promise<void>;
  booted: boolean;
  pending: Pending | null;
  bootFailed: (e: Error) => void;
  bootDone: () => void;
}

/** Where the sandbox document is served (next to index.html). */
const SANDBOX_URL = "sandbox.html";

const crash = (message: string, logs: string[] = []): ScriptOutcome => ({
  ok: false,
  kind: "crash",
  message,
  line: null,
  logs,
});

export class ScriptSandbox {
  private frame: Frame | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    /** The relay stops a run after this long; the page's backstop waits a little longer. */
    readonly timeoutMs = SCRIPT_TIMEOUT_MS,
    private readonly bootTimeoutMs = 30_000,
  ) {}

  /** Starts the sandbox ahead of the first run. */
  warm(): Promise<void> {
    return this.ensureFrame().ready;
  }

  /** Starts the sandbox; resolves once its document and relay have loaded (its worker then boots). */
  start(): Promise<void> {
    return this.ensureFrame().loaded;
  }

  /**
   * Tells the relay that the page has finished with the last run, so that it pre-starts
   * the next run's worker now, after the frame and the plot draws that show the run (a
   * worker's start takes a core for tens of ms; on a 2-core machine, starting it during
   * the model's run and the draws delays the trace).
   */
  idle(): void {
    const frame = this.frame;
    if (!frame?.port || frame.pending) return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (this.frame === frame && !frame.pending) frame.port?.postMessage({ kind: "idle" });
      }, 0),
    );
  }

  /**
   * Runs a script; resolves with the model or with why there is none. Runs are sequential.
   * `checks`: a lesson's checks, evaluated in the sandbox on the model the script builds.
   */
  async run(
    script: string,
    files: Readonly<Record<string, string>> = {},
    checks?: CheckRequest,
  ): Promise<ScriptOutcome> {
    const limitMs = Math.max(this.timeoutMs, scriptTimeoutMs(files));
    const r = await this.request(limitMs, (id) => ({
      kind: "run",
      id,
      script,
      files: { ...files },
      ...(checks ? { checks } : {}),
    }));
    return r.kind === "failed" ? crash(r.message) : this.outcome(r, limitMs);
  }

  /**
   * Sends one request (made with its id) when the requests before it are answered;
   * resolves with the relay's reply, or "failed" when the sandbox failed first. `limitMs`:
   * the relay's time limit for it (the page waits that plus a worker's boot).
   */
  request(limitMs: number, body: (id: string) => object): Promise<SandboxReply> {
    const next = this.queue.then(() => this.requestNow(limitMs, body));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async requestNow(limitMs: number, body: (id: string) => object): Promise<SandboxReply> {
    const frame = this.ensureFrame();
    try {
      await frame.ready;
    } catch (e) {
      if (this.frame === frame) this.kill();
      return { kind: "failed", message: (e as Error).message };
    }
    if (this.frame !== frame || !frame.port)
      return { kind: "failed", message: "The script sandbox was restarted before the run; run again." };
    const id = crypto.randomUUID();
    const port = frame.port;
    return new Promise((resolve) => {
      // The relay answers a runaway script after its limit (plus its worker's boot, if it was not ready).
      const timer = setTimeout(() => {
        if (frame.pending?.id !== id) return;
        this.drop(frame, "The script sandbox did not answer the run in time and was restarted.");
      }, limitMs + this.bootTimeoutMs);
      frame.pending = { id, resolve, timer };
      port.postMessage(body(id));
    });
  }

  private onMessage(frame: Frame, data: unknown): void {
    if (this.frame !== frame) return;
    if (!isScriptReply(data)) {
      this.drop(frame, "The script sandbox sent a message the page does not understand; it was restarted.");
      return;
    }
    const m = data;
    if (m.kind === "ready" || m.kind === "boot-failed") {
      if (frame.booted) {
        this.drop(frame, "The script sandbox announced itself twice; it was restarted.");
        return;
      }
      frame.booted = true;
      if (m.kind === "ready") {
        performance.mark("sandbox:worker-ready", { detail: m.bootMs });
        frame.iframe.dataset.ready = "yes"; // for tests: the first run's worker is up
        if (m.bootMs)
          performance.measure("sandbox:worker-boot", { start: performance.now() - m.bootMs, duration: m.bootMs });
        frame.bootDone();
      } else frame.bootFailed(new Error(`The script sandbox failed to start: ${m.message}`));
      return;
    }
    const pending = frame.pending;
    if (!pending || m.id !== pending.id) {
      this.drop(frame, "The script sandbox sent a reply for no run of this page; it was restarted.");
      return;
    }
    frame.pending = null;
    clearTimeout(pending.timer);
    pending.resolve(m);
  }

  /** A script run's reply as its outcome (a summary's replies are not a run's: a crash). */
  private outcome(m: Reply, limitMs: number): ScriptOutcome {
    switch (m.kind) {
      case "result":
        performance.measure("sandbox:script-in-worker", { start: performance.now() - m.ms, duration: m.ms });
        return { ok: true, model: m.model, logs: m.logs, ms: m.ms, ...(m.checks ? { checks: m.checks } : {}) };
      case "error": {
        const checks = m.checks ? { checks: m.checks } : {};
        return { ok: false, kind: "error", message: m.message, line: m.line, logs: m.logs, ...checks };
      }
      case "timeout":
        return {
          ok: false,
          kind: "timeout",
          message: `The script ran for more than ${limitMs / 1000} s and was stopped (an infinite loop?). The previous model is kept.`,
          line: null,
          logs: m.logs,
        };
      case "refused":
        return crash(m.message, m.logs);
      case "crash":
        return crash(
          `The script stopped its worker with an uncaught error. The script reported: “${m.message}”`,
          m.logs,
        );
      default:
        return crash(`The script sandbox answered "${m.kind}" to a script run.`);
    }
  }

  /** Throws the sandbox away (ending its worker), fails its run with `message`, and starts a new one. */
  private drop(frame: Frame, message: string): void {
    if (this.frame !== frame) return;
    const pending = frame.pending;
    frame.pending = null;
    this.kill();
    frame.bootFailed(new Error(message));
    if (pending) {
      clearTimeout(pending.timer);
      pending.resolve({ kind: "failed", message });
    }
    void this.warm().catch(() => undefined);
  }

  private ensureFrame(): Frame {
    if (this.frame) return this.frame;
    const iframe = document.createElement("iframe");
    iframe.setAttribute("sandbox", "allow-scripts");
    iframe.setAttribute("aria-hidden", "true");
    iframe.title = "script sandbox";
    iframe.dataset.testid = "script-sandbox";
    iframe.style.cssText = "position:absolute;width:0;height:0;border:0;visibility:hidden";
    const frame: Frame = {
      iframe,
      port: null,
      ready: Promise.resolve(),
      loaded: Promise.resolve(),
      booted: false,
      pending: null,
      bootFailed: () => undefined,
      bootDone: () => undefined,
    };
    performance.mark("sandbox:create");
    frame.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error("The script sandbox did not start in time.")),
        this.bootTimeoutMs,
      );
      frame.bootDone = () => {
        clearTimeout(timer);
        resolve();
      };
      frame.bootFailed = (e) => {
        clearTimeout(timer);
        reject(e);
      };
    });
    frame.ready.catch(() => undefined);
    let onLoad: () => void = () => undefined;
    frame.loaded = new Promise<void>((resolve) => {
      onLoad = resolve;
    });
    let loads = 0;
    iframe.addEventListener("load", () => {
      onLoad();
      if (++loads > 1) {
        this.drop(
          frame,
          "The script sandbox was navigated away from its document; it was restarted. Run the script again.",
        );
        return;
      }
      performance.mark("sandbox:frame-ready");
      const channel = new MessageChannel();
      frame.port = channel.port1;
      channel.port1.onmessage = (e) => this.onMessage(frame, e.data);
      // The only message to the frame's window: the port, which carries no script.
      iframe.contentWindow?.postMessage({ kind: "connect" }, "*", [channel.port2]);
    });
    iframe.src = new URL(SANDBOX_URL, document.baseURI).href;
    document.body.appendChild(iframe);
    this.frame = frame;
    return frame;
  }

  /** Ends the iframe and its worker. */
  private kill(): void {
    const f = this.frame;
    if (!f) return;
    f.port?.close();
    f.iframe.remove();
    this.frame = null;
  }

  dispose(): void {
    this.kill();
  }
}
