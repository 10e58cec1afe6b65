import * as tf from '@tensorflow/tfjs';
import { withSeededRandom } from '@dl/core';
import { createConvClassifier } from '@dl/conv';
import { fashionMnistFixtureDir, loadFashionMnist } from '@dl/data/node';
import { averageEnsemble, averageWeights, createTransferModel, distillationLoss, freezeBatchNorm, ensembleVariance, majorityVoteAccuracy, unfreeze } from '@dl/transfer-fusion';
import { fashionSubset, indicesWhere } from '../shared/fashion-subset.js';

const accuracy = (model: tf.LayersModel, data: { x: tf.Tensor; y: tf.Tensor }): number =>
  tf.tidy(() => {
    const predicted = (model.predict(data.x) as tf.Tensor).argMax(-1);
    return predicted.equal(data.y.cast('int32')).cast('float32').mean().dataSync()[0]!;
  });

/**
 * The transfer-fusion chapter in under a minute on the committed Fashion-MNIST subset: a
 * base pretrained on classes 0-4, transferred to classes 5-9 with 100 labels (from scratch vs
 * frozen conv base vs fine-tuned), a soft-voting ensemble and a weight average of two
 * fine-tuned copies, and three of the chapter's formulas. `pnpm --filter @dl/examples transfer`
 * and `fusion` run the full experiments.
 */
export async function transferDemo(): Promise<void> {
  console.log(`\n== @dl/transfer-fusion: transfer and fusion, Fashion-MNIST subset (backend ${tf.getBackend()}) ==`);
  const tensorsBefore = tf.memory().numTensors;
  const started = performance.now();
  const train = await loadFashionMnist({ split: 'train', normalize: true, dir: fashionMnistFixtureDir });
  const test = await loadFashionMnist({ split: 'test', normalize: true, dir: fashionMnistFixtureDir });
  const old = fashionSubset(train, indicesWhere(train, (label) => label < 5), 0);
  const few = fashionSubset(train, indicesWhere(train, (label) => label >= 5).slice(0, 100), 5);
  const heldOut = fashionSubset(test, indicesWhere(test, (label) => label >= 5), 5);
  const fit = (model: tf.LayersModel, epochs: number, seed: number) => withSeededRandom(seed, () => model.fit(few.x, few.y, { epochs, batchSize: 32, verbose: 0 }));

  const base = createConvClassifier({ inputShape: [28, 28, 1], numClasses: 5, seed: 1 });
  await withSeededRandom(1, () => base.fit(old.x, old.y, { epochs: 2, batchSize: 64, verbose: 0 }));
  const scratch = createConvClassifier({ inputShape: [28, 28, 1], numClasses: 5, seed: 2 });
  await fit(scratch, 15, 2);
  const transfer = createTransferModel({ base, cutAt: 'flatten', head: { numClasses: 5 }, seed: 3 });
  await fit(transfer, 10, 3);
  const frozen = accuracy(transfer, heldOut);
  unfreeze(transfer, { learningRate: 1e-4 });
  await fit(transfer, 5, 4);
  console.log(
    `classes 5-9 from 100 labels (${heldOut.y.shape[0]} test images): from scratch ${accuracy(scratch, heldOut).toFixed(3)}, ` +
      `frozen conv base pretrained on classes 0-4 ${frozen.toFixed(3)}, then fine-tuned ${accuracy(transfer, heldOut).toFixed(3)}`,
  );

  const copies = [transfer, await averageWeights([transfer, transfer])]; // an exact copy: the mean of two identical models
  freezeBatchNorm(copies[1]!); // as in the transfer model: BatchNorm keeps its pretraining statistics
  copies[1]!.compile({ optimizer: tf.train.adam(1e-4), loss: 'sparseCategoricalCrossentropy' });
  await fit(copies[1]!, 3, 5);
  const ensemble = averageEnsemble(copies);
  const soup = await averageWeights(copies);
  console.log(`two fine-tuned copies ${copies.map((m) => accuracy(m, heldOut).toFixed(3)).join(' and ')}: soft-voting ensemble ${accuracy(ensemble, heldOut).toFixed(3)}, weight average (soup) ${accuracy(soup, heldOut).toFixed(3)}`);

  const distilled = distillationLoss({ studentLogits: [1, 2, 3], teacherLogits: [1, 3, 2], label: 2, temperature: 4, alpha: 0.5 });
  console.log(
    `formulas: averaging 5 models with correlation 0.5 keeps ${(ensembleVariance(1, 0.5, 5) * 100).toFixed(0)}% of one model's variance; ` +
      `11 independent voters right 70% of the time: majority right ${(majorityVoteAccuracy(0.7, 11) * 100).toFixed(1)}%; a distillation loss at T = 4: ${distilled.toFixed(4)}`,
  );

  for (const model of [base, scratch, transfer, copies[1]!]) model.optimizer.dispose();
  // The transfer model holds the base's layers up to 'flatten' (shared, not copied): dispose it, then the base's layers after the cut.
  for (const model of [scratch, transfer, copies[1]!, ensemble, soup]) model.dispose();
  for (const name of ['dense', 'classifier']) base.getLayer(name).dispose();
  tf.dispose([old.x, old.y, few.x, few.y, heldOut.x, heldOut.y]);
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s in all; live tensors ${tensorsBefore} before, ${tf.memory().numTensors} after)`);
}
