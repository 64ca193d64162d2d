// Property-based robustness (issue 9, item 3), bounded for CI: fixed seeds, few runs.
// - Generated well-formed programs (src/reliability/generator.ts): the library never throws,
//   reports no syntax/type error, and answers the same twice and whatever the file order.
// - Byte-level mutations of corpus files (testdata/cases): the library returns diagnostics or
//   gc-style errors (what the CLI turns into exit 0 or 2), never throws anything but a
//   UserError, and each run stays fast (a hang would trip the test timeout).
// When `go` is on PATH, a few generated programs are compiled by gc to prove they are valid Go.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePackages, formatDiagnostic, type AnalysisResult, type SourcePackage } from '../../src/api.js';
import { UserError, formatGoError } from '../../src/errors.js';
import { goProgramArb, renderFile, renderFiles } from '../../src/reliability/generator.js';

const hasGo = spawnSync('go', ['version']).status === 0;
if (!hasGo) console.log('properties: go not on PATH, gc validation of generated programs skipped');

const encoder = new TextEncoder();
const pkg = (texts: readonly string[], names = texts.map((_, i) => `f${i}.go`)): SourcePackage => ({
  dir: '.',
  files: texts.map((t, i) => ({ filename: names[i]!, bytes: encoder.encode(t) })),
});
const lines = (r: AnalysisResult) => [...r.errors.map(formatGoError), ...r.diagnostics.map(formatDiagnostic)];

describe('generated programs', () => {
  it('are valid Go for the real compiler', { timeout: 120_000 }, () => {
    if (!hasGo) return;
    const dir = mkdtempSync(join(tmpdir(), 'goesc-gen-'));
    try {
      const cfg = spawnSync('go', ['list', '-export', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', 'std'], {
        encoding: 'utf8',
      }).stdout;
      writeFileSync(join(dir, 'importcfg'), cfg);
      for (const [i, p] of fc.sample(goProgramArb(6), { seed: 7, numRuns: 4 }).entries()) {
        writeFileSync(join(dir, `g${i}.go`), renderFile(p));
        const r = spawnSync('go', ['tool', 'compile', '-p=p', '-importcfg=importcfg', '-o', 'x.o', '-l', `g${i}.go`], {
          cwd: dir,
          encoding: 'utf8',
        });
        expect(r.stderr + r.stdout, renderFile(p)).toBe('');
        expect(r.status).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never make goesc throw, type-check, and give the same answer twice', () => {
    fc.assert(
      fc.property(goProgramArb(5), (p) => {
        const src = renderFile(p);
        const first = analyzePackages([pkg([src])], { m: 2 });
        expect(first.errors.map(formatGoError)).toEqual([]);
        expect(lines(analyzePackages([pkg([src])], { m: 2 }))).toEqual(lines(first));
      }),
      { seed: 1, numRuns: 15 },
    );
  });

  it('give the same diagnostics whatever the order of the files', () => {
    fc.assert(
      fc.property(goProgramArb(5), fc.integer({ min: 2, max: 3 }), fc.nat(5), (p, parts, rotation) => {
        const texts = renderFiles(p, parts);
        const names = texts.map((_, i) => `f${i}.go`);
        const order = texts.map((_, i) => (i + rotation) % texts.length);
        const straight = lines(analyzePackages([pkg(texts, names)], { m: 1 }));
        const shuffled = lines(analyzePackages([pkg(order.map((i) => texts[i]!), order.map((i) => names[i]!))], { m: 1 }));
        // gc sorts its messages by position, file names first; compare as sorted lists.
        expect([...shuffled].sort()).toEqual([...straight].sort());
        expect(straight.length).toBeGreaterThan(0);
      }),
      { seed: 2, numRuns: 10 },
    );
  });
});

function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.go')) out.push(p);
    }
  };
  walk('testdata/cases');
  return out;
}

/** One byte-level edit: flip, delete a run, insert random bytes, or duplicate a run. */
const mutationArb = fc.record({
  kind: fc.constantFrom('flip', 'delete', 'insert', 'duplicate'),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 16 }),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
});

interface Mutation {
  readonly kind: string;
  readonly at: number;
  readonly len: number;
  readonly bytes: Uint8Array;
}

function mutate(src: Uint8Array, edits: readonly Mutation[]): Uint8Array {
  let b = Buffer.from(src);
  for (const e of edits) {
    const at = b.length === 0 ? 0 : e.at % b.length;
    if (e.kind === 'flip' && b.length > 0) b[at] = b[at]! ^ (e.bytes[0]! | 1);
    else if (e.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + e.len)]);
    else if (e.kind === 'insert') b = Buffer.concat([b.subarray(0, at), e.bytes, b.subarray(at)]);
    else b = Buffer.concat([b.subarray(0, at + e.len), b.subarray(at, at + e.len), b.subarray(at + e.len)]);
  }
  return b;
}

describe('mutated corpus files', () => {
  const files = corpusFiles();

  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('give diagnostics or gc-style errors, never a crash or a hang', () => {
    fc.assert(
      fc.property(fc.nat(files.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (which, edits) => {
        const name = files[which]!;
        const bytes = mutate(readFileSync(name), edits);
        const started = Date.now();
        try {
          const r = analyzePackages([{ dir: '.', files: [{ filename: 'm.go', bytes }] }], { m: 1 });
          for (const e of r.errors) expect(formatGoError(e)).toMatch(/^m\.go:\d+:\d+: \S/);
        } catch (e) {
          // A UserError is the CLI's exit 2; anything else would be exit 1, a crash.
          if (!(e instanceof UserError)) throw e;
        }
        expect(Date.now() - started).toBeLessThan(10_000);
      }),
      { seed: 3, numRuns: 150 },
    );
  });
});
