import * as tf from '@tensorflow/tfjs';
import { createAttentionTextClassifier, explainAttention, topAttendedTokens } from '@dl/softmax-attention';
import { prepareSpamData, type SpamData } from './spam-data.js';
import { scoreSpamModel } from './spam-recurrent.js';

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
  /**
   * Train on this prepared split (the caller keeps and disposes its tensors) instead of
   * preparing one (then `limit` and `sequenceLength` are ignored).
   */
  readonly data?: SpamData;
}

/** Trains and evaluates the classifier; returns the numbers and a few explanations. */
export async function runSpamExperiment(options: SpamExperimentOptions): Promise<{
  summary: Record<string, number | string>;
  explanations: string[];
  /** p(spam) of every test email, in test row order. */
  testProbabilities: Float32Array;
}> {
  const started = performance.now();
  const data = options.data ?? prepareSpamData({ sequenceLength: options.sequenceLength ?? 400, vocabularySize: 20000, seed: 1, ...(options.limit === undefined ? {} : { limit: options.limit }) });
  const { train, test, vocabulary } = data;
  const sequenceLength = train.x.shape[1];
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
  const { testAccuracy, testLoss, testProbabilities } = scoreSpamModel(model, test.x, test.y);

  const explanations: string[] = [];
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
    explanations.push(`${labels[i] === 1 ? 'spam' : 'ham '} p(spam)=${testProbabilities[i]!.toFixed(3)} | ${top.join(', ')}`);
  });
  tf.dispose([attention, sample]);
  if (options.data === undefined) tf.dispose([train.x, train.y, test.x, test.y]);
  model.optimizer.dispose();
  model.dispose();
  return {
    summary: {
      emails: train.x.shape[0] + test.x.shape[0],
      trainSize: train.x.shape[0],
      testSize: test.x.shape[0],
      vocabulary: vocabulary.size,
      epochs: options.epochs,
      testLoss,
      testAccuracy,
      prepareSeconds: Number(((prepared - started) / 1000).toFixed(1)),
      trainSeconds: Number(((trained - prepared) / 1000).toFixed(1)),
      ...(validation.length > 0 ? { validationAccuracyByEpoch: validation.join(' ') } : {}),
    },
    explanations,
    testProbabilities,
  };
}
