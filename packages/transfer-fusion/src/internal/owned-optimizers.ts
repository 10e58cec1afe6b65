import type * as tf from '@tensorflow/tfjs';

/**
 * The optimizers this package created for the models it compiled: {@link unfreeze} may dispose
 * them (their Adam moments are tensors) when it recompiles, and never disposes a user's own.
 */
export const ownedOptimizers = new WeakSet<tf.Optimizer>();

/** Registers `optimizer` as created by this package and returns it. */
export function owned<T extends tf.Optimizer>(optimizer: T): T {
  ownedOptimizers.add(optimizer);
  return optimizer;
}
