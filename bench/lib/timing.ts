/** Wall-clock and main-thread CPU timing for the benchmarks. */
import { readFileSync } from "node:fs";

/** CPU time of the calling thread, seconds (Linux; NaN elsewhere). */
export function threadCpuSeconds(): number {
  try {
    return Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e9;
  } catch {
    return Number.NaN;
  }
}

/** Best wall-clock and best main-thread CPU time of `repeats` calls, seconds. */
export function bestTimes(repeats: number, fn: () => void): { wall: number; cpu: number } {
  let wall = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeats; i++) {
    const c0 = threadCpuSeconds();
    const t0 = performance.now();
    fn();
    wall = Math.min(wall, (performance.now() - t0) / 1000);
    cpu = Math.min(cpu, threadCpuSeconds() - c0);
  }
  return { wall, cpu };
}
