/** Types of tutorial-run.mjs, for the tests that call it in-process. */
export function buildTutorial(parts: Record<string, unknown>): any;
export function simRun(jx: unknown, network: unknown): SimRun;
export function gradRun(jx: unknown, tf: unknown, network: unknown): GradRun;
export function errorOf(f: () => unknown): { code: string | null; name: string; message: string } | null;

export interface SimRun {
  nRecordings: number;
  nSamples: number;
  samples: number[];
  apicalRows: number;
  edges: number;
}
export interface GradRun {
  shape: number[];
  samples: number[];
  gradient: number[];
}
