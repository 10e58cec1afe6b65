#!/usr/bin/env node
/**
 * `pnpm size`: what each entry point of each package adds to a user's bundle. Every entry point
 * of `dist` is bundled with esbuild as an app would (minified ESM; tfjs, Node built-ins and the
 * other @dl packages left out, so each row is the package's own code plus its third-party
 * dependencies such as valibot), and its gzip size is checked against the budget in
 * scripts/size-budgets.json. Exits 1 when an entry point is over budget or has none. Needs a build.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const budgets = JSON.parse(readFileSync(join(root, 'scripts', 'size-budgets.json'), 'utf8'));
/** Entry points meant for Node only (file system, child processes). */
const nodeOnly = new Set(['./node', './testing']);
const rows = [];
const problems = [];
for (const dir of readdirSync(join(root, 'packages')).sort()) {
  const packageDir = join(root, 'packages', dir);
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    if (subpath === './package.json') continue;
    const entry = `${manifest.name}${subpath === '.' ? '' : subpath.slice(1)}`;
    const result = await build({
      entryPoints: [join(packageDir, target.default)],
      bundle: true,
      minify: true,
      format: 'esm',
      // Browser-safe entry points are bundled for no platform, so a Node import in one fails here.
      platform: nodeOnly.has(subpath) || manifest.bin !== undefined ? 'node' : 'neutral',
      mainFields: ['module', 'main'],
      external: ['@tensorflow/*', '@dl/*', 'node:*'],
      write: false,
      logLevel: 'silent',
    });
    const bytes = result.outputFiles[0].contents;
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const budget = budgets[entry];
    rows.push({ entry, minified: bytes.length, gzip, budget });
    if (budget === undefined) problems.push(`${entry}: no budget in scripts/size-budgets.json`);
    else if (gzip > budget) problems.push(`${entry}: ${gzip} B gzipped, over its budget of ${budget} B`);
  }
}
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log('| entry point | minified | gzipped | budget (gzipped) |\n|---|---|---|---|');
for (const row of rows) console.log(`| \`${row.entry}\` | ${kb(row.minified)} | ${kb(row.gzip)} | ${row.budget === undefined ? '-' : kb(row.budget)} |`);
if (problems.length > 0) {
  console.error(`\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`\n${rows.length} entry points within their budgets (tfjs, Node built-ins and other @dl packages excluded).`);
