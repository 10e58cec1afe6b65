import * as tf from '@tensorflow/tfjs';
import { ConfigError, parseOptions, ShapeError } from '@dl/core';
import * as v from 'valibot';
import { formatShape, packageName } from '../models/ensemble-members.js';

/** Options of {@link recomputeBatchNormStatistics}. */
export interface RecomputeBatchNormStatisticsOptions {
  /** Samples per forward pass. Default 32. Does not change the result (up to float32 rounding). */
  readonly batchSize?: number;
}

/** What {@link recomputeBatchNormStatistics} did, per BatchNormalization layer, in order. */
export interface BatchNormStatisticsReport {
  /** The layer's name (inside nested models: the nested model's layer's own name). */
  readonly layer: string;
  /** Values each statistic was computed over, per channel (samples × positions). */
  readonly count: number;
}

/**
 * Re-estimates every BatchNormalization layer's moving mean and moving variance as the exact
 * per-channel mean and (population, divide-by-N, as tfjs's BatchNormalization computes batch
 * variances) variance of that layer's inputs over `images`, with the model in inference mode.
 * Use it after {@link averageWeights} (SWA's `bn_update`): the averaged network's activations
 * are not any member's, so averaged moving statistics do not describe them.
 *
 * The layers are processed in order: layer `l`'s inputs are computed with layers `< l` already
 * re-estimated, so each layer's statistics are those it sees at inference. The statistics of
 * each batch are pooled in float64 (Chan's parallel formula), so the variance includes the
 * spread between batches and the result does not depend on `batchSize`. (A training-mode pass
 * with a decaying momentum, as PyTorch's `bn_update` does, gets the exact mean but averages the
 * per-batch variances, which leaves out that spread, and normalizes later layers' inputs with
 * batch statistics rather than the ones used at inference.)
 * Cost: for each BatchNormalization layer, one pass of `images` through the layers before it.
 * BatchNormalization layers inside nested models are re-estimated too.
 *
 * @param model - the model to update in place (one input).
 * @param images - inputs of the model's input shape, `[n, ...]`; usually (a sample of) the training data.
 * @param options - see {@link RecomputeBatchNormStatisticsOptions}.
 * @param options.batchSize - samples per forward pass (default 32).
 * @returns one entry per BatchNormalization layer updated (empty when there is none).
 * @throws ConfigError for a bad option, a model with several inputs, or a BatchNormalization layer
 * applied more than once; ShapeError when `images` does not match the model's input.
 * @example
 * ```ts
 * import { averageWeights, recomputeBatchNormStatistics } from '@dl/transfer-fusion';
 * const soup = await averageWeights([a, b, c]);
 * await recomputeBatchNormStatistics(soup, trainImages, { batchSize: 128 }); // [{ layer: 'bn1', count: 3136000 }, ...]
 * ```
 */
export async function recomputeBatchNormStatistics(
  model: tf.LayersModel,
  images: tf.Tensor,
  options: RecomputeBatchNormStatisticsOptions = {},
): Promise<BatchNormStatisticsReport[]> {
  const o = parseOptions(v.strictObject({ batchSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 32) }), options, { package: packageName });
  if (!(model instanceof tf.LayersModel)) throw new ConfigError({ package: packageName, path: 'model', value: model, expected: 'a tf.LayersModel' });
  const inputShape = singleInput(model, 'model').shape;
  const matches = images.rank === inputShape.length && inputShape.every((size, i) => i === 0 || size === null || size === images.shape[i]);
  if (!matches || images.shape[0] === 0) {
    throw new ShapeError({ package: packageName, argument: 'images', expected: `the model's input shape ${formatShape(inputShape)} with at least one sample`, actual: images.shape });
  }
  const report: BatchNormStatisticsReport[] = [];
  await recompute(model, (batch) => batch, images, o.batchSize, report);
  return report;
}

/** The container's input feeds on a batch of `images` (a function of the outer model's input). */
type Feed = (batch: tf.Tensor) => tf.Tensor;

async function recompute(container: tf.LayersModel, feed: Feed, images: tf.Tensor, batchSize: number, report: BatchNormStatisticsReport[]): Promise<void> {
  const input = singleInput(container, `nested model '${container.name}'`);
  for (const layer of container.layers) {
    const isBatchNorm = layer.getClassName() === 'BatchNormalization';
    const isModel = layer instanceof tf.LayersModel;
    if (!isBatchNorm && !isModel) continue;
    // A model that shares the container's layers, from its input to this layer's input.
    const probe = tf.model({ inputs: input, outputs: layerInput(layer, container) });
    const layerFeed: Feed = (batch) => probe.predict(feed(batch)) as tf.Tensor;
    if (isModel) await recompute(layer, layerFeed, images, batchSize, report);
    else report.push(await estimate(layer, layerFeed, images, batchSize));
  }
}

async function estimate(layer: tf.layers.Layer, feed: Feed, images: tf.Tensor, batchSize: number): Promise<BatchNormStatisticsReport> {
  const n = images.shape[0]!;
  let count = 0;
  let mean: Float64Array | undefined;
  let m2: Float64Array | undefined;
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const [batchMean, batchVariance, batchCount] = tf.tidy(() => {
      const x = feed(tf.slice(images, start, size));
      const axis = channelAxis(layer, x.rank);
      const axes = [...Array(x.rank).keys()].filter((i) => i !== axis);
      const moments = tf.moments(x, axes);
      return [moments.mean, moments.variance, x.size / x.shape[axis]!] as const;
    });
    const [mb, vb] = [Float64Array.from(await batchMean.data()), Float64Array.from(await batchVariance.data())];
    tf.dispose([batchMean, batchVariance]);
    if (mean === undefined || m2 === undefined) {
      mean = mb;
      m2 = vb.map((variance) => variance * batchCount);
    } else {
      // Chan et al.'s pooled mean and sum of squared deviations.
      const total = count + batchCount;
      for (let c = 0; c < mean.length; c++) {
        const delta = mb[c]! - mean[c]!;
        mean[c] = mean[c]! + (delta * batchCount) / total;
        m2[c] = m2[c]! + vb[c]! * batchCount + (delta * delta * count * batchCount) / total;
      }
    }
    count += batchCount;
  }
  const variance = Array.from(m2!, (s) => s / count);
  write(layer, 'moving_mean', Array.from(mean!));
  write(layer, 'moving_variance', variance);
  return { layer: layer.name, count };
}

function write(layer: tf.layers.Layer, suffix: string, values: number[]): void {
  const variable = layer.weights.find((w) => w.originalName.endsWith(`/${suffix}`) || w.originalName === suffix);
  if (variable === undefined) throw new ConfigError({ package: packageName, path: 'model', value: layer.name, expected: `a BatchNormalization layer with a ${suffix} weight` });
  const value = tf.tensor(values, variable.shape as number[], variable.dtype);
  try {
    variable.write(value);
  } finally {
    value.dispose();
  }
}

function channelAxis(layer: tf.layers.Layer, rank: number): number {
  const axis = layer.getConfig()['axis'];
  if (typeof axis !== 'number') throw new ConfigError({ package: packageName, path: 'model', value: axis, expected: `a BatchNormalization layer with one axis ('${layer.name}')` });
  return axis < 0 ? rank + axis : axis;
}

function singleInput(model: tf.LayersModel, what: string): tf.SymbolicTensor {
  const input = model.inputs[0];
  if (model.inputs.length !== 1 || input === undefined) {
    throw new ConfigError({ package: packageName, path: 'model', value: `${what} with ${model.inputs.length} inputs`, expected: 'a model with one input' });
  }
  return input;
}

/** The symbolic input of `layer` in `container`'s graph (a nested model also has a node of its own). */
function layerInput(layer: tf.layers.Layer, container: tf.LayersModel): tf.SymbolicTensor {
  const inGraph = (t: tf.SymbolicTensor) => container.inputs.includes(t) || container.layers.includes(t.sourceLayer as tf.layers.Layer);
  const nodes = (layer as unknown as { inboundNodes: { inputTensors: tf.SymbolicTensor[] }[] }).inboundNodes.filter(
    (node) => node.inputTensors.length > 0 && node.inputTensors.every(inGraph),
  );
  const node = nodes[0];
  if (nodes.length !== 1 || node === undefined) {
    throw new ConfigError({ package: packageName, path: 'model', value: layer.name, expected: 'BatchNormalization layers and nested models applied once each' });
  }
  if (node.inputTensors.length !== 1) throw new ConfigError({ package: packageName, path: 'model', value: layer.name, expected: 'nested models with one input' });
  return node.inputTensors[0]!;
}
