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
export { smoothL1Loss, type SmoothL1Options } from './detection/smooth-l1.js';
export { boxLoss, boxLossNames, type BoxLossName, type BoxLossOptions } from './detection/box-loss.js';
export { predictBoxes, type BoxPredictions, type PredictBoxesOptions } from './detection/predict-boxes.js';
export { drawBoxes, type BoxImages, type BoxLayer, type DrawBoxesOptions } from './detection/draw-boxes.js';
export { createSingleObjectDetector, type DetectorBackbone, type SingleObjectDetectorOptions } from './models/single-object-detector.js';
