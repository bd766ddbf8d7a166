/**
 * One error family: every error the library raises for a user's bad input is a
 * DendrolabError (or a subclass) with a stable code, and its message says what was
 * given and what is allowed.
 */
import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import * as jx from "../../src/index.js";
import { HH, Na } from "../../src/channels.js";
import { parseExpr } from "../../src/mechanisms/expr/parser.js";
import { IonotropicSynapse } from "../../src/synapses.js";

/** A 3-branch cell of 3 compartments each, HH everywhere, voltage recorded at the root. */
function cell(): jx.Cell {
  const c = new jx.Cell(new jx.Branch(new jx.Compartment(), 3), [-1, 0, 0]);
  c.insert(new HH());
  return c;
}

/** A cell with HH only in branch 1 (so branch 0 has no HH keys). */
function partialCell(): jx.Cell {
  const c = new jx.Cell(new jx.Branch(new jx.Compartment(), 3), [-1, 0, 0]);
  c.branch(1).insert(new HH());
  return c;
}

function recorded(): jx.Cell {
  const c = cell();
  c.branch(0).comp(0).record("v");
  return c;
}

function network(n = 3): jx.Network {
  return new jx.Network(Array.from({ length: n }, () => new jx.Cell(new jx.Branch(new jx.Compartment(), 2), [-1, 0])));
}

const SWC = "1 1 0 0 0 5 -1\n2 3 5 0 0 1 1\n3 3 15 0 0 1 2\n";

const kdr = {
  name: "Kdr",
  params: { gK: { default: 0.036, unit: "S/cm2" } },
  shared: { eK: -77 },
  states: { n: 0.3 },
  gates: { n: { alpha: "0.01 * vtrap(-(v + 55), 10)", beta: "0.125 * exp(-(v + 65) / 80)" } },
  current: "gK * n^4 * (v - eK)",
};

/** A trainable run of a channel whose gate uses efun_d3, which has no derivative. */
function efunD3Run(): unknown {
  const K = jx.defineChannel({ ...kdr, gates: { n: { alpha: "0.01 * efun_d3(v)", beta: "0.1" } } });
  const c = new jx.Cell(new jx.Branch(new jx.Compartment(), 1), [-1]);
  c.insert(new K());
  c.record("v");
  c.makeTrainable("Kdr_gK");
  return jx.integrate(c, { tMax: 1, params: c.getParameters() });
}

/** A valid serialised model to corrupt. */
function doc(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(jx.serializeModel(recorded()))) as Record<string, unknown>;
}

type ErrorClass = abstract new (...args: never[]) => Error;

interface Case {
  /** What is done wrong. */
  name: string;
  run: () => unknown;
  code: jx.ErrorCode;
  /** A fragment of the message (what was given, what is allowed). */
  message: RegExp;
  /** A subclass the error must be an instance of. */
  cls?: ErrorClass;
}

const CASES: Case[] = [
  // Module construction.
  {
    name: "new Branch([])",
    run: () => new jx.Branch([]),
    code: "INVALID_ARGUMENT",
    message: /needs at least one compartment/,
  },
  {
    name: "new Branch(comp, 0)",
    run: () => new jx.Branch(new jx.Compartment(), 0),
    code: "INVALID_ARGUMENT",
    message: /ncomp must be an integer >= 1; got 0/,
  },
  {
    name: "new Branch(list, wrong ncomp)",
    run: () => new jx.Branch([new jx.Compartment(), new jx.Compartment()], 3),
    code: "SHAPE_MISMATCH",
    message: /the list has 2 compartments/,
  },
  {
    name: "new Branch([not a comp])",
    run: () => new jx.Branch([1 as never]),
    code: "INVALID_ARGUMENT",
    message: /item 0 is .*not a Compartment/,
  },
  {
    name: "parents[0] not -1",
    run: () => new jx.Cell(new jx.Branch(new jx.Compartment(), 1), [0, 0]),
    code: "INVALID_ARGUMENT",
    message: /parents\[0\] must be -1 \(branch 0 is the root\); got 0/,
  },
  {
    name: "parent index out of range",
    run: () => new jx.Cell(new jx.Branch(new jx.Compartment(), 1), [-1, 5]),
    code: "INDEX_OUT_OF_RANGE",
    message: /parents\[1\] is 5; it must be a branch index from 0 to 1/,
  },
  {
    name: "branches and parents disagree",
    run: () => {
      const b = new jx.Branch(new jx.Compartment(), 1);
      return new jx.Cell([b, b], [-1, 0, 0]);
    },
    code: "SHAPE_MISMATCH",
    message: /2 branches but 3 parents/,
  },
  {
    name: "cyclic parents",
    run: () => new jx.Cell(new jx.Branch(new jx.Compartment(), 1), [-1, 2, 1]),
    code: "INVALID_ARGUMENT",
    message: /not a tree: branch 1 leads into a cycle/,
  },
  {
    name: "new Network([])",
    run: () => new jx.Network([]),
    code: "INVALID_ARGUMENT",
    message: /non-empty list of cells/,
  },
  {
    name: "a network inside a network",
    run: () => new jx.Network([network(1)]),
    code: "INVALID_ARGUMENT",
    message: /item 0 is .*expected a Cell/,
  },

  // Selection and indices.
  {
    name: "branch index out of range",
    run: () => cell().branch(3),
    code: "INDEX_OUT_OF_RANGE",
    message: /branch index 3 is out of range \(in cell\) \(valid: 0 to 2\)/,
  },
  {
    name: "comp index out of range",
    run: () => cell().branch(0).comp(-1),
    code: "INDEX_OUT_OF_RANGE",
    message: /comp index -1 is out of range/,
  },
  {
    name: "non-integer index",
    run: () => cell().branch(1.5),
    code: "INVALID_ARGUMENT",
    message: /branch index must be an integer.*got 1\.5/,
  },
  {
    name: "index of the wrong type",
    run: () => cell().cell("first" as never),
    code: "INVALID_ARGUMENT",
    message: /takes a number, a list of numbers or "all".*got first/,
  },
  {
    name: "loc outside [0, 1]",
    run: () => cell().loc(1.2),
    code: "INVALID_ARGUMENT",
    message: /loc\(x\) needs x in \[0, 1\].*got 1\.2/,
  },
  {
    name: "loc of null",
    run: () => cell().loc(null as never),
    code: "INVALID_ARGUMENT",
    message: /loc\(x\) takes a number in \[0, 1\].*got null/,
  },
  {
    name: "select node out of range",
    run: () => cell().select({ nodes: [99] }),
    code: "INDEX_OUT_OF_RANGE",
    message: /node 99 is out of range.*valid: 0 to 8/,
  },
  {
    name: "select with an unknown option",
    run: () => cell().select({ node: [0] } as never),
    code: "UNKNOWN_NAME",
    message: /Unknown select\(\) option 'node'.*Did you mean 'nodes'\?/,
  },
  {
    name: "select with nothing",
    run: () => cell().select({}),
    code: "MISSING_INPUT",
    message: /select\(\) needs nodes or edges/,
  },
  {
    name: "edge index without synapses",
    run: () => network().edge(0),
    code: "INDEX_OUT_OF_RANGE",
    message: /out of range/,
  },
  {
    name: "table column misspelt",
    run: () => cell().view.column("radus"),
    code: "UNKNOWN_KEY",
    message: /Unknown column 'radus'.*Did you mean 'radius'\?/,
  },

  // set, record, stimulate, clamp.
  {
    name: "set an unknown key",
    run: () => cell().set("HH_gna", 0.1),
    code: "UNKNOWN_KEY",
    message: /Unknown key 'HH_gna'.*Did you mean 'HH_gNa'\?/s,
  },
  {
    name: "set a radius of 0",
    run: () => cell().set("radius", 0),
    code: "INVALID_ARGUMENT",
    message: /radius must be between 0.001 and 10000.*got 0/,
  },
  {
    name: "set NaN",
    run: () => cell().set("HH_gNa", NaN),
    code: "INVALID_ARGUMENT",
    message: /value is NaN.*finite numbers/,
  },
  {
    name: "set too few values",
    run: () => cell().branch(0).set("radius", [1, 2]),
    code: "SHAPE_MISMATCH",
    message: /got 2 values but the view has 3 rows/,
  },
  {
    name: "set a key no compartment in view has",
    run: () => partialCell().branch(0).set("HH_gNa", 0.1),
    code: "EMPTY_SELECTION",
    message: /no compartment in view has 'HH_gNa'.*insert its channel first/,
  },
  {
    name: "record an unknown state",
    run: () => cell().record("vv"),
    code: "UNKNOWN_KEY",
    message: /Unknown state 'vv'.*Did you mean 'v'\?/,
  },
  {
    name: "record a state no compartment in view has",
    run: () => partialCell().branch(0).record("HH_m"),
    code: "EMPTY_SELECTION",
    message: /No compartment in view has 'HH_m'/,
  },
  {
    name: "stimulate with a string",
    run: () => cell().stimulate("1 nA" as never),
    code: "INVALID_ARGUMENT",
    message: /stimulate\(\) needs a 1-D array of numbers.*got /,
  },
  {
    name: "stimulate with too many rows",
    run: () =>
      cell()
        .branch(0)
        .stimulate([[1], [1]]),
    code: "SHAPE_MISMATCH",
    message: /got 2 rows but the view has 3 targets/,
  },
  {
    name: "stimulate with NaN",
    run: () => cell().stimulate([0, NaN]),
    code: "INVALID_ARGUMENT",
    message: /sample 1 is NaN/,
  },
  {
    name: "clamp a current",
    run: () => cell().clamp("i_HH", [0, 0]),
    code: "INVALID_ARGUMENT",
    message: /'i_HH' is a current; clamp 'v' or a state/,
  },
  {
    name: "clamp an unknown state",
    run: () => cell().clamp("HH_q", [0, 0]),
    code: "UNKNOWN_KEY",
    message: /Unknown state 'HH_q'/,
  },

  // Groups.
  {
    name: "unknown group",
    run: () => {
      const c = cell();
      c.branch(1).addToGroup("apical");
      return c.group("apicl");
    },
    code: "UNKNOWN_NAME",
    message: /Unknown group 'apicl'.*Did you mean 'apical'\?/,
  },
  {
    name: "group named like a channel",
    run: () => cell().addToGroup("HH"),
    code: "NAME_CONFLICT",
    message: /Group name 'HH' clashes with a mechanism/,
  },
  {
    name: "group named like a column",
    run: () => cell().addToGroup("radius"),
    code: "NAME_CONFLICT",
    message: /clashes with the table column 'radius'/,
  },
  {
    name: "empty group name",
    run: () => cell().addToGroup(""),
    code: "INVALID_ARGUMENT",
    message: /Group name '' \(in cell\) is not allowed/,
  },
  {
    name: "group name that is not an identifier",
    run: () => cell().addToGroup("my group"),
    code: "INVALID_ARGUMENT",
    message: /Group name 'my group' \(in cell\) is not allowed: .*\(e\.g\. 'my_group'\)/,
  },
  {
    name: "negative conductance",
    run: () => cell().set("HH_gNa", -0.1),
    code: "INVALID_ARGUMENT",
    message: /HH_gNa must be >= 0 \(in cell\); got -0\.1 \(HH_gNa is a conductance \(S\/cm2\)\)/,
  },
  {
    name: "initial voltage beyond 200 mV",
    run: () => cell().set("v", 1000),
    code: "INVALID_ARGUMENT",
    message: /v must be between -200 and 200 \(in cell\); got 1000/,
  },
  {
    name: "unknown view member",
    run: () => (cell() as unknown as Record<string, unknown>).apicl,
    code: "UNKNOWN_NAME",
    message: /'apicl' is not a method, a group, a channel or a synapse/,
  },

  // insert and delete.
  {
    name: "insert a plain object",
    run: () => cell().insert({} as never),
    code: "INVALID_ARGUMENT",
    message: /insert\(\) expects a channel instance/,
  },
  {
    name: "insert a synapse",
    run: () => cell().insert(new IonotropicSynapse()),
    code: "INVALID_ARGUMENT",
    message: /is a synapse.*use connect/,
  },
  {
    name: "insert a different channel under a used name",
    run: () => cell().insert(new Na("HH")),
    code: "NAME_CONFLICT",
    message: /A different channel named 'HH' is already inserted/,
  },
  {
    name: "delete a channel that is not inserted",
    run: () => cell().delete(new Na()),
    code: "UNKNOWN_NAME",
    message: /Unknown channel 'Na'.*Valid: HH/,
  },

  // connect functions.
  {
    name: "connect with a channel",
    run: () => {
      const n = network();
      jx.connect(n.cell(0), n.cell(1), new HH());
    },
    code: "INVALID_ARGUMENT",
    message: /'HH' is a channel, not a synapse/,
  },
  {
    name: "connect with a class",
    run: () => {
      const n = network();
      jx.connect(n.cell(0), n.cell(1), IonotropicSynapse as never);
    },
    code: "INVALID_ARGUMENT",
    message: /a class was given: write new IonotropicSynapse\(\)/,
  },
  {
    name: "connect views of different sizes",
    run: () => {
      const n = network();
      jx.connect(n.cell(0), n.cell([1, 2]), new IonotropicSynapse());
    },
    code: "SHAPE_MISMATCH",
    message: /must have the same count/,
  },
  {
    name: "connect two networks",
    run: () => jx.connect(network().cell(0), network().cell(1), new IonotropicSynapse()),
    code: "INVALID_ARGUMENT",
    message: /views of two different networks/,
  },
  {
    name: "sparseConnect with p = 2",
    run: () => {
      const n = network();
      jx.sparseConnect(n.cell(0), n.cell(1), new IonotropicSynapse(), 2);
    },
    code: "INVALID_ARGUMENT",
    message: /p must be a probability in \[0, 1\]; got 2/,
  },
  {
    name: "fullyConnect with a misspelt option",
    run: () => {
      const n = network();
      jx.fullyConnect(n.cell(0), n.cell(1), new IonotropicSynapse(), { sed: 1 } as never);
    },
    code: "UNKNOWN_NAME",
    message: /Unknown fullyConnect option 'sed'.*Did you mean 'seed'\?/,
  },
  {
    name: "connectivity matrix of the wrong shape",
    run: () => {
      const n = network();
      jx.connectivityMatrixConnect(n.cell([0, 1]), n.cell(2), new IonotropicSynapse(), [[true]]);
    },
    code: "SHAPE_MISMATCH",
    message: /must be 2 x 1 \(pre cells x post cells\); got 1 x 1/,
  },

  // integrate and simulate options.
  {
    name: "integrate a non-module",
    run: () => jx.integrate({} as never, { tMax: 1 }),
    code: "INVALID_ARGUMENT",
    message: /integrate\(\) takes a module or view/,
  },
  {
    name: "misspelt integrate option",
    run: () => jx.integrate(recorded(), { tMax: 1, dt: 0.1 } as never),
    code: "UNKNOWN_NAME",
    message: /Unknown integrate option 'dt'\. Valid: .*deltaT/,
  },
  {
    name: "negative deltaT",
    run: () => jx.integrate(recorded(), { tMax: 1, deltaT: -1 }),
    code: "INVALID_ARGUMENT",
    message: /deltaT must be a finite number of ms > 0; got -1/,
  },
  {
    name: "unknown solver",
    run: () => jx.integrate(recorded(), { tMax: 1, solver: "rk4" as never }),
    code: "UNKNOWN_NAME",
    message: /unknown solver 'rk4'.*bwd_euler/,
  },
  {
    name: "nothing recorded",
    run: () => jx.integrate(cell(), { tMax: 1 }),
    code: "MISSING_INPUT",
    message: /nothing is recorded/,
  },
  {
    name: "no tMax and no stimuli",
    run: () => jx.simulate(recorded(), {}),
    code: "MISSING_INPUT",
    message: /give tMax/,
  },
  {
    name: "simulate with tMax < 0",
    run: () => jx.simulate(recorded(), { tMax: -1 }),
    code: "INVALID_ARGUMENT",
    message: /tMax must be a finite number of ms >= 0; got -1/,
  },
  {
    name: "paramState that is not a list",
    run: () => jx.integrate(recorded(), { tMax: 1, paramState: {} as never }),
    code: "INVALID_ARGUMENT",
    message: /paramState must be the list dataSet\(\) returns/,
  },
  {
    name: "integrateBatch of nothing",
    run: () => jx.integrateBatch(recorded(), []),
    code: "INVALID_ARGUMENT",
    message: /non-empty list of options/,
  },

  // makeTrainable, params and dataSet.
  {
    name: "makeTrainable an unknown key",
    run: () => cell().makeTrainable("HH_gna"),
    code: "UNKNOWN_KEY",
    message: /Unknown trainable key 'HH_gna'.*Did you mean 'HH_gNa'\?/,
  },
  {
    name: "makeTrainable with too many initial values",
    run: () => cell().branch([0, 1]).makeTrainable("radius", [1, 2, 3]),
    code: "SHAPE_MISMATCH",
    message: /initVal has 3 values.*creates 2 parameter/,
  },
  {
    name: "makeTrainable with NaN",
    run: () => cell().makeTrainable("radius", NaN),
    code: "INVALID_ARGUMENT",
    message: /initial value NaN is not finite/,
  },
  {
    name: "params of the wrong length",
    run: () => {
      const c = recorded();
      c.makeTrainable("radius");
      return jx.simulate(c, { tMax: 1, params: [] });
    },
    code: "SHAPE_MISMATCH",
    message: /params has 0 entries but the model has 1 trainables \(radius\)/,
  },
  {
    name: "params with the wrong key",
    run: () => {
      const c = recorded();
      c.makeTrainable("radius");
      return jx.simulate(c, { tMax: 1, params: [{ length: [1] }] as never });
    },
    code: "UNKNOWN_KEY",
    message: /params\[0\] should be \{ radius: \.\.\. \}; got keys \[length\]/,
  },
  {
    name: "dataSet with a string",
    run: () => cell().dataSet("HH_gNa", "0.1" as never),
    code: "INVALID_ARGUMENT",
    message: /must be a number, an array or a tf\.Tensor/,
  },
  {
    name: "dataSet with the wrong count",
    run: () =>
      cell()
        .branch(0)
        .dataSet("HH_gNa", tf.tensor1d([1, 2])),
    code: "SHAPE_MISMATCH",
    message: /got 2 values for 3 rows/,
  },
  {
    name: "dataStimulate with too many rows",
    run: () =>
      cell()
        .branch(0)
        .comp(0)
        .dataStimulate(tf.tensor2d([[1], [1]])),
    code: "SHAPE_MISMATCH",
    message: /got 2 rows for 1 compartments.*give one 1-D current/,
  },
  {
    name: "SigmoidTransform with upper <= lower",
    run: () => new jx.SigmoidTransform(1, 0),
    code: "INVALID_ARGUMENT",
    message: /upper \(0\) must be greater than lower \(1\)/,
  },
  {
    name: "ParamTransform without the key",
    run: () => new jx.ParamTransform([{ length: new jx.SoftplusTransform(0) }]).forward([{ radius: tf.tensor1d([1]) }]),
    code: "UNKNOWN_KEY",
    message: /entry 0 has no transform for 'radius' \(it has: length\)/,
  },
  {
    name: "ChainTransform of nothing",
    run: () => new jx.ChainTransform([]),
    code: "INVALID_ARGUMENT",
    message: /non-empty list of transforms.*got \[\]/,
  },

  // readSwc: options and malformed files.
  {
    name: "readSwc with ncomp 0",
    run: () => jx.readSwc(SWC, { ncomp: 0 }),
    code: "INVALID_ARGUMENT",
    message: /ncomp must be a positive integer \(compartments per branch\), got 0/,
  },
  {
    name: "readSwc with an unknown reading",
    run: () => jx.readSwc(SWC, { ncomp: 1, reading: "arbor" } as never),
    code: "INVALID_ARGUMENT",
    message: /reading must be one of "jaxley", "neuron", got "arbor"/,
  },
  {
    name: "readSwc with scale 0",
    run: () => jx.readSwc(SWC, { ncomp: 1, scale: 0 } as never),
    code: "INVALID_ARGUMENT",
    message: /scale must be a positive number/,
  },
  {
    name: "readSwc without options",
    run: () => jx.readSwc(SWC, undefined as never),
    code: "MISSING_INPUT",
    message: /readSwc needs options, e\.g\. readSwc\(text, \{ ncomp: 4 \}\); got undefined/,
  },
  {
    name: "readSwc of a number",
    run: () => jx.readSwc(42 as never, { ncomp: 1 }),
    code: "INVALID_ARGUMENT",
    message: /takes the text of an SWC file; got number/,
  },
  {
    name: "SWC line with 6 fields",
    run: () => jx.readSwc("1 1 0 0 0 1\n", { ncomp: 1 }),
    code: "SWC_PARSE",
    message: /SWC line 1: expected 7 fields.*got 6/,
    cls: jx.SwcError,
  },
  {
    name: "SWC with no samples",
    run: () => jx.readSwc("# only a comment\n", { ncomp: 1 }),
    code: "SWC_PARSE",
    message: /no samples/,
    cls: jx.SwcError,
  },
  {
    name: "SWC with a duplicate id",
    run: () => jx.readSwc("1 1 0 0 0 1 -1\n1 3 1 0 0 1 1\n", { ncomp: 1 }),
    code: "SWC_PARSE",
    message: /SWC line 2: duplicate id 1/,
    cls: jx.SwcError,
  },
  {
    name: "SWC with a missing parent",
    run: () => jx.readSwc("1 1 0 0 0 1 -1\n2 3 1 0 0 1 7\n", { ncomp: 1 }),
    code: "SWC_PARSE",
    message: /parent 7 does not exist/,
    cls: jx.SwcError,
  },
  {
    name: "SWC with a non-numeric field",
    run: () => jx.readSwc("1 1 0 x 0 1 -1\n", { ncomp: 1 }),
    code: "SWC_PARSE",
    message: /field 4 \(y\) is "x", expected a number/,
    cls: jx.SwcError,
  },

  // defineChannel, defineSynapse and expressions.
  {
    name: "channel name not an identifier",
    run: () => jx.defineChannel({ ...kdr, name: "2K" }),
    code: "MECHANISM_SPEC",
    message: /Channel name must be an identifier.*got "2K"/,
    cls: jx.MechanismSpecError,
  },
  {
    name: "channel with an unclosed parenthesis",
    run: () => jx.defineChannel({ ...kdr, current: "gK * n^4 * (v - eK" }),
    code: "MECHANISM_SPEC",
    message: /Channel "Kdr".*current/,
    cls: jx.MechanismSpecError,
  },
  {
    name: "channel using an unknown name",
    run: () => jx.defineChannel({ ...kdr, current: "gk * n^4 * (v - eK)" }),
    code: "MECHANISM_SPEC",
    message: /Unknown name "gk".*Did you mean "gK"\?/,
    cls: jx.MechanismSpecError,
  },
  {
    name: "synapse spec of the wrong kind",
    run: () =>
      jx.defineSynapse({ name: "S", params: { g: 1 }, states: {}, gates: {}, current: "g * (v_post - q)" } as never),
    code: "MECHANISM_SPEC",
    message: /Unknown name "q"/,
    cls: jx.MechanismSpecError,
  },
  {
    name: "expression with a stray character",
    run: () => parseExpr("gK * n # 2"),
    code: "EXPRESSION",
    message: /Unexpected character "#".* at position 7 in expression "gK \* n # 2"/,
    cls: jx.ExpressionError,
  },
  {
    name: "expression calling an unknown function",
    run: () => parseExpr("exq(v)"),
    code: "EXPRESSION",
    message: /Unknown function "exq".*exp/,
    cls: jx.ExpressionError,
  },
  {
    name: "expression that is not a string",
    run: () => parseExpr(3 as never),
    code: "EXPRESSION",
    message: /must be a string, got 3/,
  },
  {
    name: "efun_d3 in a gate, with gradients",
    run: () => efunD3Run(),
    code: "EXPRESSION",
    message: /efun_d3 cannot be used.*Use efun, efun_d1 or efun_d2/,
  },

  // deserializeModel of bad documents.
  {
    name: "deserialize null",
    run: () => jx.deserializeModel(null),
    code: "MODEL_FORMAT",
    message: /model should be an object; got null/,
    cls: jx.ModelFormatError,
  },
  {
    name: "deserialize the wrong format",
    run: () => jx.deserializeModel({ ...doc(), format: "neuron" }),
    code: "MODEL_FORMAT",
    message: /model\.format should be/,
    cls: jx.ModelFormatError,
  },
  {
    name: "deserialize a newer version",
    run: () => jx.deserializeModel({ ...doc(), version: 99 }),
    code: "MODEL_FORMAT",
    message: /format version 99.*Update Dendrolab/,
  },
  {
    name: "deserialize a bad column value",
    run: () => {
      const d = doc();
      (d.columns as Record<string, unknown>).radius = { values: [1, "x"] };
      return jx.deserializeModel(d);
    },
    code: "MODEL_FORMAT",
    message: /model\.columns\.radius/,
    cls: jx.ModelFormatError,
  },
  {
    name: "serialize a non-module",
    run: () => jx.serializeModel({} as never),
    code: "INVALID_ARGUMENT",
    message: /serializeModel\(\) takes a module or view/,
  },

  // stepCurrent.
  {
    name: "stepCurrent with deltaT 0",
    run: () => jx.stepCurrent(1, 5, 0.5, 0, 20),
    code: "INVALID_ARGUMENT",
    message: /deltaT must be > 0 ms; got 0/,
  },
  {
    name: "stepCurrent with a negative duration",
    run: () => jx.stepCurrent(1, -5, 0.5, 0.025, 20),
    code: "INVALID_ARGUMENT",
    message: /tMax and iDur must be >= 0/,
  },
  {
    name: "stepCurrent with NaN",
    run: () => jx.stepCurrent(NaN, 5, 0.5, 0.025, 20),
    code: "INVALID_ARGUMENT",
    message: /iDelay must be a finite number; got NaN/,
  },
];

/** The error `run` throws; fails the test if it throws nothing. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error, but nothing was thrown");
}

describe("every bad input raises a DendrolabError with a code", () => {
  it("covers at least 40 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const e = thrown(c.run);
    expect(e).toBeInstanceOf(jx.DendrolabError);
    expect(e).toBeInstanceOf(Error);
    if (c.cls) expect(e).toBeInstanceOf(c.cls);
    const err = e as jx.DendrolabError;
    expect(err.code).toBe(c.code);
    expect(err.message).toMatch(c.message);
  });
});

describe("the subclasses keep their names and extra fields", () => {
  it("SwcError: name, line and text", () => {
    const e = thrown(() => jx.readSwc("1 1 0 0 0 1 -1\n2 3 1 0 0 1\n", { ncomp: 1 })) as jx.SwcError;
    expect(e.name).toBe("SwcError");
    expect(e.code).toBe("SWC_PARSE");
    expect(e.line).toBe(2);
    expect(e.text).toBe("2 3 1 0 0 1");
  });

  it("MechanismSpecError wraps the ExpressionError as its cause", () => {
    const e = thrown(() => jx.defineChannel({ ...kdr, current: "gK * n^4 * (v - eK" })) as jx.MechanismSpecError;
    expect(e.name).toBe("MechanismSpecError");
    expect(e.cause).toBeInstanceOf(jx.ExpressionError);
    const cause = e.cause as jx.ExpressionError;
    expect(cause.code).toBe("EXPRESSION");
    expect(cause.input).toBe("gK * n^4 * (v - eK");
    expect(cause.position).toBe(18);
  });

  it("ModelFormatError: name and path", () => {
    const e = thrown(() => jx.deserializeModel({ ...doc(), kind: "brain" })) as jx.ModelFormatError;
    expect(e.name).toBe("ModelFormatError");
    expect(e.path).toBe("model.kind");
  });

  it("a run that blows up raises a NonFiniteError naming where and when", () => {
    const c = recorded();
    c.set("HH_gNa", 1e4);
    c.branch(0)
      .comp(0)
      .stimulate(jx.stepCurrent(0, 5, 50, 0.5, 5));
    const e = thrown(() => jx.simulate(c, { deltaT: 0.5, solver: "fwd_euler" })) as jx.NonFiniteError;
    expect(e).toBeInstanceOf(jx.NonFiniteError);
    expect(e).toBeInstanceOf(jx.DendrolabError);
    expect(e.name).toBe("NonFiniteError");
    expect(e.code).toBe("NON_FINITE");
    expect(Number.isFinite(e.value)).toBe(false);
    expect(e.step).toBeGreaterThanOrEqual(0);
    expect(e.message).toMatch(/non-finite voltage .* at cell 0, branch \d+, comp \d+ .* at t = [\d.]+ ms/);
  });

  it("the same run through integrate raises the same error", () => {
    const c = recorded();
    c.set("HH_gNa", 1e4);
    c.branch(0)
      .comp(0)
      .stimulate(jx.stepCurrent(0, 5, 50, 0.5, 5));
    const e = thrown(() => jx.integrate(c, { deltaT: 0.5, solver: "fwd_euler" }));
    expect(e).toBeInstanceOf(jx.NonFiniteError);
    expect((e as jx.NonFiniteError).code).toBe("NON_FINITE");
  });
});
