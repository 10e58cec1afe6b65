// End-to-end test of the page in headless Chromium (Debian's, never a downloaded one): serves the
// built page with `vite preview`, trains the classifier for a few batches, checks that the loss
// falls, saves to IndexedDB and loads back with identical predictions, answers the quiz in both
// languages, takes a screenshot, and fails on any console error or page error.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const fail = (message) => {
  throw new Error(`[e2e] ${message}`);
};

const port = 4173;
const url = `http://localhost:${port}/`;
const server = spawn(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--port', String(port), '--strictPort'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const exited = new Promise((_, reject) => server.on('exit', (code) => reject(new Error(`vite preview exited with ${code}`))));
// Wait until the server answers (its banner's colours depend on the terminal, so it is not parsed).
const serving = (async () => {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (await fetch(url).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`vite preview did not answer at ${url} within 30 s`);
})();
await Promise.race([serving, exited]);
exited.catch(() => {}); // the server is killed at the end
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--enable-unsafe-webgpu', '--use-angle=swiftshader'] });
const started = Date.now();
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1300 } });
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  // The browser's own choice: webgpu (SwiftShader's adapter here), first in the browser order.
  await page.goto(url);
  await page.waitForFunction(() => window.dlDemo?.ready === true, null, { timeout: 120_000 });
  const chosen = await page.evaluate(() => window.dlDemo.backend);
  console.log(`auto: ${await page.textContent('#backend')}`);
  if (chosen !== 'webgpu') fail(`auto picked ${chosen}, expected webgpu with --enable-unsafe-webgpu`);
  // Training on SwiftShader's software WebGPU takes minutes: train on wasm (SIMD) instead.
  await page.goto(`${url}?backend=wasm&batches=8`);
  await page.waitForFunction(() => window.dlDemo?.ready === true, null, { timeout: 120_000 });
  const backend = await page.evaluate(() => window.dlDemo.backend);
  if (backend !== 'wasm') fail(`?backend=wasm gave ${backend}`);

  await page.click('#train');
  await page.waitForFunction(() => Number.isFinite(window.dlDemo.testAccuracy), null, { timeout: 300_000 });
  const { losses, testAccuracy } = await page.evaluate(() => window.dlDemo);
  console.log(`trained ${losses.length} batches: loss ${losses[0].toFixed(3)} -> ${losses.at(-1).toFixed(3)}, test accuracy ${testAccuracy.toFixed(3)}`);
  if (losses.length !== 8) fail(`expected 8 batch losses, got ${losses.length}`);
  const mean = (values) => values.reduce((s, v) => s + v, 0) / values.length;
  if (!(mean(losses.slice(-3)) < mean(losses.slice(0, 3)))) fail(`the loss did not fall: ${losses.join(', ')}`);

  await page.click('#save-load');
  await page.waitForFunction(() => window.dlDemo.saveLoad !== '', null, { timeout: 60_000 });
  const saveLoad = await page.evaluate(() => window.dlDemo.saveLoad);
  if (saveLoad !== 'identical') fail(`IndexedDB round trip: predictions ${saveLoad}`);
  console.log('IndexedDB save and load: identical predictions');

  await page.selectOption('#topic', 'transfer-fusion');
  await page.click('#new-quiz');
  const english = await page.textContent('#question');
  await page.selectOption('#lang', 'zh');
  const chinese = await page.textContent('#question');
  if (!/[\u4e00-\u9fff]/.test(chinese ?? '') || english === chinese) fail(`the language switch did not change the question: ${english} / ${chinese}`);
  await page.click('#reveal');
  if (await page.isHidden('#answer')) fail('the answer stayed hidden');
  for (const button of ['#knew', '#missed', '#knew']) await page.click(button);
  const score = await page.evaluate(() => window.dlDemo.score);
  if (score !== '2/3') fail(`quiz score ${score}, expected 2/3`);
  console.log(`quiz: ${english?.slice(0, 80)}… / ${chinese?.slice(0, 40)}…, score ${score}`);

  mkdirSync(join(root, '.cache'), { recursive: true });
  await page.screenshot({ path: join(root, '.cache', 'e2e.png'), fullPage: true });
  if (errors.length > 0) fail(`errors in the page:\n${errors.join('\n')}`);
  console.log(`e2e passed on ${backend} in ${((Date.now() - started) / 1000).toFixed(0)} s (screenshot: examples/web/.cache/e2e.png)`);
} finally {
  await browser.close();
  server.kill();
}
