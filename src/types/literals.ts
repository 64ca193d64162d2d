// Composite literals (go/types literals.go): struct literals keyed or positional, array and
// slice literals with constant keys (`[...]T` gets its length from the largest index),
// map literals; elided element types (`[]T{{1}, {2}}`, `[]*T{{1}}` meaning `&T{1}`). Each
// element is an assignment to the element type, so interface-typed elements, keys and
// values record their implicit conversions.

import type * as ast from '../syntax/ast.js';
import type { Checker } from './check.js';
import type { Operand } from './operand.js';
import { exprString } from './operand.js';
import type { Type } from './types.js';
import { under, unalias, deref } from './types.js';
import { universeTypes } from './universe.js';
import { expr, invalidOperand } from './expr.js';
import { typExpr, arrayLength } from './typexpr.js';
import { assignment } from './assignments.js';
import { checkIndex } from './indexing.js';
import { coreType } from './typeset.js';
import { lookupFieldOrMethod } from './lookup.js';
import { typeString, byName } from './typestring.js';

const invalid: Type = universeTypes.invalid;

export function compositeLit(c: Checker, e: ast.CompositeLit, hint: Type | null): Operand {
  const bad = invalidOperand(e);
  let typ: Type;
  let base: Type;
  if (e.type) {
    if (e.type.kind === 'ArrayType' && e.type.len === null) {
      // [...]T{...}: the length comes from the elements.
      const elem = typExpr(c, e.type.elem);
      const n = indexedElems(c, e.elems, elem, -1n);
      typ = { kind: 'Array', len: n, elem };
      c.recordType(e.type, 'typexpr', typ, null);
      return { mode: 'value', type: typ, value: null, expr: e };
    }
    typ = typExpr(c, e.type);
    base = typ;
  } else if (hint) {
    typ = hint;
    base = typ;
    const core = coreType(base);
    if (core && core.kind === 'Pointer') base = core.elem; // *T implies &T{}
  } else {
    c.error(e, 'invalid composite literal type: missing type');
    for (const el of e.elems) if (el.kind !== 'KeyValueExpr') expr(c, el);
    return bad;
  }
  const u = coreType(base) ?? under(base);
  switch (u.kind) {
    case 'Struct': {
      if (e.elems.length === 0) break;
      const fields = u.fields;
      if (e.elems[0]!.kind === 'KeyValueExpr') {
        const named = new Set<number>();
        for (const el of e.elems) {
          if (el.kind !== 'KeyValueExpr') {
            c.error(el, 'mixture of field:value and value elements in struct literal');
            expr(c, el);
            continue;
          }
          const key = el.key;
          if (key.kind !== 'Name') {
            c.error(key, `invalid field name ${exprString(key)} in struct literal`);
            expr(c, el.value);
            continue;
          }
          const i = fields.findIndex((f) => f.name === key.value && (f.pkg === c.pkg || /^\p{Lu}/u.test(f.name)));
          if (i < 0) {
            const r = lookupFieldOrMethod(base, false, c.pkg, key.value);
            if (r.obj && r.obj.kind === 'Var') c.error(key, `cannot use promoted field ${key.value} in struct literal of type ${typeString(base, byName(c.pkg))}`);
            else c.error(key, `unknown field ${key.value} in struct literal of type ${typeString(base, byName(c.pkg))}`);
            expr(c, el.value);
            continue;
          }
          const f = fields[i]!;
          c.recordUse(key, f);
          if (named.has(i)) c.error(key, `duplicate field name ${key.value} in struct literal`);
          named.add(i);
          const x = expr(c, el.value, f.type);
          assignment(c, x, f.type, 'struct literal', 'composite');
        }
      } else {
        e.elems.forEach((el, i) => {
          if (el.kind === 'KeyValueExpr') {
            c.error(el, 'mixture of field:value and value elements in struct literal');
            expr(c, el.value);
            return;
          }
          const f = fields[i];
          if (!f) {
            if (i === fields.length) c.error(el, `too many values in struct literal of type ${typeString(base, byName(c.pkg))}`);
            expr(c, el);
            return;
          }
          const x = expr(c, el, f.type);
          if (f.pkg !== c.pkg && !/^\p{Lu}/u.test(f.name)) {
            c.error(el, `implicit assignment to unexported field ${f.name} in struct literal of type ${typeString(base, byName(c.pkg))}`);
          }
          assignment(c, x, f.type, 'struct literal', 'composite');
        });
        if (e.elems.length < fields.length && e.elems.length > 0) {
          c.error(e.rbrace, `too few values in struct literal of type ${typeString(base, byName(c.pkg))}`);
        }
      }
      break;
    }
    case 'Array': {
      indexedElems(c, e.elems, u.elem, u.len);
      break;
    }
    case 'Slice':
      indexedElems(c, e.elems, u.elem, -1n);
      break;
    case 'Map': {
      for (const el of e.elems) {
        if (el.kind !== 'KeyValueExpr') {
          c.error(el, 'missing key in map literal');
          expr(c, el);
          continue;
        }
        const k = expr(c, el.key, u.key);
        assignment(c, k, u.key, 'map literal', 'mapkey');
        const v = expr(c, el.value, u.elem);
        assignment(c, v, u.elem, 'map literal', 'mapvalue');
      }
      break;
    }
    default: {
      if (u.kind === 'Basic' && u.basic === 'invalid') {
        for (const el of e.elems) expr(c, el.kind === 'KeyValueExpr' ? el.value : el);
        return bad;
      }
      c.error(e, `invalid composite literal type ${typeString(typ, byName(c.pkg))}`);
      for (const el of e.elems) expr(c, el.kind === 'KeyValueExpr' ? el.value : el);
      return bad;
    }
  }
  void unalias; void deref; void arrayLength;
  return { mode: 'value', type: typ, value: null, expr: e };
}

/**
 * Checks array/slice elements; returns the length implied by them (max index + 1).
 * Indices are numbers while they are safe integers (a bigint past that, so exact always):
 * bigint arithmetic and a Set of bigints cost microseconds per element, which a table of
 * a hundred thousand elements felt. Elements before the first key have the indices
 * 0..n-1, so only indices from the first key on are kept to find duplicates.
 */
function indexedElems(c: Checker, elems: readonly ast.Expr[], elem: Type, length: bigint): bigint {
  const exact = (n: bigint): number | bigint => (n <= maxSafe ? Number(n) : n);
  let index: number | bigint = 0;
  let max: number | bigint = 0;
  /** Elements before the first key: indices below it were all used once. */
  let dense = -1;
  const seen = new Set<number | bigint>();
  for (let k = 0; k < elems.length; k++) {
    const el = elems[k]!;
    let value = el;
    if (el.kind === 'KeyValueExpr') {
      if (dense < 0) dense = k;
      const n = checkIndex(c, el.key, length, false);
      if (n !== null) index = exact(n);
      else {
        const tv = c.info.types.get(el.key);
        if (!tv || tv.mode !== 'constant') c.error(el.key, `index ${exprString(el.key)} must be integer constant`);
      }
      value = el.value;
    } else if (length >= 0n && index >= length) {
      c.error(el, `index ${index} is out of bounds (>= ${length})`);
    }
    if (dense >= 0) {
      if (index < dense || seen.has(index)) c.error(el.kind === 'KeyValueExpr' ? el.key : el, `duplicate index ${index} in array or slice literal`);
      seen.add(index);
    }
    const x = expr(c, value, elem);
    assignment(c, x, elem, 'array or slice literal', 'composite');
    index = typeof index === 'number' && index < Number.MAX_SAFE_INTEGER ? index + 1 : exact(BigInt(index) + 1n);
    if (index > max) max = index;
  }
  void invalid;
  return BigInt(max);
}

const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);
