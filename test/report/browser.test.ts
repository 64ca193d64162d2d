// The report in a real browser: Debian's chromium driven by playwright-core. Skipped, with
// the reason printed, where /usr/bin/chromium is absent (.ci/run installs it).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { gatherReport } from '../../src/report/gather.js';
import { renderReport, reportTitle } from '../../src/report/html.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = fs.existsSync(chromiumPath);
if (!hasChromium) console.log(`${chromiumPath} is absent: the browser test is skipped (apt-get install -y chromium)`);

describe.runIf(hasChromium)('the report in chromium', () => {
  it('renders badges, the SVG graph and the assembly column, with no error and no network request', async () => {
    const outDir = path.resolve('test-output/report');
    fs.mkdirSync(outDir, { recursive: true });
    const input = await gatherReport(['examples/seed.go'], { real: 'auto' });
    // a hostile string must show as text, not run
    const hostile = { path: 'hostile.go', text: 'package main\n\nvar s = "<script>document.title=\'pwned\'</script><img src=http://example.com/x>"\n' };
    const page0 = renderReport({ ...input, files: [...input.files, hostile] });
    const file = path.join(outDir, 'index.html');
    fs.writeFileSync(file, page0);

    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const errors: string[] = [];
      const network: string[] = [];
      context.on('request', (r) => {
        if (!/^(file|data|about):/.test(r.url())) network.push(r.url());
      });
      await context.route(/^(?!file:|data:|about:)/, (route) => {
        network.push(route.request().url());
        return route.abort();
      });
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      await page.goto('file://' + file, { waitUntil: 'load' });

      expect(await page.title()).toBe(reportTitle({ ...input, files: [...input.files, hostile] }));
      expect(await page.locator('h1').innerText()).toContain('package main');
      // the contents list: a link per function, with its heap count
      expect(await page.locator('nav.contents li').count()).toBeGreaterThanOrEqual(2);
      expect(await page.locator('nav.contents .heapcount .badge.heap').count()).toBeGreaterThanOrEqual(1);
      // next / previous heap: the button and the n key walk the heap rows
      await page.locator('#next-heap').click();
      expect(await page.locator('tr.current-heap').count()).toBe(1);
      const first = await page.locator('tr.current-heap').getAttribute('id');
      await page.keyboard.press('n');
      expect(await page.locator('tr.current-heap').getAttribute('id')).not.toBe(first);
      await page.locator('#prev-heap').click();
      expect(await page.locator('tr.current-heap').getAttribute('id')).toBe(first);
      expect(await page.locator('#heap-pos').innerText()).toMatch(/^1 \/ \d+$/);
      // a hint for each heap decision
      expect(await page.locator('.diag.heap .hint').count()).toBeGreaterThanOrEqual(1);
      // badges
      expect(await page.locator('td.code .badge.heap').count()).toBeGreaterThanOrEqual(2);
      expect(await page.locator('td.code .badge.heap').first().isVisible()).toBe(true);
      // the flow graph: inline SVG, laid out, escaping path drawn
      const svg = page.locator('figure.graph svg').first();
      expect(await svg.isVisible()).toBe(true);
      const box = (await svg.boundingBox())!;
      expect(box.width).toBeGreaterThan(50);
      expect(await page.locator('figure.graph svg g.edge.escaping').count()).toBeGreaterThanOrEqual(1);
      // the assembly column(s)
      const asmCells = page.locator('table.asm td.predicted');
      expect(await asmCells.count()).toBeGreaterThanOrEqual(2);
      expect(await asmCells.first().innerText()).toContain('CALL runtime.');
      if (input.realSource) expect(await page.locator('table.asm td.real').first().innerText()).toContain('CALL runtime.');
      // explanations open on demand
      const details = page.locator('details.diag').first();
      expect(await details.locator('.explain').isVisible()).toBe(false);
      await details.locator('summary').click();
      expect(await details.locator('.explain').isVisible()).toBe(true);
      // the stack toggle works
      await page.locator('#show-stack').uncheck();
      expect(await page.evaluate(() => document.body.classList.contains('hide-stack'))).toBe(true);
      await page.locator('#show-stack').check();
      // the hostile source line is text
      expect(await page.title()).not.toBe('pwned');
      expect(await page.locator('tr', { hasText: 'document.title' }).locator('td.code').innerText()).toContain('<script>');

      await page.screenshot({ path: path.join(outDir, 'report.png'), fullPage: true });
      expect(fs.statSync(path.join(outDir, 'report.png')).size).toBeGreaterThan(10_000);
      expect(errors).toEqual([]);
      expect(network).toEqual([]);
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  }, 180_000);
});
