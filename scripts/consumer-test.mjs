#!/usr/bin/env node
/**
 * `pnpm test:consumer`: the packages as a user gets them from npm. Packs every package with
 * `pnpm pack` (which rewrites `workspace:` ranges to versions, as publishing does), installs the
 * tarballs with plain npm into an empty project in a temporary directory (tfjs from the registry),
 * and runs consumer/check.mjs there: every entry point through `import` and through `require`,
 * the `dl-quiz` binary, one model from each chapter package, and models saved by one process and
 * loaded by another. Then the same tarballs go into an empty Vite project, as a browser app
 * installs them (consumer/vite-project.mjs): a page imports every browser entry point and builds
 * a model from each chapter, `vite build` must not externalize a Node built-in, and the built page
 * runs in Debian's headless Chromium (skipped, saying so, without /usr/bin/chromium). Nothing of
 * the monorepo is visible to either project but the tarballs.
 * Needs a build (`pnpm build`) and the npm registry. `--keep` keeps the directory.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { viteConsumerTest } from './consumer/vite-project.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'dl-consumer-'));
const run = (command, args, cwd) => execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const started = Date.now();
try {
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  const packages = readdirSync(join(root, 'packages')).filter((name) => !JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')).private);
  for (const name of packages) run('pnpm', ['pack', '--pack-destination', tarballs], join(root, 'packages', name));
  const files = readdirSync(tarballs).map((file) => join(tarballs, file));
  console.log(`packed ${files.length} packages: ${readdirSync(tarballs).join(', ')}`);

  const project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'dl-consumer', private: true, type: 'module' }, null, 2)}\n`);
  const tfjsVersion = JSON.parse(readFileSync(join(root, 'packages', 'core', 'package.json'), 'utf8')).devDependencies['@tensorflow/tfjs'];
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files, `@tensorflow/tfjs@${tfjsVersion}`, `@tensorflow/tfjs-backend-wasm@${tfjsVersion}`], project);
  console.log(`installed into ${project} with npm ${run('npm', ['--version'], project).trim()}`);
  for (const file of ['check.mjs', 'load-in-child.mjs', 'chapter-models.mjs']) copyFileSync(join(root, 'scripts', 'consumer', file), join(project, file));
  execFileSync(process.execPath, ['check.mjs'], { cwd: project, stdio: 'inherit' });
  console.log(`npm project step passed after ${((Date.now() - started) / 1000).toFixed(0)} s`);

  viteConsumerTest({ work, tarballs: files, tfjsVersion });
  console.log(`consumer test passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
