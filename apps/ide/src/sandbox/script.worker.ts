/**
 * The script worker: runs inside the sandboxed iframe (opaque origin), started from a
 * blob: URL. It locks the global scope down, then evaluates scripts on request and posts
 * back the serialised model. The page kills it (with its iframe) if a run takes too long.
 */
import * as tf from "@tensorflow/tfjs";
import { serializeModel } from "@dendrolab/core/io";
import type { ScriptReply, ScriptRequest } from "../protocol/messages.js";
import { lockDown } from "./lockdown.js";
import { runScript, ScriptError } from "./run-script.js";

const scope = self as unknown as Worker & Record<string, unknown>;
const post = scope.postMessage.bind(scope) as (m: ScriptReply) => void;
scope.addEventListener("message", (e: MessageEvent<ScriptRequest>) => handle(e.data));
void tf.setBackend("cpu");
lockDown(scope);
post({ kind: "ready", bootMs: performance.now() });

const MAX_LOG_LINES = 200;

function handle(req: ScriptRequest): void {
  if (req?.kind !== "run" || typeof req.script !== "string" || !Number.isInteger(req.id)) return;
  const files: Record<string, string> = {};
  if (req.files && typeof req.files === "object") {
    for (const [name, text] of Object.entries(req.files)) if (typeof text === "string") files[name] = text;
  }
  const logs: string[] = [];
  const log = (line: string) => {
    if (logs.length < MAX_LOG_LINES) logs.push(line.length > 2000 ? `${line.slice(0, 2000)}...` : line);
  };
  const start = performance.now();
  try {
    const model = runScript(req.script, log, files);
    post({ kind: "result", id: req.id, model: serializeModel(model), logs, ms: performance.now() - start });
  } catch (e) {
    const line = e instanceof ScriptError ? e.line : null;
    const message = e instanceof Error ? e.message : String(e);
    post({ kind: "error", id: req.id, message, line, logs });
  }
}
