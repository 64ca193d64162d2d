import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { hasGo } from '../format/gc.js';

const seed = path.resolve('examples/seed.go');

async function run(args: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const w1 = process.stdout.write.bind(process.stdout);
  const w2 = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => (err.push(String(s)), true)) as typeof process.stderr.write;
  try {
    const status = await main(args);
    return { status, out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = w1;
    process.stderr.write = w2;
  }
}

describe('goesc report', () => {
  it('writes only DIR/index.html with badges, inline SVG graphs and the allocation code', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-report-'));
    const r = await run(['report', '--out', dir, '--real', 'none', seed]);
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['index.html']);
    const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    expect(html).toContain('<span class="badge heap" title="moved to heap: x">heap</span>x := 42');
    expect(html).toMatch(/<figure class="graph"><svg/);
    expect(html).toContain('class="edge escaping"');
    expect(html).toContain('CALL runtime.newobject(SB)');
    expect(html).not.toContain('go tool compile -S</th>');
  });

  it('marks what-if changes with --smallframes and --set', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-report-'));
    const r = await run(['report', '--out', dir, '--real', 'none', '--smallframes', seed]);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'index.html'), 'utf8')).toContain('<h2>What if: --smallframes</h2>');
  });

  it('refuses a run without --out, and bad paths, with one line and exit 2', async () => {
    expect((await run(['report', seed])).status).toBe(2);
    const r = await run(['report', '--out', os.tmpdir(), '/nonexistent/x.go']);
    expect(r.status).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('fills the real -S column from a corpus fixture with --real fixture, and says so', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-report-'));
    const r = await run(['report', '--out', dir, '--real', 'fixture', 'testdata/cases/seed/escape_to_heap.go']);
    expect(r.status).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    expect(html).toContain('real column: the stored fixture testdata/cases/seed/escape_to_heap.fixture.json');
    expect(html).toMatch(/<tr class="match">.*runtime\.newobject/);
  });

  it.runIf(hasGo)('fills the real -S column from the installed compiler and says so', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-report-'));
    const r = await run(['report', '--out', dir, seed]);
    expect(r.status).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    expect(html).toContain('real column: the installed compiler');
    expect(html).toMatch(/<tr class="match">.*runtime\.newobject/);
  });
});
