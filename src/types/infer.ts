// Type argument inference and function instantiation (go/types infer.go, unify.go):
// unify parameter types with argument types structurally, binding type parameters; then
// give untyped constant arguments their default types; then use core types of
// constraints (`S ~[]E`) to infer the rest. The instantiated signature replaces the
// generic one in Info.types for the function expression, as go/types records it.

import type * as ast from '../syntax/ast.js';
import type { Checker } from './check.js';
import type { Operand } from './operand.js';
import { exprString } from './operand.js';
import type { Signature, Type, TypeParam } from './types.js';
import { under, unalias, isUntyped } from './types.js';
import { makeSubstitution, substSignature, subst } from './instantiate.js';
import { defaultType } from './predicates.js';
import { coreType, typeSetOf } from './typeset.js';
import { universeTypes } from './universe.js';
import { identical } from './predicates.js';

/** Partial explicit type arguments given with f[A](...), remembered for the call. */

function unify(x: Type, y: Type, tps: readonly TypeParam[], m: Map<TypeParam, Type>, depth = 0): boolean {
  if (depth > 50) return true;
  x = unalias(x);
  y = unalias(y);
  // An argument typed by a type parameter of the caller (S ~[]E) unifies through its core
  // type, as go/types' inexact unification does (slices: rotateRight(s[i:], m)).
  if (y.kind === 'TypeParam' && !tps.includes(y) && x.kind !== 'TypeParam' && x.kind !== 'Named') {
    const core = coreType(y);
    if (core && core.kind !== 'TypeParam' && core.kind !== 'Interface') y = core;
  }
  if (x.kind === 'TypeParam' && tps.includes(x)) {
    const bound = m.get(x);
    if (!bound) {
      m.set(x, y);
      return true;
    }
    // Prefer a named type over an unnamed one with the same underlying type.
    if (identical(bound, y)) return true;
    if (identical(under(bound), under(y))) {
      if (unalias(y).kind === 'Named' && unalias(bound).kind !== 'Named') m.set(x, y);
      return true;
    }
    return false;
  }
  if (x.kind === 'Named' && y.kind === 'Named') {
    if (x.origin === y.origin && x.typeArgs.length === y.typeArgs.length) {
      const ya = (y as typeof x).typeArgs;
      return x.typeArgs.every((a, i) => unify(a, ya[i]!, tps, m, depth + 1));
    }
    return identical(x, y);
  }
  if (y.kind === 'Named' && x.kind !== 'Named' && x.kind !== 'TypeParam') y = under(y);
  if (x.kind === 'Named' && y.kind !== 'Named' && y.kind !== 'TypeParam') x = under(x);
  if (x.kind !== y.kind) return false;
  switch (x.kind) {
    case 'Pointer':
    case 'Slice':
      return unify(x.elem, (y as typeof x).elem, tps, m, depth + 1);
    case 'Array':
      return unify(x.elem, (y as typeof x).elem, tps, m, depth + 1);
    case 'Chan':
      return unify(x.elem, (y as typeof x).elem, tps, m, depth + 1);
    case 'Map': {
      const b = y as typeof x;
      return unify(x.key, b.key, tps, m, depth + 1) && unify(x.elem, b.elem, tps, m, depth + 1);
    }
    case 'Signature': {
      const b = y as Signature;
      const ps = x.params.vars;
      const rs = x.results.vars;
      if (ps.length !== b.params.vars.length || rs.length !== b.results.vars.length) return false;
      return ps.every((p, i) => unify(p.type, b.params.vars[i]!.type, tps, m, depth + 1)) &&
        rs.every((r, i) => unify(r.type, b.results.vars[i]!.type, tps, m, depth + 1));
    }
    case 'Struct': {
      const b = y as typeof x;
      if (x.fields.length !== b.fields.length) return false;
      return x.fields.every((f, i) => unify(f.type, b.fields[i]!.type, tps, m, depth + 1));
    }
    default:
      return true;
  }
}

/** The single term type of a constraint (`~[]E` → `[]E`), if any. */
function coreTerm(tp: TypeParam): { type: Type; tilde: boolean } | null {
  const c = under(tp.constraint);
  if (c.kind !== 'Interface') return null;
  const ts = typeSetOf(c);
  if (!ts.terms || ts.terms.length !== 1) return null;
  return ts.terms[0]!;
}

export function inferTypeArgs(c: Checker, pos: ast.Pos, tps: readonly TypeParam[], given: readonly Type[],
  params: readonly Type[], args: readonly Operand[], fname: string): Type[] | null {
  const m = new Map<TypeParam, Type>();
  given.forEach((t, i) => { if (tps[i]) m.set(tps[i]!, t); });
  // Pass 1: typed arguments. A generic function argument (slices.SortFunc(xs, slices.Compare))
  // is left out: its own type parameters are not answers; it is instantiated afterwards from
  // the parameter's instantiated func type (instantiateForTarget, via assignment).
  params.forEach((p, i) => {
    const a = args[i];
    if (!a || a.mode === 'invalid' || isUntyped(a.type) || isGenericFunc(a.type)) return;
    unify(p, a.type, tps, m);
  });
  // Pass 2: core types of constraints.
  for (let round = 0; round < 3; round++) {
    for (const tp of tps) {
      const core = coreTerm(tp);
      if (!core) continue;
      const bound = m.get(tp);
      if (bound) unify(core.type, core.tilde ? under(bound) : bound, tps, m);
      else if (!core.tilde && !containsTypeParams(core.type, tps, m)) m.set(tp, subst(core.type, m));
    }
  }
  // Pass 3: untyped constants take their default type.
  params.forEach((p, i) => {
    const a = args[i];
    const pu = unalias(p);
    if (!a || a.mode === 'invalid' || !isUntyped(a.type) || pu.kind !== 'TypeParam' || !tps.includes(pu) || m.has(pu)) return;
    if (a.mode === 'nilvalue') return;
    // Among several untyped arguments for the same parameter, the "largest" kind wins.
    let best: Type = a.type;
    params.forEach((q, j) => {
      const b = args[j];
      if (unalias(q) === pu && b && isUntyped(b.type) && rank(b.type) > rank(best)) best = b.type;
    });
    m.set(pu, defaultType(best));
  });
  for (let round = 0; round < 2; round++) {
    for (const tp of tps) {
      const core = coreTerm(tp);
      const bound = m.get(tp);
      if (core && bound) unify(core.type, core.tilde ? under(bound) : bound, tps, m);
    }
  }
  const out: Type[] = [];
  for (const tp of tps) {
    const t = m.get(tp);
    if (!t) {
      c.error(pos, `in call to ${fname}, cannot infer ${tp.obj.name}`);
      return null;
    }
    out.push(t);
  }
  // Resolve type parameters bound to other type parameters.
  const s = makeSubstitution(tps, out);
  return out.map((t) => subst(subst(t, s), s));
}

function rank(t: Type): number {
  const b = (unalias(t) as { basic?: string }).basic ?? '';
  return ['untyped int', 'untyped rune', 'untyped float', 'untyped complex'].indexOf(b);
}

function containsTypeParams(t: Type, tps: readonly TypeParam[], m: Map<TypeParam, Type>): boolean {
  const u = unalias(t);
  if (u.kind === 'TypeParam') return tps.includes(u) && !m.has(u);
  if (u.kind === 'Pointer' || u.kind === 'Slice' || u.kind === 'Array' || u.kind === 'Chan') return containsTypeParams(u.elem, tps, m);
  if (u.kind === 'Map') return containsTypeParams(u.key, tps, m) || containsTypeParams(u.elem, tps, m);
  return false;
}

function funName(e: ast.Expr): ast.Name | null {
  while (e.kind === 'ParenExpr') e = e.x;
  if (e.kind === 'IndexExpr') return funName(e.x);
  if (e.kind === 'Name') return e;
  if (e.kind === 'SelectorExpr') return e.sel;
  return null;
}

/** Records the instantiated signature on the function expression (and its name). */
function recordInstance(c: Checker, fun: ast.Expr, targs: readonly Type[], sig: Signature): void {
  const name = funName(fun);
  if (name) c.info.instances.set(name, { typeArgs: targs, type: sig });
  for (let e: ast.Expr = fun; ; ) {
    const tv = c.info.types.get(e);
    if (tv) c.recordType(e, tv.mode, sig, null);
    if (e.kind === 'ParenExpr') e = e.x;
    else if (e.kind === 'IndexExpr' && e.indices.length > 0 && c.info.types.get(e.x)) {
      // f[T] records the instantiated type; f itself keeps it too (go/types records both).
      e = e.x;
    } else break;
  }
}

/** Infers the type arguments of a generic call and returns the instantiated signature. */
export function inferAndInstantiate(c: Checker, call: ast.CallExpr, fv: Operand, sig: Signature, args: Operand[]): Signature | null {
  const given = c.partialTypeArgs.get(call.fun) ?? c.partialTypeArgs.get(unparen(call.fun)) ?? [];
  const ps = sig.params.vars;
  const params: Type[] = args.map((_a, i) => {
    if (sig.variadic && i >= ps.length - 1 && !call.hasDots) {
      const last = unalias(ps[ps.length - 1]!.type);
      return last.kind === 'Slice' ? last.elem : last;
    }
    return ps[i]?.type ?? universeTypes.invalid;
  });
  const targs = inferTypeArgs(c, call, sig.typeParams, given, params, args, exprString(call.fun));
  if (!targs) return null;
  const inst = substSignature(sig, makeSubstitution(sig.typeParams, targs), true);
  recordInstance(c, call.fun, targs, inst);
  void fv;
  return inst;
}

function unparen(e: ast.Expr): ast.Expr {
  while (e.kind === 'ParenExpr') e = e.x;
  return e;
}

/** A function value that still has type parameters (`slices.Compare`, `id`, `f[int]` partial). */
export function isGenericFunc(t: Type): t is Signature {
  const u = unalias(t);
  return u.kind === 'Signature' && u.typeParams.length > 0;
}

/**
 * A generic function value used where a func type T is expected (go/types' reverse type
 * inference: an argument to a func parameter, an assignment, a return): its type arguments
 * are inferred by unifying its signature with T's, as `sortWith(xs, slices.Compare)` with
 * `cmp func(a, b []int) int` gives S = []int and, from S's core type ~[]E, E = int. Records
 * the instance on the expression as a call would, and returns the instantiated signature;
 * null (after an error) when T is no func type or a type parameter stays unknown.
 */
export function instantiateForTarget(c: Checker, x: Operand, T: Type): Signature | null {
  const sig = unalias(x.type) as Signature;
  const target = coreType(T);
  const name = exprString(x.expr);
  if (!target || target.kind !== 'Signature' || target.typeParams.length > 0) {
    c.error(x.expr, `cannot use generic function ${name} without instantiation`);
    return null;
  }
  const given = c.partialTypeArgs.get(x.expr) ?? c.partialTypeArgs.get(unparen(x.expr)) ?? [];
  const targetOperand: Operand = { mode: 'value', type: target, value: null, expr: x.expr };
  const targs = inferTypeArgs(c, x.expr, sig.typeParams, given, [sig], [targetOperand], name);
  if (!targs) return null;
  const inst = substSignature(sig, makeSubstitution(sig.typeParams, targs), true);
  recordInstance(c, x.expr, targs, inst);
  return inst;
}

/** `f[A, B]`: explicit instantiation (complete, or partial and completed at the call). */
export function instantiateFunc(c: Checker, e: ast.IndexExpr, v: Operand, targs: Type[], allowGeneric: boolean): Operand {
  const sig = unalias(v.type) as Signature;
  if (targs.length > sig.typeParams.length) {
    c.error(e.indices[sig.typeParams.length]!, `got ${targs.length} type arguments but ${exprString(e.x)} has ${sig.typeParams.length} type parameters`);
    return { mode: 'invalid', type: universeTypes.invalid, value: null, expr: e };
  }
  if (targs.length < sig.typeParams.length) {
    c.partialTypeArgs.set(e, targs);
    if (!allowGeneric) {
      c.error(e, `in call to ${exprString(e.x)}, cannot infer ${sig.typeParams[targs.length]!.obj.name}`);
    }
    return { mode: 'value', type: sig, value: null, expr: e };
  }
  const inst = substSignature(sig, makeSubstitution(sig.typeParams, targs), true);
  const name = funName(e.x);
  if (name) c.info.instances.set(name, { typeArgs: targs, type: inst });
  return { mode: 'value', type: inst, value: null, expr: e };
}
