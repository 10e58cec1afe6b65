import * as tf from '@tensorflow/tfjs';
import { isNestedModel } from './model-layers.js';

type LayerClass = { fromConfig: (cls: unknown, config: tf.serialization.ConfigDict) => tf.layers.Layer };

/**
 * A copy of `model` from `inputs` (new symbolic inputs of the same shapes, or given ones) to its
 * outputs, every layer a new one named `prefix + name` holding a copy of the original's weights
 * and its `trainable` flag; nested models are copied the same way, their layers prefixed too.
 *
 * Why: tfjs loads weights by their layer-qualified names (`block1_conv1/kernel`) across nested
 * models, so a model holding two members built by the same factory saves, but does not load
 * ("Duplicate weight name"). Prefixed copies make every name unique.
 *
 * @param name - the copy's name.
 */
export function copyModelWithPrefix(model: tf.LayersModel, prefix: string, name: string): tf.LayersModel {
  const inputs = model.inputs.map((input) => tf.input({ shape: input.shape.slice(1) as number[], dtype: input.dtype, name: `${prefix}${input.sourceLayer.name}` }));
  const outputs = rebuild(model, inputs, prefix);
  return tf.model({ inputs, outputs, name });
}

/** Applies prefixed copies of `model`'s layers to `inputs`; returns the copies of its outputs. */
function rebuild(model: tf.LayersModel, inputs: readonly tf.SymbolicTensor[], prefix: string): tf.SymbolicTensor[] {
  const copies = new Map<tf.layers.Layer, tf.layers.Layer>();
  const produced = new Map<string, tf.SymbolicTensor | tf.SymbolicTensor[]>();
  const tensors = new Map<number, tf.SymbolicTensor>(model.inputs.map((input, i) => [input.id, inputs[i]!]));

  const copyOf = (layer: tf.layers.Layer): tf.layers.Layer => {
    let copy = copies.get(layer);
    if (copy === undefined) {
      copy = isNestedModel(layer)
        ? copyModelWithPrefix(layer, prefix, `${prefix}${layer.name}`)
        : (layer.constructor as unknown as LayerClass).fromConfig(layer.constructor, { ...layer.getConfig(), name: `${prefix}${layer.name}` });
      copies.set(layer, copy);
    }
    return copy;
  };
  const copyTensor = (tensor: tf.SymbolicTensor): tf.SymbolicTensor => {
    const known = tensors.get(tensor.id);
    if (known !== undefined) return known;
    const layer = tensor.sourceLayer;
    const args = tensor.inputs.map(copyTensor);
    // One application of a layer can have several outputs: apply it once per node.
    const node = `${layer.id}:${args.map((arg) => arg.id).join(',')}`;
    let output = produced.get(node);
    if (output === undefined) {
      output = copyOf(layer).apply(args.length === 1 ? args[0]! : args, tensor.callArgs ?? {}) as tf.SymbolicTensor | tf.SymbolicTensor[];
      produced.set(node, output);
    }
    const result = Array.isArray(output) ? output[tensor.outputTensorIndex ?? 0]! : output;
    tensors.set(tensor.id, result);
    return result;
  };
  const outputs = model.outputs.map(copyTensor);
  for (const [layer, copy] of copies) {
    if (!isNestedModel(layer)) copy.setWeights(layer.getWeights());
    copy.trainable = layer.trainable;
  }
  return outputs;
}
