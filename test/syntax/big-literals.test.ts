// Big literals read outside Ohm (src/syntax/big-literals.ts) must give exactly the AST and
// the errors that Ohm's path gives: the same nodes, positions and field order (compared as
// JSON text), for every literal shape, including those that must fall back (function
// literals whose bodies look like element lists, calls, comments, newlines, syntax errors).
// Each input is parsed twice: with every literal taken through the fast path (threshold 0)
// and with none (a threshold no literal reaches).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BigLiteralStats } from '../../src/syntax/big-literals.js';
import { parseFile } from '../../src/syntax/index.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** What the fast paths did over this file's tests. */
const bigLiteralStats: BigLiteralStats = { literals: 0, elementsMatched: 0, blocks: 0 };

function parseWith(threshold: number, name: string, src: Uint8Array): string {
  return JSON.stringify(parseFile(name, src, undefined, { bigLiteralTokens: threshold, bigLiteralStats }));
}

/** Parses `src` both ways; returns the (equal) results. */
function same(src: string | Uint8Array, name = 't.go'): ReturnType<typeof parseFile> {
  const bytes = typeof src === 'string' ? enc(src) : src;
  const slow = parseWith(1 << 30, name, bytes);
  const fast = parseWith(0, name, bytes);
  expect(fast).toBe(slow);
  return JSON.parse(fast);
}

const elements = [
  '1, 2, 3',
  '1, 2, 3,',
  '-1, +2, ^3, !x, *p, &x, <-ch, ~x',
  '0x1f, 0b101, 0o17, 1_000, 1.5, 1e9, 2i, \'a\', "s", `raw`',
  'a.b, a.b.c, pkg.Const',
  '1 + 2*3 - 4, a<<2 | b&^c, x == y && z != w || !v, -a * -b',
  'k: v, 1: "a", "x": {1, 2}, {1}: {2}',
  '{1, "a"}, {2, "b"},',
  '{{1, 2}, {3}}, {}, {{}}',
  'T{1, 2}, pkg.T{X: 1}, &T{}, &pkg.T{1}, T{}.f',
  'T{1}.x.y, {1}, 5{}',
  // matched by Ohm alone (calls, indexes, assertions, function literals, types), or whole
  'f(1), g(x, y...), 2',
  '{1, f(1)}, {2, f(2)}',
  'k: f(1), f(2): {3}',
  'func() { var (a = 1); _ = a }, func() { var b = 2; _ = b }',
  'func() {\n//go:noinline\nvar x = 1\n_ = x\n}, 2',
  'func() {}(), (func())(nil)',
  'T{1, f(2)}.x, 3',
  'f(1), 2',
  'a[1], 2',
  'x.(T), 1',
  'func() {}, 1',
  'func() int { return 1 }, 2',
  '[]int{1, 2}, 3',
  'map[string]int{"a": 1}, 2',
  'struct{}{}, 1',
  '(1), 2',
  'x[:], 1',
  // comments and newlines inside
  '1, /* c */ 2, // c\n 3,\n',
  '1,\n2,\n3,\n',
  '{\n1,\n},\n',
  'a: // c\n 1,\n',
];

const contexts = [
  (e: string) => `package p\nvar x = []T{${e}}\n`,
  (e: string) => `package p\nvar x = [...]T{${e}}\n`,
  (e: string) => `package p\nvar x = map[K]V{${e}}\n`,
  (e: string) => `package p\nvar x = &T{${e}}\n`,
  (e: string) => `package p\nvar x = pkg.T{${e}}\n`,
  (e: string) => `package p\nvar x, y = T{${e}}, []T{{${e}}}\n`,
  (e: string) => `package p\nfunc f() { x := T{${e}}; _ = []T{${e}} }\n`,
  (e: string) => `package p\nfunc f() { if x := (T{${e}}); x == y { g(T{${e}}) } }\n`,
  (e: string) => `package p\nfunc f() { for _, v := range []T{${e}} { _ = v } }\n`,
  (e: string) => `package p\nvar f = func() { _ = T{${e}} }\n`,
  (e: string) => `package p\nfunc f() T { return T{${e}} }\n`,
  (e: string) => `package p\nvar x = struct{ a []T }{a: []T{${e}}}\n`,
  (e: string) => `package p\nconst (\n\ta = iota\n)\n//go:embed x\nvar x = T{${e}}\n`,
  // blocks and bodies that read like element lists
  (e: string) => `package p\nvar f = func() {${e}}\n`,
  (e: string) => `package p\nvar f = func() []int {${e}}\n`,
  (e: string) => `package p\nvar f = []func(){func() {${e}}}\n`,
  (e: string) => `package p\nfunc f() {${e}}\n`,
  (e: string) => `package p\nfunc f() { {${e}} }\n`,
  (e: string) => `package p\nfunc f() { if x {${e}} }\n`,
  (e: string) => `package p\nfunc f() { if x == T {${e}} {} }\n`,
  (e: string) => `package p\nfunc f() { switch x {${e}} }\n`,
  (e: string) => `package p\nfunc f() { L: {${e}} }\n`,
  (e: string) => `package p\nvar f = func() { func() {${e}}() }\n`,
  (e: string) => `package p\ntype S struct{${e}}\n`,
  (e: string) => `package p\ntype I interface{${e}}\n`,
  (e: string) => `package p\nvar x = T{${e}\n}\n`,
  (e: string) => `package p\nvar x = T{${e}, \n`,
  (e: string) => `package p\nvar x = T{${e}}}\n`,
  (e: string) => `package p\nvar x = T{,${e}}\n`,
];

const statements = [
  'x := 1; y := 2',
  'x := 1\ny := 2\n',
  'for i := 0; i < n; i++ { f(i) }; g()',
  'for i := 0; i < n; { i++ }; for ;; { break }',
  'if x := f(); x > 0 { g() } else if y := h(); y { k() } else { l() }; m()',
  'switch x := f(); x { case 1: a(); b(); case 2: default: c() }; d()',
  'switch { case x > 1: }; select { case <-ch: f(); default: }',
  'L: for x := range xs { if x { continue L }; break L }; goto L',
  'var (a = 1; b = 2); const c = 3; type T int',
  'var x int;;; y := []int{1, 2}; _ = x',
  'func() { a := 1; _ = a }(); defer func() { recover() }(); go f(1)',
  'if v := []int{1}; len(v) > 0 { f() }; for _, x := range []T{{1}, {2}} { _ = x }',
  'x := struct{ a int; b string }{1, "a"}; _ = x',
  '{ a := 1; { b := 2; _ = b }; _ = a }',
  'x.y.z = f(a, b)[1:2]; ch <- v; x++; y -= 2; a, b = b, a',
  '//go:noinline\nvar x = 1\n_ = x',
  // errors
  'x := 1; y := 2 3',
  'for i := 0; i < n; i++ {',
  'if x { f() } else g()',
  'x, y; z := 1',
  'for i := 0; i < 10; i := 1 {}',
  'var x = 1; return; }; {',
];

const bodyContexts = [
  (b: string) => `package p\nfunc f() {${b}}\n`,
  (b: string) => `package p\nfunc f() {\n${b}\n}\n`,
  (b: string) => `package p\nvar f = func() {${b}}\n`,
  (b: string) => `package p\nvar fs = []func(){func() {${b}}, nil}\n`,
  (b: string) => `package p\nfunc f() { if c { ${b} } else { ${b} }; for { ${b} } }\n`,
  (b: string) => `package p\nvar (\n\tv = 1\n\tf = func() {${b}}\n)\n`,
];

describe('big literals read outside Ohm', () => {
  it('and big blocks give the AST and errors of the Ohm path, for statements of every kind', () => {
    const before = { ...bigLiteralStats };
    let ok = 0;
    let failed = 0;
    for (const b of statements) {
      for (const ctx of bodyContexts) {
        const r = same(ctx(b));
        if (r.errors.length === 0) ok++;
        else failed++;
      }
    }
    expect(ok).toBeGreaterThan(60);
    expect(failed).toBeGreaterThan(20);
    expect(bigLiteralStats.blocks - before.blocks).toBeGreaterThan(100);
  });

  it('give the same AST for a big function of many statements', () => {
    const body = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? `for j := 0; j < ${i}; j++ { a += j }` : i % 5 === 0 ? `if x := a; x > ${i} { a-- } else if a == 1 { a++ }` : `a = ${i} + a`)).join('; ');
    const r = same(`package p\n\nvar sink *int\n\nfunc g() { var a int; ${body}; sink = &a }\n`);
    expect(r.errors).toEqual([]);
  });

  it('give the AST and errors of the Ohm path, for every shape and context', () => {
    let ok = 0;
    let failed = 0;
    const before = { ...bigLiteralStats };
    for (const e of elements) {
      for (const ctx of contexts) {
        const r = same(ctx(e));
        if (r.errors.length === 0) ok++;
        else failed++;
      }
    }
    // both outcomes are exercised
    expect(ok).toBeGreaterThan(100);
    expect(failed).toBeGreaterThan(50);
    // and both ways of reading elements
    expect(bigLiteralStats.literals - before.literals).toBeGreaterThan(500);
    expect(bigLiteralStats.elementsMatched - before.elementsMatched).toBeGreaterThan(100);
  });

  it('report a syntax error inside a big literal where gc does', () => {
    const elems = Array.from({ length: 2000 }, (_, i) => String(i));
    elems[1500] = '1 2';
    const r = same(`package p\n\nvar table = []int{${elems.join(', ')}}\n`);
    // gc: "t.go:3: syntax error: unexpected literal 2 in composite literal; possibly missing
    // comma or }" (gc prints no column past 255); the column here is the token's
    const col = 'var table = []int{'.length + elems.slice(0, 1500).join(', ').length + 2 + 3;
    expect(r.errors.map((e) => `${e.line}:${e.col}: ${e.message}`)).toEqual([
      `3:${col}: syntax error: unexpected literal 2 in composite literal; possibly missing comma or }`,
    ]);
    const missing = same(`package p\n\nvar table = []int{\n${elems.slice(0, 1500).join(',\n')}\n}\n`);
    // gc: t.go:1503:5: syntax error: unexpected newline in composite literal; possibly missing comma or }
    expect(missing.errors.map((e) => `${e.line}:${e.col}: ${e.message}`)).toEqual([
      '1503:5: syntax error: unexpected newline in composite literal; possibly missing comma or }',
    ]);
  });

  it('read big tables of every common shape at the default threshold', () => {
    const n = 1200;
    const tables = [
      (i: number) => String((i * 7919) % 100003),
      (i: number) => JSON.stringify(`s${i}`),
      (i: number) => `{${i}, "a"}`,
      (i: number) => `${i}: ${(i * 31) % 1000}`,
      (i: number) => `0x${((i * 37) & 255).toString(16)}`,
      (i: number) => `T{X: ${i}, Y: -${i}}`,
      (i: number) => `&T{${i} << 2, a.B | ${i}}`,
      (i: number) => (i === n - 1 ? 'f(1)' : String(i)), // one element matched by Ohm
      (i: number) => `uint8(${i % 256})`,
      (i: number) => `{"a", f(${i}), []int{${i}}}`,
      (i: number) => (i === n - 1 ? '1 2' : String(i)), // a syntax error: all by Ohm
      (i: number) => `{${i}, func() {}}`, // inner literals small, outer one not simple
    ];
    for (const el of tables) {
      const body = Array.from({ length: n }, (_, i) => el(i)).join(', ');
      const r = same(`package p\n\nvar table = []T{${body}}\n\nvar t2 = []T{\n${body.replaceAll(', ', ',\n')},\n}\n\nfunc f() *int { x := 1; return &x }\n`);
      expect(r.errors.length).toBe(body.includes('1 2') ? 1 : 0);
    }
  });

  const goroot = (() => {
    try {
      return execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  })();
  // Real code, every literal through the fast path: std's table-heavy packages and a
  // spread of others (the whole of GOROOT/src was checked the same way when this was
  // written: scripts/bench-big.mjs --crosscheck).
  const dirs = ['unicode', 'crypto/internal/fips140/nistec', 'strconv', 'html', 'image/color/palette', 'go/printer'];
  it.skipIf(!goroot || !existsSync(join(goroot, 'src')))('give the same ASTs on std packages', () => {
    let files = 0;
    for (const d of dirs) {
      const dir = join(goroot, 'src', d);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir)) {
        if (!f.endsWith('.go')) continue;
        const path = join(dir, f);
        if (statSync(path).size > 600_000) continue;
        same(readFileSync(path), path);
        files++;
      }
    }
    expect(files).toBeGreaterThan(25);
  }, 300_000);
});
