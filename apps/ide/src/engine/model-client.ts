/**
 * The page's handle on the model worker: requests with ids, answered by promises.
 */
import type { SerializedModel } from "@dendrolab/core/io";
import { isModelReply, type ModelReply, type ModelRequest } from "../protocol/messages.js";
import type { SimSettings, TableSource } from "../protocol/model.js";

type Pending = (r: ModelReply) => void;
type Body<R> = R extends { id: number } ? Omit<R, "id"> : never;

export class ModelClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor() {
    this.worker = new Worker(new URL("../workers/model.worker.ts", import.meta.url), { type: "module", name: "model" });
    this.worker.onmessage = (e) => {
      if (!isModelReply(e.data)) return;
      const p = this.pending.get(e.data.id);
      this.pending.delete(e.data.id);
      p?.(e.data);
    };
  }

  private request(body: Body<ModelRequest>, transfer: Transferable[] = []): Promise<ModelReply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ ...body, id }, transfer);
    });
  }

  load(model: SerializedModel, sim: SimSettings, table: TableSource): Promise<ModelReply> {
    return this.request({ kind: "load", model, sim, table });
  }

  set(target: TableSource, key: string, value: number, sim: SimSettings, table: TableSource): Promise<ModelReply> {
    return this.request({ kind: "set", target, key, value, sim, table });
  }

  table(source: TableSource): Promise<ModelReply> {
    return this.request({ kind: "table", source });
  }

  edges(): Promise<ModelReply> {
    return this.request({ kind: "edges" });
  }

  simulate(sim: SimSettings): Promise<ModelReply> {
    return this.request({ kind: "simulate", sim });
  }

  column(key: string): Promise<ModelReply> {
    return this.request({ kind: "column", key });
  }

  mechanisms(files: Record<string, string>): Promise<ModelReply> {
    return this.request({ kind: "mechanisms", files });
  }
}
