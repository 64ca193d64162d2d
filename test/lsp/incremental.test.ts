// The server's incremental re-analysis (src/lsp/incremental.ts) against the full one: after
// every edit, the lines (and errors) must be those of a fresh analysis of the same text,
// whether the edit was re-analysed in part or in full; and the edits that can be done in
// part (a body edit, a function added or removed, lines moved) must be.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/lsp/analysis.js';
import { parseSettings } from '../../src/lsp/settings.js';
import type { IncrementalStats } from '../../src/lsp/incremental.js';
import { basePackage } from './base-package.js';

const settings = parseSettings(undefined).settings;
const enc = new TextEncoder();
const filename = '/virtual/inc/a.go';

function lines(r: { diagnostics: readonly { line: number; col: number; message: string; kind: string; func?: string }[]; errors: readonly { line: number; col: number; message: string }[] }): string[] {
  return [...r.errors.map((e) => `E ${e.line}:${e.col}: ${e.message}`), ...r.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message} [${d.kind} ${d.func ?? ''}]`)];
}

/** Runs `texts` through one incremental analyzer, each checked against a fresh full analysis. */
function follow(texts: readonly string[]): { stats: IncrementalStats; results: string[][] } {
  const inc = new Analyzer();
  const results: string[][] = [];
  for (const text of texts) {
    const pkg = { dir: '/virtual/inc', files: [{ filename, bytes: enc.encode(text) }] };
    const got = lines(inc.analyzeEdit(pkg, settings));
    const want = lines(new Analyzer().analyze(pkg, settings));
    expect(got, text).toEqual(want);
    results.push(got);
  }
  return { stats: inc.incrementalStats(pkg0(texts[0]!))!, results };
}

const pkg0 = (text: string) => ({ dir: '/virtual/inc', files: [{ filename, bytes: enc.encode(text) }] });

const base = basePackage;

describe('incremental re-analysis', () => {
  it('re-analyses a body edit, an added and a removed function in part, lines moved', () => {
    const texts = [
      base,
      base.replace('\tx := 0\n', '\tx := 0\n\ty := &x\n\t_ = y\n'),
      base,
      base + '\nfunc leak() *int {\n\ty := 1\n\treturn &y\n}\n',
      base,
      '// a comment moving every line\n\n' + base,
    ];
    const { stats } = follow(texts);
    expect(stats.full).toBe(1);
    expect(stats.reduced).toBe(texts.length - 1);
  });

  it("updates a caller when a callee's escape behaviour changes", () => {
    const texts = [base, base.replace('\tglobal = p\n', '\t_ = p\n'), base];
    const { results, stats } = follow(texts);
    // store's tags changed: pass (and then f) are redone with it, the rest kept.
    expect(stats.full).toBe(1);
    // pass leaks q through store, then no longer, then again; f's x follows.
    expect(results[0]).toContain('16:11: leaking param: q [leaking-param p.pass]');
    expect(results[1]).toContain('16:11: q does not escape [param-does-not-escape p.pass]');
    expect(results[1].some((l) => l.includes('moved to heap: x'))).toBe(false);
    expect(results[2]).toContain('21:2: moved to heap: x [moved-to-heap p.f]');
  });

  it('re-checks dependants of a changed signature or type declaration', () => {
    follow([
      base,
      base.replace('func store(p *int) {', 'func store(p *int, n int) {'), // callers now wrong
      base.replace('type T struct{ a, b int }', 'type T struct{ a, b *int }'), // h's literal now wrong
      base.replace('type T struct{ a, b int }', 'type T struct{ a int; b []byte }'),
      base.replace('func pass(q *int) {', 'func pass(q *int) *int {').replace('\tstore(q)\n}', '\tstore(q)\n\treturn q\n}'),
      base,
    ]);
  });

  it('keeps an import used only by kept functions, and reports one no function uses', () => {
    const { results } = follow([
      base,
      base.replace('\tfmt.Println(t.a)\n', '\t_ = t.a\n\tfmt.Println(t.b)\n'), // fmt still used; strings by g, kept
      base.replace('\treturn strings.ToUpper(s)\n', '\treturn s\n'), // strings unused now
      base,
    ]);
    expect(results[2].some((l) => l.includes('"strings" imported and not used'))).toBe(true);
  });

  it('reports type errors of an edited function without the full analysis', () => {
    const { stats, results } = follow([
      base,
      base.replace('\tx := 0\n', '\tx := 0\n\ty := undefinedName\n'),
      base.replace('\tx := 0\n', '\tx := 0\n\ty := 1\n'), // declared and not used
      base,
    ]);
    expect(results[1].some((l) => l.includes('undefined: undefinedName'))).toBe(true);
    expect(results[2].some((l) => l.includes('declared and not used: y'))).toBe(true);
    expect(stats.full).toBe(1);
  });

  it('follows edits of generic code and of its callers', () => {
    const gen = `package p

var sink any

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) {
	s.items = append(s.items, v)
}

func keep[T any](v T) {
	_ = v
}

func use() {
	keep(42)
	keep("s")
	s := &Stack[*int]{}
	x := 1
	s.Push(&x)
}

func other(p *int) int {
	return *p
}
`;
    const { stats, results } = follow([
      gen,
      gen.replace('\t_ = v\n', '\tsink = v\n'), // the instances now leak v: use's lines follow
      gen.replace('\treturn *p\n', '\ty := *p\n\treturn y\n'), // a plain function beside them
      gen.replace('func (s *Stack[T]) Push(v T) {', 'func (s *Stack[T]) Push(v T, w T) {'), // use now wrong
      gen,
    ]);
    expect(results[1].some((l) => l.includes('v escapes to heap'))).toBe(true);
    expect(stats.reduced).toBeGreaterThan(1);
  });

  it('follows edits of one file of a package of two, and of the other', () => {
    const b = (leak: boolean) => `package p\n\nvar sinkB any\n\nfunc fromB(p *int) *int {\n\t${leak ? 'sinkB = p' : '_ = p'}\n\treturn p\n}\n`;
    const a = base.replace('\tpass(&x)\n', '\tpass(&x)\n\ty := 2\n\t_ = fromB(&y)\n');
    const versions = [
      [a, b(true)],
      [a.replace('\tx := 0\n', '\tx := 0\n\tz := &x\n\t_ = z\n'), b(true)],
      [a, b(false)], // fromB no longer leaks: f's y stays on the stack
      ['// moved\n' + a, b(false)],
      [a, b(true)],
    ];
    const inc = new Analyzer();
    const results: string[][] = [];
    for (const [ta, tb] of versions) {
      const pkg = { dir: '/virtual/inc', files: [{ filename: '/virtual/inc/a.go', bytes: enc.encode(ta!) }, { filename: '/virtual/inc/b.go', bytes: enc.encode(tb!) }] };
      const got = lines(inc.analyzeEdit(pkg, settings));
      expect(got).toEqual(lines(new Analyzer().analyze(pkg, settings)));
      results.push(got);
    }
    expect(results[0]!.some((l) => l.includes('moved to heap: y'))).toBe(true);
    expect(results[2]!.some((l) => l.includes('moved to heap: y'))).toBe(false);
    const stats = inc.incrementalStats({ dir: '/virtual/inc', files: [{ filename: '/virtual/inc/a.go', bytes: new Uint8Array() }] })!;
    expect(stats.full).toBe(1);
  });

  it('redoes the package when an edit closes a cycle of calls through a kept function', () => {
    const rec = `package p

func even(n int) bool {
	if n == 0 {
		return true
	}
	return odd(n - 1)
}

func odd(n int) bool {
	return n != 0
}
`;
    const { results } = follow([
      rec,
      rec.replace('\treturn n != 0\n', '\tif n == 0 {\n\t\treturn false\n\t}\n\treturn even(n - 1)\n'),
      rec.replace('\treturn n != 0\n', '\tx := new(int)\n\t_ = x\n\tif n == 0 {\n\t\treturn false\n\t}\n\treturn even(n - 1)\n'),
      rec,
    ]);
    expect(results[2]!.some((l) => l.includes('new(int) does not escape'))).toBe(true);
  });

  it('names: an added function a kept one calls, a removed one still called', () => {
    follow([
      base.replace('\tpass(&x)\n', '\tpass(&x)\n\tother(&x)\n'), // other undefined: errors
      base.replace('\tpass(&x)\n', '\tpass(&x)\n\tother(&x)\n') + '\nfunc other(p *int) {\n\tglobal = p\n}\n',
      base.replace('\tpass(&x)\n', '\tpass(&x)\n\tother(&x)\n'),
      base,
    ]);
  });

  it('follows random edits of the escape corpus as a full analysis would', () => {
    const root = join(import.meta.dirname, '../../testdata/cases');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.go')).sort();
    // A deterministic sample: every 16th file, a few edits each.
    let seed = 1;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    let reduced = 0;
    for (const f of files.filter((_, i) => i % 16 === 0)) {
      let ls = (readFileSync(join(root, f), 'utf8') + '\nvar sinkAny any\n').split('\n');
      const texts = [ls.join('\n')];
      for (let s = 0; s < 6; s++) {
        const i = rnd(ls.length);
        const k = rnd(6);
        const next = [...ls];
        const plain = next.map((l, j) => [l, j] as const).filter(([l]) => /^func \w+\(/.test(l));
        const callees = next.map((l) => /^func (\w+)\(\)/.exec(l)?.[1]).filter((x): x is string => !!x && x !== 'init' && x !== 'main');
        if (k === 5 && plain.length > 0 && callees.length > 0) {
          // A call between the file's functions: new edges, cycles through kept functions.
          next.splice(plain[rnd(plain.length)]![1] + 1, 0, `\t${callees[rnd(callees.length)]}()`);
        } else if (k === 0) next.splice(i, 0, '');
        else if (k === 1 && next[i]!.startsWith('\t')) next.splice(i, 0, '\t{', '\t\tq := new(int)', '\t\t_ = q', '\t}');
        else if (k === 2) next.push(`func added${s}(p *int) *int {`, '\tx := 1', '\tif p == nil {', '\t\treturn &x', '\t}', '\treturn p', '}');
        else {
          const fs = next.map((l, j) => [l, j] as const).filter(([l]) => /^func (\([^)]*\) )?\w+\(\w+ /.test(l));
          if (fs.length > 0) {
            const [l, j] = fs[rnd(fs.length)]!;
            const param = /^func (?:\([^)]*\) )?\w+\((\w+) /.exec(l)![1]!;
            next.splice(j + 1, 0, k === 3 ? `\tsinkAny = ${param}` : `\tsinkAny = &${param}`);
          }
        }
        texts.push(next.join('\n'));
        ls = next;
      }
      reduced += follow(texts).stats.reduced;
    }
    expect(reduced).toBeGreaterThan(20);
  });
});
