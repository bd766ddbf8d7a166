/**
 * Compiles a mechanism spec into kernels (docs/design.md#mechanisms). Results are cached: by the
 * canonical JSON of the whole spec (the same spec gives the same object), and the
 * generated kernels by the parts of the spec they depend on (renaming a mechanism or
 * changing a default never regenerates code).
 */
import { helperPreamble, HELPERS, usedVariables } from "./expr/emit.js";
import {
  advanceVjpSource,
  currentVjpSource,
  generateKernelSources,
  outputValuesSource,
  outputVjpSource,
  type KernelName,
} from "./codegen.js";
import { mechanismKeys, prefixedKey } from "./keys.js";
import { buildSymbolic } from "./model.js";
import type { CompiledMechanism, MechanismKernels, MechanismSpec, OutputVjpKernel } from "./types.js";
import { MechanismSpecError, validateSpec, type AnalyzedSpec } from "./validate.js";
import { isObject } from "../guards.js";

/** A compiled mechanism, with the generated source of each kernel (for inspection). */
export interface CompiledMechanismWithSource extends CompiledMechanism {
  readonly source: Readonly<Record<KernelName, string>>;
}

const compiledCache = new Map<string, CompiledMechanismWithSource>();
const kernelCache = new Map<
  string,
  {
    kernels: MechanismKernels;
    source: Record<KernelName, string>;
    currentVjpFor: (wanted: readonly boolean[], scale: boolean) => MechanismKernels["currentVjp"];
    advanceVjpFor: (wanted: readonly boolean[]) => MechanismKernels["advanceVjp"];
    outputValues: (j: number) => MechanismKernels["currentValues"];
    outputVjp: (j: number) => OutputVjpKernel;
    nodeVars: readonly string[];
    usesNodeVars: boolean;
  }
>();
const analysisCache = new Map<string, AnalyzedSpec>();

/** Entries kept per cache; the oldest is dropped beyond this (specs typed live in the IDE). */
const CACHE_LIMIT = 1000;

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

function sortedObject(x: unknown): unknown {
  if (!isObject(x)) return x;
  return Object.fromEntries(
    Object.keys(x)
      .sort()
      .map((k) => [k, x[k]]),
  );
}

/**
 * A canonical JSON text of a spec: top-level fields, gates and quantities with sorted
 * keys; parameters, states, gates and definitions kept in their (meaningful) order.
 *
 * @example canonicalSpecJson({ ...spec, name: spec.name }) === canonicalSpecJson(spec)
 */
function canonicalSpecJson(spec: unknown, options: { kernelOnly?: boolean } = {}): string {
  if (!isObject(spec)) throw new MechanismSpecError(`A mechanism spec must be an object, got ${String(spec)}`);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(spec).sort()) {
    const value = spec[key];
    if (options.kernelOnly && (key === "name" || key === "currentName")) continue;
    if (["params", "shared", "states", "gates", "definitions"].includes(key) && isObject(value)) {
      out[key] = Object.entries(value).map(([k, q]) => {
        if (!options.kernelOnly || key === "gates" || key === "definitions") return [k, sortedObject(q)];
        return k; // defaults, units and descriptions do not change the kernels
      });
    } else {
      out[key] = value;
    }
  }
  return JSON.stringify(out);
}

/**
 * Validates and parses a spec, cached by its canonical JSON.
 *
 * @example analyzeSpec(spec).gates.length
 */
export function analyzeSpec(spec: MechanismSpec): AnalyzedSpec {
  const key = canonicalSpecJson(spec);
  let a = analysisCache.get(key);
  if (!a) {
    a = remember(analysisCache, key, validateSpec(spec));
  }
  return a;
}

/**
 * Compiles one generated kernel body. `label` (e.g. `NaTs2_t.advanceCurrent`) names its
 * source for profilers and stack traces.
 */
function compileKernel(body: string, label = "kernel"): (...args: never[]) => void {
  const url = label.replace(/[^\w.-]/g, "_");
  return new Function("H", `"use strict";\n${helperPreamble()}\n${body}\n//# sourceURL=${url}.js`)(HELPERS);
}

function buildKernels(a: AnalyzedSpec) {
  const key = canonicalSpecJson(a.spec, { kernelOnly: true });
  let entry = kernelCache.get(key);
  if (!entry) {
    const sym = buildSymbolic(a);
    const source = generateKernelSources(sym);
    const kernels = Object.fromEntries(
      Object.entries(source).map(([name, body]) => [name, compileKernel(body, `${a.spec.name}.${name}`)]),
    ) as unknown as MechanismKernels;
    // currentVjp restricted to the wanted parameters (compiled on first use, then cached).
    const variants = new Map<string, MechanismKernels["currentVjp"]>();
    const currentVjpFor = (wanted: readonly boolean[], scale: boolean): MechanismKernels["currentVjp"] => {
      const k = `${wanted.map(Number).join("")}:${Number(scale)}`;
      let fn = variants.get(k);
      if (!fn) {
        const params = wanted.flatMap((w, j) => (w ? [j] : []));
        fn = compileKernel(
          currentVjpSource(sym, params, scale),
          `${a.spec.name}.currentVjp`,
        ) as unknown as MechanismKernels["currentVjp"];
        variants.set(k, fn);
      }
      return fn;
    };
    // advanceVjp restricted to the wanted parameters (compiled on first use, then cached).
    const advanceVariants = new Map<string, MechanismKernels["advanceVjp"]>();
    const advanceVjpFor = (wanted: readonly boolean[]): MechanismKernels["advanceVjp"] => {
      const k = wanted.map(Number).join("");
      let fn = advanceVariants.get(k);
      if (!fn) {
        const params = wanted.flatMap((w, j) => (w ? [j] : []));
        fn = compileKernel(advanceVjpSource(sym, params)) as unknown as MechanismKernels["advanceVjp"];
        advanceVariants.set(k, fn);
      }
      return fn;
    };
    const outputKernels = new Map<number, MechanismKernels["currentValues"]>();
    const outputValues = (j: number): MechanismKernels["currentValues"] => {
      let fn = outputKernels.get(j);
      if (!fn) {
        if (!(j >= 0 && j < sym.outputs.length)) throw new RangeError(`no output ${j}`);
        fn = compileKernel(
          outputValuesSource(sym, j),
          `${a.spec.name}.output${j}`,
        ) as unknown as MechanismKernels["currentValues"];
        outputKernels.set(j, fn);
      }
      return fn;
    };
    const outputVjps = new Map<number, OutputVjpKernel>();
    const outputVjp = (j: number): OutputVjpKernel => {
      let fn = outputVjps.get(j);
      if (!fn) {
        if (!(j >= 0 && j < sym.outputs.length)) throw new RangeError(`no output ${j}`);
        fn = compileKernel(outputVjpSource(sym, j), `${a.spec.name}.outputVjp${j}`) as unknown as OutputVjpKernel;
        outputVjps.set(j, fn);
      }
      return fn;
    };
    const roots = [
      sym.current,
      sym.slopeFd,
      ...sym.gates.flatMap((gt) => [gt.next, ...(gt.init === null ? [] : [gt.init])]),
      ...sym.outputs,
    ];
    const usesNodeVars =
      sym.ionCurrents.length > 0 ||
      sym.gates.some((gt) => gt.mirror) ||
      [...usedVariables(sym.graph, roots)].some((v) => /^x\d+$/.test(v));
    entry = remember(kernelCache, key, {
      kernels,
      source,
      currentVjpFor,
      advanceVjpFor,
      outputValues,
      outputVjp,
      nodeVars: Object.freeze([...sym.nodeVars]),
      usesNodeVars,
    });
  }
  return entry;
}

/**
 * Compiles a channel or synapse spec into kernels over struct-of-arrays instances.
 * Throws {@link MechanismSpecError} for a bad spec. Cached: compiling an equal spec
 * again returns the same object.
 *
 * @example
 * const leak = compileMechanism({ kind: "channel", name: "Leak", params: { gLeak: 1e-4,
 *   eLeak: -70 }, states: {}, gates: {}, current: "gLeak * (v - eLeak)" });
 * const idx = new Int32Array([0]), out = new Float64Array(1);
 * const P = [new Float64Array([1e-4]), new Float64Array([-70])];  // S/cm2, mV
 * leak.currentValues(1, idx, idx, new Float64Array([-60]), P, [], out); // out[0] = 1e-3 mA/cm2
 */
export function compileMechanism(spec: MechanismSpec): CompiledMechanismWithSource {
  const key = canonicalSpecJson(spec);
  const hit = compiledCache.get(key);
  if (hit) return hit;
  const analyzed = analyzeSpec(spec);
  const { kernels, source, currentVjpFor, advanceVjpFor, outputValues, outputVjp, nodeVars, usesNodeVars } =
    buildKernels(analyzed);
  const keys = mechanismKeys(analyzed.spec);
  const compiled: CompiledMechanismWithSource = Object.freeze({
    ...kernels,
    spec: analyzed.spec,
    name: analyzed.spec.name,
    kind: analyzed.spec.kind,
    paramKeys: Object.freeze([...keys.paramKeys]),
    paramDefaults: Object.freeze([...keys.paramDefaults]),
    stateKeys: Object.freeze([...keys.stateKeys]),
    stateDefaults: Object.freeze([...keys.stateDefaults]),
    currentName: keys.currentName,
    ionColumnKeys: Object.freeze([...keys.ionColumnKeys]),
    ionColumnDefaults: Object.freeze([...keys.ionColumnDefaults]),
    nodeVars,
    usesNodeVars,
    advancesFirst:
      analyzed.gates.some((gt) => gt.concentration !== null) ||
      analyzed.ionReads.some((r) => analyzed.ions.some((ion) => r === `i${ion.species}`)),
    ions: analyzed.ions,
    outputKeys: Object.freeze(analyzed.outputs.map(([k]) => prefixedKey(analyzed.spec.name, k))),
    outputValues,
    outputVjp,
    source,
    currentVjpFor,
    advanceVjpFor,
  });
  return remember(compiledCache, key, compiled);
}
