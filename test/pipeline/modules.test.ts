// Modules end to end: the recorded `go build -gcflags=PATTERN=-m -l` outputs (and some without -l) of the test
// modules (testdata/modules, recorded by scripts/record-module-fixtures.mjs from the real
// compiler) against goesc's analysis of the same packages, line for line as multisets:
// facts flow across packages, dependencies come from a fake module cache, vendor/, a
// replace to a directory and a go.work, and file names are the go command's.
// Then the result cache: a warm run parses nothing, a corrupted entry is recomputed, two
// runs at once on one cache agree.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, formatDiagnostic } from '../../src/api.js';
import { analyzeProgram } from '../../src/pipeline/program.js';
import { ResultCache } from '../../src/pipeline/cache.js';
import { loadGraph } from '../../src/load/graph.js';
import { recordedBuilds, testdata } from '../load/recorded.js';

const repo = join(import.meta.dirname, '../..');

// The builds that go build printed -m lines for (not the cgo or error ones).
const cases = recordedBuilds().filter((r) => r.printed.length > 0);
/** The go command's import-path pattern match (`example.com/...`). */
function matchPattern(pattern: string, path: string): boolean {
  const re = new RegExp('^' + pattern.split('...').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
  return re.test(path) || (pattern.endsWith('/...') && path === pattern.slice(0, -4));
}

const sorted = (xs: readonly string[]) => [...xs].sort();

describe('modules against the go command\'s recorded builds', () => {
  it('has recorded builds of every kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const rec of cases) {
    const name = rec.name;
    it(`${name}: ${rec.patterns.join(' ')}`, () => {
      const ctx = createContext({ cwd: rec.cwd, env: rec.env });
      const model = ctx.model('go1.26', false);
      // goesc prints the packages it is given: those of the build that go build's -gcflags
      // patterns match, by import path (local patterns name the build's own packages).
      const build = loadGraph(rec.patterns, { cwd: rec.cwd, env: rec.env });
      const local = rec.printed.every((p) => p.startsWith('.'));
      const printed = local ? rec.patterns : build.packages.map((p) => p.importPath).filter((p) => rec.printed.some((pat) => matchPattern(pat, p)));
      const r = analyzeProgram(ctx, printed, { m: rec.m, model, inline: rec.inline, cache: null, buildId: 'test' });
      expect(r.errors).toEqual([]);
      expect(sorted(r.diagnostics.map(formatDiagnostic))).toEqual(sorted(rec.lines));
    });
  }
});

describe('the result cache', () => {
  const multi = join(testdata, 'multi');
  const run = (cache: ResultCache) => {
    const ctx = createContext({ cwd: multi, env: { HOME: '/nonexistent' } });
    return analyzeProgram(ctx, ['./...'], { m: 1, model: ctx.model('go1.26', false), cache, buildId: 'test' });
  };

  it('answers a warm run without parsing anything, with the same lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'goesc-cache-'));
    try {
      const cold = run(new ResultCache(dir));
      expect(cold.stats.parsed).toBeGreaterThan(0);
      const warm = run(new ResultCache(dir));
      expect(warm.stats.parsed).toBe(0);
      expect(warm.diagnostics).toEqual(cold.diagnostics);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // A run whose dependencies' facts are cached checks their declarations alone (prepare's
  // declarationsOf, bodies parsed only as an importer instantiates or inlines them): its
  // lines must be those of a run that checks them whole.
  for (const rec of cases.filter((r) => r.inline)) {
    it(`gives the lines of an uncached run when the dependencies are cached: ${rec.name}`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'goesc-cache-'));
      try {
        const ctx = createContext({ cwd: rec.cwd, env: rec.env });
        const model = ctx.model('go1.26', false);
        const analyze = (m: number, cache: ResultCache | null) => analyzeProgram(ctx, rec.patterns, { m, model, inline: true, cache, buildId: 'test' });
        analyze(1, new ResultCache(dir));
        const lazy = analyze(2, new ResultCache(dir));
        expect(lazy.stats.cached).toBe(0);
        const whole = analyze(2, null);
        expect(lazy.errors).toEqual([]);
        expect(lazy.diagnostics.map(formatDiagnostic)).toEqual(whole.diagnostics.map(formatDiagnostic));
        expect(whole.diagnostics.some((d) => d.message.startsWith('inlining call to'))).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('never trusts an entry that fails to read or verify, and rewrites it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'goesc-cache-'));
    try {
      const cold = run(new ResultCache(dir));
      const entries = cacheFiles(dir).filter((f) => !f.endsWith('.parse.json'));
      expect(entries.length).toBeGreaterThan(0);
      // One entry truncated, one with a changed line but its old checksum.
      writeFileSync(entries[0]!, readFileSync(entries[0]!, 'utf8').slice(0, 40));
      if (entries[1]) writeFileSync(entries[1], readFileSync(entries[1], 'utf8').replace(/escape/g, 'ESCAPE'));
      const again = run(new ResultCache(dir));
      expect(again.diagnostics).toEqual(cold.diagnostics);
      expect(again.stats.parsed).toBeGreaterThan(0);
      expect(run(new ResultCache(dir)).stats.parsed).toBe(0); // rewritten
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps the std stubs' parses, verified, for runs whose packages are not cached", () => {
    const dir = mkdtempSync(join(tmpdir(), 'goesc-cache-'));
    try {
      const cold = run(new ResultCache(dir));
      const parses = cacheFiles(dir).filter((f) => f.endsWith('.parse.json'));
      expect(parses.length).toBeGreaterThan(0);
      // Only the stubs' parses left, one of them with a changed name but its old checksum.
      for (const f of cacheFiles(dir)) if (!f.endsWith('.parse.json')) rmSync(f);
      const changed = readFileSync(parses[0]!, 'utf8');
      writeFileSync(parses[0]!, changed.replace(/"value":"([A-Za-z])/, '"value":"X$1'));
      const again = run(new ResultCache(dir));
      expect(again.stats.parsed).toBeGreaterThan(0);
      expect(again.diagnostics).toEqual(cold.diagnostics);
      expect(readFileSync(parses[0]!, 'utf8')).toBe(changed); // not trusted: parsed again, rewritten
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives two runs at once on one cache the same answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goesc-cache-'));
    const once = () =>
      new Promise<string>((resolve, reject) => {
        const p = spawn(process.execPath, [join(repo, 'bin/goesc.js'), '-m', '-l', './...'], {
          cwd: multi,
          env: { ...process.env, GOESC_CACHE: dir, HOME: '/nonexistent', GOFLAGS: '' },
        });
        let out = '';
        p.stdout.on('data', (d) => (out += d));
        p.on('error', reject);
        p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
      });
    try {
      const [a, b] = await Promise.all([once(), once()]);
      expect(a).toBe(b);
      expect(await once()).toBe(a);
      expect(a).toContain('moved to heap');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Every entry file of a result cache folder (in its two-letter subfolders). */
function cacheFiles(dir: string): string[] {
  const subs = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  return subs.flatMap((sub) => readdirSync(join(dir, sub)).map((f) => join(dir, sub, f)));
}
