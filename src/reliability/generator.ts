// A fast-check generator of well-formed Go packages rich in what escape analysis cares about:
// pointers, closures, interfaces, slices, calls between functions, defer/go, and a global sink.
//
// Type-correctness by construction: every function declares the same typed locals up front
// (x int, q *int, s []int, t *T, i I, f func() int) and ends by using them all, so any sequence
// of the statement templates below type-checks and no local is "declared and not used". Calls
// only go to functions generated earlier (g0..gK-1), so the call graph is acyclic, except for
// the method T.M, which every program has. Shared by test/reliability/properties.test.ts and
// scripts/fuzz.mjs (via dist); fast-check is a devDependency, so only tests and scripts load it.
import fc from 'fast-check';

/** One statement template: Go text, given how many functions precede the current one. */
export type Template = (a: { readonly k: number; readonly n: number; readonly callee: number }) => string;

export const templates: readonly Template[] = [
  () => 'q = &x',
  () => 'q = new(int)',
  () => 'q = p',
  ({ n }) => `x = ${n}`,
  () => 'x += *q',
  () => '*q = x',
  () => 's = append(s, x)',
  () => 's = append(s, *q)',
  ({ n }) => `s = make([]int, ${n % 8})`,
  ({ n }) => `s = make([]int, x+${n % 4})`,
  () => 's = s0',
  () => '{ var a [4]int; s = a[:] }',
  () => 'if len(s) > 0 { q = &s[0] }',
  () => 't = &T{p: q, s: s}',
  () => 't = t0',
  () => 'if t != nil { t.p = q }',
  () => 'if t != nil { t.s = s; t.next = t }',
  () => '{ v := T{p: q}; t = &v }',
  () => 'i = t',
  () => 'i = i0',
  () => 'if i != nil { x += i.M() }',
  () => '{ var e any = x; sink = e }',
  () => 'sink = q',
  () => 'sink = s',
  () => 'f = func() int { return *q + x }',
  () => 'f = func() int { x++; return x }',
  () => 'if f != nil { x += f() }',
  () => 'func() { q = &x }()',
  () => 'defer func() { x++ }()',
  () => 'defer func(r *int) { sink = r }(q)',
  () => 'go func() { _ = *q }()',
  () => 'for _, v := range s { x += v }',
  () => 'for j := range s { q = &s[j] }',
  ({ n }) => `if x > ${n} { q = &x }`,
  () => '{ m := map[int]*int{x: q}; q = m[0] }',
  () => '{ ch := make(chan *int, 1); ch <- q; q = <-ch }',
  () => '{ ps := []*int{q, &x}; q = ps[x&1] }',
  ({ k, callee }) => (k === 0 ? 'q = keep(q)' : `q = g${callee % k}(q, s, t, i)`),
  ({ k, callee }) => (k === 0 ? 'x += len(s)' : `x += *g${callee % k}(&x, s, t, nil)`),
  () => 'q = keep(q)',
  () => 's = grow(s)',
  // method values, maps of pointers, arrays of pointers, variadic calls, struct copies
  () => 'if t != nil { f = t.M }',
  () => 'if i != nil { f = i.M }',
  () => 't = new(T)',
  () => 'i = &T{p: &x}',
  () => '{ m := map[string]*T{"k": t}; t = m["k"] }',
  ({ n }) => `{ m := make(map[int]int, ${n % 10}); m[x] = len(s); for k, v := range m { x += k + v } }`,
  () => '{ var a [2]*int; a[x&1] = q; q = a[0] }',
  () => 'x += sum(s...)',
  () => 'x += sum(x, *q, len(s))',
  () => 'if t0 != nil { v := *t0; q = v.p; s = v.s }',
  () => 'if t != nil { sink = *t }',
  () => '{ ts := []I{t, i0}; i = ts[x&1] }',
  () => 'for j := 0; j < 2; j++ { defer func() { x += j }() }',
  () => 'go func(r *int, u []int) { _, _ = r, u }(q, s)',
  () => '{ b := []byte("go"); x += len(string(b)) }',
  () => 'f = func() int { return len(s) + *q }',
];

/** Package-level declarations every generated program starts with. */
export const prelude = `type T struct {
\tp    *int
\ts    []int
\tnext *T
}

type I interface{ M() int }

func (t *T) M() int { return len(t.s) + *t.p }

var sink any

func keep(p *int) *int { return p }

func grow(s []int) []int { return append(s, len(s)) }

func sum(xs ...int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}
`;

export interface GoProgram {
  /** Function declarations g0..gN-1, each a complete Go text. */
  readonly functions: readonly string[];
}

const statementArb = fc
  .record({ template: fc.nat(templates.length - 1), n: fc.nat(100), callee: fc.nat(16) })
  .map(({ template, n, callee }) => (k: number) => templates[template]!({ k, n, callee }));

const functionBodyArb = fc.array(statementArb, { minLength: 0, maxLength: 8 });

/** A program of 1..maxFunctions functions. */
export function goProgramArb(maxFunctions = 5): fc.Arbitrary<GoProgram> {
  return fc.array(functionBodyArb, { minLength: 1, maxLength: maxFunctions }).map((bodies) => ({
    functions: bodies.map((body, k) => renderFunction(k, body.map((s) => s(k)))),
  }));
}

/** Function g<k> around the given statements (the locals every template relies on). */
export function renderFunction(k: number, statements: readonly string[]): string {
  return [
    `func g${k}(p *int, s0 []int, t0 *T, i0 I) *int {`,
    '\tx := 0',
    '\tq := new(int)',
    '\tvar s []int',
    '\tvar t *T',
    '\tvar i I',
    '\tvar f func() int',
    ...statements.map((s) => `\t${s}`),
    '\t_, _, _, _, _, _ = x, q, s, t, i, f',
    '\treturn q',
    '}',
  ].join('\n');
}

/** The program as one file of package p. */
export function renderFile(program: GoProgram): string {
  return `package p\n\n${prelude}\n${program.functions.join('\n\n')}\n`;
}

/** The program split over `parts` files (the prelude in the first), for file-order properties. */
export function renderFiles(program: GoProgram, parts: number): string[] {
  const files: string[][] = Array.from({ length: Math.max(1, parts) }, () => []);
  program.functions.forEach((f, i) => files[i % files.length]!.push(f));
  return files.map((fs, i) => `package p\n\n${i === 0 ? prelude + '\n' : ''}${fs.join('\n\n')}\n`);
}
