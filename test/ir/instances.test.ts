// Shape instantiation (src/ir/lower/instances.ts, shapes.ts): which instantiations a
// package gets, their names, the dictionary arguments, and the order gc appends them in.
import { describe, expect, it } from 'vitest';
import { lowerSources } from './harness.js';
import { allFuncs, dumpFunc } from '../../src/ir/dump.js';
import type { IrFunc } from '../../src/ir/ir.js';
import { ShapeTable } from '../../src/ir/lower/shapes.js';
import { linkString } from '../../src/types/gcfmt.js';
import { formatExpr } from '../../src/ir/fmt.js';
import type { Type } from '../../src/types/index.js';

function lowered(src: string): IrFunc[] {
  const r = lowerSources({ 'x.go': src });
  if (!r.ir) throw new Error(r.errors.map((e) => `${e.line}:${e.col}: ${e.message}`).join('\n'));
  return allFuncs(r.ir.funcs);
}

const int: Type = { kind: 'Basic', basic: 'int', name: 'int' };
const byte: Type = { kind: 'Basic', basic: 'uint8', name: 'byte' };

describe('shapes', () => {
  it('shapes a type argument by its underlying type, pointers to *uint8 under basic constraints', () => {
    const ptr: Type = { kind: 'Pointer', elem: int };
    const shapes = new ShapeTable();
    const shapify = (t: Type, basic: boolean) => shapes.shapify(t, basic);
    expect(linkString(shapify(int, true))).toBe('go.shape.int');
    expect(linkString(shapify(ptr, true))).toBe('go.shape.*uint8');
    expect(linkString(shapify(ptr, false))).toBe('go.shape.*int');
    expect(linkString(shapify({ kind: 'Slice', elem: byte }, true))).toBe('go.shape.[]uint8');
    // One object per shape: instantiations with equal shapes are the same function.
    expect(shapify(int, true)).toBe(shapify(int, false));
    // But only within one table: each lowering has its own (two packages may mean
    // different types by the same `go.shape.struct { p.x p.T }`).
    expect(new ShapeTable().shapify(int, true)).not.toBe(shapify(int, true));
  });
});

describe('instantiation', () => {
  it('lowers only referenced instantiations: shapes, then wrappers, after the package functions', () => {
    const fns = lowered(`package p
type myint int
func id[T any](v T) T { return v }
func unused[T any](v T) T { return v }
func f(x int, y myint, p *int) {
	id(x)
	id(y)
	id(p)
}`);
    expect(fns.map((f) => f.name)).toEqual([
      'p.f', 'p.id[go.shape.*uint8]', 'p.id[*int]', 'p.id[p.myint]', 'p.id[go.shape.int]', 'p.id[int]',
    ]);
  });

  it('calls the shape instantiation with the dictionary; the wrapper tail-calls it', () => {
    const fns = lowered(`package p
func id[T any](v T) T { return v }
func f(x *int) *int { return id(x) }`);
    const d = fns.map((f) => dumpFunc(f, {})).join('\n');
    expect(d).toContain('CALLFUNC(id[go.shape.*uint8], ADDR(.dict.id[*int]), x)');
    const wrapper = fns.find((f) => f.name === 'p.id[*int]')!;
    expect(wrapper.params.map((p) => `${p.sym} ${p.type.text}`)).toEqual(['v *int']);
    const shape = fns.find((f) => f.name === 'p.id[go.shape.*uint8]')!;
    expect(shape.params.map((p) => `${p.sym} ${p.type.text}`)).toEqual(['.dict *[1]uintptr', 'v go.shape.*uint8']);
    expect(dumpFunc(wrapper, {})).toContain('RETURN CALLFUNC(id[go.shape.*uint8], ADDR(.dict.id[*int]), v)');
  });

  it('instantiates every method of a generic type, receiver first then the dictionary', () => {
    const fns = lowered(`package p
type box[T any] struct{ v T }
func (b *box[T]) get() T { return b.v }
func (b *box[T]) set(v T) { b.v = v }
func f() int {
	var b box[int]
	b.set(1)
	return b.get()
}`);
    const names = fns.map((f) => f.name);
    expect(names).toContain('p.(*box[go.shape.int]).get');
    expect(names).toContain('p.(*box[go.shape.int]).set');
    expect(names).toContain('p.(*box[int]).get');
    expect(names).toContain('p.(*box[int]).set');
    const d = dumpFunc(fns[0]!, {});
    expect(d).toContain('CALLFUNC(METHEXPR(*box[go.shape.int].set), ADDR~(b), ADDR(.dict.box[int]), 1)');
  });

  it('calls a type parameter\'s method through a dictionary word, and new(T) reads its type from it', () => {
    const fns = lowered(`package p
type setter interface{ set(int) }
type c struct{ v int }
func (x *c) set(v int) { x.v = v }
func g[T setter](v T) { v.set(1) }
func n[T any]() *T { return new(T) }
func f() { g(&c{}); _ = n[int]() }`);
    // A methods-only constraint is basic: the pointer argument is shaped to *uint8.
    const g = fns.find((f) => f.name === 'p.g[go.shape.*uint8]')!;
    const stmt = g.body![0]!;
    expect(stmt.op === 'EXPR' && formatExpr(stmt.x)).toBe('(func(go.shape.*uint8, int))(&.dict[0])(v, 1)');
    const n = fns.find((f) => f.name === 'p.n[go.shape.int]')!;
    const body = n.body![0]!;
    expect(body.op === 'RETURN' && body.results[0]!.op === 'NEW' && body.results[0]!.dynamic).toBe(true);
  });
});

describe('dictionary length (dictlayout.ts)', () => {
  // The lengths are what go1.26's -m=2 prints as the shape body's `.dict *[N]uintptr`.
  const words = (src: string, name: string) => {
    const fn = lowered(src).find((f) => f.name === name)!;
    return fn.params.find((p) => p.sym === '.dict')!.type.text;
  };

  it('counts each declared variable of a derived type, each written type apart', () => {
    const src = `package p
func C[E any](s []E, v E) []E { return append(s, v) }
func E2[E any]() { var v E; _ = v }
func f() { C([]int{}, 1); E2[int]() }`;
    expect(words(src, 'p.C[go.shape.int]')).toBe('*[3]uintptr');
    expect(words(src, 'p.E2[go.shape.int]')).toBe('*[1]uintptr');
  });

  it('adds the #yield closure of a range-over-func loop and the itab of a range assignment', () => {
    const src = `package p
import "iter"
func A[Slice ~[]E, E any](s Slice, seq iter.Seq[E]) Slice {
	for v := range seq {
		s = append(s, v)
	}
	return s
}
func All[Slice ~[]E, E any](s Slice) iter.Seq2[int, E] {
	return func(yield func(int, E) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}
func f() { A([]int{}, nil); All([]int{}) }`;
    expect(words(src, 'p.A[go.shape.[]int,go.shape.int]')).toBe('*[4]uintptr');
    expect(words(src, 'p.All[go.shape.[]int,go.shape.int]')).toBe('*[7]uintptr');
  });

  it('gives each method of a generic type its own type parameters in the shared dictionary', () => {
    const src = `package p
type box[K comparable, V any] struct{ k K; v V }
func (b *box[K, V]) get(k K) (V, bool) { return b.v, b.k == k }
func (b *box[K, V]) put(k K, v V) { b.k, b.v = k, v }
func f() { var b box[int, int]; b.put(1, 2); b.get(1) }`;
    expect(words(src, 'p.(*box[go.shape.int,go.shape.int]).get')).toBe('*[6]uintptr');
  });
});
