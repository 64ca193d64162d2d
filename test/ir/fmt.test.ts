// formatExpr against the real compiler's -m text: IR nodes built by hand for the
// expressions of test/ir/cases/fmt_*.go; the expected text is whatever gc printed at the
// node's position (fixtures from gen-fixtures.sh).
import { describe, expect, it } from 'vitest';
import { constString, formatConst, formatExpr, formatG } from '../../src/ir/fmt.js';
import type { ConstValue, Expr, IrName, IrType, TypeKind } from '../../src/ir/ir.js';
import { exprsNamedAt, readFixture } from './fixtures.js';

const P = { line: 0, col: 0 };
function ty(text: string, kind: TypeKind = 'struct', extra: Partial<IrType> = {}): IrType {
  return { kind, size: 8, align: 8, hasPointers: true, directIface: false, text, ...extra };
}
const int = ty('int', 'int');
const str = ty('string', 'string');
const bytes = ty('[]byte', 'slice');
const iface = ty('interface {}', 'interface');
function v(sym: string, type: IrType = int): Expr {
  const name: IrName = { kind: 'Name', sym, class: 'auto', type, pos: P, curfn: null };
  return { op: 'NAME', name, pos: P, type };
}
function lit(value: ConstValue, type: IrType): Expr {
  return { op: 'LITERAL', value, type, pos: P, text: formatConst(value, type) };
}
const n1 = (k: bigint, t: IrType = int) => lit({ kind: 'int', value: k }, t);
const toIface = (x: Expr): Expr => ({ op: 'CONVIFACE', x, implicit: true, type: iface, pos: P });

type Case = readonly [line: number, col: number, expr: Expr];

const basic: Case[] = [
  [18, 13, toIface({ op: 'MAKESLICE', len: v('n'), cap: null, type: ty('[]int', 'slice'), pos: P })],
  [19, 9, { op: 'PTRLIT', x: { op: 'STRUCTLIT', fields: [{ field: 'a', value: n1(1n), pos: P }], type: ty('T'), pos: P }, type: ty('*T', 'ptr'), pos: P }],
  [20, 10, toIface({ op: 'STRUCTLIT', fields: [], type: ty('T'), pos: P })],
  [22, 9, { op: 'CLOSURE', func: null as never, type: ty('func()', 'func'), pos: P }],
  [23, 12, { op: 'NEW', elemType: ty('T'), type: ty('*T', 'ptr'), pos: P }],
  [24, 15, toIface({ op: 'ADDSTR', list: [lit({ kind: 'string', value: 'abc' }, str), v('s', str)], type: str, pos: P })],
  [25, 16, { op: 'BYTES2STR', x: v('b', bytes), type: str, pos: P }],
  [26, 16, { op: 'STR2BYTES', x: v('s', str), type: bytes, pos: P }],
  [28, 11, toIface({ op: 'ADD', x: v('n'), y: n1(1n), type: int, pos: P })],
  [29, 10, toIface({ op: 'SLICESTR', x: v('s', str), low: n1(1n), high: null, max: null, type: str, pos: P })],
  [30, 10, toIface({ op: 'SLICE', x: v('b', bytes), low: null, high: n1(2n), max: null, type: bytes, pos: P })],
  [31, 13, { op: 'SLICELIT', elems: [], len: 2, implicit: 'ddd', type: ty('[]interface {}', 'slice'), pos: P }],
  [32, 24, toIface({ op: 'STRUCTLIT', fields: [], type: ty('strings.Builder'), pos: P })],
  [37, 20, { op: 'RUNESTR', x: { op: 'CONV', x: v('n'), type: ty('rune', 'int32'), pos: P }, type: str, pos: P }],
  [36, 16, { op: 'STR2RUNES', x: v('s', str), type: ty('[]rune', 'slice'), pos: P }],
  [45, 24, toIface({ op: 'STRUCTLIT', fields: [{ field: 'x', value: n1(1n), pos: P }], type: ty('struct { x int }'), pos: P })],
  [48, 13, { op: 'MAKEMAP', len: v('n'), type: ty('map[int]int', 'map'), pos: P }],
  [49, 13, { op: 'MAKESLICE', len: v('n'), cap: n1(10n), type: ty('[]int', 'slice'), pos: P }],
  [51, 9, toIface({ op: 'NEG', x: v('n'), type: int, pos: P })],
  [52, 9, toIface(lit({ kind: 'int', value: 97n }, ty('rune', 'int32')))],
  [53, 9, toIface(lit({ kind: 'float', value: 1.5 }, ty('float64', 'float64')))],
  [54, 14, toIface({ op: 'CONV', x: v('n'), type: ty('int64', 'int64'), pos: P })],
  [55, 14, toIface(n1(3n, ty('uint8', 'uint8')))],
  [57, 9, toIface({ op: 'DEREF', x: { op: 'DOT', x: v('t', ty('T')), field: 'p', type: ty('*int', 'ptr'), pos: P }, type: int, pos: P })],
  [63, 9, toIface({ op: 'DEREF', x: { op: 'ADDR', x: v('n'), type: ty('*int', 'ptr'), pos: P }, type: int, pos: P })],
  [64, 11, toIface({ op: 'EQ', x: v('n'), y: n1(3n), type: ty('bool', 'bool'), pos: P })],
  [74, 15, toIface({ op: 'SLICE2ARR', x: { op: 'CALLFUNC', fun: v('b2i', ty('func([]byte) []int', 'func')), args: [v('b', bytes)], type: ty('[]int', 'slice'), pos: P }, type: ty('[2]int', 'array'), pos: P })],
];

const tT = ty('T');
const more: Case[] = [
  [25, 12, toIface({ op: 'CALLFUNC', fun: { op: 'METHEXPR', method: null, sel: 'V', recvType: tT, type: ty('func(T) int', 'func'), pos: P }, args: [v('t', tT)], type: int, pos: P })],
  [26, 13, toIface({ op: 'CALLFUNC', fun: { op: 'METHEXPR', method: null, sel: 'V', recvType: tT, type: ty('func(T) int', 'func'), pos: P }, args: [{ op: 'DEREF', implicit: true, x: v('pt', ty('*T', 'ptr')), type: tT, pos: P }], type: int, pos: P })],
  [27, 19, toIface({ op: 'CALLFUNC', fun: v('fmt.Sprint', ty('func(...interface {}) string', 'func')), args: [{ op: 'SLICELIT', elems: [], len: 1, implicit: 'ddd', type: ty('[]interface {}', 'slice'), pos: P }], isDDD: true, type: str, pos: P })],
  [28, 19, toIface({ op: 'CALLFUNC', fun: v('fmt.Sprint', ty('func(...interface {}) string', 'func')), args: [{ op: 'NIL', type: ty('[]interface {}', 'slice'), pos: P }], isDDD: true, type: str, pos: P })],
  [30, 13, toIface({ op: 'MAKEMAP', len: n1(10n), type: ty('map[int]int', 'map'), pos: P })],
  [31, 22, toIface({ op: 'UNSAFESTRING', x: v('p', ty('*byte', 'ptr')), y: v('n'), type: str, pos: P })],
  [32, 12, toIface({ op: 'MIN', args: [v('n'), n1(3n)], type: int, pos: P })],
  [33, 15, toIface({ op: 'APPEND', args: [v('b', bytes), n1(1n, ty('byte', 'uint8'))], type: bytes, pos: P })],
  [34, 15, toIface({ op: 'APPEND', args: [v('b', bytes), v('s', str)], isDDD: true, type: bytes, pos: P })],
  [35, 13, toIface({ op: 'COPY', x: v('b', bytes), y: v('s', str), type: int, pos: P })],
  [36, 9, toIface(n1(7n, ty('MyI', 'int')))],
  [37, 9, toIface(lit({ kind: 'string', value: 'x' }, ty('MyS', 'string')))],
  [39, 10, toIface({ op: 'INDEXMAP', x: v('m', ty('map[string]int', 'map')), index: lit({ kind: 'string', value: 'a' }, str), type: int, pos: P })],
  [40, 9, toIface({ op: 'RECV', x: v('c', ty('chan int', 'chan')), type: int, pos: P })],
  [41, 11, toIface({ op: 'DOTPTR', x: v('pt', ty('*T', 'ptr')), field: 'a', type: int, pos: P })],
  [42, 14, toIface({ op: 'DOT', x: { op: 'DEREF', x: v('pt', ty('*T', 'ptr')), type: tT, pos: P }, field: 'b', type: int, pos: P })],
  [44, 10, toIface({ op: 'DOTTYPE', x: v('i', ty('I', 'interface')), type: tT, pos: P })],
  [45, 9, toIface(lit({ kind: 'string', value: 'very long string that is longer than seventy two characters, hopefully yes indeed' }, str))],
  [46, 9, toIface(lit({ kind: 'string', value: 'tab\tnl\n"q" é ☺' }, str))],
  [47, 9, toIface(lit({ kind: 'float', value: 1e6 }, ty('float64', 'float64')))],
  [48, 9, toIface(lit({ kind: 'float', value: 1e-5 }, ty('float64', 'float64')))],
  [49, 9, toIface(lit({ kind: 'float', value: 3 }, ty('float64', 'float64')))],
  [50, 9, toIface(lit({ kind: 'float', value: 0.1 }, ty('float64', 'float64')))],
  [51, 9, toIface(lit({ kind: 'float', value: 100000.5 }, ty('float64', 'float64')))],
  [52, 9, toIface(lit({ kind: 'int', value: 10n }, ty('rune', 'int32')))],
  [53, 16, toIface(lit({ kind: 'complex', re: 1, im: 2 }, ty('complex128', 'complex128')))],
  [55, 15, toIface({ op: 'ANDAND', x: { op: 'GT', x: v('n'), y: n1(3n), type: ty('bool', 'bool'), pos: P }, y: { op: 'LT', x: v('n'), y: n1(10n), type: ty('bool', 'bool'), pos: P }, type: ty('bool', 'bool'), pos: P })],
  [56, 9, toIface({ op: 'NEG', x: { op: 'NEG', x: v('n'), type: int, pos: P }, type: int, pos: P })],
  [59, 10, toIface({ op: 'SLICE3', x: v('b', bytes), low: n1(1n), high: n1(2n), max: n1(3n), type: bytes, pos: P })],
  [61, 16, toIface({ op: 'SLICESTR', x: { op: 'ADDSTR', list: [v('s', str), v('s', str)], type: str, pos: P }, low: n1(1n), high: null, max: null, type: str, pos: P })],
  [63, 11, toIface({ op: 'MUL', x: v('n'), y: { op: 'ADD', x: v('n'), y: n1(1n), type: int, pos: P }, type: int, pos: P })],
  [65, 15, toIface({ op: 'SUB', x: { op: 'SUB', x: v('n'), y: v('n'), type: int, pos: P }, y: n1(1n), type: int, pos: P })],
  [67, 16, toIface({ op: 'CONV', x: { op: 'CONVNOP', x: v('pt', ty('*T', 'ptr')), type: ty('unsafe.Pointer', 'unsafe.Pointer'), pos: P }, type: ty('uintptr', 'uintptr'), pos: P })],
  [69, 11, { op: 'CONVIFACE', x: v('t', tT), type: ty('I', 'interface'), pos: P }],
  [73, 32, toIface({ op: 'CALLFUNC', fun: { op: 'CLOSURE', func: null as never, type: ty('func() int', 'func'), pos: P }, args: [], type: int, pos: P })],
  [74, 17, toIface({ op: 'STRUCTLIT', fields: [], type: ty('struct {}'), pos: P })],
  [79, 28, toIface({ op: 'SLICELIT', elems: [], len: 0, type: ty('[]chan (<-chan int)', 'slice'), pos: P })],
  [92, 9, toIface({ op: 'BITNOT', x: v('n'), type: int, pos: P })],
  [93, 9, toIface({ op: 'NOT', x: { op: 'GT', x: v('n'), y: n1(3n), type: ty('bool', 'bool'), pos: P }, type: ty('bool', 'bool'), pos: P })],
  [95, 16, toIface({ op: 'RSH', x: { op: 'LSH', x: v('n'), y: n1(2n, ty('uint', 'uint')), type: int, pos: P }, y: n1(1n, ty('uint', 'uint')), type: int, pos: P })],
];

describe('formatExpr renders as gc -m does', () => {
  for (const [fixture, cases] of [['fmt_basic', basic], ['fmt_more', more]] as const) {
    const lines = readFixture(fixture);
    for (const [line, col, expr] of cases) {
      it(`${fixture}.go:${line}:${col}`, () => {
        const named = exprsNamedAt(lines, line, col);
        expect(named.length, 'gc reports something there').toBeGreaterThan(0);
        expect(named).toContain(formatExpr(expr));
      });
    }
  }
});

describe('constants print as go/constant does', () => {
  it('formats floats with %.6g and falls back to %g for hidden fractions', () => {
    expect(formatG(1234567, 6)).toBe('1.23457e+06');
    expect(formatG(0.00012, 6)).toBe('0.00012');
    expect(formatG(123456, 6)).toBe('123456');
    expect(constString({ kind: 'float', value: 100000.5 })).toBe('100000.5');
    expect(constString({ kind: 'float', value: 2.5e-10 })).toBe('2.5e-10');
  });
});
