/**
 * What the editor's TypeScript sees (build/core-dts-plugin.ts): the core's packaged
 * declarations and tfjs-core's, laid out under node_modules as Monaco gets them. A script
 * written as in API.md must type-check against them, and a misspelt member must not.
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { coreDeclarations, tfjsDeclarations } from "../build/core-dts-plugin.js";

const FILES = new Map(
  [...coreDeclarations(), ...tfjsDeclarations()].map(([path, text]) => [path.replace(/^file:\/\//, ""), text]),
);
FILES.set("/node_modules/@tensorflow/tfjs-core/index.d.ts", 'export * from "./dist/index";\n'); // as monaco.ts adds it

/** Diagnostics of `script` compiled as Monaco does (moduleResolution node, lib es2022). */
function diagnostics(script: string): string[] {
  const files = new Map(FILES);
  files.set("/script.ts", script);
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ["lib.es2022.d.ts"],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    ignoreDeprecations: "6.0", // Monaco's own TypeScript still resolves modules this way
  };
  const host = ts.createCompilerHost(options);
  const libDir = host.getDefaultLibLocation!();
  const read = (f: string) => files.get(f) ?? (f.startsWith(libDir) ? ts.sys.readFile(f) : undefined);
  host.fileExists = (f) => files.has(f) || (f.startsWith(libDir) && ts.sys.fileExists(f));
  host.readFile = read;
  host.getSourceFile = (f, lang) => {
    const text = read(f);
    return text === undefined ? undefined : ts.createSourceFile(f, text, lang);
  };
  host.directoryExists = (d) =>
    d.startsWith(libDir) || [...files.keys()].some((f) => f.startsWith(d.endsWith("/") ? d : `${d}/`));
  host.getCurrentDirectory = () => "/";
  const program = ts.createProgram(["/script.ts"], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

const TUTORIAL = `
import * as tf from "@tensorflow/tfjs";
import * as jx from "@dendrolab/core";
import { Na, K, Leak } from "@dendrolab/core/channels";
import { IonotropicSynapse } from "@dendrolab/core/synapses";

const cell = new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0, 0, 1]);
const network = new jx.Network([cell, cell, cell]);
jx.fullyConnect(network.cell([0, 1]), network.cell([2]), new IonotropicSynapse());
network.insert(new Na());
network.insert(new K());
network.insert(new Leak());
network.cell(0).addToGroup("fast_spiking");
network.cell(0).branch(0).comp(0).record("v");
const ps: jx.ParamState = network.group("fast_spiking").dataSet("Na_gNa", tf.tensor1d([0.3]));
const v: tf.Tensor2D = jx.integrate(network, { paramState: ps });
const r: Float64Array = jx.simulate(network).values;
export default network;
`;

describe("the editor's declarations of @dendrolab/core and tfjs", () => {
  it("hold the core's entries as the package ships them", () => {
    for (const f of ["index.d.ts", "channels.d.ts", "synapses.d.ts", "sim.d.ts", "package.json"]) {
      expect(FILES.has(`/node_modules/@dendrolab/core/${f}`), f).toBe(true);
    }
  });

  it("type-check the tutorial script, and catch a misspelt member", () => {
    expect(diagnostics(TUTORIAL)).toEqual([]);
    expect(diagnostics(TUTORIAL.replace("jx.integrate(", "jx.integrat("))).toEqual([expect.stringMatching(/integrat/)]);
  });

  it("resolve @dendrolab/core/channels/l5pc", () => {
    const script =
      'import { NaTs2_t, Pas } from "@dendrolab/core/channels/l5pc";\nconst keys: readonly string[] = new NaTs2_t().paramKeys;\nnew Pas();\nexport default keys;\n';
    expect(diagnostics(script)).toEqual([]);
    expect(diagnostics(script.replace("NaTs2_t,", "NaTs2_x,"))).not.toEqual([]);
  });
});
