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
import { expr, exprOrType, invalidOperand, singleValue } from './expr.js';
import { typExpr, instantiateType } from './typexpr.js';
import { assignment } from './assignments.js';
import { convertUntyped } from './conversions.js';
import { isInteger, isString } from './predicates.js';
import { coreType } from './typeset.js';
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
  if (!isInteger(x.type)) {
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
  const u = coreType(x.type) ?? under(x.type);
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

export type { Signature };
