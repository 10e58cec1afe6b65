import * as tf from '@tensorflow/tfjs';
import cliProgress from 'cli-progress';
import * as v from 'valibot';
import { parseOptions } from '../validation/parse-options.js';

/** Options of {@link ProgressBar}. */
export interface ProgressBarOptions {
  /**
   * `auto` (default) draws a bar when the stream is a TTY and `CI` is not set, and writes
   * `lines` otherwise (a pipe, a file, a CI log); `bar` always draws a bar; `lines` writes one
   * plain line per finished epoch (no cursor movement or colour); `silent` writes nothing
   * (statistics are still kept).
   */
  readonly mode?: 'auto' | 'bar' | 'lines' | 'silent';
  /** Where to draw. Default `process.stderr`. */
  readonly stream?: NodeJS.WriteStream;
  /** Log names to show, in order. Default: every numeric log except `batch` and `size`, training logs before `val_` ones. */
  readonly metrics?: readonly string[];
}

const OptionsSchema = v.strictObject({
  mode: v.optional(v.picklist(['auto', 'bar', 'lines', 'silent']), 'auto'),
  stream: v.optional(v.custom<NodeJS.WriteStream>((value) => typeof (value as { write?: unknown })?.write === 'function', 'a writable stream')),
  metrics: v.optional(v.array(v.string())),
});

/** Throughput of the last finished epoch, as measured by {@link ProgressBar}. */
export interface EpochStats {
  readonly epoch: number;
  readonly seconds: number;
  readonly samples: number;
  readonly samplesPerSecond: number;
  readonly logs: Readonly<Record<string, number>>;
}

/**
 * Training progress for the terminal and for logs: on a terminal, a bar with epoch, batches,
 * losses, samples/s and ETA; elsewhere (a pipe, a file, `CI` set), one plain line per epoch
 * with its losses, metrics and time. A `tf.Callback`, so it works with `model.fit` and with
 * `trainLoop` alike, and it records throughput in every mode.
 *
 * @example
 * ```ts
 * import { ProgressBar } from '@dl/core/node';
 * const progress = new ProgressBar();
 * await model.fit(x, y, { epochs: 5, batchSize: 64, callbacks: [progress] });
 * console.log(progress.lastEpoch?.samplesPerSecond);
 * // on a terminal:
 * // Epoch 3/5 |██████████░░░░░░░░░░| 5/8 batches | loss=0.4120 | 2510 samples/s | ETA 1s
 * // in a CI log or a file (mode 'lines'), one line per epoch:
 * // Epoch 3/5 - loss=0.4120 val_loss=0.4533 - 0.20s, 2510 samples/s
 * ```
 */
export class ProgressBar extends tf.Callback {
  private readonly output: 'bar' | 'lines' | 'silent';
  private readonly stream: NodeJS.WriteStream;
  private readonly metricNames: readonly string[] | undefined;
  private bar: cliProgress.SingleBar | undefined;
  private epochStart = 0;
  private epochSamples = 0;
  private epochStats: EpochStats | undefined;

  constructor(options: ProgressBarOptions = {}) {
    super();
    const parsed = parseOptions(OptionsSchema, options);
    this.stream = parsed.stream ?? process.stderr;
    this.output = parsed.mode !== 'auto' ? parsed.mode : this.stream.isTTY === true && !process.env.CI ? 'bar' : 'lines';
    this.metricNames = parsed.metrics;
  }

  /** Statistics of the last finished epoch, or `undefined` before the first ends. */
  get lastEpoch(): EpochStats | undefined {
    return this.epochStats;
  }

  override async onEpochBegin(epoch: number): Promise<void> {
    this.epochStart = performance.now();
    this.epochSamples = 0;
    if (this.output !== 'bar') return;
    this.bar = new cliProgress.SingleBar(
      {
        stream: this.stream,
        format: `Epoch {epochLabel} |{bar}| {value}/{total} batches | {metrics} | {rate} samples/s | ETA {eta_formatted}`,
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 20,
        fps: 10,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(this.batchesPerEpoch(), 0, { epochLabel: this.epochLabel(epoch), metrics: '', rate: '-' });
  }

  override async onBatchEnd(batch: number, unresolved: tf.Logs = {}): Promise<void> {
    const logs = await resolveLogs(unresolved);
    this.epochSamples += typeof logs.size === 'number' ? logs.size : Number(this.params.batchSize ?? 0);
    this.bar?.update(batch + 1, { metrics: this.formatMetrics(logs), rate: this.rate().toFixed(0) });
  }

  override async onEpochEnd(epoch: number, unresolved: tf.Logs = {}): Promise<void> {
    const logs = await resolveLogs(unresolved);
    const seconds = (performance.now() - this.epochStart) / 1000;
    const numeric = Object.fromEntries(Object.entries(logs).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
    const samplesPerSecond = seconds > 0 ? this.epochSamples / seconds : 0;
    this.epochStats = { epoch, seconds, samples: this.epochSamples, samplesPerSecond, logs: numeric };
    if (this.bar !== undefined) {
      this.bar.update(this.bar.getTotal(), { metrics: this.formatMetrics(logs), rate: this.rate().toFixed(0) });
      this.bar.stop();
      this.bar = undefined;
    }
    if (this.output === 'lines') {
      const metrics = this.formatMetrics(logs);
      this.stream.write(`Epoch ${this.epochLabel(epoch)}${metrics === '' ? '' : ` - ${metrics}`} - ${seconds.toFixed(2)}s, ${samplesPerSecond.toFixed(0)} samples/s\n`);
    }
  }

  override async onTrainEnd(): Promise<void> {
    this.bar?.stop();
    this.bar = undefined;
  }

  private epochLabel(epoch: number): string {
    return `${epoch + 1}/${this.params.epochs ?? '?'}`;
  }

  private batchesPerEpoch(): number {
    const steps = Number(this.params.steps ?? 0);
    if (steps > 0) return steps;
    const samples = Number(this.params.samples ?? 0);
    const batchSize = Number(this.params.batchSize ?? 0);
    return samples > 0 && batchSize > 0 ? Math.ceil(samples / batchSize) : 0;
  }

  private rate(): number {
    const seconds = (performance.now() - this.epochStart) / 1000;
    return seconds > 0 ? this.epochSamples / seconds : 0;
  }

  private formatMetrics(logs: tf.Logs): string {
    // tfjs puts validation logs first in an epoch's logs; show the training ones first.
    const names =
      this.metricNames ??
      Object.keys(logs)
        .filter((name) => name !== 'batch' && name !== 'size')
        .sort((a, b) => Number(a.startsWith('val_')) - Number(b.startsWith('val_')));
    return names
      .filter((name) => typeof logs[name] === 'number')
      .map((name) => `${name}=${(logs[name] as number).toFixed(4)}`)
      .join(' ');
  }
}


/** `model.fit` hands `tf.Callback`s scalar tensors in its logs; read them as numbers. */
async function resolveLogs(logs: Record<string, unknown>): Promise<Record<string, number>> {
  const resolved: Record<string, number> = {};
  for (const [name, value] of Object.entries(logs)) {
    if (typeof value === 'number') resolved[name] = value;
    else if (value instanceof tf.Tensor) resolved[name] = (await value.data())[0] ?? Number.NaN;
  }
  return resolved;
}
