/**
 * `pnpm bench`: runs every workload on every backend (each in a fresh process), and
 * PyTorch CPU when available, then prints one table of medians and ratios and writes
 * results/latest.json and results/latest.md.
 *
 * Options: --quick (1 timed run each, smaller baselines), --only cnn,lstm, --no-torch,
 * --threads=N (also wasm on N XNNPACK threads and PyTorch on N threads, in three more columns).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { torchArguments, workloadNames, type WorkloadName } from './workloads/index.js';

type Backend = 'wasm' | 'wasm-threads' | 'cpu' | 'cpu-plain' | 'torch' | 'torch-threads';

interface Job {
  readonly workload: WorkloadName;
  readonly backend: Backend;
  readonly samples: number;
  readonly runs: number;
  /** wasm-threads and torch-threads: how many. */
  readonly threads?: number;
  /** For PyTorch: what its twin needs beyond the name and size (see `torchArguments`). */
  readonly torch?: Record<string, unknown>;
}

interface Result extends Job {
  readonly unit: string;
  readonly samplesPerUnit: number;
  readonly flopsPerUnit: number;
  readonly median: number;
  readonly seconds: number[];
  readonly firstLoss: number | null;
  readonly lastLoss: number | null;
  readonly leakedTensors: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'no-torch': { type: 'boolean', default: false },
    threads: { type: 'string' },
  },
});
const threads = values.threads === undefined ? undefined : Number(values.threads);
if (threads !== undefined && !(Number.isInteger(threads) && threads >= 2 && threads <= 8)) {
  console.error(`--threads must be an integer from 2 to 8 (got '${values.threads}').`);
  process.exit(2);
}
const selected = (values.only?.split(',') ?? [...workloadNames]) as WorkloadName[];
for (const name of selected) {
  if (!(workloadNames as readonly string[]).includes(name)) {
    console.error(`Unknown workload '${name}'; expected some of ${workloadNames.join(', ')}.`);
    process.exit(2);
  }
}
const runs = values.quick ? 1 : 3;

/**
 * Sizes per backend: the full 512 samples where an epoch takes seconds; the plain cpu
 * backend (hundreds of seconds per epoch) on a reduced set, reported per sample. The conv nets
 * of 20-40 MFLOP per image forward (`fashion`, `vae`, and `dcgan`, whose step runs G and D
 * several times: minutes per epoch on cpu) on half the cpu sizes and 16 plain-cpu samples.
 */
function plan(workload: WorkloadName): Job[] {
  const epochWorkload = workload !== 'matmul' && workload !== 'attention';
  const heavyConv = workload === 'fashion' || workload === 'vae' || workload === 'dcgan';
  const cpuSamples = (values.quick ? 64 : 128) / (heavyConv ? 2 : 1);
  const sizes: Record<'wasm' | 'cpu' | 'cpu-plain', number> = epochWorkload
    ? { wasm: 512, cpu: cpuSamples, 'cpu-plain': workload === 'cnn' ? 64 : heavyConv ? 16 : 32 }
    : { wasm: 0, cpu: 0, 'cpu-plain': 0 };
  // cnn-b256 is about threads and batch size: wasm and PyTorch only (the cpu rows are cnn's).
  const backends: ('wasm' | 'cpu' | 'cpu-plain')[] = workload === 'cnn-b256' ? ['wasm'] : epochWorkload ? ['wasm', 'cpu', 'cpu-plain'] : ['wasm', 'cpu'];
  const jobs: Job[] = backends.map((backend) => ({ workload, backend, samples: sizes[backend], runs: backend === 'cpu-plain' ? 1 : runs }));
  return threads === undefined ? jobs : [...jobs, { workload, backend: 'wasm-threads', samples: sizes.wasm, runs, threads }];
}

function runWorker(job: Job): Result | undefined {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'worker.ts'), JSON.stringify(job)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('{'));
  if (child.status !== 0 || line === undefined) {
    console.error(`  ${job.workload} on ${job.backend} failed:\n${child.stderr.split('\n').slice(0, 6).join('\n')}`);
    return undefined;
  }
  return JSON.parse(line) as Result;
}

function torchAvailable(): boolean {
  if (values['no-torch']) return false;
  return spawnSync('/usr/bin/python3', ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;
}

function runTorch(jobs: Job[], torchThreads = 1): Result[] {
  // One thread for PyTorch and its BLAS (the baseline for wasm on one thread), or as many as the wasm-threads row.
  const count = String(torchThreads);
  const env = { ...process.env, DL_TORCH_THREADS: count, OPENBLAS_NUM_THREADS: count, OMP_NUM_THREADS: count, MKL_NUM_THREADS: count };
  const out = execFileSync('/usr/bin/python3', [join(here, '..', 'python', 'torch_bench.py'), JSON.stringify(jobs)], { encoding: 'utf8', env });
  return out
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Result);
}

/** Seconds per unit at the wasm run's size (per-sample scaling for reduced baselines). */
function scaled(result: Result | undefined, reference: Result | undefined): number | undefined {
  if (result === undefined) return undefined;
  if (result.samplesPerUnit === 0 || reference === undefined || reference.samplesPerUnit === 0 || result.workload === 'attention') return result.median;
  return (result.median / result.samplesPerUnit) * reference.samplesPerUnit;
}

const format = (seconds: number | undefined): string => (seconds === undefined ? '—' : seconds < 0.1 ? `${(seconds * 1000).toFixed(1)} ms` : `${seconds.toFixed(2)} s`);
const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined ? '—' : `${(a / b).toFixed(1)}x`);

const results: Result[] = [];
const withTorch = torchAvailable();
const started = Date.now();
for (const workload of selected) {
  for (const job of plan(workload)) {
    process.stderr.write(`running ${job.workload} on ${job.backend} (${job.samples || '-'} samples, ${job.runs} runs)...\n`);
    const result = runWorker(job);
    if (result !== undefined) results.push(result);
  }
  if (withTorch) {
    process.stderr.write(`running ${workload} on torch...\n`);
    const extra = torchArguments(workload);
    const torchJob: Job = { workload, backend: 'torch', samples: workload === 'matmul' || workload === 'attention' ? 0 : 512, runs, ...(extra === undefined ? {} : { torch: extra }) };
    results.push(...runTorch([torchJob]));
    if (threads !== undefined) {
      process.stderr.write(`running ${workload} on torch, ${threads} threads...\n`);
      results.push(...runTorch([{ ...torchJob, backend: 'torch-threads', threads }], threads));
    }
  }
}

// With --only, the other workloads' rows of the previous run are kept.
const out = join(here, '..', 'results');
const previous: Result[] =
  values.only !== undefined && existsSync(join(out, 'latest.json'))
    ? (JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')) as { results: Result[] }).results.filter((r) => !selected.includes(r.workload))
    : [];
results.push(...previous);
const shown = workloadNames.filter((name) => results.some((r) => r.workload === name));

const threadedColumns = results.some((r) => r.backend === 'wasm-threads' || r.backend === 'torch-threads');
const threadCount = results.find((r) => r.threads !== undefined)?.threads;
const header =
  '| workload | unit (at wasm size) | wasm | cpu + dl kernels | cpu plain (tfjs today) | PyTorch CPU, 1 thread | wasm speed-up vs cpu plain | wasm vs PyTorch (time ratio) |' +
  (threadedColumns ? ` wasm, ${threadCount} threads | PyTorch, ${threadCount} threads | wasm vs PyTorch, ${threadCount} threads |` : '') +
  `\n${'|---'.repeat(threadedColumns ? 11 : 8)}|`;
const rows = shown.map((workload) => {
  const find = (backend: Backend) => results.find((r) => r.workload === workload && r.backend === backend);
  const wasm = find('wasm');
  const [w, c, p, t] = (['wasm', 'cpu', 'cpu-plain', 'torch'] as Backend[]).map((b) => scaled(find(b), wasm));
  const plainOrCpu = p ?? c;
  const unit = wasm?.unit ?? find('cpu')?.unit ?? '';
  const gflops = wasm !== undefined && wasm.flopsPerUnit > 0 ? ` (${(wasm.flopsPerUnit / wasm.median / 1e9).toFixed(1)} GFLOP/s)` : '';
  const row = `| ${workload} | ${unit} | ${format(w)}${gflops} | ${format(c)} | ${format(p)} | ${format(t)} | ${ratio(plainOrCpu, w)} | ${ratio(w, t)} |`;
  if (!threadedColumns) return row;
  const [wt, tt] = (['wasm-threads', 'torch-threads'] as Backend[]).map((b) => scaled(find(b), wasm));
  const wasmThreaded = find('wasm-threads');
  const threadedGflops = wasmThreaded !== undefined && wasmThreaded.flopsPerUnit > 0 ? ` (${(wasmThreaded.flopsPerUnit / wasmThreaded.median / 1e9).toFixed(1)} GFLOP/s)` : '';
  return `${row} ${format(wt)}${threadedGflops} | ${format(tt)} | ${ratio(wt, tt)} |`;
});
// @dl/recurrent's fused layers against tfjs-layers' own, same model, same wasm backend.
const fusedSpeedups = (['lstm', 'gru', 'simpleRNN'] as const)
  .map((cell) => {
    const find = (workload: WorkloadName) => results.find((r) => r.workload === workload && r.backend === 'wasm');
    const [theirs, ours] = [find(cell), find(`${cell}-dl`)];
    return theirs === undefined || ours === undefined ? undefined : `${cell} ${ratio(theirs.median, ours.median)}`;
  })
  .filter((line): line is string => line !== undefined);
// Each backend builds its model in its own process: if a package's defaults change during the run
// (a rebuilt dist), the rows of one workload time different networks. Their FLOPs per sample tell.
const mixed = shown.filter((workload) => {
  const perSample = results
    .filter((r) => r.workload === workload && r.flopsPerUnit > 0 && r.samplesPerUnit > 0)
    .map((r) => (r.flopsPerUnit / r.samplesPerUnit).toPrecision(6));
  return new Set(perSample).size > 1;
});
for (const workload of mixed) console.error(`warning: the ${workload} rows timed different networks (FLOPs per sample differ across backends); rerun it.`);
const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
const notes = [
  `Machine: ${machine}. Medians of ${runs} run(s) after one warm-up; each backend in a fresh process.`,
  ...(threadedColumns
    ? [`${threadCount} threads: wasm with \`useBackend('wasm', { threads: ${threadCount} })\` (tfjs's threaded SIMD binary in worker_threads; results bitwise those of one thread), PyTorch with ${threadCount} intra-op and BLAS threads.`]
    : []),
  'cpu plain = tfjs 4.22 cpu backend without dl kernels, on 64 (cnn), 16 (fashion, vae, dcgan) or 32 (RNN) samples, scaled per sample to the wasm size.',
  'cpu + dl kernels on 128 samples (64 with --quick; fashion, vae and dcgan half that), scaled the same way. Time ratio > 1 means wasm is slower than PyTorch.',
  'cnn-b256: the cnn row\'s model and data at batch 256 (two steps per epoch), where more work per kernel call lets a second thread pay; wasm and PyTorch only.',
  'fashion: `createConvClassifier({ inputShape: [28, 28, 1], numClasses: 10, seed: 1 })` with @dl/conv\'s defaults, on the first 512 images of the committed Fashion-MNIST subset; its PyTorch twin is built from the layer list read off the built model. GFLOP/s counts conv and dense FLOPs, training ≈ 3x forward.',
  'vae: `createVae({ latentDim: 16, imageShape: [28, 28, 1], seed: 1 })` (defaults) through its `train`, images in [0, 1]; dcgan: `createDcgan({ imageShape: [28, 28, 1], seed: 1 })` (defaults) through its `train`, images scaled to [-1, 1]; both on the first 512 images of the same subset, batch 64, no shuffling, against PyTorch twins built from what is read off the tfjs models (parameter counts asserted). GFLOP/s: vae 3x forward (encoder + decoder); dcgan 4G + 8D per image (G, D: forward FLOPs of one image; see bench/README.md).',
  '`-dl` rows: @dl/recurrent\'s fused layers (sigmoid gates, GRU resetAfter as PyTorch) in the same model; the others are tfjs-layers\' own (hardSigmoid gates, GRU reset before).',
  ...mixed.map((workload) => `**${workload}: the backends timed different networks (FLOPs per sample differ; a package changed during the run): not comparable.**`),
  ...(fusedSpeedups.length === 0 ? [] : [`@dl/recurrent vs tfjs-layers on wasm (epoch time ratio): ${fusedSpeedups.join(', ')}.`]),
];
const markdown = `${header}\n${rows.join('\n')}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`;
console.log(`\n${markdown}`);
const losses = [...results]
  .sort((a, b) => workloadNames.indexOf(a.workload) - workloadNames.indexOf(b.workload))
  .filter((r) => r.firstLoss !== null && r.lastLoss !== null)
  .map((r) => `${r.workload}/${r.backend}: loss ${r.firstLoss?.toFixed(4)} -> ${r.lastLoss?.toFixed(4)}, leaked tensors ${r.leakedTensors}`);
console.log(losses.join('\n'));
console.log(`\nTotal ${((Date.now() - started) / 1000).toFixed(0)} s.`);

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'latest.json'), `${JSON.stringify({ machine, date: new Date().toISOString(), results }, null, 2)}\n`);
writeFileSync(join(out, 'latest.md'), `# Benchmark results\n\n${new Date().toISOString()}\n\n${markdown}\n\`\`\`\n${losses.join('\n')}\n\`\`\`\n`);
