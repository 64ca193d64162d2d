// Inputs gc accepts: goesc must parse them, and the AST must hold what gc's does.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFile } from '../../src/syntax/index.js';
import { forEachNode } from '../../src/syntax/walk.js';
import type { File, Node, FuncDecl, Stmt, Expr } from '../../src/syntax/ast.js';

const dir = fileURLToPath(new URL('./testdata/', import.meta.url));
const enc = (s: string) => new TextEncoder().encode(s);

function parseOK(src: string): File {
  const { file, errors } = parseFile('t.go', enc(src));
  expect(errors.map((e) => `${e.line}:${e.col}: ${e.message}`)).toEqual([]);
  return file!;
}

function body(src: string): readonly Stmt[] {
  const f = parseOK(`package p\nfunc f() {\n${src}\n}\n`);
  return (f.decls[0] as FuncDecl).body!.stmts;
}

function nodes(root: Node, kind: string): Node[] {
  const out: Node[] = [];
  forEachNode(root, (n) => {
    if (n.kind === kind) out.push(n);
  });
  return out;
}

const accepted: readonly string[] = [
  'x := 1',
  'var x, y int = 1, 2',
  'x, y := <-ch, f[int, string](1)',
  'for i := range 10 {}',
  'for range f {}',
  'for k, v := range m {}',
  'for i := 0; i < 10; i++ {}',
  'for ;; {}',
  'for x < 1 {}',
  'if x := (T{}); x.a {}',
  'if v, ok := m[T{1}]; ok {}',
  'switch x := y.(type) { case int: default: }',
  'switch { case a, b: fallthrough; default: }',
  'switch f(); x.(type) {}',
  'select { case x := <-c: case c <- 1: default: }',
  'L: for { break L }',
  'goto L; L:',
  'go f(); defer g()',
  'x.y.z++',
  'p := &T{a: 1, b: []int{2}}',
  'f := func(a, b int, c ...string) (r int) { return }',
  'var _ = (*T).M',
  'var _ = []byte("x")',
  'var _ = map[[2]int]struct{}{{1, 2}: {}}',
  'var _ = [...]string{2: "a"}',
  'var c <-chan <-chan int',
  'var c chan<- chan int',
  'x := a[1:2:3]; y := a[:]; z := s[i:]',
  'type L[T any] struct{ next *L[T] }',
  'type C interface { ~int | ~string; M() }',
  'var x interface{ comparable }',
  'x &^= 1; x <<= 2; x %= 3',
  'struct{}{}.m()',
  '_ = 0x1p-2 + 1e3 + .5 + 1_000 + 0b1 + 0o7 + 07 + 1i',
  "_ = 'a' + '\\n' + '\\x41' + '\\u00e9' + '\\U0001F600' + '\\101'",
  'if x { } else if y { } else { }',
  'var f func() func() int',
  'var _ = func() {}',
  'var _ = interface{}(nil)',
];

describe('accepted statements', () => {
  for (const src of accepted) it(src, () => void body(src));
});

describe('the AST holds gc positions and shapes', () => {
  it('binary precedence, left associative', () => {
    const [s] = body('x = a + b*c - d');
    const rhs = (s as Extract<Stmt, { kind: 'AssignStmt' }>).rhs[0] as Extract<Expr, { kind: 'BinaryExpr' }>;
    expect(rhs.op).toBe('-');
    expect((rhs.x as Extract<Expr, { kind: 'BinaryExpr' }>).op).toBe('+');
    expect(rhs.col).toBe(13);
  });

  it('composite literal in an if header needs parentheses (xnest)', () => {
    expect(parseFile('t.go', enc('package p\nfunc f() {\n\tif x == T{} {\n\t}\n}\n')).file).toBeNull();
    const [s] = body('if x == (T{}) {}');
    expect(nodes(s as Node, 'CompositeLit')).toHaveLength(1);
  });

  it('columns count UTF-8 bytes', () => {
    const f = parseOK('package p\n\nvar s = "héllo wörld" + x\n');
    const names = nodes(f, 'Name').map((n) => n as Extract<Node, { kind: 'Name' }>);
    const x = names.find((n) => n.value === 'x')!;
    // "var s = " is 8 bytes, the string 15 bytes (é and ö take 2), then " + "
    expect([x.line, x.col]).toEqual([3, 27]);
    const g = parseOK('package p\n\nvar é, ü = 1, 2\n');
    const ü = nodes(g, 'Name').find((n) => (n as { value: string }).value === 'ü')!;
    expect(ü.col).toBe(9);
  });

  it('each literal keeps its kind and spelling', () => {
    const f = parseOK('package p\nvar _ = []any{0x_1F, 1.5e3, 2i, \'x\', `raw`, "s", 0o17, .5}\n');
    const lits = nodes(f, 'BasicLit').map((n) => n as Extract<Node, { kind: 'BasicLit' }>);
    expect(lits.map((l) => `${l.litKind}:${l.value}`)).toEqual([
      'int:0x_1F', 'float:1.5e3', 'imag:2i', "rune:'x'", 'string:`raw`', 'string:"s"', 'int:0o17', 'float:.5',
    ]);
  });

  it('directives attach to the declaration they precede', () => {
    const f = parseOK('//go:build linux\n\npackage p\n\n//go:noinline\n//goesc:leaks content\nfunc f()\n\n//go:embed x\nvar s string\n\n//go:linkname y z\n');
    expect(f.goBuild).toBe('linux');
    const fn = f.decls[0] as FuncDecl;
    expect(fn.pragmas.map((p) => p.name)).toEqual(['noinline', 'leaks']);
    expect(fn.body).toBeNull();
    expect((f.decls[1] as Extract<Node, { kind: 'VarDecl' }>).pragmas[0]!.text).toBe('//go:embed x');
    expect(f.pragmas.map((p) => p.text)).toEqual(['//go:linkname y z']);
  });

  it('parameter names group as gc groups them', () => {
    const f = parseOK('package p\nfunc f(a, b int, c string) (int, error)\nfunc g(a, b)\n');
    const [f1, f2] = f.decls as FuncDecl[];
    expect(f1!.type.params.map((p) => p.names.map((n) => n.value))).toEqual([['a', 'b'], ['c']]);
    expect(f1!.type.results.map((p) => p.names.length)).toEqual([0, 0]);
    expect(f2!.type.params.map((p) => (p.type as { value: string }).value)).toEqual(['a', 'b']);
  });

  it('positions: call at "(", composite literal at "{", selector at "."', () => {
    const [s] = body('\tx := pkg.F(T{})');
    const call = nodes(s as Node, 'CallExpr')[0]!;
    const lit = nodes(s as Node, 'CompositeLit')[0]!;
    const sel = nodes(s as Node, 'SelectorExpr')[0]!;
    expect([call.col, lit.col, sel.col, (s as Node).col]).toEqual([12, 14, 10, 4]);
  });

  it('a file with every construct parses', () => {
    const { file, errors } = parseFile('features.go', readFileSync(`${dir}good/features.go`));
    expect(errors).toEqual([]);
    expect(file!.decls.length).toBeGreaterThan(10);
  });
});
