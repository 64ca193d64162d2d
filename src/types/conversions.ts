// Conversions (go/types conversions.go, the untyped half of expr.go): explicit `T(x)`, the
// implicit typing of untyped operands by their context, and constant representability
// (overflow and truncation are errors, float constants round to their type's precision).

import type * as ast from '../syntax/ast.js';
import type { Checker } from './check.js';
import type { Operand } from './operand.js';
import { operandString } from './operand.js';
import type { Basic, Type } from './types.js';
import { isUntyped, under, unalias, isTypeParam } from './types.js';
import { universeTypes } from './universe.js';
import * as constant from './constant.js';
import type { ConstValue } from './constant.js';
import {
  assignableTo, defaultType, hasNil, identical, isBoolean, isComplex, isFloat, isInteger, isNumeric, isString,
} from './predicates.js';
import { implementsIface } from './implements.js';
import { typeSetOf } from './typeset.js';
import { typeString, byName } from './typestring.js';

export type ConversionCode = 0 | 'truncated' | 'overflows' | 'invalid';

export function isConstType(t: Type): boolean {
  const u = under(t);
  return u.kind === 'Basic' && u.basic !== 'unsafe.Pointer' && u.basic !== 'invalid' && u.basic !== 'untyped nil';
}

const intRanges: Record<string, [bigint, bigint]> = {
  int8: [-(1n << 7n), (1n << 7n) - 1n],
  int16: [-(1n << 15n), (1n << 15n) - 1n],
  int32: [-(1n << 31n), (1n << 31n) - 1n],
  int64: [-(1n << 63n), (1n << 63n) - 1n],
  int: [-(1n << 63n), (1n << 63n) - 1n],
  uint8: [0n, (1n << 8n) - 1n],
  uint16: [0n, (1n << 16n) - 1n],
  uint32: [0n, (1n << 32n) - 1n],
  uint64: [0n, (1n << 64n) - 1n],
  uint: [0n, (1n << 64n) - 1n],
  uintptr: [0n, (1n << 64n) - 1n],
};

/** The value of v as a constant of basic type t, or the reason it cannot be. */
export function representation(v: ConstValue, t: Basic): ConstValue | ConversionCode {
  if (v.kind === 'unknown') return v;
  const k = t.basic;
  if (k === 'bool' || k === 'untyped bool') return v.kind === 'bool' ? v : 'invalid';
  if (k === 'string' || k === 'untyped string') return v.kind === 'string' ? v : 'invalid';
  if (v.kind === 'bool' || v.kind === 'string') return 'invalid';
  if (isInteger(t)) {
    const n = constant.toInt(v);
    if (n === null) {
      if (v.kind === 'complex' && v.im.num !== 0n) return 'truncated';
      return 'truncated';
    }
    const r = intRanges[k];
    if (r && (n < r[0] || n > r[1])) return 'overflows';
    return constant.intVal(n);
  }
  if (isFloat(t)) {
    const r = constant.toRat(v);
    if (!r) return 'truncated';
    if (k === 'untyped float') return v.kind === 'int' ? constant.floatVal(r) : constant.floatVal(r);
    const rounded = constant.roundFloat(constant.floatVal(r), k === 'float32' ? 32 : 64);
    return rounded.kind === 'unknown' ? 'overflows' : rounded;
  }
  if (isComplex(t)) {
    if (v.kind === 'complex') return v;
    const r = constant.toRat(v);
    return r ? { kind: 'complex', re: r, im: constant.rat(0n) } : 'invalid';
  }
  return 'invalid';
}

/** representation() for callers that only need the value (null when not representable). */
export function representable(_c: Checker, v: ConstValue, t: Basic): ConstValue | null {
  const r = representation(v, t);
  return typeof r === 'object' ? r : null;
}

const untypedRank: Record<string, number> = {
  'untyped int': 1, 'untyped rune': 2, 'untyped float': 3, 'untyped complex': 4,
};

/** The type an untyped operand takes in a context of type target (go/types implicitTypeAndValue). */
export function implicitType(c: Checker, x: Operand, target: Type): { type: Type; value: ConstValue | null; code: ConversionCode } {
  const fail = (code: ConversionCode) => ({ type: x.type, value: x.value, code });
  if (x.mode === 'invalid' || !isUntyped(x.type) || (target.kind === 'Basic' && target.basic === 'invalid')) {
    return { type: x.type, value: x.value, code: 0 };
  }
  const xb = unalias(x.type) as Basic;
  if (isUntyped(target)) {
    const tb = unalias(target) as Basic;
    if (xb.basic === 'untyped nil' || tb.basic === 'untyped nil') {
      return xb.basic === tb.basic ? { type: x.type, value: x.value, code: 0 } : fail('invalid');
    }
    if (isNumeric(xb) && isNumeric(tb)) {
      return untypedRank[tb.basic]! > untypedRank[xb.basic]! ? { type: target, value: x.value, code: 0 } : { type: x.type, value: x.value, code: 0 };
    }
    return xb.basic === tb.basic ? { type: x.type, value: x.value, code: 0 } : fail('invalid');
  }
  const tu = under(target);
  switch (tu.kind) {
    case 'Basic': {
      if (x.mode === 'constant' && x.value) {
        const r = representation(x.value, tu);
        if (typeof r !== 'object') return fail(r);
        return { type: target, value: r, code: 0 };
      }
      // Non-constant untyped values: booleans from comparisons, delayed shifts.
      if (xb.basic === 'untyped bool') return isBoolean(tu) ? { type: target, value: null, code: 0 } : fail('invalid');
      if (xb.basic === 'untyped nil') return tu.basic === 'unsafe.Pointer' ? { type: universeTypes.untypedNil, value: null, code: 0 } : fail('invalid');
      if (isNumeric(xb)) return isNumeric(tu) ? { type: target, value: null, code: 0 } : fail('invalid');
      if (xb.basic === 'untyped string') return isString(tu) ? { type: target, value: null, code: 0 } : fail('invalid');
      return fail('invalid');
    }
    case 'TypeParam': {
      const ts = typeSetOf(under(tu.constraint) as never);
      if (!ts.terms) return xb.basic === 'untyped nil' ? fail('invalid') : { type: target, value: x.value, code: 0 };
      for (const term of ts.terms) {
        const r = implicitType(c, x, term.type);
        if (r.code !== 0) return r;
      }
      return { type: target, value: x.value, code: 0 };
    }
    case 'Interface': {
      if (xb.basic === 'untyped nil') return { type: universeTypes.untypedNil, value: null, code: 0 };
      if (typeSetOf(tu).methods.length > 0 && !implementsIface(defaultType(x.type), target)) return fail('invalid');
      return { type: defaultType(x.type), value: x.value, code: 0 };
    }
    case 'Pointer':
    case 'Signature':
    case 'Slice':
    case 'Map':
    case 'Chan':
      if (xb.basic !== 'untyped nil') return fail('invalid');
      return { type: universeTypes.untypedNil, value: null, code: 0 };
    default:
      return fail('invalid');
  }
}

/**
 * Gives an untyped operand its type from the context (go/types convertUntyped), reporting
 * failures as `300 (untyped int constant) overflows int8`. Returns false on error.
 */
export function convertUntyped(c: Checker, x: Operand, target: Type): boolean {
  const r = implicitType(c, x, target);
  if (r.code !== 0) {
    const t = isTypeParam(target) ? target : under(target);
    invalidConversion(c, r.code, x, t);
    x.mode = 'invalid';
    return false;
  }
  setUntypedResult(c, x, r.type, r.value);
  return true;
}

export function setUntypedResult(c: Checker, x: Operand, t: Type, v: ConstValue | null): void {
  if (v !== null && x.mode === 'constant') x.value = v;
  if (t !== x.type) {
    x.type = t;
    updateExprType(c, x.expr, t, true);
  } else if (!isUntyped(t)) {
    updateExprType(c, x.expr, t, true);
  }
}

export function invalidConversion(c: Checker, code: ConversionCode, x: Operand, t: Type): void {
  const ts = typeString(t, byName(c.pkg));
  const xs = operandString(x, c.pkg);
  if (code === 'truncated') c.error(x.expr, `${xs} truncated to ${ts}`);
  else if (code === 'overflows') c.error(x.expr, `${xs} overflows ${ts}`);
  else c.error(x.expr, `cannot convert ${xs} to type ${ts}`);
}

/** Records the final type of an untyped expression and of its untyped operands. */
export function updateExprType(c: Checker, e: ast.Expr, t: Type, final: boolean): void {
  const old = c.untyped.get(e);
  if (!old) return;
  switch (e.kind) {
    case 'ParenExpr':
      updateExprType(c, e.x, t, final);
      break;
    case 'UnaryExpr':
      if (old.value !== null) break;
      updateExprType(c, e.x, t, final);
      break;
    case 'BinaryExpr':
      if (old.value !== null) break;
      if (['==', '!=', '<', '<=', '>', '>='].includes(e.op)) break;
      if (e.op === '<<' || e.op === '>>') updateExprType(c, e.x, t, final);
      else {
        updateExprType(c, e.x, t, final);
        updateExprType(c, e.y, t, final);
      }
      break;
    default:
      break;
  }
  if (!final && isUntyped(t)) {
    old.type = t;
    return;
  }
  c.untyped.delete(e);
  let value = old.value;
  if (value && old.mode === 'constant' && !isUntyped(t)) {
    const u = under(t);
    if (u.kind === 'Basic') value = representable(c, value, u) ?? value;
  }
  c.recordType(e, old.mode, t, old.mode === 'constant' ? value : null);
}

/** Brings the operands of a binary operation to a common type (go/types matchTypes). */
export function matchTypes(c: Checker, x: Operand, y: Operand): void {
  const typed = (t: Type) => !isUntyped(t);
  const isNil = (o: Operand) => o.mode === 'nilvalue';
  const ifaceNonTP = (t: Type) => under(t).kind === 'Interface' && !isTypeParam(t);
  const mayConvert = (): boolean => {
    if (typed(x.type) && typed(y.type)) return false;
    if (ifaceNonTP(x.type) || ifaceNonTP(y.type)) return true;
    if (allOf(x.type, isBoolean) !== allOf(y.type, isBoolean)) return false;
    if (allOf(x.type, isString) !== allOf(y.type, isString)) return false;
    if (isNil(x)) return hasNil(y.type);
    if (isNil(y)) return hasNil(x.type);
    if (under(x.type).kind === 'Pointer' || under(y.type).kind === 'Pointer') return false;
    if (allOf(x.type, isNumeric) !== allOf(y.type, isNumeric)) return false;
    return true;
  };
  if (!mayConvert()) return;
  if (!convertUntyped(c, x, y.type)) return;
  convertUntyped(c, y, x.type);
}

function allOf(t: Type, p: (t: Type) => boolean): boolean {
  const u = under(t);
  if (u.kind === 'TypeParam') {
    const ts = typeSetOf(under(u.constraint) as never);
    return ts.terms !== null && ts.terms.length > 0 && ts.terms.every((term) => p(term.type));
  }
  return p(t);
}

/** The explicit conversion T(x) (go/types conversion). */
export function conversion(c: Checker, x: Operand, T: Type, call: ast.CallExpr): Operand {
  const constArg = x.mode === 'constant' && x.value !== null;
  const tu = under(T);
  let ok = false;
  let value: ConstValue | null = null;
  if (constArg && isConstType(T) && tu.kind === 'Basic') {
    const v = x.value!;
    if (isString(tu) && (isInteger(x.type) || v.kind === 'int') && !isString(x.type)) {
      // string(rune) of a constant
      const n = constant.toInt(v);
      ok = n !== null;
      const cp = n !== null && n >= 0n && n <= 0x10ffffn && !(n >= 0xd800n && n <= 0xdfffn) ? Number(n) : 0xfffd;
      value = constant.stringVal(String.fromCodePoint(cp));
    } else {
      const r = representation(v, tu);
      if (typeof r === 'object') {
        ok = true;
        value = r;
      } else if (r === 'truncated' || r === 'overflows') {
        const msg = r === 'truncated' ? 'truncated' : 'overflows';
        c.error(x.expr, `cannot convert ${operandString(x, c.pkg)} to type ${typeString(T, byName(c.pkg))} (${msg})`);
        return { mode: 'invalid', type: T, value: null, expr: call };
      }
    }
  } else if (constArg && isTypeParam(T)) {
    ok = convertibleTo(c, x, T);
  } else if (x.mode !== 'invalid') {
    ok = convertibleTo(c, x, T);
  }
  if (!ok) {
    c.error(call, `cannot convert ${operandString(x, c.pkg)} to type ${typeString(T, byName(c.pkg))}`);
    return { mode: 'invalid', type: T, value: null, expr: call };
  }
  // The argument's untyped type becomes final: T for basic targets, else its default type.
  if (isUntyped(x.type)) {
    let final = T;
    if (under(T).kind === 'Interface' && !isTypeParam(T) || (constArg && !isConstType(T)) || !isConstType(T) && x.mode !== 'nilvalue') {
      final = defaultType(x.type);
    }
    if (x.mode === 'nilvalue') final = universeTypes.untypedNil;
    if (isString(T) && isInteger(x.type) && constArg) final = x.type;
    setUntypedResult(c, x, final, null);
  }
  if (value !== null) return { mode: 'constant', type: T, value, expr: call };
  return { mode: 'value', type: T, value: null, expr: call };
}

function convertibleTo(c: Checker, x: Operand, T: Type): boolean {
  const V = x.type;
  if (x.mode === 'nilvalue') return hasNil(T);
  if (assignableTo(V, T, implementsIface)) return true;
  const vu = under(V);
  const tu = under(T);
  if (identicalIgnoreTags(vu, tu) && vu.kind !== 'TypeParam' && tu.kind !== 'TypeParam') return true;
  if (unalias(V).kind === 'Pointer' && unalias(T).kind === 'Pointer' || (vu.kind === 'Pointer' && tu.kind === 'Pointer')) {
    if (vu.kind === 'Pointer' && tu.kind === 'Pointer' && identicalIgnoreTags(under(vu.elem), under(tu.elem))) return true;
  }
  if ((isInteger(vu) || isFloat(vu)) && (isInteger(tu) || isFloat(tu))) return true;
  if (isComplex(vu) && isComplex(tu)) return true;
  if ((isInteger(vu) || isBytesOrRunes(vu)) && isString(tu)) return true;
  if (isString(vu) && isBytesOrRunes(tu)) return true;
  if ((vu.kind === 'Basic' && vu.basic === 'unsafe.Pointer') && (tu.kind === 'Pointer' || (tu.kind === 'Basic' && tu.basic === 'uintptr'))) return true;
  if ((tu.kind === 'Basic' && tu.basic === 'unsafe.Pointer') && (vu.kind === 'Pointer' || (vu.kind === 'Basic' && vu.basic === 'uintptr'))) return true;
  if (vu.kind === 'Slice') {
    if (tu.kind === 'Array' && identical(vu.elem, tu.elem)) return true;
    if (tu.kind === 'Pointer') {
      const a = under(tu.elem);
      if (a.kind === 'Array' && identical(vu.elem, a.elem)) return true;
    }
  }
  if (vu.kind === 'TypeParam' || tu.kind === 'TypeParam') {
    const vs = vu.kind === 'TypeParam' ? typeSetOf(under(vu.constraint) as never).terms : [{ tilde: false, type: V }];
    const ts = tu.kind === 'TypeParam' ? typeSetOf(under(tu.constraint) as never).terms : [{ tilde: false, type: T }];
    if (!vs || !ts) return false;
    return vs.every((a) => ts.every((b) => convertibleTo(c, { ...x, mode: 'value', type: a.type }, b.type)));
  }
  return false;
}

function isBytesOrRunes(t: Type): boolean {
  const u = under(t);
  if (u.kind !== 'Slice') return false;
  const e = under(u.elem);
  return e.kind === 'Basic' && (e.basic === 'uint8' || e.basic === 'int32');
}

function identicalIgnoreTags(a: Type, b: Type): boolean {
  if (a.kind === 'Struct' && b.kind === 'Struct') {
    return a.fields.length === b.fields.length && a.fields.every((f, i) => {
      const g = b.fields[i]!;
      return f.name === g.name && f.embedded === g.embedded && identical(f.type, g.type);
    });
  }
  return identical(a, b);
}
