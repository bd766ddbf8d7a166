/**
 * The trainer worker (docs/design.md#ide): runs Adam on the cpu backend, posts progress
 * every step and stops between steps when asked.
 */
import * as tf from "@tensorflow/tfjs";
import type { TrainReply, TrainRequest } from "../protocol/messages.js";
import { TrainError, train } from "./trainer-loop.js";

const stopped = new Set<number>();
const ready = tf.setBackend("cpu").then(() => tf.ready());

function reply(m: TrainReply, transfer: Transferable[] = []): void {
  (self as unknown as Worker).postMessage(m, transfer);
}

/** Lets queued messages (such as "stop") arrive between steps. */
const yieldToMessages = () => new Promise<void>((r) => setTimeout(r, 0));

self.onmessage = async (e: MessageEvent<TrainRequest>) => {
  const req = e.data;
  if (req.kind === "stop") {
    stopped.add(req.id);
    return;
  }
  const id = req.id;
  try {
    await ready;
    const result = await train(req.job, {
      started: (info) => reply({ kind: "started", id, ...info }),
      progress: async (p) => {
        reply(
          { kind: "progress", id, ...p },
          p.traces.rows.map((r) => r.values.buffer as ArrayBuffer),
        );
        await yieldToMessages();
      },
      shouldStop: () => stopped.has(id),
    });
    reply({ kind: "done", id, ...result });
  } catch (err) {
    const message = err instanceof TrainError ? err.message : `Training failed: ${(err as Error).message}`;
    reply({ kind: "error", id, message });
  } finally {
    stopped.delete(id);
  }
};
