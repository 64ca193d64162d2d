// Whole-run reuse (pipeline/run-memo.ts) and the load's stamp it rests on (load/disk.ts):
// a run's output is reused only while the disk shows what its load read, so every change a
// load could see must break the stamp (a file's bytes, a new file or package, a go.work
// appearing above the module), and nothing it cannot see may (a build's output beside the
// sources). Under the module cache only the modules' presence counts. A run whose files
// were written within the last two seconds is not recorded, and a damaged record is not
// trusted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, formatDiagnostic } from '../../src/api.js';
import { loadGraph } from '../../src/load/graph.js';
import { Disk, stampHolds } from '../../src/load/disk.js';
import { analyzeProgram } from '../../src/pipeline/program.js';
import { ResultCache } from '../../src/pipeline/cache.js';
import { RunMemo } from '../../src/pipeline/run-memo.js';
import { testdata } from '../load/recorded.js';

let root = '';
let mod = '';
const env = { HOME: '/nonexistent' };
/** A minute ago: files older than the memo's two-second settling time. */
const past = (Date.now() - 60_000) / 1000;

function write(rel: string, text: string, time = past): void {
  const path = join(mod, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  utimesSync(path, time, time);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'goesc-memo-'));
  mod = join(root, 'mod');
  write('go.mod', 'module example.com/m\n\ngo 1.22\n');
  write('main.go', 'package main\n\nimport "example.com/m/inner"\n\nfunc main() { inner.Keep(new(int)) }\n');
  write('inner/inner.go', 'package inner\n\nvar sink *int\n\nfunc Keep(p *int) { sink = p }\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function stampOf(patterns: string[] = ['./...']) {
  const disk = new Disk({ record: true });
  loadGraph(patterns, { cwd: mod, env, disk });
  return disk.stamp();
}

describe("a load's stamp", () => {
  it('holds while nothing the load reads changes', () => {
    const stamp = stampOf();
    expect(stampHolds(stamp)).toBe(true);
    // a build's output, a dot-folder and a non-source file beside the sources
    writeFileSync(join(mod, 'out.bin'), 'x');
    mkdirSync(join(mod, '.cache'));
    writeFileSync(join(mod, 'inner', 'README'), 'x');
    expect(stampHolds(stamp)).toBe(true);
  });

  it("breaks when a file's bytes change, even at the same size", () => {
    const stamp = stampOf();
    write('inner/inner.go', 'package inner\n\nvar sink *int\n\nfunc Keep(q *int) { sink = q }\n', past + 1);
    expect(stampHolds(stamp)).toBe(false);
  });

  it('breaks when a source file or a package appears, or a file is removed', () => {
    const a = stampOf();
    write('inner/more.go', 'package inner\n');
    expect(stampHolds(a)).toBe(false);
    const b = stampOf();
    write('other/o.go', 'package other\n');
    expect(stampHolds(b)).toBe(false);
    const c = stampOf();
    rmSync(join(mod, 'inner', 'more.go'));
    expect(stampHolds(c)).toBe(false);
  });

  it('breaks when a go.work appears above the module or go.mod changes', () => {
    const a = stampOf();
    writeFileSync(join(root, 'go.work'), 'go 1.22\n\nuse ./mod\n');
    expect(stampHolds(a)).toBe(false);
    rmSync(join(root, 'go.work'));
    const b = stampOf();
    write('go.mod', 'module example.com/m\n\ngo 1.23\n', past + 1);
    expect(stampHolds(b)).toBe(false);
  });

  it('keeps only the presence of modules under the module cache', () => {
    const modcache = join(testdata, 'modcache');
    const disk = new Disk({ record: true, immutableRoot: modcache });
    const graph = loadGraph(['./...'], { cwd: join(testdata, 'deps'), env: { GOMODCACHE: modcache, HOME: '/nonexistent' }, disk });
    expect(graph.packages.some((p) => p.dir.startsWith(modcache))).toBe(true);
    const under = disk.stamp().seen.filter(([, path]) => path.startsWith(modcache + '/'));
    expect(under.length).toBeGreaterThan(0);
    expect(under.every(([what]) => what === 'here')).toBe(true);
    expect(stampHolds(disk.stamp())).toBe(true);
  });
});

describe('whole-run reuse', () => {
  const cacheDir = () => join(root, 'cache');
  const analyse = (memo: RunMemo) => {
    const ctx = createContext({ cwd: mod, env });
    const disk = memo.disk();
    const r = analyzeProgram(ctx, ['./...'], { m: 1, model: ctx.model('go1.26', false), cache: null, buildId: 'test', disk });
    return { disk, stdout: r.diagnostics.map((d) => formatDiagnostic(d) + '\n').join('') };
  };
  const memoOf = (options: unknown = { m: 1 }) => RunMemo.of(new ResultCache(cacheDir()), 'test', mod, env, options);

  it('reuses a run while its stamp holds, and not after a change', () => {
    const first = analyse(memoOf());
    expect(first.stdout).toContain('leaking param: p');
    memoOf().remember(first.disk, { stdout: first.stdout, stderr: '' });
    expect(memoOf().reuse()?.stdout).toBe(first.stdout);
    // other options, another record
    expect(memoOf({ m: 2 }).reuse()).toBeUndefined();
    write('inner/inner.go', 'package inner\n\nvar sink int\n\nfunc Keep(p *int) { sink = *p }\n', past + 1);
    expect(memoOf().reuse()).toBeUndefined();
    expect(analyse(memoOf()).stdout).not.toContain('leaking param: p');
  });

  it('does not record a run that read files written moments before', () => {
    write('inner/inner.go', 'package inner\n\nvar sink *int\n\nfunc Keep(p *int) { sink = p }\n', Date.now() / 1000);
    const run = analyse(memoOf());
    memoOf().remember(run.disk, { stdout: run.stdout, stderr: '' });
    expect(memoOf().reuse()).toBeUndefined();
  });

  it('ignores a damaged record', () => {
    const run = analyse(memoOf());
    memoOf().remember(run.disk, { stdout: run.stdout, stderr: '' });
    const sub = readdirSync(cacheDir()).find((d) => d.length === 2)!;
    const file = readdirSync(join(cacheDir(), sub)).find((f) => f.endsWith('.run.json'))!;
    writeFileSync(join(cacheDir(), sub, file), '{"format":3}\n{}');
    expect(memoOf().reuse()).toBeUndefined();
  });
});
