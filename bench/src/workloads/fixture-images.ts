import * as tf from '@tensorflow/tfjs';
import { fashionMnistFixtureDir, loadFashionMnist } from '@dl/data/node';

/**
 * The first `samples` images of the committed Fashion-MNIST training subset as a
 * `[samples, 28, 28, 1]` tensor of pixels in [0, 1], with their labels; throws (naming the
 * workload) when the fixture holds fewer. The image-workloads load it during their untimed
 * warm-up run.
 */
export async function fixtureImages(workload: string, samples: number): Promise<{ x: tf.Tensor4D; labels: Uint8Array }> {
  const { images, labels, shape } = await loadFashionMnist({ dir: fashionMnistFixtureDir, split: 'train', limit: samples, normalize: true });
  if (shape[0] < samples) throw new Error(`${workload} workload: the fixture holds ${shape[0]} training images, fewer than ${samples}`);
  return { x: tf.tensor4d(images, [samples, 28, 28, 1]), labels };
}
