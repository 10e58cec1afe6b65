import * as tf from '@tensorflow/tfjs';
import type { Initializer } from '../random/seeded-initializers.js';
import { ownOptimizer } from './own-optimizer.js';

/** Arguments of {@link classificationModel}. */
export interface ClassificationModelArgs {
  /** The model's input(s). */
  readonly inputs: tf.SymbolicTensor | tf.SymbolicTensor[];
  /** The features the head classifies, `[batch, features]`. */
  readonly features: tf.SymbolicTensor;
  /** 2 gives one sigmoid unit (labels `[batch, 1]` of 0/1); more, a softmax (labels: class ids). */
  readonly numClasses: number;
  /** Of the head's kernel. */
  readonly kernelInitializer: Initializer;
  /** The model's name. */
  readonly name: string;
  /**
   * Compile with this optimizer, the matching cross-entropy and accuracy; leave it out to not
   * compile. The model takes it over: `model.dispose()` disposes it ({@link ownOptimizer}).
   */
  readonly optimizer?: tf.Optimizer;
}

/**
 * The head every classifier factory of the dl packages ends with: a dense layer named
 * `classifier` (one sigmoid unit for two classes, a softmax otherwise), the model, and, given an
 * optimizer, compilation with binary or sparse categorical cross-entropy and accuracy.
 *
 * @param args - see {@link ClassificationModelArgs}.
 * @returns the model.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { classificationModel } from '@dl/core';
 * const input = tf.input({ shape: [8] });
 * const features = tf.layers.dense({ units: 16, activation: 'relu' }).apply(input) as tf.SymbolicTensor;
 * const model = classificationModel({ inputs: input, features, numClasses: 3, kernelInitializer: tf.initializers.glorotUniform({}), name: 'mlp', optimizer: tf.train.adam() });
 * ```
 */
export function classificationModel(args: ClassificationModelArgs): tf.LayersModel {
  const binary = args.numClasses === 2;
  const output = tf.layers
    .dense({ units: binary ? 1 : args.numClasses, activation: binary ? 'sigmoid' : 'softmax', kernelInitializer: args.kernelInitializer, name: 'classifier' })
    .apply(args.features) as tf.SymbolicTensor;
  const model = tf.model({ inputs: args.inputs, outputs: output, name: args.name });
  if (args.optimizer !== undefined) {
    model.compile({ optimizer: args.optimizer, loss: binary ? 'binaryCrossentropy' : 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    ownOptimizer(model);
  }
  return model;
}
