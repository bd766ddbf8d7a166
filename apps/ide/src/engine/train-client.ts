/**
 * The page's handle on the trainer worker. Stop asks the worker to finish after the
 * current step; if it does not answer within a few seconds, the worker is ended and
 * replaced.
 */
import { isTrainReply, type TrainJob, type TrainReply } from "../protocol/messages.js";

export interface TrainingHandle {
  stop(): void;
}

const STOP_GRACE_MS = 3000;

export class TrainClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private listeners = new Map<number, (r: TrainReply) => void>();

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL("../workers/train.worker.ts", import.meta.url), { type: "module", name: "trainer" });
    w.onmessage = (e) => {
      if (!isTrainReply(e.data)) return;
      const l = this.listeners.get(e.data.id);
      if (e.data.kind === "done" || e.data.kind === "error") this.listeners.delete(e.data.id);
      l?.(e.data);
    };
    this.worker = w;
    return w;
  }

  /** Pre-loads the worker (and tfjs) before the first job. */
  warm(): void {
    this.ensureWorker();
  }

  start(job: TrainJob, onReply: (r: TrainReply) => void): TrainingHandle {
    const id = this.nextId++;
    this.listeners.set(id, onReply);
    this.ensureWorker().postMessage({ kind: "start", id, job });
    return {
      stop: () => {
        if (!this.listeners.has(id)) return;
        this.worker?.postMessage({ kind: "stop", id });
        setTimeout(() => {
          const l = this.listeners.get(id);
          if (!l) return;
          this.listeners.delete(id);
          this.worker?.terminate();
          this.worker = null;
          l({ kind: "done", id, reason: "stopped", values: [], losses: [], best: null });
        }, STOP_GRACE_MS);
      },
    };
  }
}
