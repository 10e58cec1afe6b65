/**
 * Generative models for TensorFlow.js that actually train: a DCGAN (`createDcgan`) with the real
 * alternating discriminator and generator steps, and a VAE (`createVae`) with a serializable
 * `Sampling` layer and the closed-form KL term, with their quality measured.
 *
 * @packageDocumentation
 */
export { planImageStages, upsamplingStack, type ImageStagesPlan, type UpsamplingStackOptions } from './models/image-stages.js';
export { discriminatorLoss, generatorLoss, type DiscriminatorLossOptions } from './ops/gan-losses.js';
export { createDcgan, type Dcgan, type DcganOptions, type DcganSampleOptions, type DcganTrainOptions } from './models/dcgan.js';
export { classifierScores, type ClassifierScores, type ClassifierScoresOptions, type ProbabilityClassifier } from './quality/classifier-scores.js';
export { gaussianKlDivergence } from './ops/gaussian-kl.js';
export { reparameterize } from './ops/reparameterize.js';
export { Sampling, sampling, type SamplingLayerArgs } from './layers/sampling.js';
export {
  createVae,
  type Vae,
  type VaeEvaluateOptions,
  type VaeEvaluation,
  type VaeOptions,
  type VaeReconstructOptions,
  type VaeSampleOptions,
  type VaeTrainOptions,
} from './models/vae.js';
// The chapter's formulas, in float64 without tfjs: each answer of the gan-vae questions links to a test of one of these.
export { klDivergence, jensenShannonDivergence } from './theory/divergences.js';
export { optimalDiscriminator, ganValueFunction } from './theory/optimal-discriminator.js';
export { wasserstein1d } from './theory/wasserstein.js';
export { gaussianKlDivergenceGeneral } from './theory/gaussian-kl-general.js';
export { gaussianNegativeLogLikelihood, bernoulliNegativeLogLikelihood } from './theory/likelihoods.js';
export { discreteLatentElbo } from './theory/discrete-elbo.js';
export { scoreFunctionGradient, pathwiseGradient } from './theory/gradient-estimators.js';
export { ddpmAlphaBars, ddpmMarginal, ddpmPosterior } from './theory/ddpm.js';
export { frechetGaussianDistance } from './theory/frechet-distance.js';
export { spectralNorm } from './theory/spectral-norm.js';
export { inceptionScoreFromProbabilities, classCoverageFromProbabilities } from './theory/sample-metrics.js';
export { knnPrecisionRecall } from './theory/knn-precision-recall.js';
