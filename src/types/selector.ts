// Selectors (go/types call.go selector): `pkg.Name`, fields and methods `x.f` (through
// embedded fields and pointers), method values, and method expressions `T.m`. The
// Selection recorded for each keeps the embedding path and the implicit `&x` / `*p` gc
// inserts, which the escape IR must reproduce.

import type * as ast from '../syntax/ast.js';
import type { Checker } from './check.js';
import type { Operand } from './operand.js';
import { exprString } from './operand.js';
import type { Selection } from './info.js';
import type { Func, Var } from './objects.js';
import type { Signature, Type } from './types.js';
import { deref, under, unalias, newTuple } from './types.js';
import { universeTypes } from './universe.js';
import { exprOrType, invalidOperand, singleValue } from './expr.js';
import { lookupFieldOrMethod } from './lookup.js';
import { objDecl } from './decl.js';
import { typeString, byName } from './typestring.js';

const invalid: Type = universeTypes.invalid;

export function selector(c: Checker, e: ast.SelectorExpr, allowGeneric: boolean): Operand {
  const bad = invalidOperand(e);
  const sel = e.sel.value;
  // Qualified identifier: pkg.Name
  if (e.x.kind === 'Name') {
    const found = c.scope.lookupParent(e.x.value);
    if (found && found[1].kind === 'PkgName') {
      const pn = found[1];
      pn.used = true;
      c.recordUse(e.x, pn);
      const obj = pn.imported.scope.lookup(sel);
      if (!obj && pn.imported.missing) return bad;
      if (!obj || (!/^\p{Lu}/u.test(sel) && pn.imported.path !== 'unsafe')) {
        if (obj && !/^\p{Lu}/u.test(sel)) c.error(e.sel, `name ${sel} not exported by package ${pn.imported.name}`);
        else c.error(e.sel, `undefined: ${e.x.value}.${sel}`);
        return bad;
      }
      pn.imported.declareObject?.(obj);
      c.recordUse(e.sel, obj);
      switch (obj.kind) {
        case 'Const':
          return { mode: 'constant', type: obj.type, value: obj.value, expr: e };
        case 'TypeName': {
          const t = unalias(obj.type);
          if (!allowGeneric && t.kind === 'Named' && t.typeParams.length > 0 && t.typeArgs.length === 0) {
            c.error(e, `cannot use generic type ${exprString(e)} without instantiation`);
            return bad;
          }
          return { mode: 'typexpr', type: obj.type, value: null, expr: e };
        }
        case 'Var':
          return { mode: 'variable', type: obj.type, value: null, expr: e };
        case 'Func':
          return { mode: 'value', type: obj.type, value: null, expr: e };
        case 'Builtin':
          return { mode: 'builtin', type: invalid, value: null, expr: e, builtin: obj };
        default:
          return bad;
      }
    }
  }
  const x = exprOrType(c, e.x, false);
  if (x.mode === 'invalid') return bad;
  if (x.mode === 'builtin') {
    singleValue(c, x);
    return bad;
  }
  if (x.mode === 'typexpr') return methodExpr(c, e, x.type);
  const v = singleValue(c, x);
  if (v.mode === 'invalid') return bad;
  if (v.mode === 'nilvalue') {
    c.error(e, `invalid operation: ${exprString(e)} (nil has no field or method ${sel})`);
    return bad;
  }
  let T = v.type;
  // A type parameter's fields are not accessible; its methods come from its constraint.
  const tu = unalias(T);
  if (tu.kind === 'TypeParam') T = tu.constraint;
  const r = lookupFieldOrMethod(T, v.mode === 'variable', c.pkg, sel);
  const base = under(deref(T)[0]);
  if (!r.obj && base.kind === 'Basic' && base.basic === 'invalid') return bad;
  if (!r.obj) {
    if (r.ambiguous) c.error(e.sel, `ambiguous selector ${exprString(e)}`);
    else c.error(e.sel, `${exprString(e)} undefined (${missingFieldOrMethod(c, v.type, sel)})`);
    return bad;
  }
  if (r.needsAddr) {
    c.error(e.sel, `cannot call pointer method ${sel} on ${typeString(v.type, byName(c.pkg))}`);
    return bad;
  }
  if (r.obj.kind === 'Var') {
    const mode = v.mode === 'variable' || r.indirect ? 'variable' : 'value';
    record(c, e, {
      kind: 'field', recv: v.type, obj: r.obj, type: r.obj.type, index: r.index, path: r.path, indirect: r.indirect,
      derefFinal: r.ptrAtEnd, implicitAddr: false, implicitDeref: false,
    });
    return { mode, type: r.obj.type, value: null, expr: e };
  }
  const f = r.obj as Func;
  if (f.decl) {
    if (c.declInfo.has(f.origin ?? f)) objDecl(c, f.origin ?? f);
  }
  const sig = f.type as Signature;
  if (sig.kind !== 'Signature') return bad;
  const ptrRecv = sig.recv !== null && unalias(sig.recv.type).kind === 'Pointer';
  const isIface = f.isInterfaceMethod;
  const selType: Signature = { ...sig, recv: null };
  record(c, e, {
    kind: 'method', recv: v.type, obj: f, type: selType, index: r.index, path: r.path, indirect: r.indirect,
    derefFinal: r.ptrAtEnd,
    implicitAddr: !isIface && ptrRecv && !r.ptrAtEnd,
    implicitDeref: !isIface && !ptrRecv && r.ptrAtEnd,
  });
  return { mode: 'value', type: selType, value: null, expr: e };
}

function record(c: Checker, e: ast.SelectorExpr, s: Selection): void {
  c.info.selections.set(e, s);
  c.recordUse(e.sel, s.obj);
}

function missingFieldOrMethod(c: Checker, t: Type, sel: string): string {
  const ts = typeString(t, byName(c.pkg));
  const [d, isPtr] = deref(t);
  if (isPtr && under(d).kind === 'Interface') return `type ${ts} is pointer to interface, not interface`;
  // A differently capitalized name exists?
  const other = /^\p{Lu}/u.test(sel) ? sel[0]!.toLowerCase() + sel.slice(1) : sel[0]!.toUpperCase() + sel.slice(1);
  const r = lookupFieldOrMethod(t, true, c.pkg, other);
  if (r.obj) {
    const what = r.obj.kind === 'Var' ? 'field' : 'method';
    return `type ${ts} has no field or method ${sel}, but does have ${what} ${other}`;
  }
  return `type ${ts} has no field or method ${sel}`;
}

/** `T.m` / `(*T).m`: a function whose first parameter is the receiver. */
function methodExpr(c: Checker, e: ast.SelectorExpr, T: Type): Operand {
  const bad = invalidOperand(e);
  const sel = e.sel.value;
  const r = lookupFieldOrMethod(T, false, c.pkg, sel);
  if (!r.obj || r.obj.kind !== 'Func') {
    if (r.obj && r.obj.kind === 'Var') c.error(e.sel, `${exprString(e)} undefined (type ${typeString(T, byName(c.pkg))} has no method ${sel})`);
    else c.error(e.sel, `${exprString(e)} undefined (type ${typeString(T, byName(c.pkg))} has no method ${sel})`);
    return bad;
  }
  if (r.needsAddr) {
    c.error(e, `invalid method expression ${exprString(e)} (needs pointer receiver (*${typeString(T, byName(c.pkg))}).${sel})`);
    return bad;
  }
  const f = r.obj;
  if (f.decl && c.declInfo.has(f.origin ?? f)) objDecl(c, f.origin ?? f);
  const sig = f.type as Signature;
  // The receiver is named only when the other parameters are (go/types keeps them consistent).
  const named = sig.params.vars.length > 0 && sig.params.vars[0]!.name !== '';
  const recvVar: Var = {
    kind: 'Var', name: named ? (sig.recv?.name || '_') : '', pos: null, file: c.file, pkg: c.pkg, type: T, parent: null,
    varKind: 'param', embedded: false, origin: null, used: true,
  };
  const t: Signature = {
    ...sig, recv: null, params: newTuple([recvVar, ...sig.params.vars]),
  };
  const ptrRecv = sig.recv !== null && unalias(sig.recv.type).kind === 'Pointer';
  record(c, e, {
    kind: 'methodExpr', recv: T, obj: f, type: t, index: r.index, path: r.path, indirect: r.indirect,
    derefFinal: r.ptrAtEnd, implicitAddr: false, implicitDeref: !f.isInterfaceMethod && !ptrRecv && r.ptrAtEnd,
  });
  return { mode: 'value', type: t, value: null, expr: e };
}
