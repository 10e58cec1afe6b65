import { createHash, randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../errors/config-error.js';
import { DlError } from '../errors/dl-error.js';

/** The subset of `node:fs/promises` the handler uses (replaceable in tests). */
export interface FileSystem {
  mkdir: typeof nodeFs.mkdir;
  readFile: typeof nodeFs.readFile;
  writeFile: typeof nodeFs.writeFile;
  rename: typeof nodeFs.rename;
  rm: typeof nodeFs.rm;
  readdir: typeof nodeFs.readdir;
}

const modelFile = 'model.json';
const weightsPattern = /^weights\.[0-9a-f]{16}\.bin$/;

/**
 * A tfjs `IOHandler` that saves a model to a directory and loads it back, in Node,
 * without tfjs-node: `model.json` (topology, weight manifest, training config) and one
 * weights file named after the hash of its contents.
 *
 * Saving is atomic: the weights go to a new file, then `model.json` is written to a
 * temporary file and renamed over the old one (the single commit point), and only then
 * are stale weight files removed. A save interrupted at any point leaves the previous
 * model loadable.
 *
 * @param directory - the model's directory; created when missing.
 * @returns an `IOHandler` for `model.save` and `tf.loadLayersModel`; its `save` rejects with a
 * `ConfigError` when `directory` (or a folder on its path) is an existing file.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { fileSystemHandler } from '@dl/core/node';
 * await model.save(fileSystemHandler('./my-model'));
 * const same = await tf.loadLayersModel(fileSystemHandler('./my-model'));
 * ```
 */
export function fileSystemHandler(directory: string): tf.io.IOHandler {
  return createFileSystemHandler(directory, nodeFs);
}

/**
 * {@link fileSystemHandler} with an injectable file system (for fault-injection tests).
 *
 * @example
 * ```ts
 * import * as fs from 'node:fs/promises';
 * import { createFileSystemHandler } from '@dl/core/node';
 * const handler = createFileSystemHandler('./model', { ...fs, rename: async () => { throw new Error('power cut'); } });
 * await model.save(handler); // rejects; the previous save in ./model still loads
 * ```
 */
export function createFileSystemHandler(directory: string, fs: FileSystem): tf.io.IOHandler {
  if (typeof directory !== 'string' || directory.length === 0) {
    throw new ConfigError({ path: 'directory', value: directory, expected: 'a non-empty path string' });
  }
  return {
    save: (artifacts) => saveArtifacts(directory, artifacts, fs),
    load: () => loadArtifacts(directory, fs),
  };
}

async function saveArtifacts(directory: string, artifacts: tf.io.ModelArtifacts, fs: FileSystem): Promise<tf.io.SaveResult> {
  if (artifacts.modelTopology instanceof ArrayBuffer) {
    throw new DlError('unsupported', 'Saving a binary (graph-model) topology is not supported; save a LayersModel.');
  }
  const weightData = artifacts.weightData === undefined ? new Uint8Array(0) : toBytes(artifacts.weightData);
  const weightsName = `weights.${createHash('sha256').update(weightData).digest('hex').slice(0, 16)}.bin`;
  const suffix = `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const manifest: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology as object,
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: [weightsName], weights: artifacts.weightSpecs ?? [] }],
    ...(artifacts.trainingConfig === undefined ? {} : { trainingConfig: artifacts.trainingConfig }),
    ...(artifacts.userDefinedMetadata === undefined ? {} : { userDefinedMetadata: artifacts.userDefinedMetadata }),
  };
  const modelJson = JSON.stringify(manifest);

  await makeDirectory(directory, fs);
  const weightsPath = join(directory, weightsName);
  await fs.writeFile(weightsPath + suffix, weightData, { flush: true });
  await fs.rename(weightsPath + suffix, weightsPath);
  const modelPath = join(directory, modelFile);
  await fs.writeFile(modelPath + suffix, modelJson, { encoding: 'utf8', flush: true });
  await fs.rename(modelPath + suffix, modelPath);
  await removeStaleFiles(directory, weightsName, fs);

  return {
    modelArtifactsInfo: {
      dateSaved: new Date(),
      modelTopologyType: 'JSON',
      modelTopologyBytes: Buffer.byteLength(JSON.stringify(manifest.modelTopology), 'utf8'),
      weightSpecsBytes: Buffer.byteLength(JSON.stringify(manifest.weightsManifest[0]?.weights ?? []), 'utf8'),
      weightDataBytes: weightData.byteLength,
    },
  };
}

/** `mkdir -p`, with a clear error where the path, or a folder on it, is a file (EEXIST, ENOTDIR). */
async function makeDirectory(directory: string, fs: FileSystem): Promise<void> {
  try {
    await fs.mkdir(directory, { recursive: true });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code !== 'EEXIST' && code !== 'ENOTDIR') throw error;
    throw new ConfigError({
      path: 'directory',
      value: directory,
      expected:
        code === 'EEXIST'
          ? `a directory (a model is saved as model.json and a weights file inside one), but '${directory}' is an existing file`
          : `a directory path, but a part of '${directory}' is an existing file`,
      cause: error,
    });
  }
}

async function removeStaleFiles(directory: string, keep: string, fs: FileSystem): Promise<void> {
  const entries = await fs.readdir(directory);
  await Promise.all(
    entries
      .filter((name) => name !== keep && (weightsPattern.test(name) || name.includes('.tmp-')))
      .map((name) => fs.rm(join(directory, name), { force: true })),
  );
}

async function loadArtifacts(directory: string, fs: FileSystem): Promise<tf.io.ModelArtifacts> {
  const modelPath = join(directory, modelFile);
  let text: string;
  try {
    text = await fs.readFile(modelPath, 'utf8');
  } catch (error) {
    const notADirectory = (error as { code?: unknown } | null)?.code === 'ENOTDIR' ? ` ('${directory}' is a file, not a model directory)` : '';
    throw new DlError('not-found', `No saved model at '${modelPath}'${notADirectory}. Save one with model.save(fileSystemHandler(dir)).`, { cause: error });
  }
  const manifest = JSON.parse(text) as tf.io.ModelJSON;
  const weightSpecs: tf.io.WeightsManifestEntry[] = [];
  const buffers: Uint8Array[] = [];
  for (const group of manifest.weightsManifest ?? []) {
    weightSpecs.push(...group.weights);
    for (const path of group.paths) buffers.push(new Uint8Array(await fs.readFile(join(directory, path))));
  }
  const total = buffers.reduce((sum, buffer) => sum + buffer.byteLength, 0);
  const weightData = new Uint8Array(total);
  let offset = 0;
  for (const buffer of buffers) {
    weightData.set(buffer, offset);
    offset += buffer.byteLength;
  }
  return {
    modelTopology: manifest.modelTopology,
    format: manifest.format,
    generatedBy: manifest.generatedBy,
    convertedBy: manifest.convertedBy,
    weightSpecs,
    weightData: weightData.buffer,
    ...(manifest.trainingConfig === undefined ? {} : { trainingConfig: manifest.trainingConfig }),
    ...(manifest.userDefinedMetadata === undefined ? {} : { userDefinedMetadata: manifest.userDefinedMetadata }),
  };
}

function toBytes(data: tf.io.WeightData): Uint8Array {
  if (Array.isArray(data)) {
    const parts = data.map((buffer) => new Uint8Array(buffer));
    const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.byteLength;
    }
    return out;
  }
  return new Uint8Array(data as ArrayBuffer);
}
