// Type predicates (go/types predicates.go, operand.go assignableTo): identity, comparability,
// nil-ability, and assignability of a value's type to a target type.

import type { Interface, Signature, Type } from './types.js';
import { under, unalias, isUntyped } from './types.js';
import { typeSetOf } from './typeset.js';
import { universeTypes } from './universe.js';

/** Type identity per the spec (go/types Identical); parameter names do not matter. */
export function identical(x: Type, y: Type): boolean {
  return ident(x, y, null);
}

interface Pair { x: Type; y: Type; prev: Pair | null }

function ident(x: Type, y: Type, seen: Pair | null): boolean {
  x = unalias(x);
  y = unalias(y);
  if (x === y) return true;
  if (x.kind !== y.kind) return false;
  switch (x.kind) {
    case 'Basic':
      return x.basic === (y as typeof x).basic;
    case 'Pointer':
    case 'Slice':
      return ident(x.elem, (y as typeof x).elem, seen);
    case 'Array': {
      const b = y as typeof x;
      return x.len === b.len && ident(x.elem, b.elem, seen);
    }
    case 'Map': {
      const b = y as typeof x;
      return ident(x.key, b.key, seen) && ident(x.elem, b.elem, seen);
    }
    case 'Chan': {
      const b = y as typeof x;
      return x.dir === b.dir && ident(x.elem, b.elem, seen);
    }
    case 'Struct': {
      const b = y as typeof x;
      if (x.fields.length !== b.fields.length) return false;
      return x.fields.every((f, i) => {
        const g = b.fields[i]!;
        return f.embedded === g.embedded && x.tags[i] === b.tags[i] && f.name === g.name &&
          (f.pkg === g.pkg || isExportedName(f.name)) && ident(f.type, g.type, seen);
      });
    }
    case 'Tuple': {
      const b = y as typeof x;
      return x.vars.length === b.vars.length && x.vars.every((v, i) => ident(v.type, b.vars[i]!.type, seen));
    }
    case 'Signature': {
      const b = y as Signature;
      return x.variadic === b.variadic && x.typeParams.length === b.typeParams.length &&
        ident(x.params, b.params, seen) && ident(x.results, b.results, seen);
    }
    case 'Interface': {
      const b = y as Interface;
      for (let p = seen; p; p = p.prev) if ((p.x === x && p.y === b) || (p.x === b && p.y === x)) return true;
      const s1 = typeSetOf(x);
      const s2 = typeSetOf(b);
      if (s1.comparable !== s2.comparable) return false;
      if ((s1.terms === null) !== (s2.terms === null)) return false;
      if (s1.terms && s2.terms) {
        if (s1.terms.length !== s2.terms.length) return false;
        if (!s1.terms.every((t) => s2.terms!.some((u) => u.tilde === t.tilde && ident(u.type, t.type, seen)))) return false;
      }
      if (s1.methods.length !== s2.methods.length) return false;
      const next: Pair = { x, y: b, prev: seen };
      return s1.methods.every((m, i) => {
        const n = s2.methods[i]!;
        return m.name === n.name && (m.pkg === n.pkg || isExportedName(m.name)) && ident(m.type, n.type, next);
      });
    }
    case 'Named': {
      const b = y as typeof x;
      if (x.origin !== b.origin || x.typeArgs.length === 0) return false;
      return x.typeArgs.length === b.typeArgs.length && x.typeArgs.every((a, i) => ident(a, b.typeArgs[i]!, seen));
    }
    case 'TypeParam':
      return false;
  }
  return false;
}

function isExportedName(n: string): boolean {
  return /^\p{Lu}/u.test(n);
}

/** The type's values may be compared with == (spec "Comparison operators"). */
export function comparable(t: Type, seen: Set<Type> = new Set()): boolean {
  if (seen.has(t)) return true;
  seen.add(t);
  const u = under(t);
  switch (u.kind) {
    case 'Basic':
      return u.basic !== 'untyped nil';
    case 'Pointer':
    case 'Chan':
    case 'Interface':
      return true;
    case 'Struct':
      return u.fields.every((f) => comparable(f.type, seen));
    case 'Array':
      return comparable(u.elem, seen);
    case 'TypeParam': {
      const ts = typeSetOf(under(u.constraint) as Interface);
      if (ts.comparable) return true;
      return ts.terms !== null && ts.terms.every((term) => comparable(term.type, seen));
    }
    default:
      return false;
  }
}

export function hasNil(t: Type): boolean {
  const u = under(t);
  switch (u.kind) {
    case 'Basic':
      return u.basic === 'unsafe.Pointer';
    case 'Slice':
    case 'Pointer':
    case 'Signature':
    case 'Map':
    case 'Chan':
    case 'Interface':
      return true;
    case 'TypeParam': {
      const ts = typeSetOf(under(u.constraint) as Interface);
      return ts.terms !== null && ts.terms.length > 0 && ts.terms.every((term) => hasNil(term.type));
    }
    default:
      return false;
  }
}

/** A value of type v is assignable to type t (untyped constants checked separately). */
export function assignableTo(v: Type, t: Type, implementsFn: (v: Type, iface: Type) => boolean): boolean {
  v = unalias(v);
  t = unalias(t);
  if (identical(v, t)) return true;
  const vu = under(v);
  const tu = under(t);
  if (isUntyped(v)) {
    if (vu.kind === 'Basic' && vu.basic === 'untyped nil') return hasNil(t);
    if (tu.kind === 'Basic') {
      // representability is the caller's concern for constants
      return basicCompatible(vu.kind === 'Basic' ? vu.basic : 'invalid', tu.basic);
    }
    if (tu.kind === 'Interface' && t.kind !== 'TypeParam') return typeSetOf(tu).terms === null && implementsFn(defaultType(v), t);
    return false;
  }
  // identical underlying types and at least one is not a named type
  const named = (x: Type) => x.kind === 'Named' || x.kind === 'TypeParam' || x.kind === 'Basic';
  if (identical(vu, tu) && (!named(v) || !named(t)) && v.kind !== 'TypeParam' && t.kind !== 'TypeParam') return true;
  if (tu.kind === 'Interface' && t.kind !== 'TypeParam' && implementsFn(v, t)) return true;
  // Type parameters: assignable when every type of the type set is (spec "Assignability").
  const vn = v.kind === 'Named' || v.kind === 'TypeParam';
  const tn = t.kind === 'Named' || t.kind === 'TypeParam';
  if (t.kind === 'TypeParam' && !vn) {
    const terms = typeSetOf(under(t.constraint) as Interface).terms;
    return terms !== null && terms.length > 0 && terms.every((term) => assignableTo(v, term.type, implementsFn));
  }
  if (v.kind === 'TypeParam' && !tn) {
    const terms = typeSetOf(under(v.constraint) as Interface).terms;
    return terms !== null && terms.length > 0 && terms.every((term) => assignableTo(term.type, t, implementsFn));
  }
  // bidirectional channel to a channel type with identical elements
  if (vu.kind === 'Chan' && vu.dir === 'both' && tu.kind === 'Chan' && identical(vu.elem, tu.elem)) {
    return !named(v) || !named(t);
  }
  return false;
}

function basicCompatible(v: string, t: string): boolean {
  switch (v) {
    case 'untyped bool': return t === 'bool';
    case 'untyped string': return t === 'string';
    case 'untyped int':
    case 'untyped rune':
    case 'untyped float':
    case 'untyped complex':
      return /^(u?int|float|complex)/.test(t) || t === 'uintptr';
    default: return false;
  }
}

/** The default type of an untyped constant (`untyped int` → int, ...). */
export function defaultType(t: Type): Type {
  const u = unalias(t);
  if (u.kind !== 'Basic') return t;
  switch (u.basic) {
    case 'untyped bool': return universeTypes.bool;
    case 'untyped int': return universeTypes.int;
    case 'untyped rune': return universeTypes.rune;
    case 'untyped float': return universeTypes.float64;
    case 'untyped complex': return universeTypes.complex128;
    case 'untyped string': return universeTypes.string;
    default: return t;
  }
}

export function isNumeric(t: Type): boolean {
  const u = under(t);
  return u.kind === 'Basic' && /^(u?int|float|complex|uintptr|untyped (int|rune|float|complex))/.test(u.basic);
}
export function isInteger(t: Type): boolean {
  const u = under(t);
  return u.kind === 'Basic' && /^(u?int|uintptr|untyped (int|rune))/.test(u.basic);
}
export function isUnsigned(t: Type): boolean {
  const u = under(t);
  return u.kind === 'Basic' && /^(uint|uintptr)/.test(u.basic);
}
export function isFloat(t: Type): boolean {
  const u = under(t);
  return u.kind === 'Basic' && /^(float|untyped float)/.test(u.basic);
}
export function isComplex(t: Type): boolean {
  const u = under(t);
  return u.kind === 'Basic' && /^(complex|untyped complex)/.test(u.basic);
}
export function isString(t: Type): boolean {
  const u = under(t);
  return u.kind === 'Basic' && (u.basic === 'string' || u.basic === 'untyped string');
}
export function isBoolean(t: Type): boolean {
  const u = under(t);
  return u.kind === 'Basic' && (u.basic === 'bool' || u.basic === 'untyped bool');
}
export function isOrdered(t: Type): boolean {
  return isInteger(t) || isFloat(t) || isString(t);
}
