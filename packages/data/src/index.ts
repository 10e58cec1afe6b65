/**
 * Datasets and preprocessing for the dl packages. Text: a Keras-compatible tokenizer, a
 * vocabulary that saves beside a model, Keras `pad_sequences`, and a seeded stratified
 * train/test split. All plain TypeScript on plain arrays: no tfjs needed for text.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { buildVocabulary, padSequences, stratifiedSplit } from '@dl/data';
 *
 * // texts: string[], labels: string[]
 * const { train, test } = stratifiedSplit(labels, { testFraction: 0.2, seed: 1 });
 * const vocabulary = buildVocabulary(train.map((i) => texts[i]!), {
 *   maxSize: 10_000,
 *   tokenizer: { maxTokenLength: 30 },
 * });
 * const toBatch = (indices: number[]) => {
 *   const rows = padSequences(indices.map((i) => vocabulary.encode(texts[i]!)), { maxLength: 200 });
 *   return tf.tensor2d(rows, undefined, 'int32');
 * };
 * const xTrain = toBatch(train); // [train.length, 200] int32
 * const xTest = toBatch(test);
 * ```
 *
 * @packageDocumentation
 */
export { addingProblem, type AddingProblemData, type AddingProblemOptions } from './synthetic/adding-problem.js';
export { fashionMnistClassNames } from './images/fashion-mnist-class-names.js';
export { drawImage, type DrawImageOptions, type ImageDataContext } from './images/draw-image.js';
export { readIdx, type IdxArrays, type IdxData, type IdxType, type ReadIdxOptions } from './images/read-idx.js';
export { buildVocabulary, type BuildVocabularyOptions } from './text/build-vocabulary.js';
export {
  imageGrid,
  type GridBox,
  type GridColor,
  type ImageBatch,
  type ImageGridOptions,
  type RasterImage,
} from './images/image-grid.js';
export {
  shapeClassNames,
  shapesDataset,
  type ShapeClassName,
  type ShapesDataset,
  type ShapesDatasetOptions,
} from './images/shapes-dataset.js';
export { padSequences, type PadSequencesOptions } from './text/pad-sequences.js';
export { stratifiedSplit, type Label, type StratifiedSplitOptions, type StratifiedSplitResult } from './text/stratified-split.js';
export { defaultFilters, tokenize, type TokenizeOptions, type TokenizerSettings } from './text/tokenize.js';
export { Vocabulary, type VocabularyJSON } from './text/vocabulary.js';
