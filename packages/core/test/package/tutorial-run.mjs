/**
 * API.md's seed tutorial run through @dendrolab/core as a user installs it: a plain Node
 * script (no TypeScript). packed.test.ts copies it next to an installed tarball and runs
 *   node tutorial-run.mjs full        @dendrolab/core with tfjs-core + the cpu backend
 *   node tutorial-run.mjs no-backend  @dendrolab/core with tfjs-core but no backend
 *   node tutorial-run.mjs sim         @dendrolab/core/sim only, tfjs unresolvable
 * each printing one JSON line, and calls the same functions in-process on the sources.
 */
import { pathToFileURL } from "node:url";

/** The tutorial network: 3 cells of 4 branches x 2 compartments, 2 synapses, groups. */
export function buildTutorial({ jx, Na, K, Leak, IonotropicSynapse }) {
  const comp = new jx.Compartment();
  const branch = new jx.Branch(comp, 2);
  const cell = new jx.Cell(branch, [-1, 0, 0, 1]);
  const network = new jx.Network([cell, cell, cell]);
  jx.fullyConnect(network.cell([0, 1]), network.cell([2]), new IonotropicSynapse());
  network.insert(new Na());
  network.insert(new K());
  network.insert(new Leak());
  for (const i of [0, 1, 2]) {
    network.cell(i).branch(1).addToGroup("apical");
    network.cell(i).branch(3).addToGroup("apical");
  }
  network.group("apical").set("radius", 0.3);
  network.cell(0).addToGroup("fast_spiking");
  network.cell(1).addToGroup("fast_spiking");
  network.group("fast_spiking").set("Na_gNa", 0.4);
  network.cell(2).addToGroup("slow_spiking");
  network.cell(0).branch(0).comp(0).record("v");
  network.cell(2).branch(0).comp(0).record("v");
  network
    .cell(0)
    .branch(0)
    .comp(0)
    .stimulate(jx.stepCurrent(1, 5, 0.5, 0.025, 20));
  return network;
}

/** Every 20th sample of each recording, float64, and the table sizes. */
export function simRun(jx, network) {
  const r = jx.simulate(network);
  return {
    nRecordings: r.nRecordings,
    nSamples: r.nSamples,
    samples: Array.from(r.values).filter((_, i) => i % 20 === 0),
    apicalRows: network.group("apical").view.length,
    edges: network.edges.length,
  };
}

/** integrate with dataSet values, and the gradient of the mean voltage with respect to them. */
export function gradRun(jx, tf, network) {
  const run = (fast, slow) => {
    let ps = network.group("fast_spiking").dataSet("Na_gNa", fast, null);
    ps = network.group("slow_spiking").dataSet("Na_gNa", slow, ps);
    return jx.integrate(network, { paramState: ps });
  };
  const fast = tf.tensor1d([1.0]);
  const slow = tf.tensor1d([0.1]);
  const v = run(fast, slow);
  // The mean's gradient as dy, so that no tfjs op but integrate needs a registered gradient.
  const dy = tf.fill(v.shape, 1 / v.size);
  const [gFast, gSlow] = tf.grads((a, b) => run(a, b))([fast, slow], dy);
  return {
    shape: v.shape,
    samples: Array.from(v.dataSync()).filter((_, i) => i % 20 === 0),
    gradient: [gFast.dataSync()[0], gSlow.dataSync()[0]],
  };
}

/** What an error thrown by `f` says: its code and message. */
export function errorOf(f) {
  try {
    f();
    return null;
  } catch (e) {
    return { code: e.code ?? null, name: e.name, message: e.message };
  }
}

async function main(mode) {
  const channels = await import("@dendrolab/core/channels");
  const synapses = await import("@dendrolab/core/synapses");
  const parts = { Na: channels.Na, K: channels.K, Leak: channels.Leak, IonotropicSynapse: synapses.IonotropicSynapse };
  if (mode === "full") {
    const tf = await import("@tensorflow/tfjs-core");
    await import("@tensorflow/tfjs-backend-cpu");
    const jx = await import("@dendrolab/core");
    const network = buildTutorial({ jx, ...parts });
    return { sim: simRun(jx, network), grad: gradRun(jx, tf, network) };
  }
  if (mode === "no-backend") {
    const jx = await import("@dendrolab/core");
    const network = buildTutorial({ jx, ...parts });
    return {
      sim: simRun(jx, network),
      integrate: errorOf(() => jx.integrate(network)),
      dataSet: errorOf(() => network.dataSet("radius", 1)),
    };
  }
  if (mode === "sim") {
    const jx = await import("@dendrolab/core/sim");
    const network = buildTutorial({ jx, ...parts });
    network.group("fast_spiking").makeTrainable("Na_gNa");
    return {
      sim: simRun(jx, network),
      trainables: network.base.trainables.length,
      getParameters: errorOf(() => network.getParameters()),
      dataSet: errorOf(() => network.dataSet("Na_gNa", 0.3)),
      dataStimulate: errorOf(() => network.cell(0).branch(0).comp(0).dataStimulate([0, 1])),
      dataClamp: errorOf(() => network.cell(0).branch(0).comp(0).dataClamp("v", [0, 1])),
      // The test makes tfjs unresolvable; this shows that it is.
      tfjs: await import("@tensorflow/tfjs-core").then(
        () => "loaded",
        () => "unresolvable",
      ),
    };
  }
  throw new Error(`unknown mode '${mode}' (full, no-backend, sim)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await main(process.argv[2])));
}
