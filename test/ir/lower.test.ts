// The shape of the lowered IR for small programs: the implicit operations gc's front end
// makes explicit must be there, with gc's names and positions.
import { describe, expect, it } from 'vitest';
import { lowerSources } from './harness.js';
import { allFuncs, dumpFunc } from '../../src/ir/dump.js';
import type { IrFunc } from '../../src/ir/ir.js';

function lowered(src: string): IrFunc[] {
  const r = lowerSources({ 'x.go': src });
  if (!r.ir) throw new Error(r.errors.map((e) => `${e.line}:${e.col}: ${e.message}`).join('\n'));
  return allFuncs(r.ir.funcs);
}
function dump(src: string, positions = false): string {
  return lowered(src).map((f) => dumpFunc(f, { positions })).join('\n');
}

describe('lowering', () => {
  it('converts to interfaces implicitly at assignment, argument and return', () => {
    const d = dump(`package p
var sink any
func g(x any) {}
func f(n int) any {
	sink = n
	g(n)
	return n
}`, true);
    expect(d).toContain('AS@5:7 sink@5:2 = CONVIFACE~@5:9(n@5:9)');
    expect(d).toContain('EXPR@6:3 CALLFUNC@6:3(g@6:2, CONVIFACE~@6:4(n@6:4))');
    expect(d).toContain('RETURN@7:2 CONVIFACE~@7:9(n@7:9)');
  });

  it('packs variadic arguments into an implicit slice at the call', () => {
    const d = dump(`package p
func v(xs ...any) {}
func f(n int) {
	v(n, 1)
	v()
}`, true);
    expect(d).toContain('SLICELIT...@4:3([]any{CONVIFACE~@4:4(n@4:4) CONVIFACE~@4:7(1@4:7)})...');
    expect(d).toContain('CALLFUNC@5:3(v@5:2, nil@5:3...)');
  });

  it('makes receivers explicit: & of addressable values, * of pointers, embedded paths', () => {
    const d = dump(`package p
type T struct{ a int }
func (t *T) P() {}
func (t T) V() {}
type S struct{ *T }
func f(s S, t T, pt *T) {
	t.P()
	pt.V()
	s.P()
	_ = s.a
}`);
    expect(d).toContain('CALLFUNC(METHEXPR(*T.P), ADDR~(t))');
    expect(d).toContain('CALLFUNC(METHEXPR(T.V), DEREF~(pt))');
    expect(d).toContain('CALLFUNC(METHEXPR(*T.P), DOT(s.T))');
    expect(d).toContain('AS _ = DOTPTR(DOT(s.T).a)');
  });

  it('names closures as gc does and records their captured variables', () => {
    const fns = lowered(`package p
func f(n int) func() int {
	x := 1
	return func() int {
		return func() int { return n + x }()
	}
}`);
    expect(fns.map((f) => f.name)).toEqual(['p.f', 'p.f.func1', 'p.f.func1.1']);
    expect(fns[1]!.closureVars.map((v) => v.sym)).toEqual(['n', 'x']);
    expect(fns[2]!.closureVars.map((v) => v.sym)).toEqual(['n', 'x']);
    expect(fns[2]!.closureVars[0]).toBe(fns[0]!.params[0]);
  });

  it('wraps go/defer calls with arguments, spilling operands to temporaries', () => {
    const fns = lowered(`package p
func h(a int, b *int) {}
func f(n int) {
	defer h(n, nil)
	go h(1, &n)
	defer func() {}()
}`);
    expect(fns.map((f) => f.name)).toEqual(['p.h', 'p.f', 'p.f.deferwrap1', 'p.f.gowrap2', 'p.f.func1']);
    const d = fns.map((f) => dumpFunc(f)).join('\n');
    expect(d).toContain('AS2 .autotmp_1 = n');
    expect(d).toContain('DEFER CALLFUNC(CLOSURE(p.f.deferwrap1))');
    expect(d).toContain('EXPR CALLFUNC(h, .autotmp_1, nil)');
    expect(d).toContain('DEFER CALLFUNC(CLOSURE(p.f.func1))');
    expect(fns[2]!.wrapper).toBe(true);
  });

  it('declares with DCL and records definitions (ir.StaticValue needs them)', () => {
    const fns = lowered(`package p
func f() []int {
	n := 10
	return make([]int, n)
}`);
    const body = fns[0]!.body!;
    expect(body[0]).toMatchObject({ op: 'DCL', name: { sym: 'n' } });
    expect(body[1]).toMatchObject({ op: 'AS', defs: [{ sym: 'n' }] });
  });

  it('slices arrays through an implicit address and marks the array address-taken', () => {
    const fns = lowered(`package p
func f() []int {
	var a [4]int
	return a[1:]
}`);
    expect(dumpFunc(fns[0]!)).toContain('RETURN SLICEARR(ADDR~(a), 1)');
    expect(fns[0]!.dcl.find((n) => n.sym === 'a')!.addrtaken).toBe(true);
  });

  it('goes through temporaries for N:1 assignments, as the unified IR reader does', () => {
    const d = dump(`package p
var sink any
func g() (int, error) { return 0, nil }
func f(m map[string]int, i any) {
	a, err := g()
	v, ok := m["k"]
	sink, ok = i.(int)
	_, _, _, _ = a, err, v, ok
}`);
    // The first value carries the assignment (ir.InitExpr), wrapped in an OCONVNOP.
    expect(d).toMatch(/AS2FUNC (\.autotmp_\d+), (\.autotmp_\d+) = CALLFUNC\(g\)\n {2}AS2 a, err = CONVNOP\(\1\), \2/);
    expect(d).toMatch(/AS2MAPR \.autotmp_\d+, \.autotmp_\d+ = INDEXMAP\(m, "k"\)/);
    expect(d).toMatch(/AS2 sink, ok = CONVIFACE~\(\.autotmp_\d+\), \.autotmp_\d+/);
  });

  it('gives unnamed and blank parameters gc names', () => {
    const fns = lowered(`package p
type T struct{}
func (T) m(int, string) (int, error) { return 0, nil }
func (t *T) n(_ int, s string) (_ int, err error) { return 0, nil }`);
    const f = fns[0]!;
    const g = fns[1]!;
    expect(g.name).toBe('p.(*T).n');
    expect([g.recv!.sym, ...g.params.map((p) => p.sym)]).toEqual(['t', '~p1', 's']);
    expect(g.results.map((p) => p.sym)).toEqual(['~r0', 'err']);
    expect(f.name).toBe('p.T.m');
    expect([f.recv!.sym, ...f.params.map((p) => p.sym)]).toEqual(['~p0', '~p1', '~p2']);
    expect(f.results.map((p) => p.sym)).toEqual(['~r0', '~r1']);
  });

  it('declares loop variables per iteration when captured (Go 1.22 loopvar)', () => {
    const d = dump(`package p
var sink any
func f(xs []int) {
	for i := 0; i < 3; i++ {
		sink = &i
	}
	for _, x := range xs {
		sink = func() int { return x }
	}
	for j := 0; j < 3; j++ {
	}
}`);
    expect(d).toMatch(/FOR \n {4}DCL i\n/);
    expect(d).toMatch(/RANGE _, \.autotmp_\d+ = range xs\n {4}DCL x\n/);
    expect(d).toMatch(/DCL j\n {2}AS j = 0\n {2}FOR LT\(j, 3\)/);
  });

  it('puts the receive of a select case in the comm and the assignments in the body', () => {
    const fns = lowered(`package p
var sink any
func f(c chan *int) {
	select {
	case v, ok := <-c:
		_, _ = v, ok
	case sink = <-c:
	}
}`);
    const sel = fns[0]!.body!.find((s) => s.op === 'SELECT');
    expect(sel?.op).toBe('SELECT');
    if (sel?.op !== 'SELECT') return;
    expect(sel.cases[0]!.comm).toMatchObject({ op: 'SELRECV2', rhs: [{ op: 'RECV', type: { text: '*int' } }] });
    expect(sel.cases[0]!.body[0]).toMatchObject({ op: 'DCL', name: { sym: 'v' } });
    expect(sel.cases[1]!.comm).toMatchObject({ op: 'AS', y: { op: 'RECV' } });
    expect(sel.cases[1]!.body[0]).toMatchObject({ op: 'AS', x: { op: 'NAME', name: { sym: 'sink' } }, y: { op: 'CONVIFACE' } });
  });

  it('devirtualizes interface calls on a variable of one known concrete type', () => {
    const r = lowerSources({ 'x.go': `package p
type I interface{ M(*int) }
type T struct{}
func (T) M(*int) {}
func f(p *int, j I) {
	var i I = T{}
	i.M(p)
	j.M(p)
	go i.M(p)
}` });
    expect(r.ir).not.toBeNull();
    const notes = r.ir!.notes;
    expect(notes.map((n) => `${n.pos.line}:${n.pos.col}: ${n.message}`)).toEqual(['7:5: devirtualizing i.M to T']);
    const d = dumpFunc(r.ir!.funcs.find((f) => f.name === 'p.f')!);
    expect(d).toContain('EXPR CALLFUNC(METHEXPR(T.M), DOTTYPE(i), p)');
    expect(d).toContain('EXPR CALLINTER(DOTINTER(j.M), p)');
  });

  it('initializes package-level composites statically, assigning only their dynamic leaves', () => {
    const r = lowerSources({ 'x.go': `package p
type T struct{ p *int; s []int }
func mk() *int { return nil }
var a = []T{{p: mk()}, {s: []int{1}}}
var b = 5
var c = make([]int, b)` });
    const init = r.ir!.funcs.find((f) => f.name === 'p.init')!;
    expect(dumpFunc(init)).toBe('func p.init\n  AS a = CALLFUNC(mk)\n  AS c = MAKESLICE(b)');
  });
});
