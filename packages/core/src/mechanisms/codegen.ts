/**
 * Generates the JavaScript source of each kernel of {@link MechanismKernels} from a
 * {@link SymbolicMechanism}: one monomorphic loop per kernel, arrays read into locals
 * before the loop, shared subexpressions computed once, no allocation in the loop.
 */
import { Differentiator } from "./expr/diff.js";
import { emitNodes, usedVariables } from "./expr/emit.js";
import type { NodeId } from "./expr/graph.js";
import type { SymbolicMechanism } from "./model.js";
import type { MechanismKernels } from "./types.js";

export type KernelName = keyof MechanismKernels;

/** The parameter lists of the generated functions (names are ours, order the contract's). */
const SIGNATURES: Record<KernelName, string> = {
  current: "n, pre, post, V, P, S, scale, accI, accG, X, dt, t",
  currentValues: "n, pre, post, V, P, S, out, X, dt, t",
  advance: "n, pre, post, V, P, S, dt, X, CN, t",
  steady: "n, pre, post, V, P, S, X, dt, t",
  currentVjp: "n, pre, post, V, P, S, scale, WI, WG, dV, dP, dS, dScale, X, LX, dt, t",
  advanceVjp: "n, pre, post, V, P, S, dt, WS, dV, dP, dSOld, X, LX, CN, t",
  // t: the time of the state update; the current after it is at t + dt/2 (`tc`).
  advanceCurrent: "n, pre, post, V, P, S, dt, scale, accI, accG, X, CN, tA",
};

/** Kernels besides {@link MechanismKernels}, compiled per output on demand. */
const EXTRA_SIGNATURES = {
  outputVjp: "n, pre, post, V, P, S, WO, dV, dP, dS, X, LX, dt, t",
} as const;

/** The local holding node array `x<j>` (declared before the loop). */
const xArray = (variable: string) => `XA${variable.slice(1)}`;
const xSetup = (variable: string) => `const ${xArray(variable)} = X[${variable.slice(1)}];`;

/** The local through which node array `x<j>` is written. */
const xWrite = (variable: string) => `XW${variable.slice(1)}`;

/** Setup lines for the node arrays a kernel writes (ion currents and/or concentration mirrors). */
function writeSetup(sym: SymbolicMechanism, currents: boolean, mirrors: boolean): string[] {
  const vars = new Set<string>();
  if (currents)
    for (const c of sym.ionCurrents) {
      vars.add(c.variable);
      vars.add(c.slopeVariable);
    }
  if (mirrors) for (const gt of sym.gates) if (gt.mirror) vars.add(gt.mirror);
  return [...vars].map((v) => `const ${xWrite(v)} = X[${v.slice(1)}];`);
}

/**
 * Statements adding each ion current and its slope to their node arrays; the values are
 * `values[offset + 2 i]` (current) and `values[offset + 2 i + 1]` (slope).
 */
function ionCurrentWrites(sym: SymbolicMechanism, values: readonly string[], offset: number): string[] {
  return sym.ionCurrents.flatMap((c, i) => [
    `${xWrite(c.variable)}[jpost] += ${values[offset + 2 * i]};`,
    `${xWrite(c.slopeVariable)}[jpost] += ${values[offset + 2 * i + 1]};`,
  ]);
}

/** Statements adding the scaled current `values[0]` and slope `values[1]` to accI and accG (none for zeros). */
function accumulate(values: readonly string[]): string[] {
  if (values[0] === "0" && values[1] === "0") return [];
  return ["const sc = scale[k];", `accI[jpost] += sc * ${values[0]};`, `accG[jpost] += sc * ${values[1]};`];
}

/** Where each kernel variable is loaded from, per instance k. */
function loadLine(name: string): string | undefined {
  if (name === "v") return "const v = V[jpost];";
  if (name === "vpre") return "const vpre = V[jpre];";
  if (name === "vpost") return "const vpost = V[jpost];";
  if (name === "wI") return "const wI = WI[jpost];";
  if (name === "wG") return "const wG = WG[jpost];";
  if (name === "wO") return "const wO = WO[k];";
  if (name === "dt" || name === "t") return undefined;
  if (name === "cn") return "const cn = CN === 1 ? 1 : 0;";
  if (name === "sc") return "const sc = scale[k];";
  if (/^x\d+$/.test(name)) return `const ${name} = ${xArray(name)}[jpost];`;
  if (/^y\d+$/.test(name)) return `const ${name} = YA${name.slice(1)}[jpost];`;
  const m = /^([psw])(\d+)$/.exec(name);
  if (!m) throw new Error(`codegen: unknown kernel variable "${name}"`);
  const arr = { p: "PA", s: "SA", w: "WA" }[m[1] as "p"];
  return `const ${name} = ${arr}${m[2]}[k];`;
}

function arraySetup(names: Iterable<string>): string[] {
  const lines: string[] = [];
  for (const name of names) {
    if (/^x\d+$/.test(name)) lines.push(xSetup(name));
    if (/^y\d+$/.test(name)) lines.push(`const YA${name.slice(1)} = LX[${name.slice(1)}];`);
    const m = /^([psw])(\d+)$/.exec(name);
    if (m)
      lines.push(
        `const ${{ p: "PA", s: "SA", w: "WA" }[m[1] as "p"]}${m[2]} = ${{ p: "P", s: "S", w: "WS" }[m[1] as "p"]}[${m[2]}];`,
      );
  }
  return lines;
}

interface LoopParts {
  readonly outputs: readonly NodeId[];
  /** Statements after the computation; `values[i]` is the code for `outputs[i]`. */
  readonly tail: (values: readonly string[]) => string[];
  /** Arrays to read into locals before the loop (besides those of used variables). */
  readonly setup?: readonly string[];
  /** Extra variables to load per instance (e.g. every w_j of advanceVjp). */
  readonly extraVars?: readonly string[];
}

function loop(sym: SymbolicMechanism, name: KernelName | keyof typeof EXTRA_SIGNATURES, parts: LoopParts): string {
  const g = sym.graph;
  const used = usedVariables(g, parts.outputs);
  for (const v of parts.extraVars ?? []) used.add(v);
  const sorted = [...used].sort();
  const { lines, values } = emitNodes(g, parts.outputs, (v) => v);
  const body = [
    sym.kind === "synapse" ? "const jpre = pre[k], jpost = post[k];" : "const jpost = post[k];",
    ...sorted.map(loadLine).filter((l): l is string => l !== undefined),
    ...lines,
    ...parts.tail(values),
  ];
  const signature = name === "outputVjp" ? EXTRA_SIGNATURES[name] : SIGNATURES[name];
  return [
    `return function ${name}(${signature}) {`,
    ...arraySetup(sorted).map((l) => `  ${l}`),
    ...(parts.setup ?? []).map((l) => `  ${l}`),
    "  for (let k = 0; k < n; k++) {",
    ...body.map((l) => `    ${l}`),
    "  }",
    "};",
  ].join("\n");
}

function emptyKernel(name: KernelName): string {
  return `return function ${name}(${SIGNATURES[name]}) {};`;
}

/** Accumulation of derivatives w.r.t. voltages, parameters (and states if `states`). */
function gradientTail(
  sym: SymbolicMechanism,
  d: Map<string, NodeId>,
  factor: string,
  stateMode: "add" | "write",
): { outputs: NodeId[]; tail: (values: readonly string[], offset: number) => string[]; setup: string[] } {
  const g = sym.graph;
  const entries = [...d.entries()].filter(
    ([v]) => (stateMode === "write" && v.startsWith("s")) || !g.isConst(d.get(v)!, 0),
  );
  const setup: string[] = [];
  for (const [v] of entries) {
    if (/^x\d+$/.test(v)) setup.push(`const DX${v.slice(1)} = LX[${v.slice(1)}];`);
    const m = /^([ps])(\d+)$/.exec(v);
    if (m)
      setup.push(
        `const ${m[1] === "p" ? "DP" : "DS"}${m[2]} = ${m[1] === "p" ? "dP" : stateMode === "add" ? "dS" : "dSOld"}[${m[2]}];`,
      );
  }
  const target = (v: string) => {
    if (v === "v" || v === "vpost") return "dV[jpost]";
    if (v === "vpre") return "dV[jpre]";
    if (v[0] === "x") return `DX${v.slice(1)}[jpost]`;
    return `${v[0] === "p" ? "DP" : "DS"}${v.slice(1)}[k]`;
  };
  const scaled = (x: string) => (factor ? `${factor} * ${x}` : x);
  return {
    outputs: entries.map(([, id]) => id),
    setup,
    tail: (values, offset) =>
      entries.map(([v], i) => {
        const x = values[offset + i];
        if (v.startsWith("s") && stateMode === "write") return `${target(v)} = ${x};`;
        return `${target(v)} += ${scaled(x)};`;
      }),
  };
}

function derivatives(sym: SymbolicMechanism, root: NodeId, vars: readonly string[]): Map<string, NodeId> {
  return new Map(vars.map((v) => [v, new Differentiator(sym.graph, v).diff(root)]));
}

/**
 * The source of every kernel: each a function body for `new Function("H", body)` that
 * returns the kernel (helpers such as `H_efun` are declared by the caller's preamble).
 *
 * @example generateKernelSources(buildSymbolic(validateSpec(spec))).current
 */
export function generateKernelSources(sym: SymbolicMechanism): Record<KernelName, string> {
  const g = sym.graph;
  const i = sym.current;
  // The linearisation slope: exact where the current is linear in v, else NEURON's
  // forward difference (they agree for linear currents; for nonlinear ones, e.g. CaT's
  // s_inf(v)^2, NEURON's value is what makes traces match NEURON).
  const exact = new Differentiator(g, sym.postVar).diff(i);
  const di = usedVariables(g, [exact]).has(sym.postVar) ? sym.slopeFd : exact;
  const sVars = Array.from({ length: sym.nStates }, (_, j) => `s${j}`);

  const ionValues = sym.ionCurrents.flatMap((c) => [c.value, c.slope]);
  // No current at all (e.g. a concentration mechanism): nothing to add.
  const silent = g.isConst(i, 0) && g.isConst(di, 0) && ionValues.length === 0;
  const current = silent
    ? emptyKernel("current")
    : loop(sym, "current", {
        outputs: [i, di, ...ionValues],
        setup: writeSetup(sym, true, false),
        tail: (values) => [...accumulate(values), ...ionCurrentWrites(sym, values, 2)],
      });
  const currentValues = loop(sym, "currentValues", { outputs: [i], tail: ([iv]) => [`out[k] = ${iv};`] });

  const currentVjp = currentVjpSource(sym, null, true);

  if (sym.nStates === 0) {
    return {
      current,
      currentValues,
      currentVjp,
      advance: emptyKernel("advance"),
      steady: emptyKernel("steady"),
      advanceVjp: emptyKernel("advanceVjp"),
      advanceCurrent: current.replace(
        `function current(${SIGNATURES.current}) {`,
        `function advanceCurrent(${SIGNATURES.advanceCurrent}) {\n  const t = tA + 0.5 * dt;`,
      ),
    };
  }
  const next = sym.gates.map((gt) => gt.next);
  const store = (j: number, x: string): string => {
    const m = sym.gates[j].mirror;
    return m ? `{ const ns = ${x}; SA${j}[k] = ns; ${xWrite(m)}[jpost] = ns; }` : `SA${j}[k] = ${x};`;
  };
  const advance = loop(sym, "advance", {
    outputs: next,
    tail: (values) => values.map((x, j) => store(j, x)),
    setup: [
      ...sVars
        .filter((_, j) => !usedVariables(g, next).has(`s${j}`))
        .map((s) => `const SA${s.slice(1)} = S[${s.slice(1)}];`),
      ...writeSetup(sym, false, true),
    ],
  });
  // initStates: `initial`, or the steady state; concentrations without `initial` are kept.
  const initialised = sym.gates.flatMap((gt, j) => (gt.init === null ? [] : [j]));
  const inits = initialised.map((j) => sym.gates[j].init!);
  const steady = loop(sym, "steady", {
    outputs: inits,
    tail: (values) => values.map((x, i) => store(initialised[i], x)),
    setup: [
      ...initialised.filter((j) => !usedVariables(g, inits).has(`s${j}`)).map((j) => `const SA${j} = S[${j}];`),
      ...writeSetup(sym, false, true),
    ],
  });

  const advanceVjp = advanceVjpSource(sym, null);
  return { current, currentValues, currentVjp, advance, steady, advanceVjp, advanceCurrent: fused(sym, next, i, di) };
}

/**
 * The source of advanceVjp: r = sum_j w_j next_j; dV, dP and the node variables read
 * accumulate, dSOld is written. `params` lists the parameter indices whose gradients are
 * wanted (null: all). Voltages, states and node variables are always differentiated.
 */
export function advanceVjpSource(sym: SymbolicMechanism, params: readonly number[] | null): string {
  if (sym.nStates === 0) return emptyKernel("advanceVjp");
  const g = sym.graph;
  const pVars = Array.from({ length: sym.nParams }, (_, j) => `p${j}`).filter(
    (_, j) => params === null || params.includes(j),
  );
  const sVars = Array.from({ length: sym.nStates }, (_, j) => `s${j}`);
  let rs = g.num(0);
  sym.gates.forEach((gt, j) => {
    rs = g.add(rs, g.mul(g.variable(`w${j}`), gt.next));
  });
  const vars = [...sym.voltageVars, ...pVars, ...sVars, ...readNodeVars(sym)];
  const ag = gradientTail(sym, derivatives(sym, rs, vars), "", "write");
  return loop(sym, "advanceVjp", {
    outputs: ag.outputs,
    setup: ag.setup,
    tail: (values) => ag.tail(values, 0),
  });
}

/** The linearised current and its slope (see generateKernelSources). */
function currentAndSlope(sym: SymbolicMechanism): [NodeId, NodeId] {
  const g = sym.graph;
  const i = sym.current;
  const exact = new Differentiator(g, sym.postVar).diff(i);
  return [i, usedVariables(g, [exact]).has(sym.postVar) ? sym.slopeFd : exact];
}

/**
 * The node variables a mechanism reads (`celsius`, ion variables read): inputs whose
 * gradients the VJP kernels accumulate into `LX[j][post[k]]`. Written ion currents, their
 * slopes and concentration mirrors are outputs, not inputs.
 */
function readNodeVars(sym: SymbolicMechanism): string[] {
  const written = new Set<string>();
  for (const c of sym.ionCurrents) written.add(c.variable).add(c.slopeVariable);
  for (const gt of sym.gates) if (gt.mirror) written.add(gt.mirror);
  return sym.nodeVars.map((_, j) => `x${j}`).filter((x) => !written.has(x));
}

/**
 * The source of currentVjp: r = wI i + wG di/dv_post; dScale += r, d(.) += scale dr/d(.).
 * With ion currents, their weights `y` (read from `LX` at the written variables) add
 * `y_c i_c + y_s di_c/dv` (unscaled, as they are written). Derivatives with respect to the
 * node variables read accumulate into `LX`. `params` lists the parameter indices whose
 * gradients are wanted (null: all); without `scale` the kernel leaves dScale alone.
 * Voltages, states and node variables are always differentiated.
 */
export function currentVjpSource(sym: SymbolicMechanism, params: readonly number[] | null, scale: boolean): string {
  const g = sym.graph;
  const [i, di] = currentAndSlope(sym);
  const pVars = Array.from({ length: sym.nParams }, (_, j) => `p${j}`).filter(
    (_, j) => params === null || params.includes(j),
  );
  const sVars = Array.from({ length: sym.nStates }, (_, j) => `s${j}`);
  const vars = [...sym.voltageVars, ...pVars, ...sVars, ...readNodeVars(sym)];
  const r = g.add(g.mul(g.variable("wI"), i), g.mul(g.variable("wG"), di));
  if (sym.ionCurrents.length === 0) {
    const cg = gradientTail(sym, derivatives(sym, r, vars), "sc", "add");
    return loop(sym, "currentVjp", {
      outputs: scale ? [r, ...cg.outputs] : cg.outputs,
      setup: cg.setup,
      tail: (values) => [
        "const sc = scale[k];",
        ...(scale ? [`dScale[k] += ${values[0]};`] : []),
        ...cg.tail(values, scale ? 1 : 0),
      ],
    });
  }
  // sc r + sum of the weighted ion currents and slopes (`sc` is a kernel variable here).
  let total = g.mul(g.variable("sc"), r);
  for (const c of sym.ionCurrents) {
    total = g.add(total, g.mul(g.variable(`y${c.variable.slice(1)}`), c.value));
    total = g.add(total, g.mul(g.variable(`y${c.slopeVariable.slice(1)}`), c.slope));
  }
  const cg = gradientTail(sym, derivatives(sym, total, vars), "", "add");
  return loop(sym, "currentVjp", {
    outputs: scale ? [r, ...cg.outputs] : cg.outputs,
    setup: cg.setup,
    tail: (values) => [...(scale ? [`dScale[k] += ${values[0]};`] : []), ...cg.tail(values, scale ? 1 : 0)],
  });
}

/**
 * advance then current in one loop: the states' new values stay in registers for the
 * current (its variables s_j read the new values ns_j).
 */
function fused(sym: SymbolicMechanism, next: readonly NodeId[], i: NodeId, di: NodeId): string {
  const g = sym.graph;
  // The update at the step's end (tA), the current half a step later (tc), as NEURON's.
  const a = emitNodes(g, next, (v) => (v === "t" ? "tA" : v), "a");
  const ionValues = sym.ionCurrents.flatMap((ic) => [ic.value, ic.slope]);
  const c = emitNodes(g, [i, di, ...ionValues], (v) => (/^s\d+$/.test(v) ? `n${v}` : v === "t" ? "tc" : v), "c");
  const used = usedVariables(g, [...next, i, di, ...ionValues]);
  for (let j = 0; j < sym.nStates; j++) used.add(`s${j}`);
  const sorted = [...used].sort();
  const body = [
    sym.kind === "synapse" ? "const jpre = pre[k], jpost = post[k];" : "const jpost = post[k];",
    ...sorted.map(loadLine).filter((l): l is string => l !== undefined),
    ...a.lines,
    ...a.values.map((x, j) => {
      const m = sym.gates[j].mirror;
      return `const ns${j} = ${x}; SA${j}[k] = ns${j};${m ? ` ${xWrite(m)}[jpost] = ns${j};` : ""}`;
    }),
    ...c.lines,
    ...accumulate(c.values),
    ...ionCurrentWrites(sym, c.values, 2),
  ];
  return [
    `return function advanceCurrent(${SIGNATURES.advanceCurrent}) {`,
    "  const tc = tA + 0.5 * dt;",
    ...arraySetup(sorted).map((l) => `  ${l}`),
    ...writeSetup(sym, true, true).map((l) => `  ${l}`),
    "  for (let k = 0; k < n; k++) {",
    ...body.map((l) => `    ${l}`),
    "  }",
    "};",
  ].join("\n");
}

/**
 * The source of the kernel writing output `j` of the spec (`out[k] = value`), with the
 * signature of `currentValues`.
 *
 * @example compileKernel(outputValuesSource(sym, 0))(n, pre, post, V, P, S, out, X)
 */
export function outputValuesSource(sym: SymbolicMechanism, j: number): string {
  return loop(sym, "currentValues", { outputs: [sym.outputs[j]], tail: ([x]) => [`out[k] = ${x};`] });
}

/**
 * The source of the vector-Jacobian product of output `j`: with weights `WO[k]` on the
 * values `outputValues(j)` writes, accumulates d/dv into `dV` (at post, and pre for
 * synapses), d/d parameters into `dP[j][k]`, d/d states into `dS[j][k]` and d/d node
 * variables read into `LX[j][post[k]]`.
 *
 * @example compileKernel(outputVjpSource(sym, 0))(n, pre, post, V, P, S, WO, dV, dP, dS, X, LX, dt)
 */
export function outputVjpSource(sym: SymbolicMechanism, j: number): string {
  const g = sym.graph;
  const pVars = Array.from({ length: sym.nParams }, (_, i) => `p${i}`);
  const sVars = Array.from({ length: sym.nStates }, (_, i) => `s${i}`);
  const vars = [...sym.voltageVars, ...pVars, ...sVars, ...readNodeVars(sym)];
  const r = g.mul(g.variable("wO"), sym.outputs[j]);
  const og = gradientTail(sym, derivatives(sym, r, vars), "", "add");
  return loop(sym, "outputVjp", { outputs: og.outputs, setup: og.setup, tail: (values) => og.tail(values, 0) });
}
