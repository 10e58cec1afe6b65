import { attentionWorkload } from './attention.js';
import { cnnWorkload } from './cnn.js';
import { matmulWorkload } from './matmul.js';
import { recurrentWorkload } from './recurrent.js';
import type { Workload, WorkloadSize } from './types.js';

/** The workloads of the harness. */
export const workloadNames = ['matmul', 'cnn', 'lstm', 'lstm-dl', 'gru', 'gru-dl', 'simpleRNN', 'simpleRNN-dl', 'attention'] as const;
export type WorkloadName = (typeof workloadNames)[number];

/** Builds a workload by name. */
export function makeWorkload(name: WorkloadName, size: WorkloadSize): Workload {
  switch (name) {
    case 'matmul':
      return matmulWorkload();
    case 'cnn':
      return cnnWorkload(size);
    case 'attention':
      return attentionWorkload();
    default:
      return recurrentWorkload(name, size);
  }
}
