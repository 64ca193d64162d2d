// The facts the escape IR relies on: implicit interface conversions, implicit &x and *p in
// selectors, call kinds, variadic packing, layouts, constants and generic instantiation.
import { describe, expect, it } from 'vitest';
import type * as ast from '../../src/syntax/ast.js';
import { typeString, relativeTo, toInt } from '../../src/types/index.js';
import type { CheckResult } from '../../src/types/index.js';
import { checkSource } from './helpers.js';

function check(src: string): CheckResult {
  const r = checkSource('t.go', src);
  expect(r.errors).toEqual([]);
  return r;
}

function at(r: CheckResult, line: number, col: number): ast.Expr[] {
  return [...r.info.types.keys()].filter((e) => e.line === line && e.col === col);
}

function conversionsAt(r: CheckResult): string[] {
  return [...r.info.implicitConversions].map(([e, c]) => `${e.line}:${e.col} ${c.context} ${typeString(c.target, relativeTo(r.pkg))}`).sort();
}

describe('implicit conversions to interfaces', () => {
  it('records assignment, argument, variadic, return, send, composite, map key/value and comparison', () => {
    const r = check(`package p

type E interface{ Error() string }
type T struct{}

func (T) Error() string { return "" }

func sink(x any, xs ...any) {}

func f(ch chan any, m map[any]any, t T) (any, bool) {
	var a any = 1
	a = t
	sink(t, 1, "s")
	ch <- t
	s := []any{t}
	m[t] = t
	_ = s
	var e E = t
	return t, a == t && e != nil
}
`);
    expect(conversionsAt(r)).toEqual([
      '11:14 assign any', '12:6 assign any', '13:10 variadic any', '13:13 variadic any', '13:7 argument any',
      '14:8 send any', '15:13 composite any', '16:4 mapkey any', '16:9 assign any', '18:12 assign E',
      '19:17 compare any', '19:9 return any',
    ]);
  });
});

describe('selectors', () => {
  it('records field paths through embedded pointers and implicit & and * of method receivers', () => {
    const r = check(`package p

type Inner struct{ x int }
func (i *Inner) Ptr() {}
func (i Inner) Val() {}
type Outer struct{ *Inner; y int }

func f(o Outer, p *Outer, v Inner) {
	_ = o.x
	_ = p.y
	v.Ptr()
	p.Inner.Val()
	_ = v.Ptr
}
`);
    const sel = (line: number, name?: string) =>
      [...r.info.selections].find(([e]) => e.line === line && (!name || e.sel.value === name))![1];
    const ox = sel(9);
    expect(ox.kind).toBe('field');
    expect(ox.index).toEqual([0, 0]);
    expect(ox.path.map((s) => s.field.name)).toEqual(['Inner']);
    expect(ox.indirect).toBe(true);
    expect(ox.derefFinal).toBe(true);
    expect(sel(10).derefFinal).toBe(true);
    expect(sel(11).implicitAddr).toBe(true);
    expect(sel(12, 'Val').implicitDeref).toBe(true);
    expect(sel(12, 'Inner').derefFinal).toBe(true);
    expect(sel(13).implicitAddr).toBe(true);
  });
});

describe('calls', () => {
  it('tells static functions, methods, interface methods, func values, builtins and conversions apart', () => {
    const r = check(`package p

type I interface{ M() }
type T int
func (T) M() {}
func g(a int, b ...int) {}

func f(i I, t T, fv func()) {
	g(1)
	g(1, 2, 3)
	t.M()
	i.M()
	fv()
	_ = len("x")
	_ = T(1)
	T.M(t)
}
`);
    const kinds = [...r.info.calls].sort(([a], [b]) => a.line - b.line).map(([, c]) => c.kind);
    expect(kinds).toEqual(['func', 'func', 'method', 'interface', 'value', 'builtin', 'conversion', 'method']);
    const g2 = [...r.info.calls].find(([e]) => e.line === 10)![1];
    expect(g2.variadicPackFrom).toBe(1);
    const g1 = [...r.info.calls].find(([e]) => e.line === 9)![1];
    expect(g1.variadicPackFrom).toBe(1);
  });
});

describe('constants', () => {
  it('evaluates iota, shifts and exact untyped arithmetic', () => {
    const r = check(`package p

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)
const big = 1 << 100 >> 98
const f = 0.1 + 0.2 == 0.3
var a [MB / KB]byte
`);
    const c = (name: string) => r.pkg.scope.lookup(name) as { value: Parameters<typeof toInt>[0] };
    expect(toInt(c('GB').value)).toBe(1n << 30n);
    expect(toInt(c('big').value)).toBe(4n);
    expect(c('f').value).toEqual({ kind: 'bool', value: true });
    const a = r.pkg.scope.lookup('a')!;
    expect(typeString(a.type)).toBe('[1024]byte');
  });
});

describe('generics', () => {
  it('infers type arguments and records the instance', () => {
    const r = check(`package p

func Map[S ~[]E, E, R any](s S, f func(E) R) []R { return nil }

type List[T any] struct{ next *List[T]; v T }

func (l *List[T]) Push(v T) *List[T] { return &List[T]{l, v} }

func f() {
	_ = Map([]int{1}, func(i int) string { return "" })
	var l List[string]
	_ = l.Push("x")
}
`);
    const inst = [...r.info.instances].find(([n]) => n.value === 'Map')![1];
    expect(inst.typeArgs.map((t) => typeString(t))).toEqual(['[]int', 'int', 'string']);
    const push = at(r, 12, 12).map((e) => typeString(r.info.types.get(e)!.type, relativeTo(r.pkg)));
    expect(push).toContain('*List[string]');
  });
});

describe('alias cycles', () => {
  it('accepts an alias referred to again through a type definition (protobuf protoreflect methods)', () => {
    const r = check(`package p

type (
	methods = struct{ Size func(sizeInput) int }
	sizeInput = struct{ Message Message }
)

type Message interface{ ProtoMethods() *methods }

func f(m Message) func(sizeInput) int { return m.ProtoMethods().Size }
`);
    const fields = [...r.info.types.values()].map((t) => typeString(t.type, relativeTo(r.pkg)));
    expect(fields).toContain('func(sizeInput) int');
  });

  it('gives a defined type the underlying type of one still being declared (quic-go packetHandlerMap)', () => {
    check(`package p

type Transport struct {
	m *packetHandlerMap
	x int
}

type packetHandlerMap Transport

func (h *packetHandlerMap) X() int { return h.x }

func f(t *Transport) int { return (*packetHandlerMap)(t).X() }
`);
  });

  it('still refuses an alias that refers to itself with no type definition between', () => {
    expect(checkSource('t.go', 'package p\n\ntype A = *A\n').errors.map((e) => e.message)).toEqual(['invalid recursive type alias A']);
  });
});
