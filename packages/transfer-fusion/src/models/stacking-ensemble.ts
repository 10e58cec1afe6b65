import * as tf from '@tensorflow/tfjs';
import { ConfigError, parseOptions, seededInitializers, ShapeError } from '@dl/core';
import * as v from 'valibot';
import { applyMemberCopies, classScoresWidth, formatShape, packageName, parseMembers } from './ensemble-members.js';

/** Options of {@link stackingEnsemble}. */
export interface StackingEnsembleOptions {
  /**
   * The meta learner: a model with one input `[batch, members × classes]` (the members'
   * probabilities, concatenated in member order) and one output, class probabilities
   * `[batch, numClasses]` (softmax) or `[batch, 1]` (sigmoid). It is used as is (not copied):
   * `fit` compiles and trains it in place, and `dispose` disposes it. Default: multinomial
   * logistic regression, one dense softmax layer on the concatenated probabilities.
   */
  readonly metaLearner?: tf.LayersModel;
  /**
   * Classes of the default meta learner's softmax. Default: the members' number of classes
   * (2 for members with one sigmoid unit). With `metaLearner`, it must equal its output width.
   */
  readonly numClasses?: number;
  /** Seeds the default meta learner's initial weights. */
  readonly seed?: number;
  /** Name of the stacked model. Default `'stacking_ensemble'`. */
  readonly name?: string;
}

/** Options of {@link StackingEnsemble.fit}. */
export interface StackingFitOptions {
  /** Passes over the held-out data. Default 100. */
  readonly epochs?: number;
  /** Default 32 (also the batch size of the members' predictions). */
  readonly batchSize?: number;
  /** Adam's learning rate. Default 0.01. */
  readonly learningRate?: number;
  /** Fraction of the held-out data (the last samples, as `model.fit` takes them) kept to validate the meta learner. Default 0. */
  readonly validationSplit?: number;
  /** Passed to the meta learner's `fit`. */
  readonly callbacks?: tf.ModelFitArgs['callbacks'];
}

/** The result of {@link stackingEnsemble}. */
export interface StackingEnsemble {
  /** Input → frozen member copies → concatenated member probabilities → meta learner → class probabilities. Not compiled. */
  readonly model: tf.LayersModel;
  /** The frozen copies of the members inside {@link StackingEnsemble.model} (named `member{i}_…`). */
  readonly members: readonly tf.LayersModel[];
  /** The meta learner inside {@link StackingEnsemble.model} (the one given, or the default). */
  readonly metaLearner: tf.LayersModel;
  /**
   * Trains the meta learner (only) on data the members did not train on: computes the members'
   * predictions once, then fits the meta learner on them with Adam and cross-entropy (sparse for
   * class ids, categorical for one-hot labels, binary for a one-unit meta learner).
   *
   * @param heldOutX - inputs of the members' shape, `[n, ...]`.
   * @param heldOutY - class ids `[n]` or one-hot `[n, numClasses]` (0/1 `[n]` or `[n, 1]` for a one-unit meta learner).
   * @param options - see {@link StackingFitOptions}.
   * @returns the meta learner's training history.
   */
  fit(heldOutX: tf.Tensor, heldOutY: tf.Tensor, options?: StackingFitOptions): Promise<tf.History>;
  /**
   * The meta learner's inputs for `x`: every member's probabilities, concatenated in member
   * order, `[n, members × classes]`. The caller disposes the result. Use it to build out-of-fold
   * features (members trained on other folds) and fit `metaLearner` yourself.
   */
  memberPredictions(x: tf.Tensor, options?: { readonly batchSize?: number }): tf.Tensor2D;
  /** Disposes the member copies and the meta learner. */
  dispose(): void;
}

const FitSchema = v.strictObject({
  epochs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 100),
  batchSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 32),
  learningRate: v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0)), 0.01),
  validationSplit: v.optional(v.pipe(v.number(), v.minValue(0), v.ltValue(1, 'a number in [0, 1)')), 0),
  callbacks: v.optional(v.custom<NonNullable<tf.ModelFitArgs['callbacks']>>((c) => typeof c === 'object' && c !== null, 'callbacks for model.fit')),
});

/**
 * Stacking: the members' class probabilities, concatenated, are the features of a meta learner
 * that learns how far to trust each member (per class). Returns the stacked model and a `fit`
 * that trains only the meta learner, on member predictions computed once.
 *
 * **Fit the meta learner on data the members did not train on.** On their own training data the
 * members' predictions are overconfident (an overfit member is right on every training sample),
 * so a meta learner fit there learns to trust the most overfit member, and fails on new data.
 * Use a held-out set, or better, out-of-fold predictions: train k copies of each member on k−1
 * folds, predict the remaining fold (`memberPredictions` gives the features), fit the meta learner
 * on all folds' predictions, then use members trained on all the data (scikit-learn's
 * `StackingClassifier` does this with `cv=5`).
 *
 * The members are frozen copies (renamed `member{i}_…`), as in {@link averageEnsemble}; fitting
 * never changes them nor the caller's models. The model saves and loads like any model.
 *
 * @param models - the members: at least two classifiers with one input and one output
 * `[batch, numClasses]` (or `[batch, 1]` sigmoid); all inputs of one shape, all outputs of one shape.
 * @param options - see {@link StackingEnsembleOptions}.
 * @param options.metaLearner - a model `[batch, members × classes]` → class probabilities (default: logistic regression).
 * @param options.numClasses - classes of the default meta learner (default: the members').
 * @param options.seed - seeds the default meta learner's weights.
 * @param options.name - the stacked model's name.
 * @returns the {@link StackingEnsemble}.
 * @throws ConfigError naming the option (`models`, `numClasses`, a misspelled key); ShapeError naming
 * `models[i]` when member shapes differ, or `metaLearner input` when its input width is not members × classes.
 * @example
 * ```ts
 * import { stackingEnsemble } from '@dl/transfer-fusion';
 * const stack = stackingEnsemble([cnnA, cnnB], { seed: 1 });
 * await stack.fit(heldOutImages, heldOutLabels, { epochs: 50 }); // labels: class ids [n]
 * const probabilities = stack.model.predict(testImages) as tf.Tensor; // [n, 10]
 * stack.dispose();
 * ```
 */
export function stackingEnsemble(models: readonly tf.LayersModel[], options: StackingEnsembleOptions = {}): StackingEnsemble {
  const info = parseMembers(models);
  const o = parseOptions(
    v.strictObject({
      metaLearner: v.optional(v.custom<tf.LayersModel>((m) => m instanceof tf.LayersModel, 'a tf.LayersModel')),
      numClasses: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2))),
      seed: v.optional(v.pipe(v.number(), v.finite())),
      name: v.optional(v.pipe(v.string(), v.minLength(1)), 'stacking_ensemble'),
    }),
    options,
    { package: packageName },
  );
  const width = classScoresWidth(info, true);
  const featureWidth = info.models.length * width;
  const metaLearner = o.metaLearner ?? defaultMetaLearner(featureWidth, o.numClasses ?? Math.max(width, 2), o.seed);
  const metaOutputWidth = checkMetaLearner(metaLearner, featureWidth, info.models.length, width);
  if (o.numClasses !== undefined && o.numClasses !== metaOutputWidth) {
    throw new ConfigError({ package: packageName, path: 'numClasses', value: o.numClasses, expected: `the output width of metaLearner, ${metaOutputWidth}` });
  }
  const { input, copies, outputs } = applyMemberCopies(info);
  const features = tf.layers.concatenate({ axis: -1, name: 'member_probabilities' }).apply(outputs) as tf.SymbolicTensor;
  const output = metaLearner.apply(features) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: output, name: o.name });

  const memberPredictions = (x: tf.Tensor, predictOptions: { readonly batchSize?: number } = {}): tf.Tensor2D => {
    const batchSize = predictOptions.batchSize ?? 32;
    checkInput(x, info.inputShape, 'heldOutX');
    return tf.tidy(() => tf.concat(copies.map((copy) => copy.predict(x, { batchSize }) as tf.Tensor2D), 1));
  };

  return {
    model,
    members: copies,
    metaLearner,
    memberPredictions,
    async fit(heldOutX, heldOutY, fitOptions = {}) {
      const f = parseOptions(FitSchema, fitOptions, { package: packageName });
      checkInput(heldOutX, info.inputShape, 'heldOutX');
      const n = heldOutX.shape[0]!;
      const [labels, loss] = prepareLabels(heldOutY, n, metaOutputWidth);
      const predictions = memberPredictions(heldOutX, { batchSize: f.batchSize });
      const optimizer = tf.train.adam(f.learningRate);
      try {
        metaLearner.compile({ optimizer, loss });
        return await metaLearner.fit(predictions, labels, {
          epochs: f.epochs,
          batchSize: f.batchSize,
          validationSplit: f.validationSplit,
          verbose: 0,
          ...(f.callbacks === undefined ? {} : { callbacks: f.callbacks }),
        });
      } finally {
        predictions.dispose();
        if (labels !== heldOutY) labels.dispose();
        optimizer.dispose();
      }
    },
    dispose() {
      model.dispose();
    },
  };
}

/** Multinomial logistic regression: one dense softmax layer. */
function defaultMetaLearner(featureWidth: number, numClasses: number, seed: number | undefined): tf.LayersModel {
  const init = seededInitializers(seed);
  const input = tf.input({ shape: [featureWidth], name: 'meta_features' });
  const output = tf.layers
    .dense({ units: numClasses, activation: 'softmax', kernelInitializer: init.next('glorotUniform'), name: 'meta_logistic_regression' })
    .apply(input) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output, name: 'meta_learner' });
}

/** Checks the meta learner's input width; returns its output width. */
function checkMetaLearner(metaLearner: tf.LayersModel, featureWidth: number, members: number, classes: number): number {
  if (metaLearner.inputs.length !== 1 || metaLearner.outputs.length !== 1) {
    throw new ConfigError({ package: packageName, path: 'metaLearner', value: `a model with ${metaLearner.inputs.length} inputs and ${metaLearner.outputs.length} outputs`, expected: 'a model with one input and one output' });
  }
  const inputShape = metaLearner.inputs[0]!.shape;
  if (inputShape.length !== 2 || inputShape[1] !== featureWidth) {
    throw new ShapeError({ package: packageName, argument: 'metaLearner input', expected: `[batch, ${featureWidth}] (${members} members × ${classes} classes)`, actual: inputShape });
  }
  const outputShape = metaLearner.outputs[0]!.shape;
  const width = outputShape[1];
  if (outputShape.length !== 2 || width === null || width === undefined) {
    throw new ShapeError({ package: packageName, argument: 'metaLearner output', expected: 'class probabilities [batch, numClasses] (or [batch, 1], a sigmoid)', actual: outputShape });
  }
  return width;
}

function checkInput(x: tf.Tensor, inputShape: readonly (number | null)[], argument: string): void {
  const ok = x.rank === inputShape.length && inputShape.every((size, i) => i === 0 || size === null || size === x.shape[i]);
  if (!ok || x.shape[0] === 0) {
    throw new ShapeError({ package: packageName, argument, expected: `the members' input shape ${formatShape(inputShape)} with at least one sample`, actual: x.shape });
  }
}

/** Labels as the loss wants them, and the loss. */
function prepareLabels(y: tf.Tensor, n: number, outputWidth: number): [tf.Tensor, string] {
  const expected = outputWidth === 1 ? `0/1 labels [${n}] or [${n}, 1]` : `class ids [${n}] or one-hot labels [${n}, ${outputWidth}]`;
  if (y.shape[0] !== n || y.rank > 2) throw new ShapeError({ package: packageName, argument: 'heldOutY', expected, actual: y.shape });
  if (outputWidth === 1) {
    if (y.rank === 2 && y.shape[1] !== 1) throw new ShapeError({ package: packageName, argument: 'heldOutY', expected, actual: y.shape });
    return [y.rank === 1 ? tf.tidy(() => tf.cast(y, 'float32').reshape([n, 1])) : y, 'binaryCrossentropy'];
  }
  if (y.rank === 1) return [tf.tidy(() => tf.cast(y, 'float32').reshape([n, 1])), 'sparseCategoricalCrossentropy'];
  if (y.shape[1] !== outputWidth) throw new ShapeError({ package: packageName, argument: 'heldOutY', expected, actual: y.shape });
  return [y, 'categoricalCrossentropy'];
}
