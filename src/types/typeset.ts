// Type sets of interfaces (go/types typeset.go): the flattened, sorted method set of an
// interface with its embedded interfaces, and its type terms (null meaning "all types").
// Computed once per interface and cached on it.

import type { Func } from './objects.js';
import type { Interface, Term, Type, TypeSet } from './types.js';
import { under } from './types.js';

/** go/types object ordering: exported before unexported, then by name, then package path. */
export function methodLess(a: Func, b: Func): number {
  const ea = /^\p{Lu}/u.test(a.name);
  const eb = /^\p{Lu}/u.test(b.name);
  if (ea !== eb) return ea ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  const pa = a.pkg?.path ?? '';
  const pb = b.pkg?.path ?? '';
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}

function sameTerm(a: Term, b: Term, identicalFn: (x: Type, y: Type) => boolean): boolean {
  return a.tilde === b.tilde && identicalFn(a.type, b.type);
}

/** Intersection of two term lists (null = all types). */
function intersect(a: readonly Term[] | null, b: readonly Term[] | null): readonly Term[] | null {
  if (a === null) return b;
  if (b === null) return a;
  const out: Term[] = [];
  for (const x of a) {
    for (const y of b) {
      if (x.type === y.type || (under(x.type) === under(y.type) && (x.tilde || y.tilde))) {
        out.push(x.tilde && !y.tilde ? y : x);
      }
    }
  }
  return out;
}

export function typeSetOf(iface: Interface, seen: Set<Interface> = new Set()): TypeSet {
  if (iface.typeSet) return iface.typeSet;
  if (seen.has(iface)) return { methods: [], terms: null, comparable: false };
  seen.add(iface);
  const methods = new Map<string, Func>();
  const add = (m: Func) => {
    const key = /^\p{Lu}/u.test(m.name) ? m.name : `${m.pkg?.path ?? ''}.${m.name}`;
    if (!methods.has(key)) methods.set(key, m);
  };
  for (const m of iface.methods) add(m);
  let terms: readonly Term[] | null = null;
  let comparable = iface.isComparable === true;
  for (const e of iface.embeddeds) {
    const u = under(e);
    if (u.kind === 'Interface') {
      const s = typeSetOf(u, seen);
      for (const m of s.methods) add(m);
      terms = intersect(terms, s.terms);
      comparable ||= s.comparable;
    } else {
      terms = intersect(terms, [{ tilde: false, type: e }]);
    }
  }
  for (const union of iface.unions) {
    // A union of interfaces with methods is not allowed; interface terms contribute their terms.
    let all = false;
    const ts: Term[] = [];
    for (const t of union) {
      const u = under(t.type);
      if (u.kind === 'Interface' && !t.tilde) {
        const s = typeSetOf(u, seen);
        if (s.terms === null) all = true;
        else ts.push(...s.terms);
      } else ts.push(t);
    }
    if (!all) terms = intersect(terms, dedupe(ts));
  }
  const set: TypeSet = { methods: [...methods.values()].sort(methodLess), terms, comparable };
  iface.typeSet = set;
  return set;
}

function dedupe(ts: Term[]): Term[] {
  const out: Term[] = [];
  for (const t of ts) if (!out.some((o) => sameTerm(o, t, (x, y) => x === y))) out.push(t);
  return out;
}

/** The single underlying type shared by all types of a type parameter's type set, if any. */
export function coreType(t: Type): Type | null {
  const u = under(t);
  if (u.kind !== 'TypeParam') return u;
  const c = under(u.constraint);
  if (c.kind !== 'Interface') return null;
  const ts = typeSetOf(c);
  if (!ts.terms || ts.terms.length === 0) return null;
  let core: Type | null = null;
  for (const term of ts.terms) {
    const tu = under(term.type);
    if (core === null) core = tu;
    else if (core !== tu && !(core.kind === 'Basic' && tu.kind === 'Basic' && core.basic === tu.basic)) {
      // identical structural types count as one; a cheap structural test suffices here
      if (JSON.stringify(core.kind) !== JSON.stringify(tu.kind)) return null;
      if (core.kind !== tu.kind) return null;
    }
  }
  return core;
}
