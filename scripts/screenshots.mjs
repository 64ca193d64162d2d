#!/usr/bin/env node
// node scripts/screenshots.mjs: the pictures in docs/ (docs/report.png, docs/graph.png),
// taken in Debian's Chromium (/usr/bin/chromium, apt-get install -y chromium) through
// playwright-core, from examples/seed.go: the HTML report (`goesc report`) and the
// standalone flow-graph SVG with its legend (`goesc graph --format svg`). Needs
// `npm run build` first; no network (every non-file request is refused).

import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const chromiumPath = '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.error(`screenshots: ${chromiumPath} is absent (apt-get install -y chromium)`);
  process.exit(2);
}
process.chdir(root);
const tmp = mkdtempSync(join(tmpdir(), 'goesc-shots-'));
const goesc = (args) => {
  const r = spawnSync(process.execPath, ['bin/goesc.js', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`goesc ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
goesc(['report', '--real', 'none', '--out', join(tmp, 'report'), 'examples/seed.go']);
const svg = goesc(['graph', '--format', 'svg', 'examples/seed.go']);
writeFileSync(join(tmp, 'graph.html'), `<!DOCTYPE html><html><body style="margin:16px;background:#fff">${svg}</body></html>`);

const profile = join(tmp, 'profile');
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  await context.route(/^(?!file:|data:|about:)/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto('file://' + join(tmp, 'report', 'index.html'), { waitUntil: 'load' });
  await page.locator('#next-heap').click();
  await page.locator('details.diag.heap summary').first().click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(root, 'docs', 'report.png') });
  await page.goto('file://' + join(tmp, 'graph.html'), { waitUntil: 'load' });
  await page.locator('svg').screenshot({ path: join(root, 'docs', 'graph.png') });
  console.log('written: docs/report.png, docs/graph.png');
} finally {
  await context.close();
  rmSync(tmp, { recursive: true, force: true });
}
