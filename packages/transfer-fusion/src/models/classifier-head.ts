import * as tf from '@tensorflow/tfjs';
import { classificationModel, type SeededInitializers } from '@dl/core';
import * as v from 'valibot';

/** The new classification head of {@link createTransferModel} and {@link createFeatureFusionModel}. */
export interface ClassifierHeadOptions {
  /** Classes of the new task. Required; 2 gives one sigmoid unit (labels 0/1), more a softmax (labels: class ids). */
  readonly numClasses: number;
  /** Hidden dense ReLU layers before the classifier, their widths. Default none (`[]`): a linear classifier on the features. */
  readonly units?: readonly number[];
  /** Dropout before the classifier (and after each hidden layer). Default 0. */
  readonly dropout?: number;
}

export const classifierHeadSchema = v.strictObject({
  numClasses: v.pipe(v.number(), v.integer(), v.minValue(2)),
  units: v.optional(v.array(v.pipe(v.number(), v.integer(), v.minValue(1))), []),
  dropout: v.optional(v.pipe(v.number(), v.minValue(0), v.ltValue(1, 'a number in [0, 1)')), 0),
});
export type ParsedClassifierHead = v.InferOutput<typeof classifierHeadSchema>;

/**
 * Builds the head on `features` and the model from `inputs` to it: hidden layers `head_dense_i`
 * (ReLU) with dropout `head_dropout_i`, dropout `head_dropout`, and core's `classifier` layer,
 * compiled with Adam at `learningRate` unless it is undefined.
 */
export function classifierHeadModel(args: {
  readonly inputs: tf.SymbolicTensor | tf.SymbolicTensor[];
  readonly features: tf.SymbolicTensor;
  readonly head: ParsedClassifierHead;
  readonly init: SeededInitializers;
  readonly name: string;
  readonly learningRate: number | undefined;
}): tf.LayersModel {
  const { head, init } = args;
  let x = args.features;
  head.units.forEach((units, i) => {
    x = tf.layers.dense({ units, activation: 'relu', kernelInitializer: init.next('heNormal'), name: `head_dense_${i + 1}` }).apply(x) as tf.SymbolicTensor;
    if (head.dropout > 0 && i < head.units.length - 1) x = tf.layers.dropout({ rate: head.dropout, name: `head_dropout_${i + 1}` }).apply(x) as tf.SymbolicTensor;
  });
  if (head.dropout > 0) x = tf.layers.dropout({ rate: head.dropout, name: 'head_dropout' }).apply(x) as tf.SymbolicTensor;
  return classificationModel({
    inputs: args.inputs,
    features: x,
    numClasses: head.numClasses,
    kernelInitializer: init.next('glorotUniform'),
    name: args.name,
    ...(args.learningRate === undefined ? {} : { optimizer: tf.train.adam(args.learningRate) }),
  });
}
