/**
 * integrate's options as they cross to a worker. Tensors become their values and shape
 * (copied, so that transferring them never detaches a tensor's own buffer); in the worker
 * they come back as read-only tensor stand-ins, which the simulator reads exactly as it
 * reads tensors (dataSync, shape, rank, size), so a worker needs no tfjs.
 */
import type { Tensor } from "@tensorflow/tfjs-core";
import type { IntegrateOptions } from "../run/options.js";
import type { TimedCurrent } from "../model/stimulus.js";
import type { SolverName } from "../sim/steppers.js";

/** A tensor's values (float32 or int32, as tfjs holds them) and shape. */
export interface WireTensor {
  data: Float32Array | Int32Array | Uint8Array;
  shape: number[];
}

/** IntegrateOptions with every tensor as a WireTensor and every index array copied. */
export interface WireOptions {
  params?: Array<Record<string, WireTensor>>;
  paramState?: Array<{ key: string; target: "node" | "edge"; indices: Int32Array; value: WireTensor }> | null;
  dataStimuli?: Array<{ nodes: Int32Array; value?: WireTensor; timed?: TimedCurrent }> | null;
  dataClamps?: Array<{ state: string; target: "node" | "edge"; indices: Int32Array; value: WireTensor }> | null;
  tMax?: number;
  deltaT?: number;
  solver?: SolverName;
}

/** `options` for a worker, and the buffers to transfer with it. Options were checked by planRun. */
export function encodeOptions(options: IntegrateOptions): { wire: WireOptions; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const tensor = (t: Tensor): WireTensor => {
    const data = (t.dataSync() as Float32Array | Int32Array | Uint8Array).slice();
    transfer.push(data.buffer as ArrayBuffer);
    return { data, shape: t.shape.slice() };
  };
  const ints = (a: Int32Array): Int32Array => {
    const copy = a.slice();
    transfer.push(copy.buffer as ArrayBuffer);
    return copy;
  };
  const wire: WireOptions = {};
  const o = options;
  if ("tMax" in o) wire.tMax = o.tMax;
  if ("deltaT" in o) wire.deltaT = o.deltaT;
  if ("solver" in o) wire.solver = o.solver;
  if ("params" in o) {
    wire.params = o.params?.map((p) => Object.fromEntries(Object.entries(p).map(([k, t]) => [k, tensor(t)])));
  }
  if ("paramState" in o) {
    wire.paramState =
      o.paramState?.map((r) => ({ key: r.key, target: r.target, indices: ints(r.indices), value: tensor(r.value) })) ??
      null;
  }
  if ("dataStimuli" in o) {
    wire.dataStimuli =
      o.dataStimuli?.map((s) =>
        s.value ? { nodes: ints(s.nodes), value: tensor(s.value) } : { nodes: ints(s.nodes), timed: { ...s.timed } },
      ) ?? null;
  }
  if ("dataClamps" in o) {
    wire.dataClamps =
      o.dataClamps?.map((c) => ({
        state: c.state,
        target: c.target,
        indices: ints(c.indices),
        value: tensor(c.value),
      })) ?? null;
  }
  return { wire, transfer };
}

/** The options back, in the worker, with tensor stand-ins. */
export function decodeOptions(wire: WireOptions): IntegrateOptions {
  const { params, paramState, dataStimuli, dataClamps, ...plain } = wire;
  const out: IntegrateOptions = { ...plain };
  if ("params" in wire) {
    out.params = params?.map((p) => Object.fromEntries(Object.entries(p).map(([k, t]) => [k, standIn(t)])));
  }
  if ("paramState" in wire) out.paramState = paramState?.map((r) => ({ ...r, value: standIn(r.value) })) ?? null;
  if ("dataStimuli" in wire) {
    out.dataStimuli =
      dataStimuli?.map((s) =>
        s.value ? { nodes: s.nodes, value: standIn(s.value) } : { nodes: s.nodes, timed: s.timed! },
      ) ?? null;
  }
  if ("dataClamps" in wire) out.dataClamps = dataClamps?.map((c) => ({ ...c, value: standIn(c.value) })) ?? null;
  return out;
}

/** What the simulator reads of a tensor (run/tensors.ts isTensor, dataSync, shape, rank, size). */
function standIn(t: WireTensor): Tensor {
  const view = { shape: t.shape, rank: t.shape.length, size: t.data.length, dataSync: () => t.data };
  return view as unknown as Tensor;
}
