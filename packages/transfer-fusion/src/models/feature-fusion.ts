import * as tf from '@tensorflow/tfjs';
import { parseOptions, seededInitializers, ShapeError } from '@dl/core';
import * as v from 'valibot';
import { branchAttention } from '../layers/branch-attention.js';
import { copyModelWithPrefix } from '../internal/copy-model.js';
import { layersModelSchema } from '../internal/model-layers.js';
import { setLayersTrainable } from '../internal/set-trainable.js';
import { freezeBatchNorm } from '../training/freeze-batch-norm.js';
import { featureExtractor, featurePoolingSchema, poolFeatures, type FeaturePooling } from './base-features.js';
import { classifierHeadModel, classifierHeadSchema, type ClassifierHeadOptions } from './classifier-head.js';

/** A branch of {@link createFeatureFusionModel} cut at a named layer. */
export interface FeatureBranch {
  /** The model. Required. */
  readonly model: tf.LayersModel;
  /** The layer whose output is the branch's features. Default: the input of the model's output layer. */
  readonly cutAt?: string;
}

/** How {@link createFeatureFusionModel} combines the branches' feature vectors. */
export type FusionMethod = 'concat' | 'add' | 'average' | 'attention';

/** Options of {@link createFeatureFusionModel}. */
export interface FeatureFusionOptions {
  /** Two or more models (or `{ model, cutAt }`); each gives its penultimate features (or those at `cutAt`). Required. */
  readonly branches: readonly (tf.LayersModel | FeatureBranch)[];
  /**
   * `'concat'` (default): the vectors side by side. `'add'` and `'average'`: elementwise, so all
   * widths must be equal (or set `projection`). `'attention'`: a learned, input-dependent weighted
   * average ({@link BranchAttention}), also of equal widths.
   */
  readonly fusion?: FusionMethod;
  /**
   * `'shared'` (default): one input that every branch reads (the branches must take the same
   * shape): several views of the same image. `'separate'`: one input per branch, in branch order
   * (`input_1`, `input_2`, …), for different modalities; `fit` and `predict` take an array.
   */
  readonly inputs?: 'shared' | 'separate';
  /** A learned linear projection of each branch to this width before fusing (layers `projection_1`, …). Default none. */
  readonly projection?: number;
  /** Hidden units of the attention's scoring network (`fusion: 'attention'` only). Default 32. */
  readonly attentionUnits?: number;
  /** Freeze the branches (BatchNorm layers always run in inference mode). Default true. */
  readonly freeze?: boolean;
  /** How cut features of rank 3 or 4 become vectors. Default `'average'` (global average pooling). */
  readonly pooling?: FeaturePooling;
  /** The classification head on the fused vector. Required. */
  readonly head: ClassifierHeadOptions;
  /** Adam's learning rate. Default 1e-3. */
  readonly learningRate?: number;
  /** Compile with Adam, cross-entropy and accuracy. Default true. */
  readonly compile?: boolean;
  /** Seeds the new layers' initializers. */
  readonly seed?: number;
}

const positiveInteger = v.pipe(v.number(), v.integer(), v.minValue(1));
const OptionsSchema = v.strictObject({
  branches: v.pipe(
    v.array(v.union([layersModelSchema, v.strictObject({ model: layersModelSchema, cutAt: v.optional(v.string()) })], 'a tf.LayersModel or { model, cutAt }')),
    v.minLength(2, 'at least 2 branches'),
  ),
  fusion: v.optional(v.picklist(['concat', 'add', 'average', 'attention']), 'concat'),
  inputs: v.optional(v.picklist(['shared', 'separate']), 'shared'),
  projection: v.optional(positiveInteger),
  attentionUnits: v.optional(positiveInteger, 32),
  freeze: v.optional(v.boolean(), true),
  pooling: v.optional(featurePoolingSchema, 'average'),
  head: classifierHeadSchema,
  learningRate: v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0)), 1e-3),
  compile: v.optional(v.boolean(), true),
  seed: v.optional(v.pipe(v.number(), v.finite())),
});

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const optionsMatchSchema: SameKeys<FeatureFusionOptions, v.InferInput<typeof OptionsSchema>> = true;
void optionsMatchSchema;

/**
 * Feature fusion: the penultimate features of several models (or of one model on several
 * inputs) fused into one vector, then a new classification head. This is what the seed's fusion
 * code meant and could not build (erratum 32): each branch is cut before its own head, so the head
 * sees features, not other models' softmax outputs.
 *
 * The model is `input(s) → branch_1 … branch_n → [pooling] → [projection_i] → fusion → head`,
 * the output layer named `classifier`, the fusion layer `fusion`. Each `branch_i` is a nested
 * copy of the given model up to its cut, with its own weights (copied) and its layers renamed
 * `branch{i}_<name>`: two models from one factory have the same layer names, and tfjs loads
 * weights by those names, so a model that shared them would save but not load. Training the
 * fused model therefore never changes the models you passed. By default the branches are frozen (their features are pretrained; only the
 * projections, the attention and the head train); their BatchNorm layers run in inference mode
 * ({@link freezeBatchNorm}); fine-tune them afterwards with {@link unfreeze}.
 *
 * @param options - see {@link FeatureFusionOptions}.
 * @returns the model, compiled unless `compile: false`.
 * @throws ConfigError naming the option; ShapeError naming the branch whose input (for shared inputs) or feature width (for add, average and attention without `projection`) differs from branch 0's.
 * @example
 * ```ts
 * import { createFeatureFusionModel } from '@dl/transfer-fusion';
 * const fused = createFeatureFusionModel({ branches: [cnnA, cnnB], fusion: 'attention', projection: 64, head: { numClasses: 10 } });
 * await fused.fit(images, labels, { epochs: 3 }); // trains the projections, the attention and the head
 * ```
 */
export function createFeatureFusionModel(options: FeatureFusionOptions): tf.LayersModel {
  const o = parseOptions(OptionsSchema, options, { package: 'transfer-fusion' });
  const init = seededInitializers(o.seed);
  const extractors = o.branches.map((branch, i) => {
    const { model, cutAt } = branch instanceof tf.LayersModel ? { model: branch, cutAt: undefined } : branch;
    const extractor = copyModelWithPrefix(featureExtractor(model, cutAt, `branch_${i + 1}`, `branches.${i}.cutAt`), `branch${i + 1}_`, `branch_${i + 1}`);
    if (o.freeze) setLayersTrainable(extractor, () => false);
    freezeBatchNorm(extractor);
    return extractor;
  });
  const inputShapeOf = (extractor: tf.LayersModel) => extractor.inputs[0]!.shape.slice(1);
  if (o.inputs === 'shared') {
    const first = inputShapeOf(extractors[0]!);
    extractors.forEach((extractor, i) => {
      const shape = inputShapeOf(extractor);
      if (shape.length !== first.length || shape.some((size, k) => size !== first[k])) {
        throw new ShapeError({ package: 'transfer-fusion', argument: `branches.${i} input`, expected: `[batch, ${first.join(', ')}] like branch 0 (with inputs: 'shared'; use inputs: 'separate' for different inputs)`, actual: extractor.inputs[0]!.shape });
      }
    });
  }
  const inputs =
    o.inputs === 'shared'
      ? [tf.input({ shape: inputShapeOf(extractors[0]!) as number[], dtype: extractors[0]!.inputs[0]!.dtype, name: 'input' })]
      : extractors.map((extractor, i) => tf.input({ shape: inputShapeOf(extractor) as number[], dtype: extractor.inputs[0]!.dtype, name: `input_${i + 1}` }));
  const features = extractors.map((extractor, i) => {
    let x = poolFeatures(extractor.apply(inputs[o.inputs === 'shared' ? 0 : i]!) as tf.SymbolicTensor, o.pooling, `pooling_${i + 1}`);
    if (o.projection !== undefined) x = tf.layers.dense({ units: o.projection, kernelInitializer: init.next('glorotUniform'), name: `projection_${i + 1}` }).apply(x) as tf.SymbolicTensor;
    return x;
  });
  if (o.fusion !== 'concat') {
    const width = features[0]!.shape[1];
    features.forEach((x, i) => {
      if (x.shape[1] !== width) {
        throw new ShapeError({ package: 'transfer-fusion', argument: `branches.${i} features`, expected: `[batch, ${width}] like branch 0 for fusion '${o.fusion}' (set projection, or use fusion 'concat')`, actual: x.shape });
      }
    });
  }
  const fusionLayer =
    o.fusion === 'concat'
      ? tf.layers.concatenate({ name: 'fusion' })
      : o.fusion === 'add'
        ? tf.layers.add({ name: 'fusion' })
        : o.fusion === 'average'
          ? tf.layers.average({ name: 'fusion' })
          : branchAttention({ units: o.attentionUnits, kernelInitializer: init.next('glorotUniform'), name: 'fusion' });
  return classifierHeadModel({
    inputs: o.inputs === 'shared' ? inputs[0]! : inputs,
    features: fusionLayer.apply(features) as tf.SymbolicTensor,
    head: o.head,
    init,
    name: 'feature_fusion_model',
    learningRate: o.compile ? o.learningRate : undefined,
  });
}
