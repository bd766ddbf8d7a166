/**
 * Emits JavaScript statements for expression-graph nodes, with common-subexpression
 * elimination: every node used more than once is computed once into a `const`.
 * Only graph nodes are emitted, never user text: names come from `varSource`.
 */
import { EXP_TABLE, EXP_TABLE_NAME, emitExp } from "./fastexp.js";
import { FUNCTIONS, HELPERS as FUNCTION_HELPERS } from "./functions.js";
import type { ExprGraph, NodeId } from "./graph.js";

/** Integer powers up to this size are emitted as products (x*x*x), not Math.pow. */
const MAX_PRODUCT_POWER = 8;

export interface EmittedCode {
  /** `const tN = ...;` statements, in evaluation order. */
  readonly lines: string[];
  /** JavaScript for each requested output, in order (a temp name, atom or parenthesised). */
  readonly values: string[];
}

function productPower(g: ExprGraph, id: NodeId): number | undefined {
  const n = g.node(id);
  if (n.op !== "pow") return undefined;
  const c = g.constant(n.b);
  if (c === undefined || !Number.isInteger(c) || Math.abs(c) < 2 || Math.abs(c) > MAX_PRODUCT_POWER) {
    return undefined;
  }
  return c;
}

function children(g: ExprGraph, id: NodeId): readonly NodeId[] {
  const n = g.node(id);
  switch (n.op) {
    case "num":
    case "var":
      return [];
    case "neg":
      return [n.a];
    case "call":
      return n.args;
    default:
      return [n.a, n.b];
  }
}

/**
 * Every node reachable from `roots`, in increasing id order (an evaluation order).
 *
 * @example reachable(g, [root]).map((id) => g.node(id).op)
 */
function reachable(g: ExprGraph, roots: readonly NodeId[]): NodeId[] {
  const seen = new Set<NodeId>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...children(g, id));
  }
  return [...seen].sort((a, b) => a - b);
}

/**
 * The names of the variables that `roots` depend on.
 *
 * @example usedVariables(g, [g.fromExpr(parseExpr("a * b + 1"))]) // Set {"a", "b"}
 */
export function usedVariables(g: ExprGraph, roots: readonly NodeId[]): Set<string> {
  const out = new Set<string>();
  for (const id of reachable(g, roots)) {
    const n = g.node(id);
    if (n.op === "var") out.add(n.name);
  }
  return out;
}

/** JavaScript for a number literal, parenthesised when negative. */
function numberSource(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "(-Infinity)";
  if (x < 0 || Object.is(x, -0)) return `(-${String(-x)})`;
  return String(x);
}

/**
 * Emits statements computing `outputs`. `varSource(name)` gives the JavaScript for a
 * variable (an identifier the caller has declared). Temps are named `${prefix}${id}`.
 *
 * @example
 * const { lines, values } = emitNodes(g, [root], (name) => name);
 * // lines: ["const t3 = (x * 2);"], values: ["(t3 * t3)"]
 */
export function emitNodes(
  g: ExprGraph,
  outputs: readonly NodeId[],
  varSource: (name: string) => string,
  prefix = "t",
): EmittedCode {
  const order = reachable(g, outputs);
  const uses = new Map<NodeId, number>();
  const bump = (id: NodeId, k: number) => uses.set(id, (uses.get(id) ?? 0) + k);
  for (const id of order) {
    const p = productPower(g, id);
    if (p !== undefined) {
      bump((g.node(id) as { a: NodeId }).a, Math.abs(p));
      continue;
    }
    for (const c of children(g, id)) bump(c, 1);
  }
  for (const id of outputs) bump(id, 1);

  const source = new Map<NodeId, string>();
  const lines: string[] = [];
  const bases = new ExpBases(g, lines, prefix);
  for (const id of order) {
    const n = g.node(id);
    if (n.op === "num") {
      source.set(id, numberSource(n.value));
      continue;
    }
    if (n.op === "var") {
      source.set(id, varSource(n.name));
      continue;
    }
    const code = render(g, id, source, bases, uses);
    if ((uses.get(id) ?? 0) > 1) {
      const name = `${prefix}${id}`;
      lines.push(`const ${name} = ${code};`);
      source.set(id, name);
    } else {
      source.set(id, code);
    }
  }
  return { lines, values: outputs.map((id) => source.get(id)!) };
}

const INFIX = { add: "+", sub: "-", mul: "*", div: "/" } as const;

/**
 * `slope * name + offset`: a node that is affine in one variable or in one subexpression
 * (named `#<node id>`), or a constant (`name` empty, `slope` 0).
 */
interface Affine {
  name: string;
  slope: number;
  offset: number;
}

/**
 * The node as `slope * x + offset`, where x is a variable or a subexpression that is not
 * itself affine (a call, a product of non-constants, ...); `memo` caches per node.
 */
function affineIn(g: ExprGraph, id: NodeId, memo: Map<NodeId, Affine>): Affine {
  const hit = memo.get(id);
  if (hit) return hit;
  const result = affineOf(g, id, memo) ?? { name: `#${id}`, slope: 1, offset: 0 };
  memo.set(id, result);
  return result;
}

function affineOf(g: ExprGraph, id: NodeId, memo: Map<NodeId, Affine>): Affine | undefined {
  const n = g.node(id);
  const c = g.constant(id);
  if (c !== undefined) return { name: "", slope: 0, offset: c };
  const join = (a: Affine, b: Affine, sign: 1 | -1): Affine | undefined => {
    if (a.name && b.name && a.name !== b.name) return undefined;
    return { name: a.name || b.name, slope: a.slope + sign * b.slope, offset: a.offset + sign * b.offset };
  };
  switch (n.op) {
    case "var":
      return { name: n.name, slope: 1, offset: 0 };
    case "neg": {
      const a = affineIn(g, n.a, memo);
      return { name: a.name, slope: -a.slope, offset: -a.offset };
    }
    case "add":
      return join(affineIn(g, n.a, memo), affineIn(g, n.b, memo), 1);
    case "sub":
      return join(affineIn(g, n.a, memo), affineIn(g, n.b, memo), -1);
    case "mul": {
      const ca = g.constant(n.a),
        cb = g.constant(n.b);
      const k = ca ?? cb;
      if (k === undefined) return undefined;
      const a = affineIn(g, ca !== undefined ? n.b : n.a, memo);
      return { name: a.name, slope: k * a.slope, offset: k * a.offset };
    }
    case "div": {
      const k = g.constant(n.b);
      if (k === undefined || k === 0) return undefined;
      const a = affineIn(g, n.a, memo);
      return { name: a.name, slope: a.slope / k, offset: a.offset / k };
    }
    default:
      return undefined;
  }
}

/**
 * Every exponential is computed inline ({@link emitExp}) into a `const` declared where
 * it is first needed. Exponentials of affine arguments whose slopes are equal or
 * opposite share one: exp(s x + b) = exp(s x + b0) * exp(b - b0) and
 * exp(-s x + b) = exp(b + b0) / exp(s x + b0) (within about an ulp of the direct value).
 */
class ExpBases {
  private readonly bases = new Map<string, { name: string; slope: number; offset: number }>();
  private readonly memo = new Map<NodeId, Affine>();
  private count = 0;
  constructor(
    private readonly g: ExprGraph,
    private readonly lines: string[],
    private readonly prefix: string,
  ) {}

  /** The node as an affine function of one variable or subexpression (see {@link affineIn}). */
  affine(id: NodeId): Affine {
    return affineIn(this.g, id, this.memo);
  }

  /** Declares `const <new name> = exp(argSource)` and returns the name. */
  private compute(argSource: string): string {
    const name = `${this.prefix}e${this.count++}`;
    let arg = argSource;
    if (!/^[A-Za-z_$][\w$]*$/.test(arg)) {
      arg = `${name}_x`;
      this.lines.push(`const ${arg} = ${argSource};`);
    }
    this.lines.push(...emitExp(arg, name));
    return name;
  }

  /**
   * JavaScript for x^y with a constant non-integer y: exp(y ln x), a third of the time of
   * Math.pow, where |y ln x| <= 16 (relative error below 1 + |y ln x| ulp: a few ulp for
   * the x^4.8 of SK_E2's rates); Math.pow elsewhere (large results, x <= 0, NaN).
   */
  pow(xSource: string, y: number): string {
    const name = `${this.prefix}p${this.count++}`;
    this.lines.push(`const ${name}_x = ${xSource};`, `const ${name}_t = ${numberSource(y)} * Math.log(${name}_x);`);
    const e = this.compute(`${name}_t`);
    return `(${name}_t <= 16 && ${name}_t >= -16 ? ${e} : Math.pow(${name}_x, ${numberSource(y)}))`;
  }

  /** JavaScript for exp(arg) given the argument's source and its affine form. */
  exp(argSource: string, affine: Affine): string {
    if (affine.slope === 0 || !affine.name) return this.compute(argSource);
    const key = `${affine.name}:${Math.abs(affine.slope)}`;
    const base = this.bases.get(key);
    if (!base) {
      const name = this.compute(argSource);
      this.bases.set(key, { name, slope: affine.slope, offset: affine.offset });
      return name;
    }
    if (base.slope === affine.slope) {
      const shift = affine.offset - base.offset;
      if (shift === 0) return base.name;
      if (Math.abs(shift) > 40) return this.compute(argSource);
      return `(${base.name} * ${numberSource(Math.exp(shift))})`;
    }
    const shift = affine.offset + base.offset;
    if (shift === 0) return `(1 / ${base.name})`;
    if (Math.abs(shift) > 40) return this.compute(argSource);
    return `(${numberSource(Math.exp(shift))} / ${base.name})`;
  }
}

/** An argument that shares its exponential with nothing (vtrap's x / y with y not constant). */
const opaque = (id: NodeId): Affine => ({ name: `vtrap#${id}`, slope: 1, offset: 0 });

/**
 * 1 / d as `q * k` when d is c / q, or such a quotient multiplied or divided by constants
 * or negated (c constant, q not), e.g. a time constant 1 / (alpha + beta) / qt. `chain`
 * lists the nodes between d and q.
 */
function reciprocalOf(
  g: ExprGraph,
  d: NodeId,
  chain: NodeId[] = [],
): { q: NodeId; k: number; chain: NodeId[] } | undefined {
  const n = g.node(d);
  chain.push(d);
  if (n.op === "neg") {
    const r = reciprocalOf(g, n.a, chain);
    return r && { ...r, k: -r.k };
  }
  if (n.op === "div") {
    const c = g.constant(n.a);
    const m = g.constant(n.b);
    if (c !== undefined && c !== 0 && m === undefined) return { q: n.b, k: 1 / c, chain };
    if (c !== undefined || m === undefined || m === 0) return undefined;
    const r = reciprocalOf(g, n.a, chain); // (c / q) / m
    return r && { ...r, k: r.k * m };
  }
  if (n.op === "mul") {
    const ca = g.constant(n.a),
      cb = g.constant(n.b);
    const m = ca ?? cb;
    if (m === undefined || m === 0) return undefined;
    const r = reciprocalOf(g, ca !== undefined ? n.b : n.a, chain);
    return r && { ...r, k: r.k / m };
  }
  return undefined;
}

function render(
  g: ExprGraph,
  id: NodeId,
  source: ReadonlyMap<NodeId, string>,
  bases: ExpBases,
  uses: ReadonlyMap<NodeId, number>,
): string {
  const n = g.node(id);
  const s = (c: NodeId) => source.get(c)!;
  switch (n.op) {
    case "neg":
      return `(-${s(n.a)})`;
    case "div": {
      // Division by a constant becomes a multiplication by its reciprocal (within an ulp,
      // and several times cheaper).
      const c = g.constant(n.b);
      if (c !== undefined && c !== 0 && Number.isFinite(1 / c)) return `(${s(n.a)} * ${numberSource(1 / c)})`;
      // x / ((c / q) m) = x q (1 / (c m)): one division fewer, or none (within a few ulps).
      // Only where q's code is not repeated: q is named, or read by this chain alone.
      const r = c === undefined ? reciprocalOf(g, n.b) : undefined;
      if (r && Number.isFinite(r.k) && r.k !== 0) {
        const named = /^[\w$]+$/.test(s(r.q));
        if (named || r.chain.every((d) => (uses.get(d) ?? 0) <= 1)) {
          const q = r.k === 1 ? s(r.q) : r.k === -1 ? `(-${s(r.q)})` : `(${s(r.q)} * ${numberSource(r.k)})`;
          return `(${s(n.a)} * ${q})`;
        }
      }
      return `(${s(n.a)} / ${s(n.b)})`;
    }
    case "add":
    case "sub":
    case "mul":
      return `(${s(n.a)} ${INFIX[n.op]} ${s(n.b)})`;
    case "pow": {
      const p = productPower(g, id);
      const y = g.constant(n.b);
      if (p === undefined && y !== undefined && Number.isFinite(y) && !Number.isInteger(y)) return bases.pow(s(n.a), y);
      if (p === undefined) return `Math.pow(${s(n.a)}, ${s(n.b)})`;
      const product = new Array<string>(Math.abs(p)).fill(s(n.a)).join(" * ");
      return p > 0 ? `(${product})` : `(1 / (${product}))`;
    }
    case "call": {
      if (n.fn === "exp") return bases.exp(s(n.args[0]), bases.affine(n.args[0]));
      if (n.fn === "vtrap") {
        // vtrap(x, y) = x / (exp(x / y) - 1), guarded as NEURON's hh.mod.
        const [x, y] = n.args.map(s);
        const ax = bases.affine(n.args[0]);
        const cy = g.constant(n.args[1]);
        const u = cy ? { name: ax.name, slope: ax.slope / cy, offset: ax.offset / cy } : opaque(id);
        const e = bases.exp(`${x} / ${y}`, u);
        return `(Math.abs(${x} / ${y}) < 1e-6 ? ${y} * (1 - ${x} / ${y} / 2) : ${x} / (${e} - 1))`;
      }
      if (n.fn === "sigmoid") {
        const a = bases.affine(n.args[0]);
        const e = bases.exp(`(-${s(n.args[0])})`, { name: a.name, slope: -a.slope, offset: -a.offset });
        return `(1 / (1 + ${e}))`;
      }
      if (n.fn === "efun_d1") {
        // Reuse a shared exp(x) when x is affine in a variable (the forward rates already
        // computed it; efun_d1e is less accurate than efun_d1, so not for any other x).
        const ax = bases.affine(n.args[0]);
        if (ax.name && !ax.name.startsWith("#") && ax.slope !== 0)
          return `H_efun_d1e(${s(n.args[0])}, ${bases.exp(s(n.args[0]), ax)})`;
      }
      return FUNCTIONS[n.fn].emit(n.args.map(s));
    }
    default:
      throw new Error(`render: unexpected ${n.op}`);
  }
}

/**
 * Source declaring the helper functions generated code calls (`H_efun`, ...), read
 * from an object parameter named `H`.
 */
export function helperPreamble(): string {
  return [
    ...Object.keys(FUNCTION_HELPERS).map((k) => `const H_${k} = H.${k};`),
    `const ${EXP_TABLE_NAME} = H.expTable;`,
  ].join("\n");
}

/** The object to pass as `H` to code using {@link helperPreamble}: the helper functions and the exp table. */
export const HELPERS: Readonly<Record<string, ((...args: number[]) => number) | Float64Array>> = Object.freeze(
  Object.assign(Object.create(null), FUNCTION_HELPERS, { expTable: EXP_TABLE }),
);
