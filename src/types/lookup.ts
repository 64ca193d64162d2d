// Field and method lookup (go/types lookup.go, methodset.go): a breadth-first search
// through embedded fields, depth by depth; a name found twice at the shallowest depth is
// ambiguous. The result keeps the path of embedded fields and where pointers were crossed,
// because gc lowers `x.f` through embedded pointers into explicit derefs (ODOTPTR).

import type { Func, Package, Var } from './objects.js';
import type { EmbeddedStep } from './info.js';
import type { Named, Signature, Type } from './types.js';
import { deref, under, unalias } from './types.js';
import { typeSetOf } from './typeset.js';
import { namedMethods } from './instantiate.js';

export interface LookupResult {
  readonly obj: Var | Func | null;
  /** Embedded field indices, then the field or method index. */
  readonly index: readonly number[];
  /** A pointer was dereferenced somewhere on the path (x itself included). */
  readonly indirect: boolean;
  readonly path: readonly EmbeddedStep[];
  /** The value the final field/method is selected from is a pointer. */
  readonly ptrAtEnd: boolean;
  /** Found more than once at the shallowest depth. */
  readonly ambiguous: boolean;
  /** A pointer-receiver method found on a non-addressable value (not in the method set). */
  readonly needsAddr: boolean;
}

interface Embedded {
  readonly typ: Type;
  readonly index: readonly number[];
  readonly indirect: boolean;
  readonly ptr: boolean;
  readonly multiples: boolean;
  readonly path: readonly EmbeddedStep[];
}

function sameId(objName: string, objPkg: Package | null, pkg: Package | null, name: string): boolean {
  if (objName !== name) return false;
  if (/^\p{Lu}/u.test(name)) return true;
  return objPkg === null || pkg === null || objPkg === pkg || objPkg.path === pkg.path;
}

const notFound: LookupResult = {
  obj: null, index: [], indirect: false, path: [], ptrAtEnd: false, ambiguous: false, needsAddr: false,
};

export function hasPtrRecv(f: Func): boolean {
  const sig = f.type as Signature;
  if (!sig.recv) return false;
  const r = unalias(sig.recv.type);
  return r.kind === 'Pointer';
}

export function lookupFieldOrMethod(T: Type, addressable: boolean, pkg: Package | null, name: string): LookupResult {
  if (name === '_') return notFound;
  const [typ0, isPtr0] = deref(T);
  if (isPtr0 && under(typ0).kind === 'Interface') return notFound;
  // A named pointer type has no methods, but its fields are reachable.
  const tNamedPtr = unalias(T).kind === 'Named' && under(T).kind === 'Pointer';
  let current: Embedded[] = [{ typ: typ0, index: [], indirect: isPtr0, ptr: isPtr0, multiples: false, path: [] }];
  const seen = new Set<Named>();
  while (current.length > 0) {
    const next: Embedded[] = [];
    let found: LookupResult | null = null;
    let count = 0;
    for (const e of current) {
      let typ = unalias(e.typ);
      if (typ.kind === 'Named') {
        if (seen.has(typ.origin === typ ? typ : typ)) continue;
        seen.add(typ);
        if (!(tNamedPtr && e.path.length === 0)) {
          const methods = namedMethods(typ);
          const i = methods.findIndex((m) => sameId(m.name, m.pkg, pkg, name));
          if (i >= 0) {
            count += e.multiples ? 2 : 1;
            found = {
              obj: methods[i]!, index: [...e.index, i], indirect: e.indirect, path: e.path, ptrAtEnd: e.ptr,
              ambiguous: false, needsAddr: false,
            };
            continue;
          }
        }
      }
      const u = under(typ);
      if (u.kind === 'Struct') {
        u.fields.forEach((f, i) => {
          if (sameId(f.name, f.pkg, pkg, name)) {
            count += e.multiples ? 2 : 1;
            found = {
              obj: f, index: [...e.index, i], indirect: e.indirect, path: e.path, ptrAtEnd: e.ptr,
              ambiguous: false, needsAddr: false,
            };
            return;
          }
          if (f.embedded) {
            const [ft, isPtr] = deref(f.type);
            next.push({
              typ: ft, index: [...e.index, i], indirect: e.indirect || isPtr, ptr: isPtr, multiples: e.multiples,
              path: [...e.path, { field: f, derefBefore: e.ptr }],
            });
          }
        });
      } else if (u.kind === 'Interface') {
        const ms = typeSetOf(u).methods;
        const i = ms.findIndex((m) => sameId(m.name, m.pkg, pkg, name));
        if (i >= 0) {
          count += e.multiples ? 2 : 1;
          found = {
            obj: ms[i]!, index: [...e.index, i], indirect: e.indirect, path: e.path, ptrAtEnd: e.ptr,
            ambiguous: false, needsAddr: false,
          };
        }
      }
    }
    if (count > 1) return { ...notFound, ambiguous: true };
    if (found) {
      const r: LookupResult = found;
      if (r.obj && r.obj.kind === 'Func' && !r.obj.isInterfaceMethod && hasPtrRecv(r.obj) && !r.indirect && !addressable) {
        return { ...r, needsAddr: true };
      }
      return r;
    }
    current = consolidate(next);
  }
  return notFound;
}

function consolidate(list: Embedded[]): Embedded[] {
  const out: Embedded[] = [];
  for (const e of list) {
    const t = unalias(e.typ);
    const j = out.findIndex((o) => unalias(o.typ) === t);
    if (j >= 0) out[j] = { ...out[j]!, multiples: true };
    else out.push(e);
  }
  return out;
}

export interface MethodSetEntry {
  readonly name: string;
  readonly func: Func;
  readonly index: readonly number[];
  readonly indirect: boolean;
}

/** The method set of T (spec "Method sets"): for a non-pointer T, value-receiver methods only. */
export function methodSet(T: Type): MethodSetEntry[] {
  const out: MethodSetEntry[] = [];
  for (const name of methodSetNames(T)) {
    const pkgOfName = null;
    const r = lookupFieldOrMethod(T, false, pkgOfName, name);
    if (r.obj && r.obj.kind === 'Func' && !r.needsAddr) {
      out.push({ name, func: r.obj, index: r.index, indirect: r.indirect });
    }
  }
  return out;
}

/**
 * The methods declared on T (or *T) or promoted into it as (name, package) pairs, the
 * package only for an unexported name (another package's unexported method is a method of
 * T too, only not one this package can name: gc's method sets and wrappers include it),
 * sorted by name, then by package path.
 */
export function methodSetIds(T: Type): { readonly name: string; readonly pkg: Package | null }[] {
  const ids = new Map<string, { name: string; pkg: Package | null }>();
  const add = (m: Func) => {
    const pkg = /^\p{Lu}/u.test(m.name) ? null : m.pkg;
    const key = `${pkg?.path ?? ''}\u0000${m.name}`;
    if (!ids.has(key)) ids.set(key, { name: m.name, pkg });
  };
  const visit = (t: Type, depth: number, seen: Set<Type>) => {
    const [d] = deref(t);
    const n = unalias(d);
    if (seen.has(n) || depth > 8) return;
    seen.add(n);
    if (n.kind === 'Named') for (const m of namedMethods(n)) add(m);
    const u = under(n);
    if (u.kind === 'Interface') for (const m of typeSetOf(u).methods) add(m);
    if (u.kind === 'Struct') for (const f of u.fields) if (f.embedded) visit(f.type, depth + 1, seen);
  };
  visit(T, 0, new Set());
  const path = (p: Package | null) => p?.path ?? '';
  return [...ids.values()].sort((a, b) => (a.name !== b.name ? (a.name < b.name ? -1 : 1) : path(a.pkg) < path(b.pkg) ? -1 : path(a.pkg) > path(b.pkg) ? 1 : 0));
}

/** The names of the methods declared on T (or *T) or promoted into it, sorted. */
export function methodSetNames(T: Type): string[] {
  const names = new Set<string>();
  const visit = (t: Type, depth: number, seen: Set<Type>) => {
    const [d] = deref(t);
    const n = unalias(d);
    if (seen.has(n) || depth > 8) return;
    seen.add(n);
    if (n.kind === 'Named') for (const m of namedMethods(n)) names.add(m.name);
    const u = under(n);
    if (u.kind === 'Interface') for (const m of typeSetOf(u).methods) names.add(m.name);
    if (u.kind === 'Struct') for (const f of u.fields) if (f.embedded) visit(f.type, depth + 1, seen);
  };
  visit(T, 0, new Set());
  return [...names].sort();
}
