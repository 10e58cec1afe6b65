/**
 * Float64, tfjs-free theory of transfer learning and model fusion: the formulas the chapter's
 * questions quote, each checked by a test against an independent reference.
 */
export { softmaxWithTemperature } from './temperature-softmax.js';
export { distillationLoss, distillationGradient, type DistillationOptions } from './distillation.js';
export { ensembleVariance } from './ensemble-variance.js';
export { ambiguityDecomposition, type AmbiguityDecomposition } from './ambiguity-decomposition.js';
export { majorityVoteAccuracy } from './majority-vote.js';
export { reluMlpForward, permuteHiddenUnits, interpolateNetworks, type ReluMlp } from './permutation-symmetry.js';
export { maximumMeanDiscrepancy, type MaximumMeanDiscrepancyOptions, type Points } from './maximum-mean-discrepancy.js';
export { importanceWeights, effectiveSampleSize, type Gaussian1d, type ImportanceWeightsOptions } from './importance-weights.js';
export { layerwiseLearningRates, type LayerwiseLearningRatesOptions } from './layerwise-learning-rates.js';
export { slantedTriangularLearningRate, type SlantedTriangularOptions } from './slanted-triangular.js';
export { kFoldSplits, outOfFoldPredictions, type FoldSplit } from './out-of-fold.js';
