// Declarations (go/types decl.go): package-level objects are checked on first use or in
// source order, whichever comes first, so a constant may use one declared further down;
// local declarations are checked in place. Function bodies come last, after every
// package-level signature is known.

import type * as ast from '../syntax/ast.js';
import type { Checker, FuncContext } from './check.js';
import type { Const, Func, Obj, TypeName, Var } from './objects.js';
import type { Alias, Named, Signature, Type } from './types.js';
import { under, unalias } from './types.js';
import { universeTypes } from './universe.js';
import { typExpr, funcType, declareTypeParams } from './typexpr.js';
import { expr, multiExpr } from './expr.js';
import { assignment, initVars } from './assignments.js';
import { stmtList } from './stmt.js';
import { isTerminatingList } from './return.js';
import { unknownValue } from './constant.js';
import { reportUnusedVars } from './unused.js';
import { isConstType } from './conversions.js';
import { typeString, byName } from './typestring.js';
import { operandString } from './operand.js';
import { receiverBaseName } from './resolver.js';

const invalid: Type = universeTypes.invalid;

/** Checks a package-level object once (lazily, from its first use or in source order). */
export function objDecl(c: Checker, obj: Obj): void {
  const state = c.objState.get(obj);
  if (state === 'done') return;
  const d = c.declInfo.get(obj);
  if (!d) return;
  if (state === 'inProgress') {
    if (obj.kind === 'Const' || obj.kind === 'Var') {
      if (obj.type === invalid) {
        c.error(obj.pos!, `initialization cycle or invalid recursive reference to ${obj.name}`, d.file);
      }
    }
    if (obj.kind === 'TypeName' && obj.isAlias) {
      const start = c.aliasesInProgress.get(obj);
      if (start === undefined || c.typePath.length <= start) c.error(obj.pos!, `invalid recursive type alias ${obj.name}`, d.file);
    }
    return;
  }
  c.objState.set(obj, 'inProgress');
  const saved = { file: c.file, scope: c.scope, iota: c.iota, fn: c.fn };
  c.file = d.file;
  c.scope = d.fileScope;
  c.iota = null;
  c.fn = null;
  try {
    switch (obj.kind) {
      case 'Const':
        constDecl(c, obj, d.decl as ast.ConstDecl, d.constSpec!);
        break;
      case 'Var':
        varDecl(c, obj, d.lhs as Var[], d.decl as ast.VarDecl);
        break;
      case 'TypeName':
        typeDecl(c, obj, d.decl as ast.TypeDecl);
        break;
      case 'Func':
        funcDecl(c, obj, d.decl as ast.FuncDecl);
        break;
      default:
        break;
    }
  } finally {
    c.file = saved.file;
    c.scope = saved.scope;
    c.iota = saved.iota;
    c.fn = saved.fn;
    c.objState.set(obj, 'done');
  }
}

/** Checks one constant of a spec: `const a, b T = x, y` with iota = the spec's index. */
export function constDecl(c: Checker, obj: Const, decl: ast.ConstDecl, spec: ast.ConstDecl): void {
  const i = decl.names.findIndex((n) => n.value === obj.name && n === obj.pos) ;
  const index = i >= 0 ? i : decl.names.findIndex((n) => n.value === obj.name);
  c.iota = BigInt(decl.iota);
  let t: Type | null = null;
  if (spec.type) {
    t = typExpr(c, spec.type);
    if (!isConstType(t) && t !== invalid) {
      c.error(spec.type, `invalid constant type ${typeString(t, byName(c.pkg))}`);
      obj.type = invalid;
      return;
    }
  }
  const init = spec.values[index];
  if (!init) {
    if (spec.values.length === 0 && !spec.type) c.error(decl.names[index] ?? decl, 'missing init expr for const declaration');
    else if (index >= spec.values.length) c.error(decl.names[index] ?? decl, spec === decl ? 'missing init expr for const declaration' : 'missing init expr for const declaration');
    obj.type = t ?? invalid;
    obj.value = unknownValue;
    return;
  }
  if (index === decl.names.length - 1 && spec.values.length > decl.names.length && spec === decl) {
    c.error(spec.values[decl.names.length]!, 'extra init expr');
  }
  const x = expr(c, init);
  if (x.mode === 'invalid') {
    obj.type = invalid;
    return;
  }
  if (x.mode !== 'constant') {
    c.error(init, `${operandString(x, c.pkg)} is not constant`);
    obj.type = invalid;
    return;
  }
  if (t) assignment(c, x, t, 'constant declaration');
  obj.type = x.type;
  obj.value = x.value ?? unknownValue;
  c.iota = null;
}

function varDecl(c: Checker, obj: Var, lhs: Var[], decl: ast.VarDecl): void {
  let t: Type | null = null;
  if (decl.type) {
    t = typExpr(c, decl.type);
    for (const v of lhs) v.type = t;
  }
  for (const v of lhs) c.objState.set(v, 'inProgress');
  if (decl.values.length === 0) {
    if (!t) for (const v of lhs) v.type = invalid;
  } else {
    initVars(c, lhs, decl.values, t, decl);
  }
  for (const v of lhs) c.objState.set(v, 'done');
  void obj;
}

export function typeDecl(c: Checker, obj: TypeName, decl: ast.TypeDecl): void {
  if (decl.alias) {
    const saved = c.scope;
    if (decl.typeParams.length > 0) c.scope = c.openScope(decl, c.scope, 'alias type params');
    const alias: Alias = { kind: 'Alias', obj, rhs: invalid, typeArgs: [] };
    if (decl.typeParams.length > 0) declareTypeParams(c, decl.typeParams);
    // Set first: a type definition inside the rhs may refer back to the alias (protobuf's
    // `methods = struct{ ... func(sizeInput) ... }` where sizeInput's Message names methods).
    obj.type = alias;
    c.aliasesInProgress.set(obj, c.typePath.length);
    try {
      alias.rhs = typExpr(c, decl.type);
    } finally {
      c.aliasesInProgress.delete(obj);
    }
    c.scope = saved;
    return;
  }
  const named = obj.type as Named;
  const saved = c.scope;
  if (decl.typeParams.length > 0) {
    c.scope = c.openScope(decl, c.scope, 'type params');
    named.typeParams = declareTypeParams(c, decl.typeParams);
  }
  c.typePath.push(obj);
  const rhs = typExpr(c, decl.type);
  c.typePath.pop();
  let u = under(rhs);
  if (u === named || (u.kind === 'Named')) u = invalid;
  named.underlying = u;
  const from = unalias(rhs);
  if (u === invalid && from.kind === 'Named' && from !== named && c.objState.get(from.obj) === 'inProgress') {
    c.lateUnderlying.push({ named, from });
  }
  resolveLateUnderlying(c);
  if (u.kind === 'Interface') {
    // give interface methods their named receiver
  }
  c.scope = saved;
  // Methods: declare their signatures now so method sets are complete when used.
  const methods = c.methods.get(obj) ?? [];
  for (const m of methods) {
    if (!named.methods.includes(m)) named.methods.push(m);
  }
  if (u.kind === 'Struct') {
    for (const m of methods) {
      if (u.fields.some((f) => f.name === m.name && m.name !== '_')) {
        c.error(m.pos!, `field and method with the same name ${m.name}`, m.file);
      }
    }
  }
  for (const m of methods) {
    // A method declared through an alias of this type (`type token = Token` then
    // `func (t token) String()`) while that alias is being resolved: its receiver cannot be
    // typed yet. It is checked when first selected or in source order, as go/types checks
    // method signatures lazily.
    if (receiverAliasPending(c, m)) continue;
    objDecl(c, m);
  }
  checkLocalInvalidRecursion(c, obj, named);
}

/** Gives each waiting defined type its underlying type once its source has one. */
function resolveLateUnderlying(c: Checker): void {
  for (let progress = true; progress; ) {
    progress = false;
    for (let i = c.lateUnderlying.length - 1; i >= 0; i--) {
      const { named, from } = c.lateUnderlying[i]!;
      const u = under(from);
      if (u === invalid || u.kind === 'Named') continue;
      named.underlying = u;
      c.lateUnderlying.splice(i, 1);
      progress = true;
    }
  }
}

function receiverAliasPending(c: Checker, m: Func): boolean {
  const d = c.declInfo.get(m)?.decl;
  if (!d || d.kind !== 'FuncDecl' || !d.recv) return false;
  const base = receiverBaseName(d.recv.type);
  const tn = base === null ? null : c.pkg.scope.lookup(base);
  return !!tn && tn.kind === 'TypeName' && tn.isAlias === true && c.objState.get(tn) === 'inProgress';
}

function checkLocalInvalidRecursion(c: Checker, obj: TypeName, named: Named): void {
  // type T struct{ a T } (without indirection) has no finite size.
  const visiting = new Set<Type>();
  const cyclic = (t: Type): boolean => {
    t = unalias(t);
    if (t === named) return true;
    if (visiting.has(t)) return false;
    visiting.add(t);
    if (t.kind === 'Named') {
      if (t.obj.pkg !== c.pkg) return false;
      return cyclic(t.underlying);
    }
    if (t.kind === 'Struct') return t.fields.some((f) => cyclic(f.type));
    if (t.kind === 'Array') return cyclic(t.elem);
    return false;
  };
  const u = named.underlying;
  const isCyc = u.kind === 'Struct' ? u.fields.some((f) => cyclic(f.type)) : u.kind === 'Array' ? cyclic(u.elem) : false;
  if (isCyc) {
    c.error(obj.pos!, `invalid recursive type ${obj.name}\n\t${obj.file}:${obj.pos!.line}:${obj.pos!.col}: ${obj.name} refers to ${obj.name}`, obj.file);
    named.underlying = invalid;
  }
}

/** Checks a function's signature; its body is checked in phase 3. */
function funcDecl(c: Checker, obj: Func, decl: ast.FuncDecl): void {
  const scope = c.openScope(decl.type, c.scope, `func ${obj.name}`, true);
  c.scope = scope;
  let recvTPs: Named['typeParams'] | undefined;
  if (decl.recv) {
    const base = baseTypeName(c, decl.recv.type);
    if (base) {
      // A model declares lazily: the receiver's type may not be declared yet.
      objDecl(c, base);
      const bt = unalias(base.type);
      if (bt.kind === 'Named' && bt.typeParams.length > 0) recvTPs = bt.typeParams;
    }
  }
  const sig = funcType(c, decl.type, decl.recv, recvTPs);
  obj.type = sig;
  c.funcScopes.set(obj, scope);
  // gc accepts bodyless functions (assembly, linkname) unless -complete is given.
  if ((obj.name === 'main' || obj.name === 'init') && !decl.recv && c.pkg.name === 'main' && obj.name === 'main' &&
    (sig.params.vars.length > 0 || sig.results.vars.length > 0)) {
    c.error(decl.name, 'func main must have no arguments and no return values');
  }
}

function baseTypeName(c: Checker, e: ast.Expr): TypeName | null {
  while (e.kind === 'StarExpr' || e.kind === 'ParenExpr' || e.kind === 'IndexExpr') e = e.x;
  if (e.kind !== 'Name') return null;
  const o = c.pkg.scope.lookup(e.value);
  return o && o.kind === 'TypeName' ? o : null;
}


export function checkFuncBodies(c: Checker): void {
  for (const fb of c.funcBodies) checkFuncBody(c, fb);
}

/** Checks one declared function's body (its signature must be declared already). */
export function checkFuncBody(c: Checker, fb: Checker['funcBodies'][number], body = fb.decl.body): void {
  const scope = c.funcScopes.get(fb.func);
  if (!scope || !body) return;
  c.file = fb.file;
  funcBody(c, fb.func.type as Signature, scope, body, fb.decl.type);
}

/** Checks a function body (declared function or literal) with its parameters in `scope`. */
export function funcBody(c: Checker, sig: Signature, scope: import('./objects.js').Scope, body: ast.BlockStmt, ft: ast.FuncType): void {
  const saved = { scope: c.scope, fn: c.fn, iota: c.iota, locals: c.localVars };
  const ctx: FuncContext = { sig, scope, namedResults: sig.results.vars.some((v) => v.name !== '') };
  c.fn = ctx;
  c.iota = null;
  c.localVars = [];
  c.scope = scope;
  c.info.scopes.set(body, scope);
  stmtList(c, body.stmts);
  if (sig.results.vars.length > 0 && !isTerminatingList(body.stmts, '')) {
    c.error(body.rbrace, 'missing return');
  }
  if (!c.lazy) reportUnusedVars(c, c.localVars);
  c.scope = saved.scope;
  c.fn = saved.fn;
  c.iota = saved.iota;
  c.localVars = saved.locals;
  void ft;
}

/** A local `const`, `var` or `type` declaration statement. */
export function declStmt(c: Checker, s: ast.DeclStmt): void {
  let lastConst: ast.ConstDecl | null = null;
  for (const d of s.decls) {
    switch (d.kind) {
      case 'ConstDecl': {
        const spec: ast.ConstDecl = d.type || d.values.length > 0 || d.group === null ? d : (lastConst && lastConst.group === d.group ? lastConst : d);
        lastConst = spec;
        const objs: Const[] = d.names.map((n) => ({
          kind: 'Const', name: n.value, pos: n, file: c.file, pkg: c.pkg, type: invalid, parent: null, value: unknownValue,
        }));
        objs.forEach((o) => constDecl(c, o, d, spec));
        c.iota = null;
        // Constants are in scope after their spec.
        d.names.forEach((n, i) => c.declare(c.scope, n, objs[i]!));
        break;
      }
      case 'VarDecl': {
        const lhs: Var[] = d.names.map((n) => ({
          kind: 'Var', name: n.value, pos: n, file: c.file, pkg: c.pkg, type: invalid, parent: null,
          varKind: 'local', embedded: false, origin: null, used: false,
        }));
        let t: Type | null = null;
        if (d.type) {
          t = typExpr(c, d.type);
          for (const v of lhs) v.type = t;
        }
        if (d.values.length > 0) initVars(c, lhs, d.values, t, d);
        else if (!t) for (const v of lhs) v.type = invalid;
        d.names.forEach((n, i) => {
          c.declare(c.scope, n, lhs[i]!);
          if (n.value !== '_') c.localVars.push(lhs[i]!);
        });
        break;
      }
      case 'TypeDecl': {
        const obj: TypeName = {
          kind: 'TypeName', name: d.name.value, pos: d.name, file: c.file, pkg: c.pkg, type: invalid, parent: null,
          isAlias: d.alias,
        };
        if (!d.alias) {
          const named = { kind: 'Named', obj, underlying: invalid, methods: [], typeParams: [], typeArgs: [] } as unknown as Named;
          (named as { origin: Named }).origin = named;
          obj.type = named;
        }
        // The name is in scope inside its own declaration (recursive types).
        c.declare(c.scope, d.name, obj);
        typeDecl(c, obj, d);
        break;
      }
    }
  }
}

export { multiExpr };
