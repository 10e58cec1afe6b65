import * as tf from '@tensorflow/tfjs';
import { addingProblem } from '@dl/data';

/** One seeded draw of the adding problem split into training and test tensors. */
export interface AddingSplit {
  readonly xTrain: tf.Tensor;
  readonly yTrain: tf.Tensor;
  readonly xTest: tf.Tensor;
  readonly yTest: tf.Tensor;
  /** Test MSE of the constant prediction 1.0 (expected value 1/6). */
  readonly baselineMse: number;
  /** Disposes the four tensors. */
  dispose(): void;
}

/**
 * Draws `trainCount + testCount` adding-problem sequences of `length` steps with `seed`, and splits
 * them (the first `trainCount` for training, the rest for testing, never trained on).
 */
export function addingSplit(length: number, trainCount: number, testCount: number, seed: number): AddingSplit {
  const data = addingProblem({ length, count: trainCount + testCount, seed });
  let baseline = 0;
  for (let i = trainCount; i < trainCount + testCount; i++) baseline += ((data.targets[i] as number) - 1) ** 2;
  const [xTrain, xTest, yTrain, yTest] = tf.tidy(() => {
    const x = tf.tensor3d(data.inputs, [...data.shape]);
    const y = tf.tensor2d(data.targets, [data.shape[0], 1]);
    return [...tf.split(x, [trainCount, testCount]), ...tf.split(y, [trainCount, testCount])] as tf.Tensor[];
  }) as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
  return { xTrain, yTrain, xTest, yTest, baselineMse: baseline / testCount, dispose: () => tf.dispose([xTrain, xTest, yTrain, yTest]) };
}
