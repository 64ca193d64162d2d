// Type expressions (go/types typexpr.go, struct.go, interface.go, signature.go): turn the
// syntax of a type into a Type. Names go through the ordinary identifier lookup (so a type
// declared later in the package is declared on demand); array lengths are constant
// expressions; generic types are instantiated with their (checked) type arguments.

import type * as ast from '../syntax/ast.js';
import type { Checker } from './check.js';
import type { Func, TypeName, Var } from './objects.js';
import type { Interface, Signature, Term, Type, TypeParam } from './types.js';
import { emptyTuple, newTuple, under, unalias } from './types.js';
import { universeTypes } from './universe.js';
import { exprOrType, expr } from './expr.js';
import { toInt, unquote } from './constant.js';
import { operandString, exprString } from './operand.js';
import { instantiateNamed } from './instantiate.js';
import { methodLess } from './typeset.js';
import { comparable, isInteger } from './predicates.js';
import { byName, typeString } from './typestring.js';

const invalid: Type = universeTypes.invalid;

/** Checks e as a type; reports `x is not a type` otherwise. */
export function typExpr(c: Checker, e: ast.Expr): Type {
  const t = typInternal(c, e);
  c.recordType(e, 'typexpr', t, null);
  return t;
}

/** A generic type used without instantiation is an error except where the caller allows it. */
function typInternal(c: Checker, e: ast.Expr): Type {
  switch (e.kind) {
    case 'Name':
    case 'SelectorExpr':
    case 'IndexExpr': {
      const x = exprOrType(c, e, true);
      if (x.mode === 'invalid') return invalid;
      if (x.mode !== 'typexpr') {
        c.error(e, `${exprString(e)} is not a type`);
        return invalid;
      }
      const t = unalias(x.type);
      if (t.kind === 'Named' && t.typeParams.length > 0 && t.typeArgs.length === 0 && e.kind !== 'IndexExpr') {
        c.error(e, `cannot use generic type ${t.obj.name} without instantiation`);
        return invalid;
      }
      return x.type;
    }
    case 'ParenExpr':
      return typExpr(c, e.x);
    case 'StarExpr':
      return { kind: 'Pointer', elem: typExpr(c, e.x) };
    case 'ArrayType': {
      if (e.len === null) {
        c.error(e, 'invalid use of [...] array (outside a composite literal)');
        return { kind: 'Array', len: -1n, elem: typExpr(c, e.elem) };
      }
      const len = arrayLength(c, e.len);
      return { kind: 'Array', len, elem: typExpr(c, e.elem) };
    }
    case 'SliceType':
      return { kind: 'Slice', elem: typExpr(c, e.elem) };
    case 'DotsType':
      c.error(e, 'invalid use of ...');
      return { kind: 'Slice', elem: typExpr(c, e.elem) };
    case 'MapType': {
      const key = typExpr(c, e.key);
      const value = typExpr(c, e.value);
      const file = c.file;
      c.later.push(() => {
        if (key.kind === 'TypeParam') {
          if (!comparable(key)) c.error(e.key, `invalid map key type ${typeString(key, byName(c.pkg))} (missing comparable constraint)`, file);
        } else if (key !== universeTypes.invalid && !comparable(key)) {
          c.error(e.key, `invalid map key type ${typeString(key, byName(c.pkg))}`, file);
        }
      });
      return { kind: 'Map', key, elem: value };
    }
    case 'ChanType':
      return { kind: 'Chan', dir: e.dir, elem: typExpr(c, e.elem) };
    case 'FuncType': {
      const saved = c.scope;
      c.scope = c.openScope(e, c.scope, 'function type', true);
      const sig = funcType(c, e, null);
      c.scope = saved;
      return sig;
    }
    case 'StructType':
      return structType(c, e);
    case 'InterfaceType':
      return interfaceType(c, e);
    default:
      c.error(e, `${exprString(e)} is not a type`);
      return invalid;
  }
}

export function arrayLength(c: Checker, e: ast.Expr): bigint {
  const x = expr(c, e);
  if (x.mode === 'invalid') return -1n;
  if (x.mode !== 'constant') {
    c.error(e, `array length ${exprString(e)} (${operandString(x, c.pkg).replace(/^.*?\(/, '').replace(/\)$/, '')}) must be constant`);
    return -1n;
  }
  const n = x.value ? toInt(x.value) : null;
  if (n === null || !(isInteger(x.type) || /untyped/.test((unalias(x.type) as { basic?: string }).basic ?? ''))) {
    c.error(e, `array length ${exprString(e)} must be integer`);
    return -1n;
  }
  if (n < 0n) {
    c.error(e, `invalid array length ${exprString(e)}`);
    return -1n;
  }
  return n;
}

function newVar(c: Checker, name: string, pos: ast.Pos | null, type: Type, varKind: Var['varKind'], embedded = false): Var {
  return { kind: 'Var', name, pos, file: c.file, pkg: c.pkg, type, parent: null, varKind, embedded, origin: null, used: false };
}

/**
 * The signature of a function type; parameters and results are declared in c.scope
 * (the function's scope) so the body sees them. recvField is a method's receiver.
 */
export function funcType(c: Checker, ft: ast.FuncType, recvField: ast.Field | null, recvTypeParamsOf?: TypeParam[]): Signature {
  const typeParams = declareTypeParams(c, ft.typeParams);
  let recv: Var | null = null;
  if (recvField) {
    if (recvTypeParamsOf) bindReceiverTypeParams(c, recvField.type, recvTypeParamsOf);
    const t = typExpr(c, recvField.type);
    const id = recvField.names[0] ?? null;
    recv = newVar(c, id?.value ?? '', id, t, 'recv');
    recv.used = true;
    validRecv(c, recvField.type, t);
  }
  const params = collectParams(c, ft.params, 'param', true);
  const results = collectParams(c, ft.results, 'result', false);
  // Declared only now: their scope is the body, so `func f(url string, v url.Values)` still
  // resolves url.Values in the package's scope (go/types collectParams does the same).
  if (recv && recvField?.names[0]) c.declare(c.scope, recvField.names[0], recv);
  for (const [n, v] of [...params.named, ...results.named]) c.declare(c.scope, n, v);
  return {
    kind: 'Signature', recv, typeParams, recvTypeParams: recvTypeParamsOf ?? [],
    params: params.vars.length ? newTuple(params.vars) : emptyTuple,
    results: results.vars.length ? newTuple(results.vars) : emptyTuple,
    variadic: params.variadic,
  };
}

function validRecv(c: Checker, e: ast.Expr, t: Type): void {
  let u = unalias(t);
  if (u.kind === 'Pointer') u = unalias(u.elem);
  if (u.kind !== 'Named') {
    if (u.kind !== 'Basic' || u.basic !== 'invalid') c.error(e, `invalid receiver type ${exprString(e)}`);
    return;
  }
  if (u.obj.pkg !== c.pkg) c.error(e, `cannot define new methods on non-local type ${exprString(e)}`);
}

/** `func (l *List[T]) ...`: the receiver's type parameter names denote the type's parameters. */
function bindReceiverTypeParams(c: Checker, e: ast.Expr, tps: TypeParam[]): void {
  while (e.kind === 'StarExpr' || e.kind === 'ParenExpr') e = e.x;
  if (e.kind !== 'IndexExpr') return;
  e.indices.forEach((ix, i) => {
    const tp = tps[i];
    if (ix.kind !== 'Name' || !tp) return;
    const tn: TypeName = { ...tp.obj, pos: ix, parent: null };
    c.recordDef(ix, tn);
    // `_` is allowed here and must resolve inside the receiver type expression.
    c.scope.names.set(ix.value, tn);
  });
}

function collectParams(c: Checker, fields: readonly ast.Field[], kind: 'param' | 'result', variadicOk: boolean): { vars: Var[]; named: [ast.Name, Var][]; variadic: boolean } {
  const vars: Var[] = [];
  const named: [ast.Name, Var][] = [];
  let variadic = false;
  fields.forEach((f, i) => {
    let te = f.type;
    let isDots = false;
    if (te.kind === 'DotsType') {
      if (variadicOk && i === fields.length - 1 && f.names.length <= 1) isDots = true;
      else c.error(te, 'can only use ... with final parameter in list');
      te = te.elem;
    }
    let t = typExpr(c, te);
    if (isDots) {
      t = { kind: 'Slice', elem: t };
      c.recordType(f.type, 'typexpr', t, null);
      variadic = true;
    }
    if (f.names.length === 0) {
      const v = newVar(c, '', f, t, kind);
      v.used = true;
      vars.push(v);
    }
    for (const n of f.names) {
      const v = newVar(c, n.value, n, t, kind);
      v.used = true;
      vars.push(v);
      named.push([n, v]);
    }
  });
  return { vars, named, variadic };
}

/** Declares type parameters `[T any, U ~int | string]` in c.scope. */
export function declareTypeParams(c: Checker, fields: readonly ast.Field[]): TypeParam[] {
  const tps: TypeParam[] = [];
  const pending: [TypeParam, ast.Expr][] = [];
  for (const f of fields) {
    for (const n of f.names) {
      const obj: TypeName = { kind: 'TypeName', name: n.value, pos: n, file: c.file, pkg: c.pkg, type: invalid, parent: null, isAlias: false };
      const tp: TypeParam = { kind: 'TypeParam', obj, index: tps.length, constraint: invalid };
      obj.type = tp;
      c.declare(c.scope, n, obj);
      tps.push(tp);
      pending.push([tp, f.type]);
    }
  }
  // Constraints may refer to any of the type parameters, so bind them after declaring all.
  const done = new Map<ast.Expr, Type>();
  for (const [tp, ce] of pending) {
    let t = done.get(ce);
    if (!t) {
      t = constraintType(c, ce);
      done.set(ce, t);
    }
    tp.constraint = t;
  }
  return tps;
}

function constraintType(c: Checker, e: ast.Expr): Type {
  // `~T`, `A | B` or a non-interface type: an implicit interface around one union.
  if (isUnionSyntax(e)) {
    const terms = unionTerms(c, e);
    const iface: Interface = { kind: 'Interface', methods: [], embeddeds: [], unions: [terms], implicit: true };
    c.recordType(e, 'typexpr', iface, null);
    return iface;
  }
  const t = typExpr(c, e);
  if (under(t).kind !== 'Interface' && !(t.kind === 'Basic' && t.basic === 'invalid')) {
    return { kind: 'Interface', methods: [], embeddeds: [], unions: [[{ tilde: false, type: t }]], implicit: true };
  }
  return t;
}

function isUnionSyntax(e: ast.Expr): boolean {
  return (e.kind === 'UnaryExpr' && e.op === '~') || (e.kind === 'BinaryExpr' && e.op === '|');
}

function unionTerms(c: Checker, e: ast.Expr): Term[] {
  if (e.kind === 'BinaryExpr' && e.op === '|') {
    const out = [...unionTerms(c, e.x), ...unionTerms(c, e.y)];
    // go/types records each union expression with its union type (`~int | string`).
    c.recordType(e, 'typexpr', { kind: 'Interface', methods: [], embeddeds: [], unions: [out], implicit: true }, null);
    return out;
  }
  if (e.kind === 'UnaryExpr' && e.op === '~') {
    const t = typExpr(c, e.x);
    const term = { tilde: true, type: t };
    // go/types records a term as a one-term union type, printed `~T`.
    c.recordType(e, 'typexpr', { kind: 'Interface', methods: [], embeddeds: [], unions: [[term]], implicit: true }, null);
    return [term];
  }
  return [{ tilde: false, type: typExpr(c, e) }];
}

function structType(c: Checker, e: ast.StructType): Type {
  const fields: Var[] = [];
  const tags: string[] = [];
  const seen = new Map<string, ast.Pos>();
  const add = (v: Var, pos: ast.Pos, tag: string) => {
    if (v.name !== '_' && seen.has(v.name)) c.error(pos, `${v.name} redeclared`);
    seen.set(v.name, pos);
    fields.push(v);
    tags.push(tag);
  };
  for (const f of e.fields) {
    const tag = f.tag ? unquote(f.tag.value) : '';
    const t = typExpr(c, f.type);
    if (f.embedded || f.names.length === 0) {
      const name = embeddedName(f.type);
      const v = newVar(c, name, f.type, t, 'field', true);
      c.info.implicits.set(f, v);
      add(v, embeddedPos(f.type), tag);
      const [base] = ((): [Type] => {
        const u = unalias(t);
        return [u.kind === 'Pointer' ? unalias(u.elem) : u];
      })();
      const bu = under(base);
      if (unalias(t).kind === 'Pointer' && (bu.kind === 'Pointer' || bu.kind === 'Interface')) {
        c.error(f.type, `embedded field type cannot be a pointer to an interface`);
      }
      continue;
    }
    for (const n of f.names) {
      const v = newVar(c, n.value, n, t, 'field');
      c.recordDef(n, v);
      add(v, n, tag);
    }
  }
  return { kind: 'Struct', fields, tags };
}

function embeddedName(e: ast.Expr): string {
  switch (e.kind) {
    case 'Name': return e.value;
    case 'StarExpr': return embeddedName(e.x);
    case 'SelectorExpr': return e.sel.value;
    case 'IndexExpr': return embeddedName(e.x);
    case 'ParenExpr': return embeddedName(e.x);
    default: return '_';
  }
}

function embeddedPos(e: ast.Expr): ast.Pos {
  switch (e.kind) {
    case 'StarExpr': return embeddedPos(e.x);
    case 'SelectorExpr': return e.sel;
    case 'IndexExpr': return embeddedPos(e.x);
    default: return e;
  }
}

function interfaceType(c: Checker, e: ast.InterfaceType): Type {
  const methods: Func[] = [];
  const embeddeds: Type[] = [];
  const unions: Term[][] = [];
  const iface: Interface = { kind: 'Interface', methods, embeddeds, unions };
  for (const f of e.elems) {
    if (f.names.length > 0 && f.type.kind === 'FuncType') {
      const n = f.names[0]!;
      const saved = c.scope;
      c.scope = c.openScope(f.type, c.scope, 'interface method', true);
      const sig0 = funcType(c, f.type, null);
      c.scope = saved;
      c.recordType(f.type, 'typexpr', sig0, null);
      const recv = newVar(c, '', null, iface, 'recv');
      const sig: Signature = { ...sig0, recv };
      const m: Func = {
        kind: 'Func', name: n.value, pos: n, file: c.file, pkg: c.pkg, type: sig, parent: null, decl: null,
        pragmas: [], origin: null, isInterfaceMethod: true,
      };
      c.recordDef(n, m);
      methods.push(m);
      continue;
    }
    if (isUnionSyntax(f.type)) {
      unions.push(unionTerms(c, f.type));
      continue;
    }
    embeddeds.push(typExpr(c, f.type));
  }
  methods.sort(methodLess);
  return iface;
}

/** Instantiates a generic named type with checked type arguments. */
export function instantiateType(c: Checker, e: ast.IndexExpr, generic: Type): Type {
  const g = unalias(generic);
  if (g.kind !== 'Named' || g.typeParams.length === 0) {
    c.error(e, `${exprString(e.x)} is not a generic type`);
    return invalid;
  }
  const args = e.indices.map((ix) => typExpr(c, ix));
  if (args.length !== g.typeParams.length) {
    c.error(e, `${args.length < g.typeParams.length ? 'not enough' : 'too many'} type arguments for type ${g.obj.name}: have ${args.length}, want ${g.typeParams.length}`);
    return invalid;
  }
  const inst = instantiateNamed(g, args);
  const name = e.x.kind === 'Name' ? e.x : e.x.kind === 'SelectorExpr' ? e.x.sel : null;
  if (name) c.info.instances.set(name, { typeArgs: args, type: inst });
  return inst;
}
