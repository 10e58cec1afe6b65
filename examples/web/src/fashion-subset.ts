import * as tf from '@tensorflow/tfjs';
import { readIdx } from '@dl/data';

/** One split of the bundled Fashion-MNIST subset as tensors: images `[n, 28, 28, 1]` in [0, 1], labels `[n]`. */
export async function loadFashionSubset(split: 'train' | 't10k'): Promise<{ x: tf.Tensor4D; y: tf.Tensor1D }> {
  const fetchBytes = async (name: string) => new Uint8Array(await (await fetch(`fashion-mnist/${split}-${name}-idx${name === 'images' ? 3 : 1}-ubyte.gz`)).arrayBuffer());
  const [images, labels] = await Promise.all([readIdx(await fetchBytes('images')), readIdx(await fetchBytes('labels'))]);
  const count = labels.shape[0]!;
  return tf.tidy(() => ({
    x: tf.tensor4d(Float32Array.from(images.data as Uint8Array, (v) => v / 255), [count, 28, 28, 1]),
    y: tf.tensor1d(Float32Array.from(labels.data as Uint8Array)),
  }));
}
