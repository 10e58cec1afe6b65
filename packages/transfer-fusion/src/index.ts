/**
 * Transfer learning and model fusion for TensorFlow.js: cut, freeze and re-head any pretrained
 * `tf.LayersModel` (`createTransferModel`, `unfreeze`, with BatchNorm kept in inference mode),
 * and fuse models by their outputs (averaging, voting, stacking), their parameters
 * (`averageWeights`) or their features (`createFeatureFusionModel`).
 *
 * @packageDocumentation
 */
export { createTransferModel, type TransferModelOptions, type TransferPreprocessOptions } from './models/transfer-model.js';
export type { ClassifierHeadOptions } from './models/classifier-head.js';
export type { FeaturePooling } from './models/base-features.js';
export { freezeBatchNorm } from './training/freeze-batch-norm.js';
export { unfreeze, type UnfreezeOptions, type UnfreezeReport } from './training/unfreeze.js';
export { ResizeImages, resizeImages, type ResizeImagesLayerArgs } from './layers/resize-images.js';
export { createFeatureFusionModel, type FeatureBranch, type FeatureFusionOptions, type FusionMethod } from './models/feature-fusion.js';
export { BranchAttention, branchAttention, type BranchAttentionLayerArgs } from './layers/branch-attention.js';
export { averageEnsemble, type AverageEnsembleOptions } from './models/average-ensemble.js';
export { votingEnsemble, type VotingEnsembleOptions } from './models/voting-ensemble.js';
export { stackingEnsemble, type StackingEnsemble, type StackingEnsembleOptions, type StackingFitOptions } from './models/stacking-ensemble.js';
export { averageWeights, type AverageWeightsOptions } from './ops/average-weights.js';
export { recomputeBatchNormStatistics, type BatchNormStatisticsReport, type RecomputeBatchNormStatisticsOptions } from './ops/recompute-batch-norm-statistics.js';
export { WeightedAverage, weightedAverage, type WeightedAverageLayerArgs } from './layers/weighted-average.js';
export { MajorityVote, majorityVote, type MajorityVoteLayerArgs } from './layers/majority-vote.js';
export * from './theory/index.js';
