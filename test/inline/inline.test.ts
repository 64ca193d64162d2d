// The inliner (src/inline) against the compiler's own answers: the default-build fixtures of
// the corpus (mDefault, made by `npm run fixtures` with `go tool compile -m`), the std inline
// facts' consistency, and properties of the model parameters. The regression gate per case
// is `goesc check` (mDefault in testdata/cases/baseline.json); these tests hold the totals.
import { describe, expect, it } from 'vitest';
import { analyzeFiles, formatDiagnostic } from '../../src/api.js';
import { discoverCorpus, loadFixture, relativizeLines } from '../../src/check/fixture.js';
import { diffLines } from '../../src/check/index.js';
import { loadModel, withSettings } from '../../src/models/index.js';
import { loadStdInlineFacts } from '../../src/inline/index.js';
import { join, relative } from 'node:path';

const corpus = discoverCorpus(join(import.meta.dirname, '..', '..', 'testdata', 'cases'));
// A deterministic share of the corpus keeps the test fast: every third case.
const sample = corpus.cases.filter((c, i) => i % 3 === 0 && !corpus.missingFixtures.includes(c));
const inlinerLine = (l: string) => / (can inline|inlining call to) /.test(l);

async function linesOf(goFile: string, options: Parameters<typeof analyzeFiles>[1]): Promise<string[]> {
  const given = relative(process.cwd(), goFile);
  const r = await analyzeFiles([given], options);
  return relativizeLines(r.diagnostics.map(formatDiagnostic).filter((l) => /^[^\s:][^:]*:\d+:\d+: /.test(l)), given);
}

describe('inliner lines on the corpus (default build, -m)', () => {
  it('matches the compiler\'s can-inline and inlining-call lines', async () => {
    let found = 0;
    let expected = 0;
    let printed = 0;
    for (const c of sample) {
      const want = (loadFixture(c).mDefault?.lines ?? []).filter(inlinerLine);
      const got = (await linesOf(c.goFile, { m: 1, inline: true })).filter(inlinerLine);
      const d = diffLines(want, got);
      found += d.matched.length;
      expected += want.length;
      printed += got.length;
    }
    expect(expected).toBeGreaterThan(100);
    // Measured when written: precision 0.99, recall 0.93 over the whole corpus.
    expect(found / printed).toBeGreaterThanOrEqual(0.98);
    expect(found / expected).toBeGreaterThanOrEqual(0.9);
  }, 300_000);

  it('matches the compiler\'s escape lines of the inlined program', async () => {
    let found = 0;
    let expected = 0;
    let printed = 0;
    for (const c of sample) {
      const want = (loadFixture(c).mDefault?.lines ?? []).filter((l) => !inlinerLine(l));
      const got = (await linesOf(c.goFile, { m: 1, inline: true })).filter((l) => !inlinerLine(l));
      const d = diffLines(want, got);
      found += d.matched.length;
      expected += want.length;
      printed += got.length;
    }
    expect(found / printed).toBeGreaterThanOrEqual(0.95);
    expect(found / expected).toBeGreaterThanOrEqual(0.92);
  }, 300_000);
});

describe('inliner parameters are model data', () => {
  it('a budget of 0 leaves only functions of cost 0 inlinable, and -l none', async () => {
    const file = sample.find((c) => (loadFixture(c).mDefault?.lines ?? []).some((l) => l.includes(': can inline ')))!;
    const base = loadModel('go1.26');
    const all = await linesOf(file.goFile, { m: 2, inline: true, model: base });
    const none = await linesOf(file.goFile, { m: 2, inline: true, model: withSettings(base, { 'inline.budget': 0 }) });
    const costs = (ls: string[]) => ls.filter((l) => l.includes(': can inline ')).map((l) => Number(/with cost (\d+)/.exec(l)?.[1]));
    expect(costs(all).length).toBeGreaterThan(0);
    expect(costs(none).every((c) => c === 0)).toBe(true);
    expect(costs(none).length).toBeLessThanOrEqual(costs(all).length);
    const off = await linesOf(file.goFile, { m: 1, inline: false });
    expect(off.filter(inlinerLine)).toEqual([]);
  }, 60_000);
});

describe('std inline facts (models/go1.26/std/inline.json)', () => {
  it('name only known functions as mid-stack calls, with costs within the budget', () => {
    const facts = loadStdInlineFacts('go1.26');
    expect(facts.funcs.size).toBeGreaterThan(1000);
    expect(facts.intrinsics.size).toBeGreaterThan(50);
    const budget = loadModel('go1.26').inline.budget;
    for (const [key, f] of facts.funcs) {
      expect(f.cost, key).toBeLessThanOrEqual(budget);
      for (const c of f.calls ?? []) expect(facts.funcs.has(c), `${key} calls ${c}`).toBe(true);
    }
  });
});
