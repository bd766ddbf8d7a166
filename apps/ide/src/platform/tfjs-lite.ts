/**
 * What the IDE's workers get for `@tensorflow/tfjs`: tfjs-core with its gradients and
 * chained ops, and the cpu backend only (no webgl: the trainer computes on the cpu, and
 * the workers load a third of the code).
 */
export * from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import "@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops";
import "@tensorflow/tfjs-backend-cpu";
