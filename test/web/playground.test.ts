// The browser playground (src/web, npm run build:web) in a real browser: Debian's chromium
// driven by playwright-core, the site served by a tiny node:http server (a worker and
// fetch() need http://). Skipped, with the reason printed, where /usr/bin/chromium is absent
// (.ci/run installs it). The site is built first when dist/web is missing or older than its
// sources. Every output is compared with the CLI's own (`node bin/goesc.js FLAGS prog.go`
// in a folder without go.mod), never with text typed here.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
// @ts-expect-error: a plain ES module of the build scripts
import { buildWeb, webStale } from '../../scripts/build-web.mjs';
// @ts-expect-error: a plain ES module of the build scripts
import { serveStatic } from '../../scripts/serve-web.mjs';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = fs.existsSync(chromiumPath);
if (!hasChromium) console.log(`${chromiumPath} is absent: the playground browser test is skipped (apt-get install -y chromium)`);

interface Served {
  readonly url: string;
  readonly log: { path: string; bytes: number; status?: number }[];
  close(): Promise<void>;
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-web-'));

/** What `goesc FLAGS prog.go` prints: stdout, or stderr when it fails (as the page shows it). */
function cli(source: string, flags: string): string {
  fs.writeFileSync(path.join(workDir, 'prog.go'), source);
  const r = spawnSync(process.execPath, [path.resolve('bin/goesc.js'), ...flags.split(' ').filter(Boolean), 'prog.go'], { cwd: workDir, encoding: 'utf8' });
  return r.status === 0 ? r.stdout : r.stderr;
}

function contractUrl(base: string, source: string, flags: string): string {
  return `${base}index.html#flags=${encodeURIComponent(flags)}&src=${Buffer.from(source, 'utf8').toString('base64url')}`;
}

const read = (p: string) => fs.readFileSync(p, 'utf8');

describe.runIf(hasChromium)('the playground in chromium', () => {
  let server: Served;
  let browser: Browser;
  let context: BrowserContext;
  const errors: string[] = [];
  const offsite: string[] = [];

  beforeAll(async () => {
    if (webStale()) await buildWeb({ quiet: true });
    server = (await serveStatic('dist/web')) as Served;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext();
    // Nothing but the site's own files.
    await context.route(/.*/, (route) => {
      const u = route.request().url();
      if (u.startsWith(server.url) || /^(data|about|blob):/.test(u)) return route.continue();
      offsite.push(u);
      return route.abort();
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (url: string): Promise<Page> => {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    await page.goto(url);
    return page;
  };
  const done = async (page: Page): Promise<string> => {
    await page.waitForSelector('#gc-output[data-state=done]', { timeout: 60_000 });
    return (await page.locator('#gc-output').textContent()) ?? '';
  };
  /** Waits for the answer to the newest request made by an action (data-run counts requests). */
  const next = async (page: Page, action: () => Promise<void>): Promise<string> => {
    const before = Number(await page.locator('#gc-output').getAttribute('data-run'));
    await action();
    await page.waitForFunction((n) => Number(document.getElementById('gc-output')!.dataset['run']) > n, before, { timeout: 10_000 });
    return done(page);
  };

  it('opens the contract URL for the seed example with gc-output as the CLI prints it, within 2 MB', async () => {
    const seed = read('examples/seed.go');
    const before = server.log.length;
    const page = await open(contractUrl(server.url, seed, '-m -l'));
    const got = await done(page);
    expect(got).toBe(cli(seed, '-m -l'));
    expect(got).toContain('prog.go:11:2: moved to heap: x');
    const first = server.log.slice(before);
    const bytes = first.reduce((a, r) => a + r.bytes, 0);
    expect(bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    // No std package is fetched for a program without imports, and Graphviz not before its tab
    // is opened (also after the views arrived).
    await expect.poll(() => page.locator('#asm-output').textContent()).toContain('runtime.newobject');
    const all = server.log.slice(before);
    expect(all.filter((r) => /pkg\.json|viz/.test(r.path))).toEqual([]);
    expect(all.reduce((a, r) => a + r.bytes, 0)).toBeLessThanOrEqual(2 * 1024 * 1024);
    // The gutter and the text carry heap and stack marks.
    await expect.poll(() => page.locator('.cm-editor .goesc-heap').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.goesc-gutter-heap').count()).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('prints what the CLI prints for files with std imports (fmt, strings, sync) at -m -l, -m=2 -l, --smallframes -m -l and -m', async () => {
    const files = ['examples/article/strings.go', 'examples/article/interface.go'];
    const corpus = fs
      .readdirSync('testdata/cases', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.go'))
      .map((f) => path.join('testdata/cases', f))
      .sort();
    // A corpus file each importing fmt, strings, sync.
    const withImports = ['"fmt"', '"strings"', '"sync"'].flatMap((imp) => corpus.filter((f) => read(f).includes(imp)).slice(0, 1));
    // One page; each case is a new share link in the address bar (hashchange), as a user pastes one.
    const cases = [...new Set([...files, ...withImports])].flatMap((file, i) => [
      { file, flags: '-m -l' },
      { file, flags: i % 2 === 0 ? '-m=2 -l' : '--smallframes -m -l' },
      ...(i < 2 ? [{ file, flags: '-m' }] : []),
    ]);
    const page = await open(`${server.url}index.html`);
    await done(page);
    for (const { file, flags } of cases) {
      const source = read(file);
      const got = await next(page, () => page.evaluate((h) => void (location.hash = h), contractUrl('', source, flags).replace(/^index\.html/, '')));
      expect(got, `${file} ${flags}`).toBe(cli(source, flags));
    }
    await page.close();
  }, 180_000);

  it("shows gc's syntax error for a source that does not parse, still done", async () => {
    const source = 'package main\n\nfunc main() {\n\tx := \n}\n';
    const page = await open(contractUrl(server.url, source, '-m'));
    const got = await done(page);
    expect(got).toMatch(/^prog\.go:5:1: syntax error: /);
    expect(got).toBe(cli(source, '-m'));
    await expect.poll(() => page.locator('.goesc-gutter-error').count()).toBe(1);
    await page.close();
  });

  it('follows typing: the marks change as the text does', async () => {
    const page = await open(contractUrl(server.url, read('examples/seed.go'), '-m -l'));
    await done(page);
    await expect.poll(() => page.locator('.cm-editor .goesc-heap').count()).toBe(2);
    // escapeToHeap no longer returns &x: x stays on the stack.
    const line = page.locator('.cm-line', { hasText: 'return &x' });
    await line.click();
    await page.keyboard.press('End');
    const out = await next(page, async () => {
      await page.keyboard.press('Shift+Home');
      await page.keyboard.type('_ = x; return nil');
    });
    expect(out).not.toContain('moved to heap: x');
    await expect.poll(() => page.locator('.cm-editor .goesc-heap').count()).toBe(1);
    // ...and back: type a new escaping function at the end.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    const again = await next(page, async () => {
      await page.keyboard.type('\nfunc leak() *int {\n\tv := 7\n\treturn &v\n}\n');
    });
    expect(again).toContain('moved to heap: v');
    await expect.poll(() => page.locator('.cm-editor .goesc-heap').count()).toBe(2);
    // The text the page analysed, read back through its share link.
    await page.locator('#share').click();
    const src = /&src=([^&]+)/.exec(await page.locator('#share-link').inputValue())![1]!;
    expect(again).toBe(cli(Buffer.from(src, 'base64url').toString('utf8'), '-m -l'));
    await page.close();
  });

  it('flips a line with a what-if control: -smallframes, then a model parameter', async () => {
    const source = read('examples/article/slices.go');
    const page = await open(contractUrl(server.url, source, '-m -l'));
    const base = await done(page);
    expect(base).not.toContain('moved to heap: big');
    const small = await next(page, () => page.locator('#opt-smallframes').check());
    expect(small).toContain('moved to heap: big');
    expect(small).toBe(cli(source, '-m -l --smallframes'));
    expect(await page.locator('#flags').inputValue()).toContain('--smallframes');
    await next(page, () => page.locator('#opt-smallframes').uncheck());
    // The model's own parameter, as goesc whatif --set limits.maxStackVarSize=64k.
    await page.locator('#whatif summary').click();
    const input = page.locator('#params input[data-key="limits.maxStackVarSize"]');
    const changed = await next(page, async () => {
      await input.fill('65536');
      await input.dispatchEvent('change');
    });
    expect(changed).toContain('moved to heap: big');
    await page.close();
  });

  it('round-trips a share link: source, flags and settings', async () => {
    const source = read('examples/article/pointer.go');
    const page = await open(contractUrl(server.url, source, '-m -l'));
    await done(page);
    await next(page, () => page.locator('#opt-m2').check());
    await page.locator('#whatif summary').click();
    const param = page.locator('#params input[data-key="limits.maxImplicitStackVarSize"]');
    await next(page, async () => {
      await param.fill('32k');
      await param.dispatchEvent('change');
    });
    await page.locator('#share').click();
    const link = await page.locator('#share-link').inputValue();
    expect(link).toMatch(/#flags=.*&src=.*&set=/);
    const other = await open(link);
    const got = await done(other);
    expect(await other.locator('#flags').inputValue()).toBe('-m=2 -l');
    expect(await other.locator('#params input[data-key="limits.maxImplicitStackVarSize"]').inputValue()).toBe('32k');
    expect(await other.locator('#whatif-count').textContent()).toBe('(1 changed)');
    // The parameter does not touch this program: the lines are the CLI's.
    expect(got).toBe(cli(source, '-m=2 -l'));
    await page.close();
    await other.close();
  });

  it('shows the -m=2 flow on hover, the flow graph and the allocation calls', async () => {
    const page = await open(contractUrl(server.url, read('examples/seed.go'), '-m -l'));
    await done(page);
    await expect.poll(() => page.locator('#asm-output').textContent()).toContain('runtime.newobject');
    await page.locator('.cm-editor .goesc-heap').first().hover();
    const tip = page.locator('.goesc-hover');
    await expect.poll(() => tip.textContent(), { timeout: 10_000 }).toContain('flow:');
    // The graph of the function under the cursor (Graphviz loads now).
    await page.locator('.tabs button[data-tab=graph]').click();
    await page.locator('.cm-line', { hasText: 'return &x' }).click();
    await page.waitForSelector('#graph svg', { timeout: 30_000 });
    expect(await page.locator('#graph-title').textContent()).toContain('escapeToHeap');
    expect(await page.locator('#asm-output').isVisible()).toBe(false);
    await page.locator('.tabs button[data-tab=asm]').click();
    expect(await page.locator('#asm-output').isVisible()).toBe(true);
    // The examples are one click each.
    const out = await next(page, () => page.locator('#examples button[data-example=closure]').click());
    expect(out).toContain('func literal escapes to heap');
    await page.close();
  });

  it('logged no console error and asked nothing outside the site', () => {
    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
  });
});
