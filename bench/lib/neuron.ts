/**
 * Runs NEURON (Debian's python3-neuron, /usr/bin/python3) side by side with Dendrolab.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const PYTHON = "/usr/bin/python3";

/** Is NEURON importable here? */
export function neuronAvailable(): boolean {
  if (!existsSync(PYTHON)) return false;
  try {
    execFileSync(PYTHON, ["-c", "import neuron"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Runs a script of tools/neuron-refs and returns the last JSON line it printed, plus an emitted model. */
export function runNeuronBench(
  script: string,
  args: string[],
): { result: Record<string, number | string>; model?: unknown } {
  const dir = mkdtempSync(join(tmpdir(), "dendrolab-bench-"));
  const modelPath = join(dir, "model.json");
  const out = execFileSync(PYTHON, [join(ROOT, "tools/neuron-refs", script), "--emit-model", modelPath, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = out
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .pop();
  if (!line) throw new Error(`${script} printed no JSON result:\n${out}`);
  const model = existsSync(modelPath) ? JSON.parse(readFileSync(modelPath, "utf8")) : undefined;
  return { result: JSON.parse(line), model };
}

/** Best wall-clock time of `repeats` calls, seconds. */
export function bestOf(repeats: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return best;
}
