import { attentionWorkload } from './attention.js';
import { cnnWorkload } from './cnn.js';
import { dcganTorchArguments, dcganWorkload } from './dcgan.js';
import { fashionTorchArguments, fashionWorkload } from './fashion.js';
import { matmulWorkload } from './matmul.js';
import { recurrentWorkload } from './recurrent.js';
import type { Workload, WorkloadSize } from './types.js';
import { vaeTorchArguments, vaeWorkload } from './vae.js';

/** The workloads of the harness. */
export const workloadNames = ['matmul', 'cnn', 'cnn-b256', 'fashion', 'vae', 'dcgan', 'lstm', 'lstm-dl', 'gru', 'gru-dl', 'simpleRNN', 'simpleRNN-dl', 'attention'] as const;
export type WorkloadName = (typeof workloadNames)[number];

/** Builds a workload by name. */
export function makeWorkload(name: WorkloadName, size: WorkloadSize): Workload {
  switch (name) {
    case 'matmul':
      return matmulWorkload();
    case 'cnn':
      return cnnWorkload(size);
    case 'cnn-b256':
      return cnnWorkload(size, 256);
    case 'fashion':
      return fashionWorkload(size);
    case 'attention':
      return attentionWorkload();
    case 'vae':
      return vaeWorkload(size);
    case 'dcgan':
      return dcganWorkload(size);
    default:
      return recurrentWorkload(name, size);
  }
}

/**
 * What `python/torch_bench.py` needs beyond a workload's name and size to build its twin
 * (`fashion`: the layer list of the built @dl/conv classifier and the fixture's directory; `vae`:
 * the arguments of `vae_fashion.Vae` read off the built @dl/generative VAE; `dcgan`: the layer
 * lists of the built generator and discriminator), or `undefined` when the name says it all.
 */
export function torchArguments(name: WorkloadName): Record<string, unknown> | undefined {
  switch (name) {
    case 'fashion':
      return fashionTorchArguments();
    case 'vae':
      return vaeTorchArguments();
    case 'dcgan':
      return dcganTorchArguments();
    default:
      return undefined;
  }
}
