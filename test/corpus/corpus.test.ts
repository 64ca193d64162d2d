// The regression suite over testdata/cases (issue 3): goesc's -m -l output (and every other
// view the baseline keeps a list for: -m=2, -smallframes, asm) against the real compiler's
// stored fixtures, a precision/recall table per rule folder, failure on a
// regression against testdata/cases/baseline.json and on a missing or orphan fixture.
// With `go` on PATH it also regenerates a rotating 1/32 of the fixtures (the shard is
// the UTC day of the year mod 32, so 32 days cover the corpus; ~11 cases) and fails when one
// is stale: the whole check (`npm run fixtures -- --check`) takes 1-10 minutes on the two
// shared cores, too long for the suite.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  availableComparisons,
  discoverCorpus,
  formatSummary,
  loadFixture,
  readBaseline,
  regressions,
  runCheck,
} from '../../src/check/index.js';

const root = resolve(import.meta.dirname, '../..');
const casesDir = join(root, 'testdata', 'cases');
const hasGo = spawnSync('go', ['version']).status === 0;
if (!hasGo) console.log('corpus: `go` not on PATH, skipping the fixture freshness check');

describe('the corpus', () => {
  const corpus = discoverCorpus(casesDir);

  it('has at least 300 cases in at least 12 rule folders', () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(300);
    expect(new Set(corpus.cases.map((c) => c.rule)).size).toBeGreaterThanOrEqual(12);
  });

  it('has a fixture for every case and no fixture without a case', () => {
    expect(corpus.missingFixtures.map((c) => c.id)).toEqual([]);
    expect(corpus.orphanFixtures).toEqual([]);
  });

  it('has fixtures that name their case and one Go version', () => {
    const versions = new Set<string>();
    for (const c of corpus.cases) {
      const f = loadFixture(c);
      expect(f.case).toBe(c.id);
      versions.add(f.go.version);
    }
    expect(versions.size).toBe(1);
  });

  it('does not regress against the baseline', async () => {
    // The baseline decides what is gated: every comparison it keeps a list for (-m -l always).
    const baseline = readBaseline(casesDir);
    const names = new Set(['m', ...Object.keys(baseline?.mismatching ?? {})]);
    const comparisons = [...names].map((n) => availableComparisons[n]).filter((c) => c !== undefined);
    expect(comparisons.length).toBe(names.size);
    const report = await runCheck({ root: casesDir, comparisons, baseline });
    console.log(formatSummary(report).join('\n'));
    expect(report.baselineFound).toBe(true);
    expect(regressions(report)).toEqual([]);
  }, 180_000); // the whole corpus under ten comparisons: a minute on a loaded 2-core machine

  it('has a baseline that lists only existing cases', () => {
    const ids = new Set(corpus.cases.map((c) => c.id));
    const baseline = readBaseline(casesDir);
    for (const list of Object.values(baseline?.mismatching ?? {})) {
      for (const id of list) expect(ids.has(id), `${id} in baseline.json`).toBe(true);
    }
  });
});

describe('fixture freshness (needs go)', () => {
  it.runIf(hasGo)('regenerates today\'s 1/32 of the fixtures identically', async () => {
    const now = new Date();
    const day = Math.floor((Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - Date.UTC(now.getUTCFullYear(), 0, 1)) / 86_400_000);
    const shard = `${day % 32}/32`;
    const { code, output } = await new Promise<{ code: number | null; output: string }>((done) => {
      const child = spawn(process.execPath, [join(root, 'scripts', 'fixtures.mjs'), '--check', '--shard', shard], { cwd: root });
      let output = '';
      child.stdout.on('data', (b) => (output += b));
      child.stderr.on('data', (b) => (output += b));
      child.on('close', (c) => done({ code: c, output }));
    });
    console.log(`fixtures --check --shard ${shard}:\n${output.trim()}`);
    expect(code, output).toBe(0);
  }, 120_000);
});

// Guard against a rule folder that is only a name: every folder holds cases.
describe('rule folders', () => {
  it('are not empty', () => {
    for (const name of readdirSync(casesDir, { withFileTypes: true })) {
      if (!name.isDirectory()) continue;
      expect(readdirSync(join(casesDir, name.name)).some((f) => f.endsWith('.go')), name.name).toBe(true);
    }
  });
});
