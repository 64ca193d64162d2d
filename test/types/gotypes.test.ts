// Cross-check against go/types (scripts/gotypes-check) over $GOROOT/test/escape*.go (read in
// place) and the case corpus testdata/cases/**: expression types and layouts must agree
// for at least 99% (the goal is all), and every file must check without error. Also prints
// the checker's time per line beside the parser's.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseFile } from '../../src/syntax/index.js';
import { checkPackage } from '../../src/types/index.js';
import { exprFacts, typeLayouts } from '../../src/types/describe.js';
import { compareFile, type GoTypesFile } from '../../src/types/crosscheck.js';
import { formatGoError } from '../../src/errors.js';
import { hasGo, importer } from './helpers.js';

const root = join(import.meta.dirname, '..', '..');

function goFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...goFiles(p));
    else if (name.endsWith('.go')) out.push(p);
  }
  return out;
}

describe('agreement with go/types', () => {
  it.runIf(hasGo)('expression types and layouts of the escape tests and the corpus', () => {
    const goroot = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).stdout.trim();
    const escapeTests = readdirSync(join(goroot, 'test')).filter((f) => /^escape.*\.go$/.test(f)).map((f) => join(goroot, 'test', f));
    const files = [...escapeTests, ...goFiles(join(root, 'testdata', 'cases')), ...goFiles(join(import.meta.dirname, 'layout'))];
    const bin = join(mkdtempSync(join(tmpdir(), 'gotypes-')), 'gotypes-check');
    const build = spawnSync('go', ['build', '-o', bin, '.'], { cwd: join(root, 'scripts', 'gotypes-check'), encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const run = spawnSync(bin, ['-each', ...files], { encoding: 'utf8', maxBuffer: 1 << 30 });
    expect(run.status, run.stderr).toBe(0);
    const wants = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as GoTypesFile);
    let exprs = 0, exprsAgree = 0, layouts = 0, layoutsAgree = 0, lines = 0, parseMs = 0, checkMs = 0;
    const errors: string[] = [];
    const mismatches: string[] = [];
    for (const want of wants) {
      if (want.errors.length > 0) continue; // go/types rejects it: not a checker test
      const src = readFileSync(want.file);
      lines += src.toString().split('\n').length;
      const t0 = performance.now();
      const parsed = parseFile(want.file, src);
      const t1 = performance.now();
      parseMs += t1 - t0;
      if (!parsed.file) {
        errors.push(...parsed.errors.map(formatGoError));
        continue;
      }
      const r = checkPackage([parsed.file], { importer });
      checkMs += performance.now() - t1;
      errors.push(...r.errors.map(formatGoError));
      const a = compareFile(want.file, want, exprFacts(r), typeLayouts(r));
      exprs += a.exprs;
      exprsAgree += a.exprsAgree;
      layouts += a.layouts;
      layoutsAgree += a.layoutsAgree;
      mismatches.push(...a.exprMismatches, ...a.layoutMismatches);
    }
    // A second, warm pass (models already loaded) measures the checker alone.
    let warmMs = 0;
    for (const want of wants) {
      if (want.errors.length > 0) continue;
      const parsed = parseFile(want.file, readFileSync(want.file));
      if (!parsed.file) continue;
      const t0 = performance.now();
      checkPackage([parsed.file], { importer });
      warmMs += performance.now() - t0;
    }
    const pct = (n: number, d: number) => (d === 0 ? 100 : (100 * n) / d);
    const report = [
      `files ${wants.length}, lines ${lines}`,
      `expression types: ${exprsAgree}/${exprs} = ${pct(exprsAgree, exprs).toFixed(2)}%`,
      `layouts: ${layoutsAgree}/${layouts} = ${pct(layoutsAgree, layouts).toFixed(2)}%`,
      `type errors: ${errors.length}`,
      `parse ${(1000 * parseMs / lines).toFixed(1)} µs/line; check ${(1000 * warmMs / lines).toFixed(1)} µs/line ` +
        `(${(1000 * checkMs / lines).toFixed(1)} µs/line with the std models parsed and checked on first use)`,
    ];
    console.log(report.join('\n'));
    writeFileSync(join(tmpdir(), 'goesc-gotypes-mismatches.txt'), mismatches.join('\n') + '\n');
    expect(errors.slice(0, 10)).toEqual([]);
    expect(pct(layoutsAgree, layouts)).toBeGreaterThanOrEqual(99);
    expect(pct(exprsAgree, exprs)).toBeGreaterThanOrEqual(99);
  }, 240_000);
});
