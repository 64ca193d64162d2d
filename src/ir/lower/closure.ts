// Functions: declared ones, function literals (closures) and the wrappers gc builds for
// go/defer calls.
//
// Follows noder reader.go (funcBody, funcLit, closure variables), ir/func.go
// (DeclareParams: unnamed or blank parameters are `~pN`, results `~rN`, N counting from
// the receiver; closureName: `outer.funcN` in a declared function, `outer.N` inside a
// closure, `outer.gowrapN` / `outer.deferwrapN` for go/defer wrappers, each with its own
// counter) and typecheck/stmt.go normalizeGoDeferCall: a go/defer call that takes
// arguments or returns results is wrapped in a parameterless closure; its operands are
// evaluated into temporaries at the statement (except constants, nil, method expressions,
// new(T), global functions, and the elements of composite literals, looked into), and
// the wrapper captures those temporaries.

import type * as ast from '../../syntax/ast.js';
import type { Signature, Type, Var } from '../../types/index.js';
import { under } from '../../types/index.js';
import type { CallFunc, Expr, IrFunc, IrName, Pos, Stmt } from '../ir.js';
import type { Mutable } from './context.js';
import { FuncCtx, nameExpr, type PkgCtx } from './context.js';
import { FnLowerer, pos } from './expr.js';
import { lowerBlock } from './stmt.js';

export interface FuncSpec {
  readonly name: string;
  readonly file: string;
  readonly pos: Pos;
  readonly sig: Signature | null;
  readonly type: Type | null;
  readonly recv: ast.Field | null;
  readonly ftype: ast.FuncType;
  readonly body: ast.BlockStmt | null;
  readonly pragmas: IrFunc['pragmas'];
  /** A shape instantiation's `.dict` parameter type (declared after the receiver, shapeSig). */
  readonly dict?: import('../ir.js').IrType;
}

/** Creates the IrFunc shell (so calls can refer to it before its body is lowered). */
export function newFunc(pkg: PkgCtx, spec: FuncSpec, outer: IrFunc | null): Mutable<IrFunc> {
  // gc analyses only the shape instantiations of generic code (no parameter lines), and a
  // closure inside generic code is generic too.
  const generic = !!(spec.sig && (spec.sig.typeParams.length > 0 || spec.sig.recvTypeParams.length > 0)) || !!outer?.generic;
  return {
    kind: 'Func', name: spec.name, pkgPath: outer?.pkgPath ?? pkg.path, file: spec.file, pos: spec.pos, recv: null, params: [],
    results: [], dcl: [], body: null, closureVars: [], outer, pragmas: spec.pragmas,
    type: spec.type ? pkg.irType(spec.type) : pkg.types.synthetic('func', 'func()', {}),
    ...(generic ? { generic } : {}),
    ...(outer?.qual ? { qual: outer.qual } : {}),
  };
}

/** Declares parameters and results (ir.Func.DeclareParams) and lowers the body. */
export function buildFunc(pkg: PkgCtx, fn: Mutable<IrFunc>, spec: FuncSpec, outer: FuncCtx | null): FuncCtx {
  const fc = new FuncCtx(pkg, fn, outer);
  const info = pkg.info;
  let index = 0;
  const declareField = (fields: readonly ast.Field[], vars: readonly Var[], class_: 'param' | 'result', prefix: string): IrName[] => {
    const out: IrName[] = [];
    let vi = 0;
    let ri = 0;
    for (const f of fields) {
      const names = f.names.length ? f.names : [null];
      for (const nm of names) {
        const obj = nm ? info.defs.get(nm) : null;
        const v = obj && obj.kind === 'Var' ? obj : (vars[vi] ?? null);
        const i = class_ === 'result' ? ri : index;
        const blank = !nm || nm.value === '_';
        const sym = blank ? `${prefix}${i}` : nm.value;
        const type = v ? pkg.irType(v.type) : pkg.types.synthetic('untyped', 'invalid', { hasPointers: false });
        const n = fc.declare(sym, class_, type, nm ? pos(nm) : pos(f), {
          ...(f.type.kind === 'DotsType' ? { ddd: true } : {}),
        });
        if (v && !blank) pkg.names.set(v, n);
        out.push(n);
        vi++;
        if (class_ === 'result') ri++;
        else index++;
      }
    }
    return out;
  };
  if (spec.recv) {
    const rv = spec.sig?.recv ? [spec.sig.recv] : [];
    fn.recv = declareField([spec.recv], rv, 'param', '~p')[0] ?? null;
  }
  let dict: IrName | null = null;
  if (spec.dict) {
    dict = fc.declare('.dict', 'param', spec.dict, spec.pos);
    fc.dict = dict;
    index++;
  }
  fn.params = declareField(spec.ftype.params, spec.sig?.params.vars ?? [], 'param', '~p');
  if (dict) fn.params = [dict, ...fn.params];
  fn.results = declareField(spec.ftype.results, spec.sig?.results.vars ?? [], 'result', '~r');
  if (spec.body) {
    const l = new FnLowerer(fc);
    fn.body = lowerBlock(l, spec.body.stmts);
  }
  return fc;
}

/** A function literal: a CLOSURE of a new IrFunc whose body may capture our variables. */
export function lowerFuncLit(l: FnLowerer, e: ast.FuncLit): Expr {
  const t = l.typeOf(e);
  const sig = t && under(t).kind === 'Signature' ? (under(t) as Signature) : null;
  const spec: FuncSpec = {
    name: l.fc.closureName('closure'), file: l.fc.fn.file, pos: pos(e), sig, type: t,
    recv: null, ftype: e.type, body: e.body, pragmas: {},
  };
  const fn = newFunc(l.pkg, spec, l.fc.fn);
  const fc = buildFunc(l.pkg, fn, spec, l.fc);
  // In a shape body every closure captures the dictionary, last and unconditionally
  // (reader.go funcLit), at the `.dict` parameter's position.
  let root: FuncCtx = fc;
  while (root.outer) root = root.outer;
  if (root.dict && !fc.closureVars.includes(root.dict)) {
    fc.closureVars.push(root.dict);
    fc.closureVarPos.push(root.dict.pos);
    l.pkg.captured.add(root.dict);
  }
  return { op: 'CLOSURE', func: fn, type: fn.type, pos: pos(e) };
}

// ───────────────────────────── go / defer

export function lowerGoDefer(l: FnLowerer, s: ast.GoStmt | ast.DeferStmt): Stmt[] {
  const op = s.kind === 'GoStmt' ? 'GO' : 'DEFER';
  const at = pos(s);
  const call = l.expr(s.call);
  if (call.op === 'CALLFUNC' && call.args.length === 0 && (call.fun.type.results?.length ?? 0) === 0 && call.fun.op !== 'METHEXPR') {
    return [{ op, call, pos: at }];
  }
  // devirtualize.go StaticCall skips go/defer calls. Only an interface call is listed, as it
  // was lowered: just now, so it is found from the end (a package lists thousands).
  if (call.op === 'CALLINTER') {
    const calls = l.pkg.interfaceCalls;
    for (let i = calls.length - 1; i >= 0; i--) {
      if (calls[i]!.call === call) {
        calls.splice(i, 1);
        break;
      }
    }
  }
  // normalizeGoDeferCall: spill the operands, wrap the call in a parameterless closure.
  const spilled: { tmp: IrName; arg: Expr }[] = [];
  const spill = (arg: Expr): Expr => {
    // ir.HasUniquePos: names share their declaration's position, so gc uses the statement's.
    const tmp = l.fc.temp(arg.type, arg.op === 'NAME' ? at : arg.pos);
    spilled.push({ tmp, arg });
    return nameExpr(tmp, tmp.pos);
  };
  const visit = (arg: Expr): Expr => {
    switch (arg.op) {
      case 'LITERAL':
      case 'NIL':
      case 'METHEXPR':
      case 'NEW':
        return arg;
      case 'NAME':
        if (arg.name.class === 'func') return arg;
        return spill(arg);
      case 'CONVNOP':
        if (arg.type.kind === 'uintptr' && arg.x.type.kind === 'unsafe.Pointer') return { ...arg, x: visit(arg.x) };
        return spill(arg);
      case 'ARRAYLIT':
        return { ...arg, elems: arg.elems.map(visit) };
      case 'SLICELIT':
        return { ...arg, elems: arg.elems.map(visit) };
      case 'STRUCTLIT':
        return { ...arg, fields: arg.fields.map((f) => ({ ...f, value: visit(f.value) })) };
      default:
        return spill(arg);
    }
  };
  let inner: Expr;
  switch (call.op) {
    case 'CALLFUNC':
      inner = { ...call, fun: visit(call.fun), args: call.args.map(visit) };
      break;
    case 'CALLINTER':
      inner = { ...call, fun: { ...call.fun, x: spill(call.fun.x) }, args: call.args.map(visit) };
      break;
    case 'APPEND':
    case 'DELETE':
    case 'PRINT':
    case 'PRINTLN':
    case 'RECOVER':
    case 'MIN':
    case 'MAX':
      inner = { ...call, args: call.args.map(visit) };
      break;
    case 'COPY':
      inner = { ...call, x: visit(call.x), y: visit(call.y) };
      break;
    case 'CLEAR':
    case 'CLOSE':
    case 'PANIC':
      inner = { ...call, x: visit(call.x) };
      break;
    default:
      inner = call;
  }
  const out: Stmt[] = [];
  if (spilled.length) {
    for (const { tmp } of spilled) out.push({ op: 'DCL', name: tmp, pos: tmp.pos });
    const tmps = spilled.map(({ tmp }) => tmp);
    out.push({ op: 'AS2', lhs: tmps.map((t) => nameExpr(t, t.pos)), rhs: spilled.map(({ arg }) => arg), defs: tmps, pos: at });
  }
  const name = l.fc.closureName(op === 'GO' ? 'go' : 'defer');
  const wrapperType = l.pkg.types.synthetic('func', 'func()', { params: [], results: [] });
  const fn: Mutable<IrFunc> = {
    kind: 'Func', name, pkgPath: l.fc.fn.pkgPath ?? l.pkg.path, file: l.fc.fn.file, pos: at, recv: null, params: [], results: [], dcl: [],
    body: null, closureVars: [], outer: l.fc.fn, pragmas: {}, wrapper: true, type: wrapperType,
    ...(l.fc.fn.qual ? { qual: l.fc.fn.qual } : {}),
  };
  const wfc = new FuncCtx(l.pkg, fn, l.fc);
  for (const { tmp } of spilled) wfc.capture(tmp, tmp.pos);
  fn.body = [{ op: 'EXPR', x: inner, pos: at }];
  const closure: Expr = { op: 'CLOSURE', func: fn, type: wrapperType, pos: at };
  const wrapped: CallFunc = { op: 'CALLFUNC', fun: closure, args: [], type: l.pkg.types.synthetic('tuple', '', { hasPointers: false, results: [] }), pos: at };
  out.push({ op, call: wrapped, pos: at });
  return out;
}
