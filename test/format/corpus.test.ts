// Over the whole corpus (testdata/cases, fixtures made by the real compiler through
// scripts/fixtures.mjs): JSON and SARIF correspond one to one with the text, and the
// -json=0,DIR escape records match the compiler's stored log.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePackages, formatDiagnostic, type Diagnostic } from '../../src/api.js';
import { parseGcOutput } from '../../src/format/gcline.js';
import { toJsonReport } from '../../src/format/json.js';
import { renderOptLog } from '../../src/format/logopt.js';
import { toSarif } from '../../src/format/sarif.js';

const root = path.resolve('testdata/cases');
interface Fixture {
  readonly go: { readonly version: string };
  readonly m: { readonly lines: readonly string[] };
  readonly m2: { readonly lines: readonly string[] };
  readonly jsonlog: { readonly files: Record<string, readonly Record<string, unknown>[]> };
}
const cases = fs
  .readdirSync(root)
  .filter((d) => fs.statSync(path.join(root, d)).isDirectory())
  .flatMap((d) =>
    fs
      .readdirSync(path.join(root, d))
      .filter((f) => f.endsWith('.fixture.json'))
      .map((f) => ({ dir: path.join(root, d), go: f.replace(/\.fixture\.json$/, '.go'), fixture: path.join(root, d, f) })),
  );

const escapeCodes = new Set(['escape', 'escapes', 'leak']);

/** Escape records as canonical strings (fixtures store them parsed, keys sorted). */
function canonical(rel: string, record: Record<string, unknown>): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]))
        : v;
  return JSON.stringify(sort({ rel, ...record }));
}

function ourRecords(diags: readonly Diagnostic[], version: string): string[] {
  const out: string[] = [];
  for (const [rel, text] of renderOptLog(diags, { pkgPath: 'p', gcVersion: version, fileName: (f) => f })) {
    for (const line of text.split('\n').filter(Boolean).slice(1)) {
      const r = JSON.parse(line) as Record<string, unknown>;
      if (escapeCodes.has(r['code'] as string)) out.push(canonical(rel, r));
    }
  }
  return out;
}

function matched(want: readonly string[], got: readonly string[]): number {
  const pool = new Map<string, number>();
  for (const g of got) pool.set(g, (pool.get(g) ?? 0) + 1);
  let n = 0;
  for (const w of want) {
    const k = pool.get(w) ?? 0;
    if (k > 0) {
      n++;
      pool.set(w, k - 1);
    }
  }
  return n;
}

function oneToOne(diags: readonly Diagnostic[]): void {
  const text = diags.map(formatDiagnostic);
  expect(toJsonReport(diags).diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`)).toEqual(text);
  const results = toSarif(diags).runs[0]!.results;
  expect(results.map((r) => `${r.locations[0]!.physicalLocation.region.startLine}: ${r.message.text}`)).toEqual(
    diags.map((d) => `${d.line}: ${d.message}`),
  );
}

describe('the corpus', () => {
  it(`has cases (${cases.length})`, () => expect(cases.length).toBeGreaterThan(100));

  it('JSON, SARIF and the -json=0,DIR log agree with the compiler on every case', () => {
    let want = 0;
    let fromGcText = 0;
    let fromGoesc = 0;
    for (const c of cases) {
      const fx = JSON.parse(fs.readFileSync(c.fixture, 'utf8')) as Fixture;
      const wanted = Object.entries(fx.jsonlog.files).flatMap(([rel, recs]) =>
        recs.slice(1).filter((r) => escapeCodes.has(r['code'] as string)).map((r) => canonical(rel, r)),
      );
      want += wanted.length;
      // the compiler's own text, through goesc's formatters
      const gcM = parseGcOutput(fx.m.lines.join('\n'));
      const gcM2 = parseGcOutput(fx.m2.lines.join('\n'));
      oneToOne(gcM);
      oneToOne(gcM2);
      fromGcText += matched(wanted, ourRecords(gcM2, fx.go.version));
      // goesc's own analysis, as the analyze command runs it
      const bytes = fs.readFileSync(path.join(c.dir, c.go));
      const result = analyzePackages([{ dir: c.dir, files: [{ filename: c.go, bytes }] }], { m: 2 });
      oneToOne(result.diagnostics);
      fromGoesc += matched(wanted, ourRecords(result.diagnostics, fx.go.version));
    }
    const pct = (n: number) => ((100 * n) / want).toFixed(1);
    console.log(
      `-json=0,DIR escape records over ${cases.length} cases: ${want}; written from gc's -m=2 text ${fromGcText} (${pct(fromGcText)}%), ` +
        `from goesc's analysis ${fromGoesc} (${pct(fromGoesc)}%)`,
    );
    expect(fromGcText / want).toBeGreaterThanOrEqual(0.95);
    // goesc's analysis is the escape stage's to perfect; this floor only catches collapses
    expect(fromGoesc / want).toBeGreaterThanOrEqual(0.75);
  }, 180_000);
});
