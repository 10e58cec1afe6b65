// The browser half of scripts/consumer-test.mjs: the packed tarballs in an empty Vite project, as
// a browser app installs them. Every browser entry point (from each package.json `exports`) and
// one model per chapter package go into src/main.js; `vite build` must not externalize a Node
// built-in (that means a browser entry imports node:fs & co); then vite/browser-check.mjs serves
// the build and runs it in Debian's Chromium (skipped, with a line saying so, where it is missing).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserEntryPoints } from './browser-entries.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const chromiumPath = '/usr/bin/chromium';
const versions = { vite: '6.4.6', playwrightCore: '1.57.0' };
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Every browser entry point of every installed `@dl` package, in the project's node_modules. */
function installedBrowserEntryPoints(project) {
  const scope = join(project, 'node_modules', '@dl');
  return readdirSync(scope).sort().flatMap((name) => browserEntryPoints(JSON.parse(readFileSync(join(scope, name, 'package.json'), 'utf8'))));
}

/** src/entries.js: a namespace import of each entry point, keyed by its specifier. */
function entriesModule(specifiers) {
  const imports = specifiers.map((specifier, i) => `import * as entry${i} from '${specifier}';`);
  const keys = specifiers.map((specifier, i) => `  '${specifier}': entry${i},`);
  return `// Written by scripts/consumer/vite-project.mjs from the packages' exports.\n${imports.join('\n')}\n\nexport const entries = {\n${keys.join('\n')}\n};\n`;
}

/** Runs `vite build`; fails on a build error or on a Node built-in externalized for the browser. */
function viteBuild(project) {
  const started = Date.now();
  const build = spawnSync(process.execPath, [join('node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  const output = `${build.stdout}${build.stderr}`;
  if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status}):\n${output}`);
  const externalized = output.split('\n').filter((line) => /externalized for browser compatibility/i.test(line));
  if (externalized.length > 0) {
    throw new Error(`vite build externalized Node built-ins, so a browser entry point imports one (move that code to a /node entry, or give the entry only a \`node\` condition):\n${externalized.join('\n')}`);
  }
  const bundles = output.split('\n').filter((line) => /^dist\/.*\.js\s/.test(line.trim())).map((line) => line.trim().replace(/\s+/g, ' '));
  const warnings = output.split('\n').filter((line) => /warn/i.test(line));
  console.log(`vite build in ${seconds(started)}, no Node built-in externalized: ${bundles.join('; ')}`);
  for (const line of warnings) console.log(`  vite: ${line.trim()}`);
}

/**
 * Installs the tarballs into an empty Vite project under `work`, builds a page that imports every
 * browser entry point and builds a model from each chapter, and checks it in headless Chromium.
 */
export function viteConsumerTest({ work, tarballs, tfjsVersion }) {
  const started = Date.now();
  const project = join(work, 'vite-project');
  mkdirSync(join(project, 'src'), { recursive: true });
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'dl-consumer-vite', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
  const packages = [...tarballs, `vite@${versions.vite}`, `@tensorflow/tfjs@${tfjsVersion}`, `@tensorflow/tfjs-backend-wasm@${tfjsVersion}`, `playwright-core@${versions.playwrightCore}`];
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...packages], {
    cwd: project,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  console.log(`installed into the Vite project ${project} in ${seconds(started)} (vite ${versions.vite}, tfjs ${tfjsVersion}, playwright-core ${versions.playwrightCore})`);

  for (const file of ['index.html', 'vite.config.js', 'browser-check.mjs']) copyFileSync(join(here, 'vite', file), join(project, file));
  copyFileSync(join(here, 'vite', 'main.js'), join(project, 'src', 'main.js'));
  copyFileSync(join(here, 'chapter-models.mjs'), join(project, 'src', 'chapter-models.mjs'));
  const specifiers = installedBrowserEntryPoints(project);
  writeFileSync(join(project, 'src', 'entries.js'), entriesModule(specifiers));
  const wasmDist = join(project, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
  mkdirSync(join(project, 'public', 'wasm'), { recursive: true });
  for (const file of readdirSync(wasmDist).filter((name) => name.endsWith('.wasm'))) copyFileSync(join(wasmDist, file), join(project, 'public', 'wasm', file));
  console.log(`src/main.js imports ${specifiers.length} browser entry points: ${specifiers.join(', ')}`);

  viteBuild(project);

  if (!existsSync(chromiumPath)) {
    console.log(`SKIPPED the browser run: ${chromiumPath} is missing (apt-get install chromium; CI installs it)`);
    return;
  }
  const browserStarted = Date.now();
  execFileSync(process.execPath, ['browser-check.mjs', JSON.stringify(specifiers)], { cwd: project, stdio: 'inherit' });
  console.log(`browser run (vite preview + Chromium) in ${seconds(browserStarted)}; Vite project step in ${seconds(started)}`);
}
