import * as tf from '@tensorflow/tfjs';
import { createConvClassifier } from '@dl/conv';

/**
 * A small pretrained-style base for tests: @dl/conv's classifier on 8×8×1 images, layers
 * `images`, `block1_conv1`, `block1_conv1_bn`, `block1_conv1_relu`, `block1_pool`,
 * `block1_dropout`, `flatten`, `dense`, `dropout`, `classifier`.
 */
export const smallBase = (seed = 1, numClasses = 3): tf.LayersModel =>
  createConvClassifier({ inputShape: [8, 8, 1], numClasses, seed, blocks: [{ filters: 4, convolutions: 1, dropout: 0.25 }], dense: 8 });

/** Seeded images `[n, 8, 8, 1]` in [0, 1] and labels in `0..classes-1`. */
export const toyData = (n: number, classes: number, seed = 3): { x: tf.Tensor4D; y: tf.Tensor1D } => ({
  x: tf.randomUniform([n, 8, 8, 1], 0, 1, 'float32', seed) as tf.Tensor4D,
  y: tf.tensor1d(Array.from({ length: n }, (_, i) => i % classes), 'float32'),
});

/** Copies of every weight of the layers named, by weight name. */
export const weightValues = (model: tf.LayersModel): Map<string, Float32Array> =>
  new Map(model.weights.map((weight) => [weight.originalName, weight.read().dataSync() as Float32Array]));
