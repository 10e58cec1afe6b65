/**
 * Convolutional networks for TensorFlow.js: the arithmetic of the chapter's interview questions,
 * each function checked against what tfjs builds (output shapes, parameter counts, receptive
 * fields, FLOPs, a conv layer against a dense one), and a CNN classifier factory.
 *
 * @packageDocumentation
 */
export { compareConvDense, type CompareConvDenseArgs, type ConvDenseComparison } from './arithmetic/compare-conv-dense.js';
export { convFlops, type ConvCost } from './arithmetic/conv-flops.js';
export type { Padding, SpatialPair } from './arithmetic/conv-geometry.js';
export { convOutputShape, type ConvOutputShapeArgs } from './arithmetic/conv-output-shape.js';
export { convParameterCount, type LayerSpec } from './arithmetic/parameter-count.js';
export { receptiveField, type ReceptiveField, type ReceptiveFieldLayer } from './arithmetic/receptive-field.js';
export { createConvClassifier, type ConvBlock, type ConvClassifierOptions } from './models/conv-classifier.js';
export { iou, iouLoss } from './detection/iou.js';
