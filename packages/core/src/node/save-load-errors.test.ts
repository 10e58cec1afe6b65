import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { DlError } from '../errors/dl-error.js';
import { loadModel, saveModel } from './save-load.js';

let root: string;

beforeAll(async () => {
  await tf.setBackend('cpu');
  root = await mkdtemp(join(tmpdir(), 'dl-core-save-errors-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes a hand-made model.json (Keras layer configs, no weights) into a new directory. */
async function writeModelJson(name: string, modelTopology: object): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir);
  await writeFile(join(dir, 'model.json'), JSON.stringify({ format: 'layers-model', modelTopology, weightsManifest: [{ paths: [], weights: [] }] }));
  return dir;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

const dense = { class_name: 'Dense', config: { name: 'dense', units: 4, batch_input_shape: [null, 5, 3] } };

describe('loadModel of a model whose layers are not registered', () => {
  it('names each layer and the dl package to import, instead of "defined in Python"', async () => {
    const dir = await writeModelJson('unregistered', {
      class_name: 'Sequential',
      config: {
        name: 'classifier',
        layers: [
          dense,
          { class_name: 'MultiHeadAttention', config: { name: 'mha', num_heads: 2, key_dim: 2 } },
          { class_name: 'AttentionPooling', config: { name: 'pool' } },
          { class_name: 'MyOwnLayer', config: { name: 'mine' } },
        ],
      },
    });
    const error = await rejection(loadModel(dir));
    expect(ConfigError.isInstance(error)).toBe(true);
    const configError = error as ConfigError;
    expect(configError.path).toBe('config.layers.1.class_name');
    expect(configError.value).toBe('MultiHeadAttention');
    expect(configError.message).toContain(`of the model in '${dir}'`);
    expect(configError.message).toContain(
        "MultiHeadAttention (layer 'mha'), AttentionPooling (layer 'pool') come from @dl/softmax-attention: add `import '@dl/softmax-attention';` before loadModel",
    );
    expect(configError.message).toContain("MyOwnLayer (layer 'mine') is not a dl layer");
    expect(configError.message).toContain('tf.serialization.registerClass');
    expect(configError.message).not.toMatch(/Python/);
    // tfjs's own error stays available as the cause.
    expect((configError.cause as Error).message).toMatch(/^Unknown layer: MultiHeadAttention\./);
  });

  it('finds layers nested in wrappers and in functional models (Keras model_config form)', async () => {
    const dir = await writeModelJson('nested', {
      keras_version: '2.15.0',
      model_config: {
        class_name: 'Functional',
        config: {
          name: 'encoder',
          layers: [
            { class_name: 'InputLayer', name: 'tokens', config: { name: 'tokens', batch_input_shape: [null, 8], dtype: 'int32' }, inbound_nodes: [] },
            {
              class_name: 'TimeDistributed',
              name: 'wrapped',
              config: { name: 'wrapped', layer: { class_name: 'TransformerEncoder', config: { name: 'block', intermediate_dim: 8, num_heads: 2 } } },
              inbound_nodes: [[['tokens', 0, 0, {}]]],
            },
          ],
          input_layers: [['tokens', 0, 0]],
          output_layers: [['wrapped', 0, 0]],
        },
      },
    });
    const error = (await rejection(loadModel(dir))) as ConfigError;
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(error.path).toBe('model_config.config.layers.1.config.layer.class_name');
    expect(error.message).toContain("TransformerEncoder (layer 'block') comes from @dl/softmax-attention: add `import '@dl/softmax-attention';` before loadModel");
  });

  it("points a Keras GRU with reset_after (which tfjs-layers' GRU cannot build) to @dl/recurrent", async () => {
    const dir = await writeModelJson('keras-gru', {
      class_name: 'Sequential',
      config: { name: 'rnn', layers: [{ class_name: 'GRU', config: { name: 'gru', units: 2, reset_after: true, batch_input_shape: [null, 5, 3] } }] },
    });
    const error = (await rejection(loadModel(dir))) as ConfigError;
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(error.path).toBe('config.layers.0.config.reset_after');
    expect(error.value).toBe(true);
    expect(error.message).toContain("comes from @dl/recurrent: add `import '@dl/recurrent';` before loadModel");
    expect((error.cause as Error).message).toMatch(/does not support reset_after/);
  });

  it('leaves other load errors as they are', async () => {
    const dir = await writeModelJson('bad-dense', {
      class_name: 'Sequential',
      config: { name: 'plain', layers: [{ class_name: 'Dense', config: { name: 'dense', units: 4 } }] },
    });
    const error = await rejection(loadModel(dir));
    expect(DlError.isInstance(error)).toBe(false);
    expect((error as Error).message).toMatch(/first layer in a Sequential model must get an .inputShape./);
  });
});

describe('saveModel / loadModel on a path that is a file', () => {
  it('saveModel throws a ConfigError naming the path and saying a directory is expected; the file is untouched', async () => {
    const file = join(root, 'package.json');
    await writeFile(file, '{"name":"app"}');
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 2 })] });
    for (const [target, reason] of [
      [file, `'${file}' is an existing file`],
      [join(file, 'model'), `a part of '${join(file, 'model')}' is an existing file`],
    ] as const) {
      const error = (await rejection(saveModel(model, target))) as ConfigError;
      expect(ConfigError.isInstance(error)).toBe(true);
      expect(error.path).toBe('directory');
      expect(error.value).toBe(target);
      expect(error.message).toContain('expected a directory');
      expect(error.message).toContain(reason);
      expect(['EEXIST', 'ENOTDIR']).toContain((error.cause as NodeJS.ErrnoException).code);
    }
    expect(await readFile(file, 'utf8')).toBe('{"name":"app"}');
    expect((await readdir(root)).filter((name) => name.includes('.tmp-') || name.startsWith('weights'))).toEqual([]);
    model.dispose();
  });

  it('loadModel says the path is a file', async () => {
    const file = join(root, 'notes.txt');
    await writeFile(file, 'not a model');
    const error = await rejection(loadModel(file));
    expect(DlError.isInstance(error)).toBe(true);
    expect((error as DlError).message).toContain(`('${file}' is a file, not a model directory)`);
  });
});
