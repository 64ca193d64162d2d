// Range over a function (Go 1.23), rewritten as gc's front end rewrites it before anything
// else sees it (cmd/compile/internal/rangefunc/rewrite.go):
//
//	for k, v := range f { body }
//
// becomes, in the enclosing function,
//
//	var #next int                     // only when the body returns
//	var #stateN = abi.RF_READY
//	#yieldN := func(k K, v V) (#r bool) {
//		#tmpState := #stateN; #stateN = abi.RF_PANIC   // (+ a check that panics)
//		body                            // break → #stateN = RF_DONE; return false
//		                                // continue → #stateN = RF_READY; return true
//		                                // return x → #rv1 = x; #next = -1; #stateN = RF_DONE; return false
//		#stateN = abi.RF_READY
//		return true
//	}
//	f(#yieldN)
//	#stateN = abi.RF_EXHAUSTED        // (+ a check that panics)
//	if #next == -1 { return }         // in a nested body: { #stateOuter = RF_DONE; return false }
//
// so the body is a closure (`outer-rangeN`) that assigns #stateN: it captures #stateN and
// every variable it assigns by reference, and when the iterator lets the yield function
// escape, those move to the heap. Unnamed results of the function become #rv1, #rv2, ...
// once a body returns a value. Labelled break/continue of outer loops, goto out of the
// body and defer inside it are not rewritten (gc's #next codes and #defers token).

import type * as ast from '../../syntax/ast.js';
import { forEachNode } from '../../syntax/walk.js';
import type { Func, Signature, Type } from '../../types/index.js';
import { under, universeTypes } from '../../types/index.js';
import { boolVal, intVal } from '../../types/constant.js';
import type { Expr, IrFunc, IrName, Pos, Stmt } from '../ir.js';
import { FuncCtx, nameExpr, type Mutable } from './context.js';
import { FnLowerer, pos, unparen } from './expr.js';
import { newFunc } from './closure.js';
import { lowerBlock } from './stmt.js';
import { spillCallee } from './call.js';

/** abi.RF_* (internal/abi/rangefuncconsts.go). */
const RF_DONE = 0;
const RF_READY = 1;
const RF_PANIC = 2;
const RF_EXHAUSTED = 3;

/** src.NoXPos: printed `<unknown line number>`. */
const noPos: Pos = { line: 0, col: 0 };

/** The yield function's signature when `s` ranges over a function, else null. */
export function rangeFuncYield(l: FnLowerer, s: ast.RangeStmt): Signature | null {
  const t = l.typeOf(s.x);
  if (!t) return null;
  const u = under(t);
  if (u.kind !== 'Signature' || u.params.vars.length !== 1) return null;
  const y = under(u.params.vars[0]!.type);
  return y.kind === 'Signature' ? y : null;
}

/** One rewriter per function that contains range-over-func loops (gc's rewriter). */
interface Rewriter {
  readonly owner: FuncCtx;
  stateCount: number;
  bodyCount: number;
  /** #yieldN counts loops as their rewrite ends (gc's endLoop): inner loops first. */
  yieldCount: number;
  next: IrName | null;
}

/** The loop being rewritten, as the lowering of its body sees it. */
interface BodyScope {
  readonly rewriter: Rewriter;
  readonly state: IrName;
  /** The enclosing range-over-func body, for the return propagation of nested loops. */
  readonly parent: BodyScope | null;
}

/**
 * The rewrite's state, kept by the lowering that owns it: per function, its rewriter (the
 * function whose results the loops' returns assign) and the loop a body closure belongs to;
 * per package, the returns and assignments the rewrite made itself, which a later pass must
 * leave alone.
 */
export interface RangeFuncState {
  readonly rewriters: Map<FuncCtx, Rewriter>;
  readonly scopes: Map<FuncCtx, BodyScope>;
  readonly generated: WeakSet<Stmt>;
}

export function newRangeFuncState(): RangeFuncState {
  return { rewriters: new Map(), scopes: new Map(), generated: new WeakSet() };
}

/** A return statement in stmts, outside function literals. */
function containsReturn(stmts: readonly ast.Stmt[]): boolean {
  let found = false;
  for (const s of stmts) {
    forEachNode(s, (n) => {
      if (n.kind === 'ReturnStmt') found = true;
      return !found && n.kind !== 'FuncLit';
    });
  }
  return found;
}

export function rangeFuncStmt(l: FnLowerer, s: ast.RangeStmt, yieldSig: Signature, label: string | null): Stmt {
  const at = pos(s);
  const pkg = l.pkg;
  const intType = pkg.irType(universeTypes.int);
  const boolType = pkg.irType(universeTypes.bool);
  const { rewriters, scopes, generated } = pkg.rangeFunc;
  const parent = scopes.get(l.fc) ?? null;
  const owner = parent ? parent.rewriter.owner : l.fc;
  let rw = rewriters.get(owner);
  if (!rw) rewriters.set(owner, (rw = { owner, stateCount: 0, bodyCount: 0, yieldCount: 0, next: null }));

  const int = (n: number): Expr => l.literal(intVal(n), universeTypes.int, at);
  const bool = (b: boolean): Expr => l.literal(boolVal(b), universeTypes.bool, at);
  /** A use of a variable the rewrite made: gc gives the use no position. */
  const ref = (fc: FuncCtx, n: IrName, p: Pos = at): Expr => {
    if (n.curfn && n.curfn !== fc.fn) fc.capture(n, noPos);
    return nameExpr(n, p);
  };
  const set = (fc: FuncCtx, n: IrName, v: Expr, p: Pos = at): Stmt => {
    const st: Stmt = { op: 'AS', x: ref(fc, n, p), y: v, pos: p };
    generated.add(st);
    return st;
  };
  const ret = (b: boolean, p: Pos = at): Stmt => {
    const st: Stmt = { op: 'RETURN', results: [bool(b)], pos: p };
    generated.add(st);
    return st;
  };

  const outer: Stmt[] = [];
  const returns = containsReturn(s.body.stmts);
  if (returns && !rw.next) {
    // Results get names, so a body can assign them (`#rv1`), where their fields start
    // (types2 RenameResult), as an unnamed result is already declared (the AST's Field).
    const results = owner.fn.results as Mutable<IrName>[];
    results.forEach((r, i) => {
      if (/^~r\d+$/.test(r.sym) || r.sym === '_') r.sym = `#rv${i + 1}`;
    });
    // declOuterVar gives #next no position: gc prints `moved to heap: #next` bare.
    rw.next = owner.declare('#next', 'auto', intType, noPos);
    // `var #next int`: zeroed where declared, so the body's `#next = -1` is a reassignment.
    outer.push({ op: 'DCL', name: rw.next, pos: at }, { op: 'AS', x: nameExpr(rw.next, at), y: null, defs: [rw.next], pos: at });
  }
  const state = l.fc.declare(`#state${++rw.stateCount}`, 'auto', intType, at);
  outer.push({ op: 'DCL', name: state, pos: at }, { op: 'AS', x: nameExpr(state, at), y: int(RF_READY), defs: [state], pos: at });

  // The body closure, named after the range parent (ir.closureName: a body nested in another
  // body is `f-range2`, not `f-range1-range2`).
  const bodyName = `${owner.fn.name}-range${++rw.bodyCount}`;
  const fnType = pkg.irType(yieldSig as Type);
  const fn = newFunc(pkg, {
    name: bodyName, file: l.fc.fn.file, pos: at, sig: yieldSig, type: yieldSig as Type, recv: null,
    ftype: { kind: 'FuncType', typeParams: [], params: [], results: [], line: at.line, col: at.col }, body: null, pragmas: {},
  }, l.fc.fn);
  const fc = new FuncCtx(pkg, fn, l.fc);
  const scope: BodyScope = { rewriter: rw, state, parent };
  scopes.set(fc, scope);
  const inner = new FnLowerer(fc);
  const vars = [s.key, s.value];
  const assignFromParams: Stmt[] = [];
  fn.params = yieldSig.params.vars.map((pv, i) => {
    const id = vars[i];
    const obj = id && s.define && id.kind === 'Name' ? pkg.info.defs.get(id) : null;
    if (obj && obj.kind === 'Var' && id!.kind === 'Name' && id!.value !== '_') {
      const n = fc.declare(obj.name, 'param', pkg.irType(obj.type), pos(id!));
      pkg.names.set(obj, n);
      return n;
    }
    // A blank range variable is still the parameter (DeclareParams names it ~pN).
    if (id && s.define && id.kind === 'Name' && id.value === '_') return fc.declare(`~p${i}`, 'param', pkg.irType(pv.type), pos(id), { blank: true });
    const n = fc.declare(`#p${i + 1}`, 'param', pkg.irType(pv.type), at);
    if (id && !s.define) {
      const target = inner.expr(id);
      assignFromParams.push(...inner.takePre(), { op: 'AS', x: target, y: nameExpr(n, pos(id)), pos: pos(id) });
    }
    return n;
  });
  fn.results = [fc.declare('#r', 'result', boolType, at)];
  const tmpState = fc.declare('#tmpState', 'auto', intType, at);
  const body: Stmt[] = [
    ...assignFromParams,
    { op: 'DCL', name: tmpState, pos: at },
    { op: 'AS', x: nameExpr(tmpState, at), y: ref(fc, state), defs: [tmpState], pos: at },
    set(fc, state, int(RF_PANIC)),
  ];
  const lowered = lowerBlock(inner, s.body.stmts);
  body.push(...rewriteExits(lowered, { fc, scope, label, set, ret, int }), set(fc, state, int(RF_READY), pos({ line: s.body.rbrace.line, col: s.body.rbrace.col })), ret(true, s.body.rbrace));
  fn.body = body;
  // In a shape body every closure captures the dictionary, last (reader.go funcLit).
  let root: FuncCtx = fc;
  while (root.outer) root = root.outer;
  if (root.dict && !fc.closureVars.includes(root.dict)) {
    fc.closureVars.push(root.dict);
    fc.closureVarPos.push(root.dict.pos);
    pkg.captured.add(root.dict);
  }
  const closure: Expr = { op: 'CLOSURE', func: fn, type: fnType, pos: at };

  // #yieldN := func...; f(#yieldN); #stateN = RF_EXHAUSTED
  const yieldVar = l.fc.declare(`#yield${++rw.yieldCount}`, 'auto', fnType, at);
  const call = iteratorCall(l, s.x, nameExpr(yieldVar, at), at);
  outer.push(...l.takePre());
  outer.push(
    { op: 'DCL', name: yieldVar, pos: at },
    { op: 'AS', x: nameExpr(yieldVar, at), y: closure, defs: [yieldVar], pos: at },
    { op: 'EXPR', x: call, pos: at },
    { op: 'AS', x: nameExpr(state, s.body.rbrace), y: int(RF_EXHAUSTED), pos: s.body.rbrace },
  );
  if (returns && rw.next) {
    const next = rw.next;
    const cond: Expr = { op: parent ? 'LT' : 'EQ', x: ref(l.fc, next), y: int(parent ? 0 : -1), type: boolType, pos: at } as Expr;
    const then: Stmt[] = parent ? [set(l.fc, parent.state, int(RF_DONE)), ret(false)] : [{ op: 'RETURN', results: [], pos: at }];
    if (!parent) generated.add(then[0]!);
    outer.push({ op: 'IF', cond, body: then, else: [], pos: at });
  }
  return { op: 'BLOCK', list: outer, pos: at };
}

/**
 * `X(#yieldN)`. A method value X is called as the method (`l.All(#yield1)` is a static call
 * of (*list).All, so its parameter tags apply), as gc's typecheck turns a called method
 * value into a method call.
 */
function iteratorCall(l: FnLowerer, x: ast.Expr, yieldArg: Expr, at: Pos): Expr {
  const type = l.pkg.types.synthetic('tuple', '()', { hasPointers: false });
  const fun = unparen(x);
  const sel = fun.kind === 'SelectorExpr' ? l.pkg.info.selections.get(fun) : undefined;
  if (sel && sel.kind === 'method' && fun.kind === 'SelectorExpr') {
    const method = sel.obj as Func;
    const recv = l.receiver(fun, sel);
    const msig = method.type.kind === 'Signature' ? method.type : null;
    if (recv.type.kind === 'interface') {
      const dot: Expr = { op: 'DOTINTER', x: recv, sel: method.name, type: l.irTypeOf(x), pos: pos(fun) };
      const ci: Expr = { op: 'CALLINTER', fun: dot, args: [yieldArg], type, pos: at };
      l.pkg.interfaceCalls.push({ call: ci, fn: l.fc.fn });
      return ci;
    }
    if (!l.genericMethod(method)) {
      const methexpr: Expr = {
        op: 'METHEXPR', method: l.irFunc(method), sel: method.name, recvType: l.pkg.irType(msig?.recv?.type ?? sel.recv),
        type: l.irTypeOf(x), pos: pos(fun),
      };
      return { op: 'CALLFUNC', fun: methexpr, args: [recv, yieldArg], type, pos: at };
    }
  }
  return { op: 'CALLFUNC', fun: spillCallee(l, x, l.value(x), at), args: [yieldArg], type, pos: at };
}

interface ExitContext {
  readonly fc: FuncCtx;
  readonly scope: BodyScope;
  readonly label: string | null;
  readonly set: (fc: FuncCtx, n: IrName, v: Expr, p?: Pos) => Stmt;
  readonly ret: (b: boolean, p?: Pos) => Stmt;
  readonly int: (n: number) => Expr;
}

/**
 * break / continue of this loop and every return, in the lowered body: `breakable` /
 * `continuable` say whether an unlabelled break / continue still targets our loop.
 */
function rewriteExits(stmts: readonly Stmt[], c: ExitContext, breakable = true, continuable = true): Stmt[] {
  return stmts.map((st) => rewriteExit(st, c, breakable, continuable));
}

function rewriteExit(st: Stmt, c: ExitContext, breakable: boolean, continuable: boolean): Stmt {
  if (c.fc.pkg.rangeFunc.generated.has(st)) return st;
  const { fc, scope } = c;
  const exit = (ok: boolean): Stmt => ({ op: 'BLOCK', list: [c.set(fc, scope.state, c.int(ok ? RF_READY : RF_DONE), st.pos), c.ret(ok, st.pos)], pos: st.pos });
  switch (st.op) {
    case 'BREAK':
      return (st.label === null && breakable) || (st.label !== null && st.label === c.label) ? exit(false) : st;
    case 'CONTINUE':
      return (st.label === null && continuable) || (st.label !== null && st.label === c.label) ? exit(true) : st;
    case 'RETURN': {
      const next = scope.rewriter.next;
      if (!next) return st;
      const owner = scope.rewriter.owner.fn as IrFunc;
      const list: Stmt[] = [];
      if (st.results.length > 0) {
        const lhs = owner.results.map((r) => {
          if (r.curfn && r.curfn !== fc.fn) fc.capture(r, st.pos);
          return nameExpr(r, st.pos);
        });
        if (lhs.length === 1 && st.results.length === 1) list.push({ op: 'AS', x: lhs[0]!, y: st.results[0]!, pos: st.pos });
        else if (st.results.length === 1) list.push({ op: 'AS2FUNC', lhs, rhs: st.results, pos: st.pos });
        else list.push({ op: 'AS2', lhs, rhs: st.results, pos: st.pos });
      }
      // gc's `#next = -1` names #next at the return (its capture is placed there), unlike
      // the other uses of the rewrite's variables.
      if (next.curfn && next.curfn !== fc.fn) fc.capture(next, st.pos);
      list.push(c.set(fc, next, c.int(-1), st.pos), c.set(fc, scope.state, c.int(RF_DONE), st.pos), c.ret(false, st.pos));
      return { op: 'BLOCK', list, pos: st.pos, ...(st.init ? { init: st.init } : {}) };
    }
    default:
      return mapBodies(st, c, breakable, continuable);
  }
}

/** Descends into nested statement lists: loops capture break and continue, switches break. */
function mapBodies(st: Stmt, c: ExitContext, breakable: boolean, continuable: boolean): Stmt {
  const list = (xs: readonly Stmt[], b = breakable, k = continuable) => rewriteExits(xs, c, b, k);
  switch (st.op) {
    case 'BLOCK':
      return { ...st, list: list(st.list) };
    case 'IF':
      return { ...st, body: list(st.body), else: list(st.else) };
    case 'FOR':
    case 'RANGE':
      return { ...st, body: list(st.body, false, false) };
    case 'SWITCH':
    case 'TYPESWITCH':
      return { ...st, cases: st.cases.map((k) => ({ ...k, body: list(k.body, false, continuable) })) };
    case 'SELECT':
      return { ...st, cases: st.cases.map((k) => ({ ...k, body: list(k.body, false, continuable) })) };
    default:
      return st;
  }
}
