// Interface satisfaction (go/types instantiate.go implements, lookup.go missingMethod):
// V implements interface T if every method of T's type set is in V's method set with an
// identical signature, and V is in T's type terms when T has any.

import type { Func, Package } from './objects.js';
import type { Signature, Type } from './types.js';
import { under, unalias } from './types.js';
import { typeSetOf } from './typeset.js';
import { lookupFieldOrMethod } from './lookup.js';
import { identical, comparable } from './predicates.js';
import { typeString, byName } from './typestring.js';

function sameSig(a: Signature, b: Signature): boolean {
  return a.variadic === b.variadic && identical(a.params, b.params) && identical(a.results, b.results);
}

/** The first method of T missing in V, with why; null when V has them all. */
export function missingMethod(V: Type, T: Type): { method: Func; reason: 'missing' | 'pointer' | 'wrong'; found?: Func } | null {
  const tu = under(T);
  if (tu.kind !== 'Interface') return null;
  const methods = typeSetOf(tu).methods;
  // A type parameter has the methods of its constraint.
  const vp = unalias(V);
  if (vp.kind === 'TypeParam') V = vp.constraint;
  const vu = under(V);
  for (const m of methods) {
    if (vu.kind === 'Interface') {
      const f = typeSetOf(vu).methods.find((x) => x.name === m.name && (x.pkg === m.pkg || /^\p{Lu}/u.test(m.name)));
      if (!f) return { method: m, reason: 'missing' };
      if (!sameSig(f.type as Signature, m.type as Signature)) return { method: m, reason: 'wrong', found: f };
      continue;
    }
    const r = lookupFieldOrMethod(V, false, m.pkg as Package | null, m.name);
    if (!r.obj || r.obj.kind !== 'Func') return { method: m, reason: 'missing' };
    if (r.needsAddr) return { method: m, reason: 'pointer', found: r.obj };
    if (!sameSig(r.obj.type as Signature, m.type as Signature)) return { method: m, reason: 'wrong', found: r.obj };
  }
  return null;
}

export function implementsIface(V: Type, T: Type): boolean {
  const tu = under(T);
  if (tu.kind !== 'Interface') return false;
  const ts = typeSetOf(tu);
  if (missingMethod(V, T)) return false;
  if (ts.comparable && !comparable(V)) return false;
  if (ts.terms !== null) {
    const vu = under(V);
    const inTerms = (t: Type) => ts.terms!.some((term) => term.tilde ? identical(under(term.type), under(t)) : identical(term.type, t));
    if (vu.kind === 'TypeParam') {
      const vs = typeSetOf(under(vu.constraint) as never).terms;
      return vs !== null && vs.every((term) => inTerms(term.type));
    }
    return inTerms(unalias(V));
  }
  return true;
}

/** types2's explanation appended to assignability errors: `T does not implement I (...)`. */
export function implementsCause(V: Type, T: Type, pkg: Package | null): string {
  const mm = missingMethod(V, T);
  const q = byName(pkg);
  const vs = typeString(V, q);
  const ts = typeString(T, q);
  if (!mm) return '';
  const name = mm.method.name;
  switch (mm.reason) {
    case 'missing':
      return `${vs} does not implement ${ts} (missing method ${name})`;
    case 'pointer':
      return `${vs} does not implement ${ts} (method ${name} has pointer receiver)`;
    case 'wrong': {
      const have = sigString(mm.found!, q);
      const want = sigString(mm.method, q);
      return `${vs} does not implement ${ts} (wrong type for method ${name})\n\t\thave ${have}\n\t\twant ${want}`;
    }
  }
}

function sigString(f: Func, q: (p: Package) => string): string {
  const s = typeString(f.type, q);
  return f.name + s.slice('func'.length);
}
