// Escape rules on hand-built IR, judged line for line (and in order) by the real compiler.
import { describe, expect, it } from 'vitest';
import { escapePackage } from '../../src/escape/escape.js';
import { go126Model } from '../../src/escape/utils.js';
import { gcNodeFormatter, toDiagnostics, formatText } from '../../src/diag/index.js';
import type { Expr, IrFunc, IrName, IrPackage, Stmt } from '../../src/ir/ir.js';
import { FuncBuilder, P, T, addr, as, define, deref, iface, lit, name, pkg, ret } from './build.js';
import { gcLines, hasGo } from './gc.js';

function ours(p: IrPackage, m = 1): string[] {
  const r = escapePackage(p, { m, model: go126Model, fmt: gcNodeFormatter });
  return formatText(toDiagnostics(r.messages, m)).split('\n').filter(Boolean);
}

const funcName = (fn: IrFunc, pos = fn.pos): Expr => ({
  op: 'NAME',
  name: { kind: 'Name', sym: fn.name.slice(2), class: 'func', type: fn.type, pos: fn.pos, curfn: null, func: fn } as IrName,
  pos,
  type: fn.type,
});
const call = (fun: Expr, args: Expr[], pos: Parameters<typeof P> extends never ? never : ReturnType<typeof P>, type: Expr['type']): Expr =>
  ({ op: 'CALLFUNC', fun, args, pos, type });
const blank = (pos: ReturnType<typeof P>, type: Expr['type']): Expr => ({ op: 'BLANK', pos, type });

if (!hasGo) console.log('skipping escape rule tests: go is not on PATH');

describe('seed article examples', () => {
  const src = `// The seed article's three cases: a value kept on the stack, a pointer returned,
// and a slice returned.
package main

func stackOnly() int {
	x := 42
	return x
}

func escapeToHeap() *int {
	x := 42
	return &x
}

func sliceEscape() []int {
	s := make([]int, 10)
	return s
}

func main() {
	_ = stackOnly()
	_ = escapeToHeap()
	_ = sliceEscape()
}
`;
  it.runIf(hasGo)('matches gc exactly', () => {
    const f1 = new FuncBuilder('p.stackOnly', P(5, 6));
    const r1 = f1.result('~r0', T.int, P(5, 6));
    const x1 = f1.local('x', T.int, P(6, 2));
    f1.body = [...define(x1, lit(42, P(6, 7)), P(6, 4)), ret(P(7, 2), name(x1, P(7, 9)))];
    void r1;
    const fn1 = f1.finish();

    const f2 = new FuncBuilder('p.escapeToHeap', P(10, 6));
    f2.result('~r0', T.ptr(T.int), P(10, 6));
    const x2 = f2.local('x', T.int, P(11, 2));
    f2.body = [...define(x2, lit(42, P(11, 7)), P(11, 4)), ret(P(12, 2), addr(name(x2, P(12, 10)), P(12, 9)))];
    const fn2 = f2.finish();

    const f3 = new FuncBuilder('p.sliceEscape', P(15, 6));
    f3.result('~r0', T.slice(T.int), P(15, 6));
    const s3 = f3.local('s', T.slice(T.int), P(16, 2));
    const mk: Expr = { op: 'MAKESLICE', len: lit(10, P(16, 19)), cap: null, pos: P(16, 11), type: T.slice(T.int) };
    f3.body = [...define(s3, mk, P(16, 4)), ret(P(17, 2), name(s3, P(17, 9)))];
    const fn3 = f3.finish();

    const fm = new FuncBuilder('p.main', P(20, 6));
    fm.body = [
      as(blank(P(21, 2), T.int), call(funcName(fn1, P(21, 6)), [], P(21, 15), T.int), P(21, 4)),
      as(blank(P(22, 2), T.ptr(T.int)), call(funcName(fn2, P(22, 6)), [], P(22, 18), T.ptr(T.int)), P(22, 4)),
      as(blank(P(23, 2), T.slice(T.int)), call(funcName(fn3, P(23, 6)), [], P(23, 17), T.slice(T.int)), P(23, 4)),
    ];
    const fnm = fm.finish();
    expect(ours(pkg(fn1, fn2, fn3, fnm))).toEqual(gcLines(src));
  });
});

describe('core rules', () => {
  const src = `package p

type T struct{ p *int }

func leakRes(p *int) *int { return p }

func leakContent(p **int) *int { return *p }

var sink any

func toHeap(p *int) { sink = p }

func noEsc(p *int) int { return *p }

func callee() {
	x := 1
	_ = leakRes(&x)
	y := 2
	z := leakRes(&y)
	sink = z
}

func newLoop() {
	var l *int
	for i := 0; i < 3; i++ {
		l = new(int)
	}
	_ = l
}

func closure() int {
	a := 1
	b := 2
	f := func() int { b++; return a + b }
	return f()
}

func bigMake() {
	_ = make([]int, 100000)
	n := 5
	_ = make([]int, n)
}

func iface(x int) {
	sink = x
}

func structLit() *T {
	v := 0
	return &T{p: &v}
}
`;
  it.runIf(hasGo)('matches gc line for line, in order', () => {
    const pint = T.ptr(T.int);
    const sink: IrName = { kind: 'Name', sym: 'sink', class: 'global', type: T.any, pos: P(9, 5), curfn: null };
    const sinkE = (pos: ReturnType<typeof P>) => name(sink, pos);

    const a = new FuncBuilder('p.leakRes', P(5, 6));
    const ap = a.param('p', pint, P(5, 14));
    a.result('~r0', pint, P(5, 22));
    a.body = [ret(P(5, 29), name(ap, P(5, 36)))];
    const leakRes = a.finish();

    const b = new FuncBuilder('p.leakContent', P(7, 6));
    const bp = b.param('p', T.ptr(pint), P(7, 18));
    b.result('~r0', pint, P(7, 27));
    b.body = [ret(P(7, 34), deref(name(bp, P(7, 42)), P(7, 41)))];
    const leakContent = b.finish();

    const c = new FuncBuilder('p.toHeap', P(11, 6));
    const cp = c.param('p', pint, P(11, 13));
    c.body = [as(sinkE(P(11, 23)), iface(name(cp, P(11, 30))), P(11, 28))];
    const toHeap = c.finish();

    const d = new FuncBuilder('p.noEsc', P(13, 6));
    const dp = d.param('p', pint, P(13, 12));
    d.result('~r0', T.int, P(13, 20));
    d.body = [ret(P(13, 26), deref(name(dp, P(13, 34)), P(13, 33)))];
    const noEsc = d.finish();

    const e = new FuncBuilder('p.callee', P(15, 6));
    const x = e.local('x', T.int, P(16, 2));
    const y = e.local('y', T.int, P(18, 2));
    const z = e.local('z', pint, P(19, 2));
    e.body = [
      ...define(x, lit(1, P(16, 7)), P(16, 4)),
      as(blank(P(17, 2), pint), call(funcName(leakRes, P(17, 6)), [addr(name(x, P(17, 15)), P(17, 14))], P(17, 13), pint), P(17, 4)),
      ...define(y, lit(2, P(18, 7)), P(18, 4)),
      ...define(z, call(funcName(leakRes, P(19, 7)), [addr(name(y, P(19, 16)), P(19, 15))], P(19, 14), pint), P(19, 4)),
      as(sinkE(P(20, 2)), iface(name(z, P(20, 9))), P(20, 7)),
    ];
    const callee = e.finish();

    const f = new FuncBuilder('p.newLoop', P(23, 6));
    const l = f.local('l', pint, P(24, 6));
    const i = f.local('i', T.int, P(25, 6));
    const newInt: Expr = { op: 'NEW', elemType: T.int, pos: P(26, 10), type: pint };
    f.body = [
      { op: 'DCL', name: l, pos: P(24, 6) },
      as(name(l, P(24, 6)), null, P(24, 6)),
      {
        op: 'FOR',
        pos: P(25, 2),
        init: define(i, lit(0, P(25, 11)), P(25, 8)),
        cond: { op: 'LT', x: name(i, P(25, 14)), y: lit(3, P(25, 18)), pos: P(25, 16), type: { ...T.int, kind: 'bool', text: 'bool', size: 1, align: 1 } },
        post: { op: 'ASOP', x: name(i, P(25, 21)), y: lit(1, P(25, 22)), operator: 'ADD', pos: P(25, 22) },
        body: [as(name(l, P(26, 3)), newInt, P(26, 5))],
      },
      as(blank(P(28, 2), pint), name(l, P(28, 6)), P(28, 4)),
    ];
    const newLoop = f.finish();

    const g = new FuncBuilder('p.closure', P(31, 6));
    g.result('~r0', T.int, P(31, 16));
    const ga = g.local('a', T.int, P(32, 2));
    const gb = g.local('b', T.int, P(33, 2));
    const gf = g.local('f', T.func([], [T.int]), P(34, 2));
    const outer = g.declare();
    const cl = new FuncBuilder('p.closure.func1', P(34, 7), outer);
    cl.result('~r0', T.int, P(34, 14));
    cl.closureVars = [ga, gb];
    cl.closureVarPos = [P(34, 33), P(34, 20)];
    cl.body = [
      { op: 'ASOP', x: name(gb, P(34, 20)), y: lit(1, P(34, 21)), operator: 'ADD', pos: P(34, 21) },
      ret(P(34, 26), { op: 'ADD', x: name(ga, P(34, 33)), y: name(gb, P(34, 37)), pos: P(34, 35), type: T.int }),
    ];
    const clFn = cl.finish();
    const closureExpr: Expr = { op: 'CLOSURE', func: clFn, pos: P(34, 7), type: clFn.type };
    g.body = [
      ...define(ga, lit(1, P(32, 7)), P(32, 4)),
      ...define(gb, lit(2, P(33, 7)), P(33, 4)),
      ...define(gf, closureExpr, P(34, 4)),
      ret(P(35, 2), call(name(gf, P(35, 9)), [], P(35, 10), T.int)),
    ];
    const closure = g.finish();

    const h = new FuncBuilder('p.bigMake', P(38, 6));
    const hn = h.local('n', T.int, P(40, 2));
    h.body = [
      as(blank(P(39, 2), T.slice(T.int)), { op: 'MAKESLICE', len: lit(100000, P(39, 18)), cap: null, pos: P(39, 10), type: T.slice(T.int) }, P(39, 4)),
      ...define(hn, lit(5, P(40, 7)), P(40, 4)),
      as(blank(P(41, 2), T.slice(T.int)), { op: 'MAKESLICE', len: name(hn, P(41, 18)), cap: null, pos: P(41, 10), type: T.slice(T.int) }, P(41, 4)),
    ];
    const bigMake = h.finish();

    const k = new FuncBuilder('p.iface', P(44, 6));
    const kx = k.param('x', T.int, P(44, 12));
    k.body = [as(sinkE(P(45, 2)), iface(name(kx, P(45, 9))), P(45, 7))];
    const ifaceFn = k.finish();

    const tT = T.struct('T', [{ name: 'p', type: pint }]);
    const m = new FuncBuilder('p.structLit', P(48, 6));
    m.result('~r0', T.ptr(tT), P(48, 18));
    const mv = m.local('v', T.int, P(49, 2));
    const slit: Expr = { op: 'STRUCTLIT', fields: [{ field: 'p', value: addr(name(mv, P(50, 16)), P(50, 15)), pos: P(50, 12) }], pos: P(50, 10), type: tT };
    m.body = [...define(mv, lit(0, P(49, 7)), P(49, 4)), ret(P(50, 2), { op: 'PTRLIT', x: slit, pos: P(50, 9), type: T.ptr(tT) })];
    const structLit = m.finish();

    const all = pkg(leakRes, leakContent, toHeap, noEsc, callee, newLoop, closure, bigMake, ifaceFn, structLit);
    expect(ours(all)).toEqual(gcLines(src));
  });
});

describe('offline invariants', () => {
  it('a returned address moves its variable to the heap', () => {
    const f = new FuncBuilder('p.f', P(1, 6));
    f.result('~r0', T.ptr(T.int), P(1, 10));
    const x = f.local('x', T.int, P(2, 2));
    f.body = [...define(x, lit(1, P(2, 7)), P(2, 4)), ret(P(3, 2), addr(name(x, P(3, 10)), P(3, 9)))] as Stmt[];
    expect(ours(pkg(f.finish()))).toEqual(['x.go:2:2: moved to heap: x']);
  });
  it('-m=2 explains the flow', () => {
    const f = new FuncBuilder('p.f', P(1, 6));
    f.result('~r0', T.ptr(T.int), P(1, 10));
    const x = f.local('x', T.int, P(2, 2));
    f.body = [...define(x, lit(1, P(2, 7)), P(2, 4)), ret(P(3, 2), addr(name(x, P(3, 10)), P(3, 9)))] as Stmt[];
    const lines = ours(pkg(f.finish()), 2);
    expect(lines).toContain('x.go:2:2: x escapes to heap in f:');
    expect(lines).toContain('x.go:2:2:   flow: ~r0 ← &x:');
    expect(lines).toContain('x.go:2:2:     from &x (address-of) at x.go:3:9');
    expect(lines).toContain('x.go:2:2:     from return &x (return) at x.go:3:2');
  });
});
