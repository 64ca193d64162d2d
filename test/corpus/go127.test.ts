// The corpus under the go1.27 model: every case has a go1.27.3 fixture
// (<name>.fixture.go1.27.json, npm run fixtures -- --go go1.27.3), `check --go go1.27` does
// not regress against baseline.go1.27.json, and, when the go command can fetch go1.27.3,
// goesc --go go1.27 prints exactly what go1.27.3 prints on the version cases.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  availableComparisons,
  discoverCorpus,
  formatSummary,
  loadFixture,
  readBaseline,
  regressions,
  runCheck,
} from '../../src/check/index.js';
import { analyzeFiles, formatDiagnostic } from '../../src/api.js';

const root = resolve(import.meta.dirname, '../..');
const casesDir = join(root, 'testdata', 'cases');

describe('the corpus at go1.27', () => {
  const corpus = discoverCorpus(casesDir, 'go1.27');

  it('has a go1.27.3 fixture for every case, and its own baseline', () => {
    expect(corpus.missingFixtures.map((c) => c.id)).toEqual([]);
    expect(corpus.orphanFixtures).toEqual([]);
    for (const c of corpus.cases) {
      expect(c.fixtureFile.endsWith('.fixture.go1.27.json')).toBe(true);
      expect(loadFixture(c).go.version).toBe('go1.27.3');
    }
    expect(readBaseline(casesDir, 'go1.27')).toBeDefined();
  });

  it('does not regress against baseline.go1.27.json at -m, -m=2 and -S', async () => {
    const baseline = readBaseline(casesDir, 'go1.27');
    const comparisons = ['m', 'm2', 'asm'].map((n) => availableComparisons[n]!);
    const report = await runCheck({ root: casesDir, comparisons, baseline, go: 'go1.27' });
    console.log(formatSummary(report).join('\n'));
    expect(report.goVersion).toBe('go1.27.3');
    expect(regressions(report)).toEqual([]);
    // -m -l is exact at go1.27, as at go1.26.
    expect(report.tallies['m']!.overall.found).toBe(report.tallies['m']!.overall.expected);
  }, 120_000);
});

/** Whether the go command can run go1.27.3 here (it fetches it once from the module proxy). */
function go127(): string | null {
  if (spawnSync('go', ['version']).status !== 0) return 'go is not on PATH';
  const r = spawnSync('go', ['env', 'GOVERSION'], { env: { ...process.env, GOTOOLCHAIN: 'go1.27.3' }, encoding: 'utf8', timeout: 120_000 });
  return r.status === 0 && r.stdout.trim() === 'go1.27.3' ? null : `GOTOOLCHAIN=go1.27.3 cannot be fetched (${(r.stderr || r.error?.message || '').trim().split('\n')[0]})`;
}

describe('live against go1.27.3', () => {
  const why = go127();
  if (why) console.log(`test/corpus/go127.test.ts: skipping the live comparison: ${why}`);
  it.runIf(why === null)('goesc --go go1.27 prints what go1.27.3 prints on the version cases (-m -l)', async () => {
    const env = { ...process.env, GOTOOLCHAIN: 'go1.27.3' };
    const cfg = join(mkdtempSync(join(tmpdir(), 'goesc-go127-')), 'importcfg');
    const list = spawnSync('go', ['list', '-export', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', 'std'], { env, encoding: 'utf8', maxBuffer: 64 << 20 });
    writeFileSync(cfg, list.stdout);
    const dir = join(casesDir, 'version');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.go'))) {
      const gc = spawnSync('go', ['tool', 'compile', '-p=p', `-importcfg=${cfg}`, '-o', cfg + '.o', `-trimpath=${dir}=>`, '-m', '-l', name], { cwd: dir, env, encoding: 'utf8' });
      const want = (gc.stdout + gc.stderr).split('\n').filter((l) => /^[^\s:]+\.go:\d+:\d+: /.test(l)).sort();
      const cwd = process.cwd();
      process.chdir(dir);
      try {
        const ours = await analyzeFiles([name], { m: 1, go: 'go1.27' });
        expect(ours.diagnostics.map(formatDiagnostic).sort(), name).toEqual(want);
      } finally {
        process.chdir(cwd);
      }
    }
  }, 300_000);
});
