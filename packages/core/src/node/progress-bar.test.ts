import { PassThrough } from 'node:stream';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { trainLoop } from '../training/train-loop.js';
import { ProgressBar, type ProgressBarOptions } from './progress-bar.js';

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

/** A stream that is not a terminal (a pipe, a file, a CI log). */
function fakeLog(): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough();
  let out = '';
  stream.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => out };
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

  it('writes one plain line per epoch when the stream is not a terminal (auto), with the epoch\'s logs', async () => {
    const log = fakeLog();
    const progress = new ProgressBar({ stream: log.stream });
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 1, activation: 'sigmoid' })] });
    model.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
    const x = tf.randomNormal([32, 2], 0, 1, 'float32', 1);
    const y = tf.tensor2d(Array.from({ length: 32 }, (_, i) => [i % 2]));
    const history = await model.fit(x, y, { epochs: 2, batchSize: 8, validationSplit: 0.25, callbacks: [progress], verbose: 0 });
    const lines = log.text().split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(2);
    lines.forEach((line, epoch) => {
      // The epoch's own numbers, as model.fit's history has them (not the last batch's).
      const value = (name: string) => (history.history[name]![epoch] as number).toFixed(4);
      expect(line).toMatch(new RegExp(`^Epoch ${epoch + 1}/2 - loss=${value('loss')} acc=${value('acc')} val_loss=${value('val_loss')} val_acc=${value('val_acc')} - \\d+\\.\\d{2}s, \\d+ samples/s$`));
    });
    expect(log.text()).not.toMatch(/[\r\u001b]/);
    expect(progress.lastEpoch?.samples).toBe(24);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('writes lines with trainLoop too, and in CI even on a terminal; mode overrides the choice', async () => {
    const run = async (stream: NodeJS.WriteStream, options: ProgressBarOptions = {}) => {
      const progress = new ProgressBar({ ...options, stream });
      await trainLoop(() => ({ loss: 0.5 }), { epochs: 2, data: () => [1, 2, 3], batchSize: 10, batchesPerEpoch: 3, callbacks: progress });
      expect(progress.lastEpoch).toMatchObject({ epoch: 1, samples: 30, logs: { loss: 0.5 } });
    };
    const linePattern = /^Epoch 1\/2 - loss=0\.5000 - \d+\.\d{2}s, \d+ samples\/s\nEpoch 2\/2 - loss=0\.5000 - \d+\.\d{2}s, \d+ samples\/s\n$/;

    const pipe = fakeLog();
    await run(pipe.stream);
    expect(pipe.text()).toMatch(linePattern);

    vi.stubEnv('CI', 'true');
    try {
      const ciTerminal = fakeTerminal();
      await run(ciTerminal.stream);
      expect(ciTerminal.text()).toMatch(linePattern);
    } finally {
      vi.unstubAllEnvs();
    }

    vi.stubEnv('CI', '');
    try {
      const terminal = fakeTerminal();
      await run(terminal.stream);
      expect(terminal.text()).toMatch(/Epoch 2\/2 \|/); // auto on a terminal: the bar
      const forcedLines = fakeTerminal();
      await run(forcedLines.stream, { mode: 'lines' });
      expect(forcedLines.text()).toMatch(linePattern);
    } finally {
      vi.unstubAllEnvs();
    }

    const silent = fakeLog();
    await run(silent.stream, { mode: 'silent' });
    expect(silent.text()).toBe('');
  });
});
