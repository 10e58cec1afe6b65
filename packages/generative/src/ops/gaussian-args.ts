import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError } from '@dl/core';

/**
 * Checks the tensors of a diagonal Gaussian (`mean`, `logVar`, and `eps` where given): each a
 * tf.Tensor of rank >= 1 (the last axis is the latent dimension), all with the shape of the
 * first. Throws a ConfigError for a non-tensor and a ShapeError for a wrong rank or shape,
 * naming the argument and `where`.
 */
export function requireSameShapeTensors(tensors: Readonly<Record<string, unknown>>, where: string): void {
  let reference: { name: string; shape: number[] } | undefined;
  for (const [argument, value] of Object.entries(tensors)) {
    if (!(value instanceof tf.Tensor)) {
      throw new ConfigError({ package: 'generative', path: argument, value, expected: `a tf.Tensor (${where})` });
    }
    if (value.rank < 1) {
      throw new ShapeError({ package: 'generative', argument: `${where} ${argument}`, expected: 'rank >= 1, [..., latentDim]', actual: value.shape });
    }
    if (reference === undefined) {
      reference = { name: argument, shape: value.shape };
    } else if (value.rank !== reference.shape.length || value.shape.some((size: number, i: number) => size !== reference!.shape[i])) {
      throw new ShapeError({ package: 'generative', argument: `${where} ${argument}`, expected: `the shape of ${reference.name}, [${reference.shape.join(',')}]`, actual: value.shape });
    }
  }
}
