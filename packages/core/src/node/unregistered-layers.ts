import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../errors/config-error.js';

/**
 * The dl package that defines and registers each layer class a saved model can name. Kept as
 * data so that `@dl/core` imports none of them: a chapter package registers its layers when it
 * is imported, and a model that uses them loads only after that import.
 */
const layerPackages: Readonly<Record<string, string>> = {
  MultiHeadAttention: '@dl/softmax-attention',
  AdditiveAttention: '@dl/softmax-attention',
  AttentionPooling: '@dl/softmax-attention',
  PositionalEmbedding: '@dl/softmax-attention',
  PositionEmbedding: '@dl/softmax-attention',
  TokenAndPositionEmbedding: '@dl/softmax-attention',
  TransformerEncoder: '@dl/softmax-attention',
  // tfjs-layers registers these names itself; @dl/recurrent replaces them with layers that also
  // load what tfjs's cannot (a GRU with `reset_after`, Keras's default since TF 2).
  SimpleRNN: '@dl/recurrent',
  LSTM: '@dl/recurrent',
  GRU: '@dl/recurrent',
  Bidirectional: '@dl/recurrent',
};

/** Keys under which a Keras/tfjs topology nests layer configs. */
const layerKeys = new Set(['layers', 'layer', 'cell', 'cells', 'forward_layer', 'backward_layer']);

interface LayerEntry {
  readonly className: string;
  readonly name: string | undefined;
  readonly config: Record<string, unknown>;
  /** Dotted path of the entry in the model topology. */
  readonly path: string;
}

/** Every layer config in a model topology (nested models, wrappers and RNN cells included). */
function layerEntries(node: unknown, path: string, inLayerPosition: boolean, out: LayerEntry[] = []): LayerEntry[] {
  if (Array.isArray(node)) {
    node.forEach((item, index) => layerEntries(item, `${path}.${index}`, inLayerPosition, out));
    return out;
  }
  if (typeof node !== 'object' || node === null) return out;
  const record = node as Record<string, unknown>;
  const config = record.config;
  if (inLayerPosition && typeof record.class_name === 'string' && typeof config === 'object' && config !== null && !Array.isArray(config)) {
    const name = (config as Record<string, unknown>).name;
    out.push({ className: record.class_name, name: typeof name === 'string' ? name : undefined, config: config as Record<string, unknown>, path });
  }
  for (const [key, value] of Object.entries(record)) {
    const child = path === '' ? key : `${path}.${key}`;
    // The model itself (class_name Sequential/Model at the root or under model_config) is a layer position too.
    layerEntries(value, child, layerKeys.has(key) || key === 'model_config' || (key === 'config' && inLayerPosition), out);
  }
  return out;
}

function isRegistered(className: string): boolean {
  return Object.hasOwn(tf.serialization.SerializationMap.getMap().classNameMap, className);
}

function describeLayer(entry: LayerEntry): string {
  return entry.name === undefined ? entry.className : `${entry.className} (layer '${entry.name}')`;
}

function importAdvice(pkg: string): string {
  return `add \`import '${pkg}';\` before loadModel`;
}

/**
 * Turns tfjs's errors for layers it cannot build ("Unknown layer: X. This may be due to ... defined
 * in Python", "GRUCell does not support reset_after") into a ConfigError that names the layer, the
 * dl package that defines it and the import that registers it. Other errors give `undefined`.
 *
 * @param error - what `tf.loadLayersModel` threw.
 * @param topology - the model's `modelTopology`, when it was read.
 * @param where - the model's location, for the message.
 * @returns the ConfigError, or `undefined` when `error` is not about an unregistered layer.
 * @example
 * ```ts
 * const error = unregisteredLayerError(tfjsError, artifacts.modelTopology, './model');
 * // ConfigError: [@dl/core] Invalid field 'config.layers.1.class_name' of the model in './model':
 * //   expected a registered layer class; MultiHeadAttention (layer 'mha') comes from
 * //   @dl/softmax-attention: add `import '@dl/softmax-attention';` before loadModel, got "MultiHeadAttention".
 * ```
 */
export function unregisteredLayerError(error: unknown, topology: unknown, where: string): ConfigError | undefined {
  const message = error instanceof Error ? error.message : '';
  const unknown = /^Unknown layer: (\S+?)\. /.exec(message)?.[1];
  const entries = layerEntries(topology, '', true);
  const subject = `model in '${where}'`;

  if (unknown !== undefined) {
    const missing = entries.filter((entry) => !isRegistered(entry.className));
    if (!missing.some((entry) => entry.className === unknown)) missing.unshift({ className: unknown, name: undefined, config: {}, path: '' });
    const byPackage = new Map<string, LayerEntry[]>();
    for (const entry of missing) {
      const pkg = layerPackages[entry.className] ?? '';
      byPackage.set(pkg, [...(byPackage.get(pkg) ?? []), entry]);
    }
    const advice = [...byPackage].map(([pkg, group]) => {
      const names = group.map(describeLayer).join(', ');
      return pkg === ''
        ? `${names} ${group.length === 1 ? 'is not a dl layer' : 'are not dl layers'}: import the code that defines ${group.length === 1 ? 'it' : 'them'} and register ${group.length === 1 ? 'it' : 'them'} with tf.serialization.registerClass before loadModel`
        : `${names} ${group.length === 1 ? 'comes' : 'come'} from ${pkg}: ${importAdvice(pkg)}`;
    });
    const first = missing[0]!;
    return new ConfigError({
      path: first.path === '' ? 'class_name' : `${first.path}.class_name`,
      value: first.className,
      expected: `a registered layer class; ${advice.join('; ')}`,
      subject,
      cause: error,
    });
  }

  if (/does not support reset_after/.test(message)) {
    const gru = entries.find((entry) => (entry.className === 'GRU' || entry.className === 'GRUCell') && entry.config.reset_after === true);
    return new ConfigError({
      path: gru === undefined ? 'reset_after' : `${gru.path}.config.reset_after`,
      value: true,
      expected: `false for tfjs-layers' own GRU; a GRU with reset_after (Keras's default since TF 2) comes from @dl/recurrent: ${importAdvice('@dl/recurrent')}`,
      subject,
      cause: error,
    });
  }
  return undefined;
}
