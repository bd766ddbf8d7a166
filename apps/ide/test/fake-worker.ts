/**
 * A fake Web Worker for the model client's tests: it records what is posted and whether
 * it was terminated, and `reply` answers as the worker would. `installFakeWorker()` installs
 * it as the global `Worker` around each test.
 */
import { afterEach, beforeEach } from "vitest";

export class FakeWorker {
  static all: FakeWorker[] = [];
  posted: Array<Record<string, unknown>> = [];
  terminated = false;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(m: Record<string, unknown>): void {
    this.posted.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(data: Record<string, unknown>): void {
    this.onmessage?.({ data });
  }
}

/** Makes `new Worker(...)` a FakeWorker in every test of the file (restored after each). */
export function installFakeWorker(): void {
  const g = globalThis as unknown as { Worker: unknown };
  let saved: unknown;
  beforeEach(() => {
    saved = g.Worker;
    g.Worker = FakeWorker;
    FakeWorker.all = [];
  });
  afterEach(() => {
    g.Worker = saved;
  });
}
