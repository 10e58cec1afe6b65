import { PassThrough } from 'node:stream';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainLoop } from '../training/train-loop.js';
import { ProgressBar } from './progress-bar.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function fakeTerminal(): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & { isTTY: boolean; columns: number; cursorTo: () => boolean; clearLine: () => boolean; moveCursor: () => boolean };
  stream.isTTY = true;
  stream.columns = 160;
  stream.cursorTo = () => true;
  stream.clearLine = () => true;
  stream.moveCursor = () => true;
  let out = '';
  (stream as unknown as PassThrough).on('data', (chunk: Buffer) => (out += chunk.toString()));
  return { stream, text: () => out };
}

describe('ProgressBar', () => {
  it('draws epoch, batches, losses and throughput in bar mode with model.fit', async () => {
    const terminal = fakeTerminal();
    const progress = new ProgressBar({ mode: 'bar', stream: terminal.stream });
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 1 })] });
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const x = tf.randomNormal([32, 2]);
    const y = tf.randomNormal([32, 1]);
    await model.fit(x, y, { epochs: 2, batchSize: 8, callbacks: [progress], verbose: 0 });
    expect(terminal.text()).toMatch(/Epoch 2\/2/);
    expect(terminal.text()).toMatch(/4\/4 batches/);
    expect(terminal.text()).toMatch(/loss=\d+\.\d{4}/);
    expect(progress.lastEpoch?.samples).toBe(32);
    expect(progress.lastEpoch?.samplesPerSecond).toBeGreaterThan(0);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('rejects bad options with a ConfigError naming the field', () => {
    expect(() => new ProgressBar({ mode: 'fancy' as never })).toThrow(/option 'mode'/);
    expect(() => new ProgressBar({ stream: 42 as never })).toThrow(/option 'stream': expected a writable stream/);
    expect(() => new ProgressBar({ colour: true } as never)).toThrow(/no option named 'colour'/);
  });

  it('is silent when the stream is not a terminal but still measures, with trainLoop', async () => {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream;
    let written = '';
    (stream as unknown as PassThrough).on('data', (chunk: Buffer) => (written += chunk.toString()));
    const progress = new ProgressBar({ stream });
    await trainLoop(() => ({ loss: 0.5 }), { epochs: 2, data: () => [1, 2, 3], batchSize: 10, batchesPerEpoch: 3, callbacks: progress });
    expect(written).toBe('');
    expect(progress.lastEpoch).toMatchObject({ epoch: 1, samples: 30, logs: { loss: 0.5 } });
  });
});
