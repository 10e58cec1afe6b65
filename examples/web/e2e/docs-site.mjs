// The API site as a reader opens it (`pnpm run docs` writes docs/api first): in Debian's headless
// Chromium, from the files (no server), checks that the landing page lists every package and
// guide, that each package's page and each guide renders with its figures loaded, that the
// search index answers, and that no page logs an error; takes screenshots.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repository = join(here, '..', '..', '..');
const site = join(repository, 'docs', 'api');
const shots = join(here, '..', '.cache');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const fail = (message) => {
  throw new Error(`[docs-site] ${message}`);
};
if (!existsSync(join(site, 'index.html'))) fail(`${site}/index.html is missing: run \`pnpm run docs\` first.`);

const packages = ['errors', 'core', 'data', 'questions', 'softmax-attention', 'recurrent', 'conv', 'generative', 'transfer-fusion'];
const guides = ['attention-softmax', 'recurrent', 'conv', 'generative', 'transfer-fusion'];
const url = (path) => pathToFileURL(join(site, path)).href;

const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--allow-file-access-from-files'] });
const started = Date.now();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console (${page.url()}): ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page (${page.url()}): ${error.message}`));
  mkdirSync(shots, { recursive: true });

  await page.goto(url('index.html'));
  const title = await page.title();
  if (!/dl/.test(title)) fail(`landing page title '${title}'`);
  const links = await page.$$eval('a[href]', (anchors) => anchors.map((a) => a.getAttribute('href')));
  for (const name of packages) {
    if (!links.some((href) => href === `modules/_dl_${name}.html`)) {
      fail(`the landing page does not link @dl/${name}'s API page`);
    }
  }
  for (const guide of guides) {
    if (!links.some((href) => href?.includes(`documents/guides_${guide}.html`))) fail(`the landing page does not link the ${guide} guide`);
  }
  await page.screenshot({ path: join(shots, 'docs-index.png') });

  // Search: TypeDoc's index is a compressed script the page decodes; typing must give results.
  await page.fill('#tsd-search-input, #tsd-search input', 'useBackend').catch(() => page.click('#tsd-search-trigger').then(() => page.fill('#tsd-search-input', 'useBackend')));
  await page.waitForSelector('#tsd-search-results li, .tsd-search-results li, #tsd-search .results li', { timeout: 10_000 }).catch(() => fail('searching for useBackend gave no results'));

  for (const name of packages) {
    const moduleLink = `modules/_dl_${name}.html`;
    await page.goto(new URL(moduleLink, url('index.html')).href);
    const heading = await page.textContent('h1');
    if (!heading?.includes(`@dl/${name}`)) fail(`@dl/${name}'s page has heading '${heading}'`);
  }

  for (const guide of guides) {
    await page.goto(url(`documents/guides_${guide}.html`));
    await page.waitForLoadState('load');
    const images = await page.$$eval('.tsd-panel img, .col-content img', (all) => all.map((img) => ({ src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0 })));
    const broken = images.filter((image) => !image.loaded);
    if (broken.length > 0) fail(`the ${guide} guide has figures that did not load: ${broken.map((image) => image.src).join(', ')}`);
    const text = await page.textContent('.col-content');
    if ((text ?? '').length < 2000) fail(`the ${guide} guide rendered only ${(text ?? '').length} characters`);
    if (guide === 'conv') await page.screenshot({ path: join(shots, 'docs-guide-conv.png'), fullPage: false });
    console.log(`guide ${guide}: ${(text ?? '').length} characters, ${images.length} figures loaded`);
  }
  if (errors.length > 0) fail(`errors in the site:\n${errors.join('\n')}`);
  console.log(`docs site passed: ${packages.length} package pages, ${guides.length} guides, search; ${((Date.now() - started) / 1000).toFixed(0)} s (screenshots: examples/web/.cache/docs-*.png)`);
} finally {
  await browser.close();
}
