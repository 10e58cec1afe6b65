import * as tf from '@tensorflow/tfjs';
import { ConfigError, suggestName } from '@dl/core';
import * as v from 'valibot';

/** A valibot schema for a `tf.LayersModel` (functional or sequential). */
export const layersModelSchema = v.custom<tf.LayersModel>((value) => value instanceof tf.LayersModel, 'a tf.LayersModel');

/** Whether a layer is itself a model (a nested model's node in a functional graph). */
export const isNestedModel = (layer: tf.layers.Layer): layer is tf.LayersModel => layer instanceof tf.LayersModel;

/**
 * Every layer of `model` in the order tfjs keeps them (topological), nested models expanded
 * in place: the nested model itself is not listed, its layers are.
 */
export function leafLayers(model: tf.LayersModel): tf.layers.Layer[] {
  return model.layers.flatMap((layer) => (isNestedModel(layer) ? leafLayers(layer) : [layer]));
}

/**
 * The layer named `name` anywhere in `model` (nested models included).
 *
 * @throws ConfigError on `field`, naming the closest layer name, when there is none.
 */
export function findLayer(model: tf.LayersModel, name: string, field: string): tf.layers.Layer {
  const layers = leafLayers(model);
  const layer = layers.find((candidate) => candidate.name === name);
  if (layer !== undefined) return layer;
  const names = layers.map((candidate) => candidate.name);
  const suggestion = suggestName(name, names);
  throw new ConfigError({
    package: 'transfer-fusion',
    path: field,
    value: name,
    expected: `the name of a layer of the model (${suggestion === undefined ? '' : `did you mean '${suggestion}'? `}layers: ${names.join(', ')})`,
  });
}
