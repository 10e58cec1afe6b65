import * as tf from '@tensorflow/tfjs';
import * as v from 'valibot';
import { withSeededRandom } from '../random/with-seeded-random.js';
import { parseOptions } from '../validation/parse-options.js';

/** Where the loop is when it calls the train step. */
export interface TrainStepContext {
  readonly epoch: number;
  /** Index of the batch inside the epoch. */
  readonly batch: number;
}

/**
 * One optimisation step on one batch. Returns named losses (scalars or numbers), e.g.
 * `{ loss, kl }`, which become the batch logs and are averaged into the epoch logs.
 * Returned tensors are disposed by the loop.
 */
export type TrainStep<TBatch> = (
  batch: TBatch,
  context: TrainStepContext,
) => Record<string, tf.Scalar | number> | Promise<Record<string, tf.Scalar | number>>;

/** Batches for one epoch: an iterable, an async iterable or a tf.data.Dataset. */
export type BatchSource<TBatch> = Iterable<TBatch> | AsyncIterable<TBatch> | tf.data.Dataset<tf.TensorContainer>;

/** Callbacks accepted by {@link trainLoop}: the same kinds as `model.fit`. */
export type TrainCallback = tf.CustomCallbackArgs | tf.Callback;

/** Options of {@link trainLoop}. */
export interface TrainLoopOptions<TBatch> {
  /** Number of epochs (integer >= 1). */
  readonly epochs: number;
  /** The batches of an epoch: given the epoch index, return a fresh source. */
  readonly data: (epoch: number) => BatchSource<TBatch>;
  /** Batches per epoch, when known: for progress bars (`params.steps`). */
  readonly batchesPerEpoch?: number;
  /** Samples per batch, when known: for samples/s (`params.batchSize`). */
  readonly batchSize?: number;
  /** Epoch to start counting from (as in `model.fit`). Default 0. */
  readonly initialEpoch?: number;
  /** `model.fit`-style callbacks: plain objects of hooks or `tf.Callback` instances (e.g. early stopping). */
  readonly callbacks?: TrainCallback | readonly TrainCallback[];
  /**
   * The models the step trains. Their weights are snapshot before each step and restored
   * when a loss comes back NaN or infinite, so training stops with the last good weights.
   * The first model is what callbacks see as `this.model` (early stopping sets its
   * `stopTraining`).
   */
  readonly models?: tf.LayersModel | readonly tf.LayersModel[];
  /** Extra epoch-end metrics (e.g. validation losses), merged into the epoch logs. */
  readonly validate?: (epoch: number) => Record<string, number> | Promise<Record<string, number>>;
  /** Dispose the tensors of each batch after its step. Default `true`. */
  readonly disposeBatches?: boolean;
  /**
   * Makes the run reproducible: the loop runs inside {@link withSeededRandom}, so every
   * unseeded random draw (shuffles with `Math.random`, dropout, `tf.randomNormal` without a
   * seed) follows this seed. Same seed, same starting weights, same backend: same weights
   * at the end. Default: not seeded.
   */
  readonly seed?: number;
}

/** Why {@link trainLoop} stopped. */
export type StopReason = 'completed' | 'stopped-by-callback' | 'non-finite-loss';

/**
 * The `tf.History` of a {@link trainLoop} run, plus why and where it stopped.
 *
 * @example
 * ```ts
 * const history = await trainLoop(step, { epochs: 10, data: () => batches, models: [model] });
 * if (history.stopReason === 'non-finite-loss') console.log(history.nonFinite); // { epoch, batch, logs }
 * ```
 */
export class TrainLoopHistory extends tf.History {
  /** Why training stopped. */
  stopReason: StopReason = 'completed';
  /** For `non-finite-loss`: the epoch, batch and logs of the step that produced it. */
  nonFinite: { epoch: number; batch: number; logs: Record<string, number> } | undefined = undefined;
}

const OptionsSchema = v.strictObject({
  epochs: v.pipe(v.number(), v.integer(), v.minValue(1)),
  data: v.function(),
  batchesPerEpoch: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  batchSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  initialEpoch: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  callbacks: v.optional(v.unknown()),
  models: v.optional(v.unknown()),
  validate: v.optional(v.function()),
  disposeBatches: v.optional(v.boolean(), true),
  seed: v.optional(v.pipe(v.number(), v.finite())),
});

/**
 * Runs a custom train step (GAN, VAE, anything `model.fit` cannot express) for a number
 * of epochs, with the callback hooks, `History` and logs of `model.fit`: the same
 * callbacks (progress bars, early stopping, your own) work with both.
 *
 * Epoch logs are the mean of each named loss over the epoch's batches, plus whatever
 * `validate` returns. A NaN or infinite loss stops training at once; with `models`
 * given, their weights are restored to what they were before the bad step.
 *
 * @param step - the train step; see {@link TrainStep}.
 * @param options - see {@link TrainLoopOptions}.
 * @param options.epochs - number of epochs.
 * @param options.data - returns the batches of an epoch.
 * @param options.batchesPerEpoch - for progress reporting.
 * @param options.batchSize - for samples/s in progress reporting.
 * @param options.initialEpoch - first epoch index (default 0).
 * @param options.callbacks - `model.fit`-style callbacks.
 * @param options.models - models whose weights are kept safe from a NaN step.
 * @param options.validate - extra epoch-end metrics.
 * @param options.disposeBatches - dispose batch tensors after each step (default true).
 * @param options.seed - seed for every unseeded random draw during the run (default: none).
 * @returns a {@link TrainLoopHistory} (a `tf.History`).
 * @throws {@link ConfigError} for bad options, before anything runs.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { trainLoop } from '@dl/core';
 *
 * const w = tf.variable(tf.scalar(0));
 * const optimizer = tf.train.sgd(0.1);
 * const history = await trainLoop(
 *   () => ({ loss: optimizer.minimize(() => w.sub(3).square(), true)! }),
 *   { epochs: 20, data: () => [0, 1, 2, 3] },
 * );
 * history.history.loss.at(-1); // close to 0: w has moved to 3
 * ```
 */
export async function trainLoop<TBatch>(step: TrainStep<TBatch>, options: TrainLoopOptions<TBatch>): Promise<TrainLoopHistory> {
  const parsed = parseOptions(OptionsSchema, options);
  if (parsed.seed !== undefined) return withSeededRandom(parsed.seed, () => runLoop(step, options, parsed));
  return runLoop(step, options, parsed);
}

async function runLoop<TBatch>(step: TrainStep<TBatch>, options: TrainLoopOptions<TBatch>, parsed: v.InferOutput<typeof OptionsSchema>): Promise<TrainLoopHistory> {
  const models = toArray(options.models as TrainLoopOptions<TBatch>['models']);
  const callbacks = toCallbacks(options.callbacks);
  const history = new TrainLoopHistory();
  const list = new tf.CallbackList([...callbacks, history] as unknown as ConstructorParameters<typeof tf.CallbackList>[0]);
  const stopHolder = callbackModel(models[0]);
  // Assigned directly: tf.Callback.setModel rejects anything but a LayersModel, and a
  // custom loop may train no LayersModel at all.
  for (const callback of list.callbacks) (callback as { model?: unknown }).model = stopHolder;
  list.setParams({
    epochs: parsed.epochs,
    initialEpoch: parsed.initialEpoch,
    steps: parsed.batchesPerEpoch ?? 0,
    batchSize: parsed.batchSize ?? 0,
    samples: (parsed.batchesPerEpoch ?? 0) * (parsed.batchSize ?? 0),
    verbose: 0,
    doValidation: options.validate !== undefined,
    metrics: [],
  });

  await list.onTrainBegin();
  epochs: for (let epoch = parsed.initialEpoch; epoch < parsed.epochs; epoch++) {
    await list.onEpochBegin(epoch);
    const sums: Record<string, number> = {};
    let batches = 0;
    for await (const batch of iterate(options.data(epoch))) {
      await list.onBatchBegin(batches, { batch: batches, size: parsed.batchSize ?? 0 });
      const snapshot = models.length > 0 ? snapshotWeights(models) : undefined;
      let logs: Record<string, number>;
      try {
        logs = await readLogs(await step(batch as TBatch, { epoch, batch: batches }));
      } finally {
        if (parsed.disposeBatches) tf.dispose(batch as tf.TensorContainer);
      }
      if (Object.values(logs).some((value) => !Number.isFinite(value))) {
        if (snapshot !== undefined) restoreWeights(models, snapshot);
        history.stopReason = 'non-finite-loss';
        history.nonFinite = { epoch, batch: batches, logs };
        break epochs;
      }
      if (snapshot !== undefined) tf.dispose(snapshot.flat());
      for (const [name, value] of Object.entries(logs)) sums[name] = (sums[name] ?? 0) + value;
      await list.onBatchEnd(batches, { ...logs, batch: batches, size: parsed.batchSize ?? 0 });
      batches++;
    }
    const epochLogs: Record<string, number> = {};
    for (const [name, total] of Object.entries(sums)) epochLogs[name] = total / Math.max(batches, 1);
    if (options.validate !== undefined) Object.assign(epochLogs, await options.validate(epoch));
    await list.onEpochEnd(epoch, epochLogs);
    if (stopHolder.stopTraining) {
      history.stopReason = 'stopped-by-callback';
      break;
    }
  }
  await list.onTrainEnd();
  return history;
}

/**
 * What callbacks see as `this.model`: the first model, except that `stopTraining` is
 * the loop's own flag (tfjs refuses it on an uncompiled Sequential, and GAN/VAE parts
 * are rarely compiled).
 */
function callbackModel(model: tf.LayersModel | undefined): { stopTraining: boolean } {
  const flag = { stopTraining: false };
  if (model === undefined) return flag;
  return new Proxy(model, {
    get: (target, property, receiver) => (property === 'stopTraining' ? flag.stopTraining : Reflect.get(target, property, receiver)),
    set: (target, property, value, receiver) => {
      if (property === 'stopTraining') {
        flag.stopTraining = Boolean(value);
        return true;
      }
      return Reflect.set(target, property, value, receiver);
    },
  }) as unknown as { stopTraining: boolean };
}

function toArray<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

function toCallbacks(callbacks: unknown): unknown[] {
  return toArray(callbacks as TrainCallback | readonly TrainCallback[] | undefined).map((callback) =>
    callback instanceof tf.Callback || typeof (callback as { setParams?: unknown }).setParams === 'function'
      ? callback
      : new tf.CustomCallback(callback as tf.CustomCallbackArgs, 'never'),
  );
}

async function* iterate<T>(source: BatchSource<T>): AsyncGenerator<unknown> {
  if (source instanceof tf.data.Dataset) {
    const iterator = await source.iterator();
    for (let item = await iterator.next(); !item.done; item = await iterator.next()) yield item.value;
    return;
  }
  yield* source as AsyncIterable<T> | Iterable<T>;
}

async function readLogs(losses: Record<string, tf.Scalar | number>): Promise<Record<string, number>> {
  const logs: Record<string, number> = {};
  try {
    for (const [name, value] of Object.entries(losses)) {
      logs[name] = typeof value === 'number' ? value : (await value.data())[0] ?? Number.NaN;
    }
  } finally {
    tf.dispose(Object.values(losses).filter((value): value is tf.Scalar => typeof value !== 'number'));
  }
  return logs;
}

function snapshotWeights(models: readonly tf.LayersModel[]): tf.Tensor[][] {
  return models.map((model) => model.getWeights().map((weight) => weight.clone()));
}

function restoreWeights(models: readonly tf.LayersModel[], snapshot: tf.Tensor[][]): void {
  models.forEach((model, index) => model.setWeights(snapshot[index] ?? []));
  tf.dispose(snapshot.flat());
}
