import * as tf from '@tensorflow/tfjs';
import { createAttentionTextClassifier, explainAttention, topAttendedTokens } from '@dl/softmax-attention';
import { prepareSpamData } from './spam-data.js';

/** Options of {@link runSpamExperiment}. */
export interface SpamExperimentOptions {
  readonly epochs: number;
  readonly limit?: number;
  readonly callbacks?: tf.CustomCallbackArgs[] | tf.Callback[];
  /** Hold out this fraction of the training set to watch validation accuracy per epoch. */
  readonly validationSplit?: number;
  readonly embeddingDim?: number;
  readonly sequenceLength?: number;
  readonly poolingHeads?: number;
}

/** Trains and evaluates the classifier; returns the numbers and a few explanations. */
export async function runSpamExperiment(options: SpamExperimentOptions): Promise<{
  summary: Record<string, number | string>;
  explanations: string[];
}> {
  const started = performance.now();
  const sequenceLength = options.sequenceLength ?? 400;
  const { train, test, vocabulary } = prepareSpamData({ sequenceLength, vocabularySize: 20000, seed: 1, ...(options.limit === undefined ? {} : { limit: options.limit }) });
  const prepared = performance.now();
  const model = createAttentionTextClassifier({ vocabularySize: vocabulary.size, sequenceLength, embeddingDim: options.embeddingDim ?? 32, poolingUnits: 32, poolingHeads: options.poolingHeads ?? 4, dropout: 0.2, learningRate: 2e-3, seed: 1 });
  const history = await model.fit(train.x, train.y, {
    epochs: options.epochs,
    batchSize: 64,
    shuffle: true,
    verbose: 0,
    callbacks: options.callbacks ?? [],
    ...(options.validationSplit === undefined ? {} : { validationSplit: options.validationSplit }),
  });
  const validation = (history.history.val_acc ?? []).map((v) => Number((v as number).toFixed(4)));
  const trained = performance.now();
  const [loss, accuracy] = (model.evaluate(test.x, test.y, { batchSize: 256 }) as tf.Scalar[]).map((t) => {
    const value = t.dataSync()[0]!;
    t.dispose();
    return value;
  });

  const explanations: string[] = [];
  const predictions = model.predict(test.x) as tf.Tensor;
  const probabilities = predictions.dataSync();
  const labels = test.y.dataSync();
  const ids = test.x.arraySync();
  const picks = [...labels.keys()].filter((i) => labels[i] === 1).slice(0, 3).concat([...labels.keys()].filter((i) => labels[i] === 0).slice(0, 2));
  const sample = tf.tensor2d(picks.map((i) => ids[i]!), undefined, 'int32');
  const attention = explainAttention(model, sample);
  const weights = attention.arraySync();
  picks.forEach((i, row) => {
    // One entry per word: a word repeated in the email gets the sum of its weights (×n for n occurrences).
    const top = topAttendedTokens(weights[row]!, ids[i]!, 6, { vocabulary }).map(
      (t) => `${t.token} ${(t.weight * 100).toFixed(1)}%${t.positions.length > 1 ? ` ×${t.positions.length}` : ''}`,
    );
    explanations.push(`${labels[i] === 1 ? 'spam' : 'ham '} p(spam)=${probabilities[i]!.toFixed(3)} | ${top.join(', ')}`);
  });
  tf.dispose([predictions, attention, sample, train.x, train.y, test.x, test.y]);
  model.optimizer.dispose();
  model.dispose();
  return {
    summary: {
      emails: train.x.shape[0] + test.x.shape[0],
      trainSize: train.x.shape[0],
      testSize: test.x.shape[0],
      vocabulary: vocabulary.size,
      epochs: options.epochs,
      testLoss: Number(loss!.toFixed(4)),
      testAccuracy: Number(accuracy!.toFixed(4)),
      prepareSeconds: Number(((prepared - started) / 1000).toFixed(1)),
      trainSeconds: Number(((trained - prepared) / 1000).toFixed(1)),
      ...(validation.length > 0 ? { validationAccuracyByEpoch: validation.join(' ') } : {}),
    },
    explanations,
  };
}
