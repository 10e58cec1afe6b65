import * as tf from '@tensorflow/tfjs';

/**
 * A member `x [batch, in] → softmax(x W + b)` (or a sigmoid for one unit) with the given weights.
 * Every member built here has the same model and layer names, as two models from one factory do.
 */
export function denseMember(kernel: number[][], bias: number[], activation: 'softmax' | 'sigmoid' = 'softmax'): tf.LayersModel {
  const input = tf.input({ shape: [kernel.length], name: 'features' });
  const layer = tf.layers.dense({ units: bias.length, activation, name: 'head' });
  const output = layer.apply(input) as tf.SymbolicTensor;
  layer.setWeights([tf.tensor2d(kernel), tf.tensor1d(bias)]);
  return tf.model({ inputs: input, outputs: output, name: 'member' });
}

/** softmax(x W + b) (or the sigmoid of the single unit), row by row, in float64. */
export function denseMember64(x: number[][], kernel: number[][], bias: number[], activation: 'softmax' | 'sigmoid' = 'softmax'): number[][] {
  return x.map((row) => {
    const logits = bias.map((b, j) => b + row.reduce((sum, xi, i) => sum + xi * kernel[i]![j]!, 0));
    if (activation === 'sigmoid') return logits.map((z) => 1 / (1 + Math.exp(-z)));
    const max = Math.max(...logits);
    const exps = logits.map((z) => Math.exp(z - max));
    const total = exps.reduce((a, b) => a + b, 0);
    return exps.map((e) => e / total);
  });
}

/** A deterministic stream of numbers in [0, 1) (a 32-bit LCG), for test data. */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A `rows × cols` matrix of uniform numbers in [low, high). */
export function randomMatrix(random: () => number, rows: number, cols: number, low = -1, high = 1): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => low + (high - low) * random()));
}

/** The artifacts of `model.save`, to load again with `tf.io.fromMemory`. */
export async function saveToMemory(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler(async (saved) => ((artifacts = saved), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
  return artifacts!;
}
