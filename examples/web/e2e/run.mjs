// End-to-end test of the page in headless Chromium (Debian's, never a downloaded one): serves the
// built page with `vite preview`, trains the classifier for a few batches, checks that the loss
// falls, saves to IndexedDB and loads back with identical predictions, runs the three chapter
// panels (attention weights of a held-out message, a VAE's samples, a detector's boxes) and reads
// their canvases back, answers the quiz in both languages, takes a screenshot, and fails on any
// console error or page error.
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

  // Runs a panel: clicks its button and waits for its result on window.dlDemo.
  const runPanel = async (button, key) => {
    await page.click(button);
    await page.waitForFunction((name) => window.dlDemo[name] !== null || errorShown(), key, { timeout: 60_000 }).catch(() => fail(`${key}: no result within 60 s`));
    const result = await page.evaluate((name) => window.dlDemo[name], key);
    if (result === null) fail(`${key} failed: ${errors.join('; ')}`);
    if (result.tensorsLeft !== 0) fail(`${key} left ${result.tensorsLeft} tensors behind`);
    return result;
  };
  await page.evaluate(() => {
    // A panel that throws shows "failed: ..." in its status line.
    window.errorShown = () => [...document.querySelectorAll('[id$=-status]')].some((element) => element.textContent?.startsWith('failed:'));
  });
  const fell = (values) => mean(values.slice(-3)) < mean(values.slice(0, 3));

  const attention = await runPanel('#attention-train', 'attention');
  const realSum = attention.weights.reduce((s, w) => s + w, 0);
  console.log(
    `attention: ${attention.losses.length} batches in ${attention.seconds.toFixed(1)} s, loss ${attention.losses[0].toFixed(3)} -> ${attention.losses.at(-1).toFixed(3)}; ` +
      `"${attention.message}": ${attention.tokens.map((t, i) => `${t} ${(attention.weights[i] * 100).toFixed(0)}%`).join(' ')} (sum ${realSum.toFixed(6)}, padding ${attention.paddingWeight}); ` +
      `spam ${attention.spamProbability.toFixed(2)}, held-out accuracy ${attention.heldOutAccuracy}`,
  );
  if (!(Math.abs(realSum - 1) < 1e-5)) fail(`attention weights over the real tokens sum to ${realSum}, not 1`);
  if (attention.paddingWeight !== 0) fail(`padding got attention ${attention.paddingWeight}`);
  if (attention.weights.some((w) => !(w > 0))) fail(`a real token got no attention: ${attention.weights.join(', ')}`);
  const expectedTokens = attention.message.toLowerCase().match(/[a-z0-9']+/g);
  if (attention.tokens.join(' ') !== expectedTokens.join(' ')) fail(`tokens ${attention.tokens.join(' ')} are not the message's words ${expectedTokens.join(' ')}`);
  const rendered = await page.$$eval('#attention-words .token', (spans) => spans.map((span) => ({ text: span.textContent, weight: Number(span.dataset.weight), background: getComputedStyle(span).backgroundColor })));
  if (rendered.map((r) => r.text).join(' ') !== attention.tokens.join(' ')) fail(`rendered words ${rendered.map((r) => r.text).join(' ')} differ from ${attention.tokens.join(' ')}`);
  // Each word's background alpha is its weight over the largest (Chromium writes alpha 1 as rgb(...)).
  const largest = Math.max(...attention.weights);
  const alphaOf = (background) => {
    const match = /^rgba?\(214, 39, 40(?:, ([\d.e-]+))?\)$/.exec(background);
    return match === null ? NaN : Number(match[1] ?? 1);
  };
  if (rendered.some((r, i) => r.weight !== attention.weights[i] || !(Math.abs(alphaOf(r.background) - attention.weights[i] / largest) < 0.01))) {
    fail(`words not shaded by their weights: ${JSON.stringify(rendered)}`);
  }
  if (!fell(attention.losses)) fail(`the attention classifier's loss did not fall: ${attention.losses.join(', ')}`);

  const generative = await runPanel('#vae-train', 'generative');
  console.log(
    `vae: ${generative.losses.length} batches in ${generative.seconds.toFixed(1)} s, negative ELBO ${generative.losses[0].toFixed(1)} -> ${generative.losses.at(-1).toFixed(1)}, ` +
      `reconstruction error ${generative.reconstructionError.toFixed(3)} (mean image: ${generative.meanImageError.toFixed(3)})`,
  );
  if (!fell(generative.losses)) fail(`the VAE's loss did not fall: ${generative.losses.join(', ')}`);
  // Reconstructions must beat the mean training image: the VAE learned more than the average.
  if (!(generative.reconstructionError < generative.meanImageError)) fail(`VAE reconstruction error ${generative.reconstructionError}, no better than the mean image's ${generative.meanImageError}`);
  // Each of the 16 sample tiles, read back from the canvas: its red channel (the images are gray).
  const tiles = await page.evaluate(({ padding, scale, tile, columns }) => {
    const canvas = document.getElementById('vae-samples');
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const stats = [];
    for (let i = 0; i < 16; i += 1) {
      const top = (padding + Math.floor(i / columns) * (tile + padding)) * scale;
      const left = (padding + (i % columns) * (tile + padding)) * scale;
      let [min, max, sum] = [255, 0, 0];
      for (let row = top; row < top + tile * scale; row += 1) {
        for (let col = left; col < left + tile * scale; col += 1) {
          const value = pixels[(row * canvas.width + col) * 4];
          [min, max, sum] = [Math.min(min, value), Math.max(max, value), sum + value];
        }
      }
      stats.push({ min, max, mean: sum / (tile * scale) ** 2 });
    }
    return { width: canvas.width, height: canvas.height, stats };
  }, generative.grid);
  console.log(`vae samples canvas ${tiles.width}x${tiles.height}: tile means ${tiles.stats.map((t) => t.mean.toFixed(0)).join(' ')}, ranges ${tiles.stats.map((t) => t.max - t.min).join(' ')}`);
  if (tiles.stats.some((t) => t.max - t.min < 16)) fail(`blank VAE sample tiles: ${JSON.stringify(tiles.stats)}`);
  const { gan } = generative;
  console.log(`dcgan: ${gan.dLosses.length} steps in ${gan.seconds.toFixed(1)} s, dLoss ${gan.dLosses[0].toFixed(3)} -> ${gan.dLosses.at(-1).toFixed(3)}, gLoss ${gan.gLosses[0].toFixed(3)} -> ${gan.gLosses.at(-1).toFixed(3)}`);
  if (gan.dLosses.length !== 16 || ![...gan.dLosses, ...gan.gLosses].every(Number.isFinite)) fail(`DCGAN losses: ${JSON.stringify(gan)}`);
  const ganPixels = await page.evaluate(() => {
    const canvas = document.getElementById('gan-samples');
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const values = new Set();
    for (let i = 0; i < pixels.length; i += 4) values.add(pixels[i]);
    return { width: canvas.width, height: canvas.height, levels: values.size };
  });
  // An undrawn canvas is one level (0); drawn: the black padding and the samples' grays (nearly uniform after 16 steps).
  if (ganPixels.width < 100 || ganPixels.levels < 3) fail(`DCGAN samples not drawn: ${JSON.stringify(ganPixels)}`);
  console.log(`dcgan samples canvas ${ganPixels.width}x${ganPixels.height}: ${ganPixels.levels} gray levels`);

  const detector = await runPanel('#detector-train', 'detector');
  console.log(
    `detector: ${detector.losses.length} batches in ${detector.seconds.toFixed(1)} s, loss ${detector.losses[0].toFixed(3)} -> ${detector.losses.at(-1).toFixed(3)}, ` +
      `held-out mean IoU ${detector.meanIou.toFixed(3)}, class accuracy ${detector.classAccuracy.toFixed(2)}`,
  );
  if (!fell(detector.losses)) fail(`the detector's loss did not fall: ${detector.losses.join(', ')}`);
  if (!(Number.isFinite(detector.meanIou) && detector.meanIou >= 0 && detector.meanIou <= 1)) fail(`mean IoU ${detector.meanIou} is not a number in [0, 1]`);
  // The boxes on the canvas: pure red (predicted) and pure green (true) pixels; the images are gray.
  const boxPixels = await page.evaluate(() => {
    const canvas = document.getElementById('detector-canvas');
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let [red, green] = [0, 0];
    for (let p = 0; p < pixels.length; p += 4) {
      if (pixels[p] === 255 && pixels[p + 1] === 0 && pixels[p + 2] === 0) red += 1;
      if (pixels[p] === 0 && pixels[p + 1] === 255 && pixels[p + 2] === 0) green += 1;
    }
    return { red, green };
  });
  console.log(`detector canvas: ${boxPixels.red} red (predicted) and ${boxPixels.green} green (true) box pixels on ${detector.drawn} images`);
  // Predicted boxes are drawn last, so each shows at least one image pixel (scale x scale canvas
  // pixels); true boxes may hide under predicted ones, so only their presence is required.
  if (boxPixels.red < detector.drawn * detector.scale ** 2 || boxPixels.green === 0) fail(`boxes missing on the detector canvas: ${JSON.stringify(boxPixels)}`);

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

  // Formulas: KaTeX typesets every $…$ of the question and answer shown; draw quizzes until one has some.
  await page.selectOption('#topic', 'attention-softmax');
  let formulas = 0;
  for (let attempt = 0; attempt < 20 && formulas === 0; attempt += 1) {
    await page.click('#new-quiz');
    formulas = await page.evaluate(() => window.dlDemo.formulas);
  }
  if (formulas === 0) fail('20 attention-softmax quizzes showed no formula');
  const typeset = await page.evaluate(() => ({
    rendered: document.querySelectorAll('#question .katex, #answer .katex').length,
    errors: document.querySelectorAll('.katex-error').length,
  }));
  if (typeset.rendered !== formulas || typeset.errors !== 0) fail(`KaTeX: ${typeset.rendered} of ${formulas} formulas typeset, ${typeset.errors} errors`);
  console.log(`quiz formulas: ${formulas} typeset by KaTeX, no errors`);

  mkdirSync(join(root, '.cache'), { recursive: true });
  await page.screenshot({ path: join(root, '.cache', 'e2e.png'), fullPage: true });
  if (errors.length > 0) fail(`errors in the page:\n${errors.join('\n')}`);
  console.log(`e2e passed on ${backend} in ${((Date.now() - started) / 1000).toFixed(0)} s (screenshot: examples/web/.cache/e2e.png)`);
} finally {
  await browser.close();
  server.kill();
}
