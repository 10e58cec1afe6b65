// Runs inside the consumer Vite project after `vite build`: serves dist/ with `vite preview` on a
// free port, opens it in Debian's Chromium through playwright-core (never a downloaded browser),
// waits for the page's result and fails on a failed check or any console or page error.
// Usage: node browser-check.mjs '<JSON array of the entry points the page must have imported>'
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';

const expected = JSON.parse(process.argv[2] ?? '[]');
const fail = (message) => {
  throw new Error(`[browser] ${message}`);
};
const freePort = () => new Promise((resolve, reject) => {
  const probe = createServer();
  probe.on('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

const port = await freePort();
const url = `http://127.0.0.1:${port}/`;
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: ['ignore', 'ignore', 'inherit'] });
let browser;
try {
  const exited = new Promise((_, reject) => server.on('exit', (code) => reject(new Error(`vite preview exited with ${code}`))));
  exited.catch(() => {}); // killed at the end
  const serving = (async () => {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      if (await fetch(url).then((response) => response.ok, () => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`vite preview did not answer at ${url} within 30 s`);
  })();
  await Promise.race([serving, exited]);

  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url || 'no location'})`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.dlConsumer !== undefined, null, { timeout: 120_000 });
  const result = await page.evaluate(() => window.dlConsumer);
  if (!result.ok) fail(`the page failed: ${result.error}${errors.length > 0 ? `\n${errors.join('\n')}` : ''}`);
  const imported = Object.keys(result.exported);
  const missing = expected.filter((specifier) => !imported.includes(specifier));
  if (missing.length > 0 || imported.length !== expected.length) fail(`the page imported ${imported.join(', ')}; expected ${expected.join(', ')}`);
  console.log(`chromium ${browser.version()}: ${imported.length} browser entry points imported, none empty; backend ${result.backend}${result.simd ? ' (SIMD)' : ''}`);
  for (const [name, { shape, maxDifference }] of Object.entries(result.models)) {
    console.log(`${name}: output [${shape}] in the browser, saved and loaded through tfjs memory handlers, max difference ${maxDifference}`);
  }
  if (errors.length > 0) fail(`errors in the page:\n${errors.join('\n')}`);
  console.log(`page checked in ${((Date.now() - started) / 1000).toFixed(1)} s, no console errors`);
} finally {
  await browser?.close();
  server.kill();
}
