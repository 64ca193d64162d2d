// Index and slice expressions (go/types index.go): `a[i]` on strings, arrays, pointers to
// arrays, slices, maps and type parameters; `f[T]` and `G[T]` instantiations; `a[i:j:k]`.
// Constant indices are checked against constant lengths as gc does.

import type * as ast from '../syntax/ast.js';
import type { Checker } from './check.js';
import type { Operand } from './operand.js';
import { exprString, operandString } from './operand.js';
import type { Signature, Type } from './types.js';
import { under, unalias, isUntyped } from './types.js';
import { universeTypes } from './universe.js';
import { expr, exprOrType, invalidOperand, singleValue, typeParamCoreOk } from './expr.js';
import { typExpr, instantiateType } from './typexpr.js';
import { assignment } from './assignments.js';
import { convertUntyped } from './conversions.js';
import { isInteger, isString } from './predicates.js';
import { coreType, typeSetOf } from './typeset.js';
import { identical } from './predicates.js';
import * as constant from './constant.js';
import { instantiateFunc } from './infer.js';

const invalid: Type = universeTypes.invalid;

export function indexExpr(c: Checker, e: ast.IndexExpr, allowGeneric: boolean): Operand {
  const bad = invalidOperand(e);
  const x = exprOrType(c, e.x, true);
  if (x.mode === 'invalid') {
    for (const ix of e.indices) exprOrType(c, ix);
    return bad;
  }
  if (x.mode === 'typexpr') {
    const t = instantiateType(c, e, x.type);
    if (t === invalid) return bad;
    return { mode: 'typexpr', type: t, value: null, expr: e };
  }
  const v = singleValue(c, x);
  if (v.mode === 'invalid') return bad;
  const sig = unalias(v.type);
  if (sig.kind === 'Signature' && sig.typeParams.length > 0) {
    const targs = e.indices.map((ix) => typExpr(c, ix));
    const inst = instantiateFunc(c, e, v, targs, allowGeneric);
    return inst;
  }
  if (e.indices.length !== 1) {
    c.error(e.indices[1] ?? e, `invalid operation: more than one index`);
    return bad;
  }
  const index = e.indices[0]!;
  const u = coreType(v.type) ?? under(v.type);
  let length = -1n;
  let result: Operand | null = null;
  switch (u.kind) {
    case 'Basic':
      if (isString(u)) {
        if (v.mode === 'constant' && v.value?.kind === 'string') length = BigInt(constant.stringByteLength(v.value.value));
        result = { mode: 'value', type: universeTypes.byte, value: null, expr: e };
        if (isUntyped(v.type)) convertUntyped(c, v, universeTypes.string);
      }
      break;
    case 'Array':
      length = u.len;
      result = { mode: v.mode === 'variable' ? 'variable' : 'value', type: u.elem, value: null, expr: e };
      break;
    case 'Pointer': {
      const a = under(u.elem);
      if (a.kind === 'Array') {
        length = a.len;
        result = { mode: 'variable', type: a.elem, value: null, expr: e };
      }
      break;
    }
    case 'Slice':
      result = { mode: 'variable', type: u.elem, value: null, expr: e };
      break;
    case 'TypeParam': {
      // No core type (T string | []byte): every type of the set must index to the same
      // element type; a string among them makes the result a value (go/types indexExpr).
      const elem = typeSetIndex(u);
      if (elem) result = { mode: elem.anyString ? 'value' : 'variable', type: elem.type, value: null, expr: e };
      break;
    }
    case 'Map': {
      const k = expr(c, index, u.key);
      assignment(c, k, u.key, 'map index', 'mapkey');
      return { mode: 'mapindex', type: u.elem, value: null, expr: e };
    }
    default:
      break;
  }
  if (!result) {
    c.error(e.x, `invalid operation: cannot index ${operandString(v, c.pkg)}`);
    expr(c, index);
    return bad;
  }
  checkIndex(c, index, length, false);
  return result;
}

/** An index must be an integer (untyped constants become int) within [0, length). */
export function checkIndex(c: Checker, e: ast.Expr, length: bigint, allowMax: boolean): bigint | null {
  const x = expr(c, e);
  if (x.mode === 'invalid') return null;
  if (isUntyped(x.type)) {
    if (!convertUntyped(c, x, universeTypes.int)) return null;
  }
  if (!typeParamCoreOk(x.type, isInteger)) {
    c.error(e, `invalid argument: index ${operandString(x, c.pkg)} must be integer`);
    return null;
  }
  if (x.mode === 'constant' && x.value) {
    const n = constant.toInt(x.value);
    if (n === null) return null;
    if (n < 0n) {
      c.error(e, `invalid argument: index ${exprString(e)} (constant of type int) must not be negative`);
      return null;
    }
    if (length >= 0n && (allowMax ? n > length : n >= length)) {
      c.error(e, `invalid argument: index ${exprString(e)} out of bounds [0:${allowMax ? length + 1n : length}]`);
      return null;
    }
    return n;
  }
  return null;
}

export function sliceExpr(c: Checker, e: ast.SliceExpr): Operand {
  const bad = invalidOperand(e);
  const x = expr(c, e.x);
  if (x.mode === 'invalid') {
    for (const ix of [e.low, e.high, e.max]) if (ix) expr(c, ix);
    return bad;
  }
  // go/types coreString: a type set of strings and byte slices slices like a string.
  let u = coreType(x.type) ?? under(x.type);
  if (u.kind === 'TypeParam' && typeSetIndex(u)?.bytestring) u = universeTypes.string;
  let length = -1n;
  let result: Operand | null = null;
  switch (u.kind) {
    case 'Basic':
      if (isString(u)) {
        if (e.full) {
          c.error(e, `invalid operation: 3-index slice of string`);
          return bad;
        }
        if (x.mode === 'constant' && x.value?.kind === 'string') length = BigInt(constant.stringByteLength(x.value.value));
        let t = x.type;
        if (isUntyped(t)) {
          t = universeTypes.string;
          convertUntyped(c, x, t);
        }
        result = { mode: 'value', type: t, value: null, expr: e };
      }
      break;
    case 'Array':
      if (x.mode !== 'variable') {
        c.error(e, `invalid operation: ${exprString(e.x)} (slice of unaddressable value)`);
        return bad;
      }
      length = u.len;
      result = { mode: 'value', type: { kind: 'Slice', elem: u.elem }, value: null, expr: e };
      break;
    case 'Pointer': {
      const a = under(u.elem);
      if (a.kind === 'Array') {
        length = a.len;
        result = { mode: 'value', type: { kind: 'Slice', elem: a.elem }, value: null, expr: e };
      }
      break;
    }
    case 'Slice':
      result = { mode: 'value', type: x.type, value: null, expr: e };
      break;
    default:
      break;
  }
  if (!result) {
    c.error(e, `cannot slice ${operandString(x, c.pkg)}`);
    return bad;
  }
  for (const ix of [e.low, e.high, e.max]) if (ix) checkIndex(c, ix, length, true);
  return result;
}

/** The element type every type of a type parameter's set indexes to, if they agree. */
function typeSetIndex(tp: Type): { type: Type; anyString: boolean; bytestring: boolean } | null {
  if (tp.kind !== 'TypeParam') return null;
  const ci = under(tp.constraint);
  if (ci.kind !== 'Interface') return null;
  const terms = typeSetOf(ci).terms;
  if (!terms || terms.length === 0) return null;
  let elem: Type | null = null;
  let anyString = false;
  let bytestring = true;
  for (const term of terms) {
    const tu = under(term.type);
    let el: Type | null = null;
    if (tu.kind === 'Basic' && isString(tu)) {
      el = universeTypes.byte;
      anyString = true;
    } else if (tu.kind === 'Slice' || tu.kind === 'Array') {
      el = tu.elem;
      if (tu.kind === 'Array' || !identical(tu.elem, universeTypes.byte)) bytestring = false;
    } else if (tu.kind === 'Pointer' && under(tu.elem).kind === 'Array') {
      el = (under(tu.elem) as { elem: Type }).elem;
      bytestring = false;
    } else return null;
    if (elem && !identical(elem, el)) return null;
    elem = el;
  }
  return elem ? { type: elem, anyString, bytestring } : null;
}

export type { Signature };
