import * as tf from '@tensorflow/tfjs';
import { createRecurrentClassifier } from '@dl/recurrent';
import type { SpamData } from './spam-data.js';

/** Options of {@link trainRecurrentSpamClassifier}. */
export interface RecurrentSpamOptions {
  readonly cell: 'lstm' | 'gru';
  readonly epochs: number;
  /** Default 32. */
  readonly units?: number;
  /** Default 32. */
  readonly embeddingDim?: number;
  /** Default false. */
  readonly bidirectional?: boolean;
  /** Default 2e-3. */
  readonly learningRate?: number;
  /**
   * Read each email from its last kept token back to its first (as Keras's `goBackwards`), so
   * that the final state comes right after the subject and sender, not after the end of a
   * long body. Default false.
   */
  readonly reverse?: boolean;
  /** Read only the first this many tokens of each email (the split's sequence length by default). */
  readonly maxTokens?: number;
  /** Default 0.2 (input dropout of the recurrent layer). */
  readonly dropout?: number;
  readonly callbacks?: tf.CustomCallbackArgs[] | tf.Callback[];
  /** Hold out this fraction of the training set to watch validation accuracy per epoch. */
  readonly validationSplit?: number;
  readonly seed?: number;
}

/** What one trained spam classifier scored on the test emails. */
export interface SpamModelResult {
  readonly model: string;
  readonly epochs: number;
  readonly parameters: number;
  readonly testAccuracy: number;
  readonly testLoss: number;
  readonly trainSeconds: number;
  readonly validationAccuracyByEpoch?: number[];
  /** p(spam) of every test email, in test row order (for ensembles). */
  readonly testProbabilities: Float32Array;
}

/**
 * Trains `createRecurrentClassifier` (masked embedding → LSTM or GRU → sigmoid) on the
 * prepared SpamAssassin split and scores it on the test emails. Gradients are clipped to
 * norm 1; Adam 2e-3, batch 64, as the attention classifier.
 */
export async function trainRecurrentSpamClassifier(data: SpamData, options: RecurrentSpamOptions): Promise<SpamModelResult> {
  const units = options.units ?? 32;
  const bidirectional = options.bidirectional ?? false;
  const length = Math.min(options.maxTokens ?? data.train.x.shape[1], data.train.x.shape[1]);
  const model = createRecurrentClassifier({
    cell: options.cell,
    vocabularySize: data.vocabulary.size,
    sequenceLength: length,
    embeddingDim: options.embeddingDim ?? 32,
    units,
    bidirectional,
    dropout: options.dropout ?? 0.2,
    clipNorm: 1,
    learningRate: options.learningRate ?? 2e-3,
    seed: options.seed ?? 1,
  });
  // Padding is at the end (post); reversed, it leads, and the mask skips it.
  const view = (x: tf.Tensor2D) => tf.tidy(() => {
    const kept = length < x.shape[1] ? x.slice([0, 0], [-1, length]) : x.clone();
    return options.reverse === true ? tf.reverse(kept, 1) : kept;
  });
  const x = { train: view(data.train.x), test: view(data.test.x) };
  const started = performance.now();
  const history = await model.fit(x.train, data.train.y, {
    epochs: options.epochs,
    batchSize: 64,
    shuffle: true,
    verbose: 0,
    callbacks: options.callbacks ?? [],
    ...(options.validationSplit === undefined ? {} : { validationSplit: options.validationSplit }),
  });
  const trainSeconds = (performance.now() - started) / 1000;
  const scored = scoreSpamModel(model, x.test, data.test.y);
  tf.dispose([x.train, x.test]);
  const validation = (history.history.val_acc ?? []).map((value) => Number((value as number).toFixed(4)));
  const name = `${bidirectional ? 'bidirectional ' : ''}${options.cell.toUpperCase()}(${units}), ${length} tokens${options.reverse === true ? ' read last to first' : ''}`;
  const parameters = model.countParams();
  model.optimizer.dispose();
  model.dispose();
  return {
    model: name,
    epochs: options.epochs,
    parameters,
    ...scored,
    trainSeconds: Number(trainSeconds.toFixed(1)),
    ...(validation.length > 0 ? { validationAccuracyByEpoch: validation } : {}),
  };
}

/** Test accuracy, binary cross-entropy and p(spam) per test email of a sigmoid classifier. */
export function scoreSpamModel(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor): { testAccuracy: number; testLoss: number; testProbabilities: Float32Array } {
  const output = tf.tidy(() => (model.predict(x, { batchSize: 256 }) as tf.Tensor).reshape([-1]));
  const probabilities = Float32Array.from(output.dataSync());
  output.dispose();
  return { ...accuracyAndLoss(probabilities, y.dataSync()), testProbabilities: probabilities };
}

/** Accuracy at 0.5 and mean binary cross-entropy of probabilities against 0/1 labels. */
export function accuracyAndLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>): { testAccuracy: number; testLoss: number } {
  let correct = 0;
  let loss = 0;
  const eps = 1e-7;
  for (let i = 0; i < labels.length; i += 1) {
    const p = Math.min(1 - eps, Math.max(eps, probabilities[i]!));
    const y = labels[i]!;
    if ((p >= 0.5 ? 1 : 0) === y) correct += 1;
    loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
  }
  return { testAccuracy: Number((correct / labels.length).toFixed(4)), testLoss: Number((loss / labels.length).toFixed(4)) };
}
