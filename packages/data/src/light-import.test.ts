import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

// Runs in a fresh Node process: a module.register hook records every URL the ESM loader
// resolves; afterwards the process also reports the CommonJS modules it loaded and whether
// tfjs-core's engine global exists. The built package is imported by its name, as users do.
const childScript = `
import { register, createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
const hook = [
  'let resolved;',
  'export function initialize(data) { resolved = data.port; }',
  'export async function resolve(specifier, context, next) {',
  '  const result = await next(specifier, context);',
  '  resolved.postMessage(result.url);',
  '  return result;',
  '}',
].join('\\n');
const { MessageChannel } = await import('node:worker_threads');
const { port1, port2 } = new MessageChannel();
const urls = [];
port1.on('message', (url) => urls.push(url));
register('data:text/javascript,' + encodeURIComponent(hook), pathToFileURL(process.cwd() + '/'), { data: { port: port2 }, transferList: [port2] });
await import(process.argv[1]);
await new Promise((done) => setTimeout(done, 50)); // let the last messages of the hook thread arrive
port1.close();
const cjs = Object.keys(createRequire(import.meta.url).cache);
process.stdout.write(JSON.stringify({ urls, cjs, tfEngine: '_tfengine' in globalThis }));
`;

interface LoadReport {
  readonly urls: readonly string[];
  readonly cjs: readonly string[];
  readonly tfEngine: boolean;
}

function loadInChild(specifier: string): LoadReport {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', childScript, specifier], { cwd: packageDir, encoding: 'utf8' });
  return JSON.parse(output) as LoadReport;
}

const loadsTfjs = (report: LoadReport): boolean =>
  report.tfEngine || [...report.urls, ...report.cjs].some((url) => url.includes('@tensorflow'));

describe('importing @dl/data', () => {
  if (!existsSync(new URL('../dist/index.js', import.meta.url))) {
    throw new Error('[@dl/data] dist/index.js is missing: run `pnpm build` first (this test imports the built package).');
  }

  it('loads no tfjs: its text tools get errors and options from @dl/errors', () => {
    const report = loadInChild('@dl/data');
    expect(report.urls.some((url) => url.includes('/data/dist/index.js'))).toBe(true);
    expect(report.urls.some((url) => url.includes('/errors/dist/index.js'))).toBe(true);
    expect(report.urls.filter((url) => url.includes('@tensorflow'))).toEqual([]);
    expect(report.cjs.filter((path) => path.includes('@tensorflow'))).toEqual([]);
    expect(report.tfEngine).toBe(false);
  });

  it('(the check sees tfjs when it is loaded: @dl/core does load it)', () => {
    expect(loadsTfjs(loadInChild('@dl/core'))).toBe(true);
  });
});
