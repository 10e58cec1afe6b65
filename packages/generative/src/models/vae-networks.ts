import * as tf from '@tensorflow/tfjs';
import { seededInitializers } from '@dl/core';
import { sampling } from '../layers/sampling.js';
import { upsamplingStack } from './image-stages.js';
import type { ResolvedVaeOptions } from './vae-options.js';

/** The networks of a VAE. The decoder and its logits model share their layers. */
export interface VaeNetworks {
  /** images → `[mean, logVar, z]`, with the `Sampling` layer computing z. */
  readonly encoder: tf.LayersModel;
  /** images → `[mean, logVar]`: the encoder without its Sampling layer (whose noise stream it leaves alone). */
  readonly encoderMoments: tf.LayersModel;
  /** z → images in [0, 1] (sigmoid). */
  readonly decoder: tf.LayersModel;
  /** z → the decoder's logits (before the sigmoid), for a stable cross-entropy. */
  readonly decoderLogits: tf.LayersModel;
}

/**
 * Builds the encoder and the mirrored decoder:
 * - encoder: per stage a 4×4 stride-2 'same' convolution with ReLU (each halves height and
 *   width), flatten, a dense ReLU layer (`hiddenUnits`), then two dense heads, `mean` and
 *   `log_var`, and the `Sampling` layer `z`;
 * - decoder: a dense ReLU layer (`hiddenUnits`), a dense ReLU projection to the encoder's last
 *   feature map `[baseHeight, baseWidth, encoderFilters.at(-1)]`, the `upsamplingStack` of 4×4
 *   stride-2 transposed convolutions with ReLU (no batch norm), a final stride-1 transposed
 *   convolution to the image's channels (the logits), and a sigmoid.
 */
export function buildVaeNetworks(o: ResolvedVaeOptions): VaeNetworks {
  const init = seededInitializers(o.seed);
  const images = tf.input({ shape: [...o.imageShape], name: 'images' });
  let x: tf.SymbolicTensor = images;
  o.encoderFilters.forEach((filters, index) => {
    x = tf.layers
      .conv2d({ filters, kernelSize: 4, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: init.next('glorotUniform'), name: `encoder_conv${index + 1}` })
      .apply(x) as tf.SymbolicTensor;
  });
  x = tf.layers.flatten({ name: 'encoder_flatten' }).apply(x) as tf.SymbolicTensor;
  if (o.hiddenUnits > 0) {
    x = tf.layers.dense({ units: o.hiddenUnits, activation: 'relu', kernelInitializer: init.next('glorotUniform'), name: 'encoder_hidden' }).apply(x) as tf.SymbolicTensor;
  }
  const mean = tf.layers.dense({ units: o.latentDim, kernelInitializer: init.next('glorotUniform'), name: 'mean' }).apply(x) as tf.SymbolicTensor;
  const logVar = tf.layers.dense({ units: o.latentDim, kernelInitializer: init.next('glorotUniform'), name: 'log_var' }).apply(x) as tf.SymbolicTensor;
  const z = sampling({ name: 'z', ...(o.seed === undefined ? {} : { seed: init.nextSeed()! }) }).apply([mean, logVar]) as tf.SymbolicTensor;
  const encoder = tf.model({ inputs: images, outputs: [mean, logVar, z], name: 'vae_encoder' });
  const encoderMoments = tf.model({ inputs: images, outputs: [mean, logVar], name: 'vae_encoder_moments' });

  const latent = tf.input({ shape: [o.latentDim], name: 'latent' });
  let y: tf.SymbolicTensor = latent;
  if (o.hiddenUnits > 0) {
    y = tf.layers.dense({ units: o.hiddenUnits, activation: 'relu', kernelInitializer: init.next('glorotUniform'), name: 'decoder_hidden' }).apply(y) as tf.SymbolicTensor;
  }
  const channels = o.encoderFilters.at(-1)!;
  y = tf.layers
    .dense({ units: o.baseHeight * o.baseWidth * channels, activation: 'relu', kernelInitializer: init.next('glorotUniform'), name: 'decoder_projection' })
    .apply(y) as tf.SymbolicTensor;
  y = tf.layers.reshape({ targetShape: [o.baseHeight, o.baseWidth, channels], name: 'decoder_reshape' }).apply(y) as tf.SymbolicTensor;
  const logits = upsamplingStack(y, { filters: o.decoderFilters, channels: o.imageShape[2], batchNorm: false, outputActivation: 'linear', init, namePrefix: 'decoder', kernelSize: 4 });
  const probabilities = tf.layers.activation({ activation: 'sigmoid', name: 'decoder_sigmoid' }).apply(logits) as tf.SymbolicTensor;
  const decoder = tf.model({ inputs: latent, outputs: probabilities, name: 'vae_decoder' });
  const decoderLogits = tf.model({ inputs: latent, outputs: logits, name: 'vae_decoder_logits' });
  return { encoder, encoderMoments, decoder, decoderLogits };
}
