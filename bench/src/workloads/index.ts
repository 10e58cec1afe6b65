import { attentionWorkload } from './attention.js';
import { cnnWorkload } from './cnn.js';
import { fashionTorchArguments, fashionWorkload } from './fashion.js';
import { matmulWorkload } from './matmul.js';
import { recurrentWorkload } from './recurrent.js';
import type { Workload, WorkloadSize } from './types.js';

/** The workloads of the harness. */
export const workloadNames = ['matmul', 'cnn', 'fashion', 'lstm', 'lstm-dl', 'gru', 'gru-dl', 'simpleRNN', 'simpleRNN-dl', 'attention'] as const;
export type WorkloadName = (typeof workloadNames)[number];

/** Builds a workload by name. */
export function makeWorkload(name: WorkloadName, size: WorkloadSize): Workload {
  switch (name) {
    case 'matmul':
      return matmulWorkload();
    case 'cnn':
      return cnnWorkload(size);
    case 'fashion':
      return fashionWorkload(size);
    case 'attention':
      return attentionWorkload();
    default:
      return recurrentWorkload(name, size);
  }
}

/**
 * What `python/torch_bench.py` needs beyond a workload's name and size to build its twin
 * (`fashion`: the layer list of the built @dl/conv classifier and the fixture's directory), or
 * `undefined` when the name says it all.
 */
export function torchArguments(name: WorkloadName): Record<string, unknown> | undefined {
  return name === 'fashion' ? fashionTorchArguments() : undefined;
}
