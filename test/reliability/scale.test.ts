// Scale and size (issue 9, item 2), through the real CLI (needs `npm run build`):
// - a generated file of a few thousand lines (src/reliability/scale.ts) analyses with exit 0,
//   prints escape decisions, and prints the same bytes on a second run (not timed here:
//   `npm run bench:scale` times the 30,000-line file);
// - a file over the stated limit (src/load maxSourceBytes) is refused with one clear line and
//   exit 2, before being read: sparse files make the big inputs without writing them out.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxSourceBytes } from '../../src/load/index.js';
import { generateLargeFile } from '../../src/reliability/scale.js';

const goesc = resolve('bin/goesc.js');
const hasGo = spawnSync('go', ['version']).status === 0;
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'goesc-scale-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => spawnSync(process.execPath, [goesc, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });

describe('a generated file of a few thousand lines', () => {
  it('is the same text for the same seed and a different one for another', () => {
    expect(generateLargeFile(500, 3)).toBe(generateLargeFile(500, 3));
    expect(generateLargeFile(500, 3)).not.toBe(generateLargeFile(500, 4));
  });

  it('analyses with exit 0 and the same output twice', { timeout: 180_000 }, () => {
    const src = generateLargeFile(3000, 2);
    expect(src.split('\n').length).toBeGreaterThanOrEqual(3000);
    writeFileSync(join(dir, 'big.go'), src);
    const first = run(['-m', '-l', 'big.go']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const lines = first.stdout.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(800);
    expect(lines.some((l) => /: moved to heap: /.test(l))).toBe(true);
    expect(lines.some((l) => /: func literal escapes to heap$/.test(l))).toBe(true);
    expect(lines.some((l) => /: leaking param: /.test(l))).toBe(true);
    const second = run(['-m', '-l', 'big.go']);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(join(dir, 'big.go'), 'utf8')).toBe(src);
  });

  it('is valid Go for the real compiler', { timeout: 120_000 }, () => {
    if (!hasGo) return;
    writeFileSync(join(dir, 'valid.go'), generateLargeFile(1500, 5));
    const r = spawnSync('go', ['tool', 'compile', '-p=p', '-o', join(dir, 'valid.o'), '-l', 'valid.go'], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('a package with more -m=2 lines than a call takes arguments', () => {
  // Lines are gathered without spreading them into one call: under a small stack (here
  // 100 KB, so that 4,000 functions are enough; go-redis's -m=2 gives 200,000 lines under
  // the default one) a spread of them overflowed it ("Maximum call stack size exceeded").
  it('analyses with exit 0 and every line', { timeout: 120_000 }, () => {
    const n = 4000;
    let src = 'package p\n\n';
    for (let i = 0; i < n; i++) src += `func f${i}(p *int) *int { return p }\n`;
    writeFileSync(join(dir, 'many.go'), src);
    const r = spawnSync(process.execPath, ['--stack-size=100', goesc, '-m=2', '-l', 'many.go'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    // Per function: `parameter p leaks to ~r0 ...:`, its flow and `from` lines, `leaking param: p to result ~r0 level=0`.
    expect(lines.length).toBe(4 * n);
    expect(lines.filter((l) => l.endsWith(': leaking param: p to result ~r0 level=0')).length).toBe(n);
  });
});

describe('the size limit', () => {
  const sparse = (name: string, size: number) => {
    const path = join(dir, name);
    writeFileSync(path, 'package p\n');
    truncateSync(path, size);
    return path;
  };

  it('refuses a named file one byte over the limit with one line and exit 2', { timeout: 30_000 }, () => {
    sparse('over.go', maxSourceBytes + 1);
    const r = run(['-m', '-l', 'over.go']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`over.go: file too large (${maxSourceBytes + 1} bytes; limit ${maxSourceBytes} bytes)\n`);
  });

  it('refuses a huge file in a directory the same way, without reading it', { timeout: 30_000 }, () => {
    mkdirSync(join(dir, 'pkg'));
    sparse('pkg/huge.go', 64 * 2 ** 30); // 64 GiB of holes: reading it would not end in time
    const r = run(['-m', '-l', 'pkg']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`pkg/huge.go: file too large (${64 * 2 ** 30} bytes; limit ${maxSourceBytes} bytes)\n`);
    const parse = run(['parse', 'pkg/huge.go']);
    expect(parse.status).toBe(2);
    expect(parse.stderr).toMatch(/^pkg\/huge\.go: file too large/);
  });

  it('reads a file of exactly the limit (then the parser judges it)', { timeout: 60_000 }, () => {
    sparse('edge.go', maxSourceBytes);
    const r = run(['-m', '-l', 'edge.go']);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/too large/);
    expect(r.stderr).toMatch(/^edge\.go:2:1: invalid NUL character/);
  });

  it('is stated in the CLI help', () => {
    expect(run(['--help']).stdout).toContain(`over ${maxSourceBytes} bytes`);
  });
});
