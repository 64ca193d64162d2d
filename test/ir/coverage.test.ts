// Lowering the whole case corpus (testdata/cases) and the Go team's escape tests
// ($GOROOT/test/escape*.go, read in place): no crash in the lowering, and the IR holds a
// node rendering exactly as gc names it at every position gc reports (see coverage.ts).
// Expected lines come from the compiler: the corpus' fixtures and test/ir/fixtures/goroot.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { lowerFile } from './harness.js';
import { coverage } from './coverage.js';
import { irTestDir, readFixture, type GcLine } from './fixtures.js';

interface Tally { lowered: number; notChecked: number; total: number; matched: number; misses: string[] }

function run(files: { path: string; lines: () => GcLine[] }[]): Tally {
  const t: Tally = { lowered: 0, notChecked: 0, total: 0, matched: 0, misses: [] };
  for (const f of files) {
    const r = lowerFile(f.path); // a crash fails the test
    if (!r.ir) {
      t.notChecked++;
      continue;
    }
    t.lowered++;
    const c = coverage(r.ir, f.lines(), f.path.split('/').pop());
    t.total += c.total;
    t.matched += c.matched;
    t.misses.push(...c.misses.map((m) => `${f.path}:${m}`));
  }
  return t;
}

function parseLines(lines: readonly string[]): GcLine[] {
  return lines.flatMap((l) => {
    const m = /^(.*?):(\d+):(\d+): (.*)$/.exec(l);
    return m ? [{ file: m[1]!, line: Number(m[2]), col: Number(m[3]), message: m[4]! }] : [];
  });
}

describe('the lowered IR covers what gc reports', () => {
  it('on the case corpus', () => {
    const root = join(irTestDir, '..', '..', 'testdata', 'cases');
    const files: { path: string; lines: () => GcLine[] }[] = [];
    for (const dir of readdirSync(root)) {
      if (!existsSync(join(root, dir)) || dir.includes('.')) continue;
      for (const f of readdirSync(join(root, dir))) {
        const fixture = join(root, dir, f.replace(/\.go$/, '.fixture.json'));
        if (!f.endsWith('.go') || !existsSync(fixture)) continue;
        files.push({
          path: join(root, dir, f),
          lines: () => parseLines((JSON.parse(readFileSync(fixture, 'utf8')) as { m: { lines: string[] } }).m.lines),
        });
      }
    }
    const t = run(files);
    console.log(`corpus: ${files.length} cases, lowered ${t.lowered} (type errors ${t.notChecked}), ` +
      `gc subjects found ${t.matched}/${t.total}`);
    expect(t.lowered).toBeGreaterThan(files.length * 0.9);
    expect(t.matched / t.total).toBeGreaterThanOrEqual(0.97);
  }, 60_000);

  const goroot = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' });
  const hasGo = goroot.status === 0;
  if (!hasGo) console.log('go is not on PATH: the $GOROOT/test/escape*.go lowering check is skipped');
  it.runIf(hasGo)('on $GOROOT/test/escape*.go (in place)', () => {
    const dir = join(goroot.stdout.trim(), 'test');
    const names = readdirSync(join(irTestDir, 'fixtures', 'goroot')).map((f) => f.replace(/\.m\.txt$/, ''));
    const t = run(names.map((n) => ({ path: join(dir, `${n}.go`), lines: () => readFixture(`goroot/${n}`) })));
    console.log(`goroot: ${names.length} files, lowered ${t.lowered} (import/type errors ${t.notChecked}), ` +
      `gc subjects found ${t.matched}/${t.total}`);
    expect(t.lowered).toBeGreaterThanOrEqual(13);
    expect(t.matched / t.total).toBeGreaterThanOrEqual(0.98);
  }, 60_000);
});
