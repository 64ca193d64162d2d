// Substitution and instantiation (go/types subst.go, instantiate.go, named.go): a generic
// type or function applied to type arguments. Instances of a generic type are made once
// per distinct argument list and expand lazily (underlying type and methods on first use),
// so that recursive generic types (`type List[T any] struct{ next *List[T] }`) terminate.

import type { Func, Var } from './objects.js';
import type { Interface, Named, Signature, Term, Tuple, Type, TypeParam } from './types.js';
import { identical } from './predicates.js';
import { unalias } from './types.js';

export type Substitution = ReadonlyMap<TypeParam, Type>;

export function makeSubstitution(params: readonly TypeParam[], args: readonly Type[]): Substitution {
  const m = new Map<TypeParam, Type>();
  params.forEach((p, i) => {
    const a = args[i];
    if (a) m.set(p, a);
  });
  return m;
}

function substVar(v: Var, m: Substitution): Var {
  const t = subst(v.type, m);
  if (t === v.type) return v;
  return { ...v, type: t, origin: v.origin ?? v };
}

function substTuple(t: Tuple, m: Substitution): Tuple {
  const vars = t.vars.map((v) => substVar(v, m));
  return vars.every((v, i) => v === t.vars[i]) ? t : { kind: 'Tuple', vars };
}

export function substSignature(s: Signature, m: Substitution, dropTypeParams = false): Signature {
  const params = substTuple(s.params, m);
  const results = substTuple(s.results, m);
  // An interface method's receiver is the interface itself: substituting it would recurse.
  const recv = s.recv && unalias(s.recv.type).kind !== 'Interface' ? substVar(s.recv, m) : s.recv;
  if (params === s.params && results === s.results && recv === s.recv && !dropTypeParams) return s;
  return { ...s, recv, params, results, typeParams: dropTypeParams ? [] : s.typeParams };
}

function substFunc(f: Func, m: Substitution): Func {
  const t = substSignature(f.type as Signature, m);
  if (t === f.type) return f;
  return { ...f, type: t, origin: f.origin ?? f };
}

export function subst(t: Type, m: Substitution): Type {
  if (m.size === 0) return t;
  switch (t.kind) {
    case 'Basic':
      return t;
    case 'TypeParam':
      return m.get(t) ?? t;
    case 'Pointer':
    case 'Slice': {
      const e = subst(t.elem, m);
      return e === t.elem ? t : { ...t, elem: e };
    }
    case 'Array': {
      const e = subst(t.elem, m);
      return e === t.elem ? t : { ...t, elem: e };
    }
    case 'Chan': {
      const e = subst(t.elem, m);
      return e === t.elem ? t : { ...t, elem: e };
    }
    case 'Map': {
      const k = subst(t.key, m);
      const e = subst(t.elem, m);
      return k === t.key && e === t.elem ? t : { ...t, key: k, elem: e };
    }
    case 'Struct': {
      const fields = t.fields.map((f) => substVar(f, m));
      return fields.every((f, i) => f === t.fields[i]) ? t : { ...t, fields };
    }
    case 'Tuple':
      return substTuple(t, m);
    case 'Signature':
      return substSignature(t, m);
    case 'Interface': {
      const methods = t.methods.map((f) => substFunc(f, m));
      const embeddeds = t.embeddeds.map((e) => subst(e, m));
      const unions = t.unions.map((u) => u.map((term): Term => ({ tilde: term.tilde, type: subst(term.type, m) })));
      const same = methods.every((f, i) => f === t.methods[i]) && embeddeds.every((e, i) => e === t.embeddeds[i]) &&
        unions.every((u, i) => u.every((term, j) => term.type === t.unions[i]![j]!.type));
      if (same) return t;
      const out: Interface = { kind: 'Interface', methods, embeddeds, unions, implicit: t.implicit, isComparable: t.isComparable };
      return out;
    }
    case 'Named': {
      if (t.typeArgs.length === 0) return t;
      const args = t.typeArgs.map((a) => subst(a, m));
      return args.every((a, i) => a === t.typeArgs[i]) ? t : instantiateNamed(t.origin, args);
    }
    case 'Alias': {
      return t;
    }
  }
}

/** The instance origin[args]; the same object for identical argument lists. */
export function instantiateNamed(origin: Named, args: readonly Type[]): Named {
  const list = (origin.instances ??= []);
  for (const inst of list) {
    if (inst.typeArgs.length === args.length && inst.typeArgs.every((a, i) => identical(a, args[i]!))) return inst;
  }
  let underlying: Type | null = null;
  let methods: Func[] | null = null;
  const inst = {
    kind: 'Named',
    obj: origin.obj,
    typeArgs: args,
    origin,
    typeParams: origin.typeParams,
  } as unknown as Named;
  Object.defineProperty(inst, 'underlying', {
    enumerable: true,
    get(): Type {
      if (underlying === null) {
        const m = makeSubstitution(origin.typeParams, args);
        const u = subst(origin.underlying, m);
        // While the generic type is still being declared its underlying type is not known yet.
        if (u.kind === 'Basic' && u.basic === 'invalid') return u;
        underlying = u;
      }
      return underlying;
    },
    set(v: Type) {
      underlying = v;
    },
  });
  Object.defineProperty(inst, 'methods', {
    enumerable: true,
    get(): Func[] {
      if (methods === null || methods.length !== origin.methods.length) {
        const m = new Map(makeSubstitution(origin.typeParams, args));
        methods = origin.methods.map((f) => instanceMethod(f, m, inst));
      }
      return methods;
    },
    set(_v: Func[]) {},
  });
  list.push(inst);
  return inst;
}

function instanceMethod(f: Func, m: Substitution, inst: Named): Func {
  const sig = f.type as Signature;
  const s = substSignature(sig, m);
  // The receiver's type becomes the instance (or a pointer to it).
  let recv = s.recv;
  if (recv) {
    const rt = recv.type;
    const isPtr = rt.kind === 'Pointer';
    recv = { ...recv, type: isPtr ? { kind: 'Pointer', elem: inst } : inst };
  }
  return { ...f, type: { ...s, recv, recvTypeParams: [] }, origin: f.origin ?? f };
}

/** The methods of a named type (substituted for instances). */
export function namedMethods(n: Named): readonly Func[] {
  return n.methods;
}
