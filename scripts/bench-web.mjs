// `npm run bench:web`: the playground's sizes and speed, in chromium (/usr/bin/chromium)
// against dist/web served by scripts/serve-web.mjs (built first when stale):
//   - the bundle: index.html, style.css, app.js, worker.js, the lazy Graphviz chunk, models/;
//   - the seed example's first load (index.html without a hash: examples/seed.go at -m -l):
//     every byte the page fetched until its first result, and the time from navigation
//     start to that result (median of 5 cold loads, each in a fresh browser context);
//   - the same for a program importing strings and sync (std models fetched on demand);
//   - an edit's round trip: the time from a keystroke's request to its answer.
// Bytes are what the server sent (uncompressed; a static host that gzips sends less).

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildWeb, webStale } from './build-web.mjs';
import { serveStatic } from './serve-web.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const site = join(root, 'dist/web');
const chromiumPath = '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.log(`${chromiumPath} is absent (apt-get install -y chromium): nothing to measure`);
  process.exit(0);
}
if (webStale()) await buildWeb();

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const sizeOf = (p) => {
  const st = statSync(p);
  return st.isDirectory() ? readdirSync(p).reduce((a, e) => a + sizeOf(join(p, e)), 0) : st.size;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log('bundle (dist/web):');
for (const f of ['index.html', 'style.css', 'app.js', 'worker.js']) console.log(`  ${f.padEnd(12)} ${kb(sizeOf(join(site, f)))}`);
for (const f of readdirSync(join(site, 'chunks'))) if (sizeOf(join(site, 'chunks', f)) > 0) console.log(`  chunks/${f} ${kb(sizeOf(join(site, 'chunks', f)))} (loaded on the first flow graph)`);
console.log(`  models/      ${kb(sizeOf(join(site, 'models')))} (fetched per package, on demand)`);

const server = await serveStatic(site);
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] });

async function coldLoad(hash) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const before = server.log.length;
  await page.goto(`${server.url}index.html${hash}`);
  await page.waitForSelector('#gc-output[data-state=done]', { timeout: 60_000 });
  const ms = Number(await page.evaluate(() => document.body.dataset.firstResultMs));
  const fetched = server.log.slice(before);
  await context.close();
  return { ms, bytes: fetched.reduce((a, r) => a + r.bytes, 0), files: fetched.length };
}

async function report(label, hash) {
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await coldLoad(hash));
  console.log(`${label}: first load ${kb(runs[0].bytes)} in ${runs[0].files} files; load to first result ${Math.round(median(runs.map((r) => r.ms)))} ms (median of 5; ${runs.map((r) => Math.round(r.ms)).join(', ')})`);
}

await report('seed example (examples/seed.go, -m -l)', '');
const { readFileSync } = await import('node:fs');
const stdSource = readFileSync(join(root, 'examples/article/strings.go'));
await report('strings + sync example (-m)', `#flags=-m&src=${stdSource.toString('base64url')}`);

// An edit: the time from the request a keystroke makes to its answer (worker warm).
{
  const page = await browser.newPage();
  await page.goto(`${server.url}index.html`);
  await page.waitForSelector('#gc-output[data-state=done]');
  const times = [];
  for (let i = 0; i < 5; i++) {
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    const before = Number(await page.locator('#gc-output').getAttribute('data-run'));
    await page.keyboard.type(`\n// edit ${i}`);
    await page.waitForFunction((n) => Number(document.getElementById('gc-output').dataset.run) > n, before);
    const t0 = await page.evaluate(() => performance.now());
    await page.waitForSelector('#gc-output[data-state=done]');
    times.push((await page.evaluate(() => performance.now())) - t0);
  }
  console.log(`edit round trip (seed example, after the ${250} ms typing pause): median ${Math.round(median(times))} ms`);
}

await browser.close();
await server.close();
