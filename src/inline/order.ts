// The order gc's inliner visits functions and call sites in.
//
// Functions: ir.VisitFuncsBottomUp over the package (the same strongly connected components,
// callees first, as escape analysis uses; closures join their enclosing function's batch).
// Call sites within a function: interleaved.go's `mark` wraps each call after visiting its
// children, so sites are listed in post-order (`f(g())` lists g before f); closure bodies
// are their own functions and are not entered; the calls of go/defer statements are never
// inlined (call.GoDefer).

import type { Expr, IrFunc, Stmt } from '../ir/ir.js';
import { bottomUpBatches } from '../escape/escape.js';

export type CallFuncExpr = Expr & { op: 'CALLFUNC' };
export type CallInterExpr = Expr & { op: 'CALLINTER' };

export function inlineOrder(funcs: readonly IrFunc[]): IrFunc[][] {
  return bottomUpBatches(funcs);
}

/** The call sites of a body in gc's mark order. */
export function callSites(body: readonly Stmt[]): CallFuncExpr[] {
  return allCallSites(body, false) as CallFuncExpr[];
}

/**
 * The call sites of a body in gc's mark order, interface method calls included (which the
 * interleaved pass may devirtualize and then inline).
 */
export function callAndInterfaceSites(body: readonly Stmt[]): (CallFuncExpr | CallInterExpr)[] {
  return allCallSites(body, true);
}

function allCallSites(body: readonly Stmt[], iface: boolean): (CallFuncExpr | CallInterExpr)[] {
  const out: (CallFuncExpr | CallInterExpr)[] = [];
  const expr = (e: Expr | null | undefined): void => {
    if (!e) return;
    stmts(e.init);
    switch (e.op) {
      case 'CLOSURE':
        return;
      case 'CALLFUNC':
        expr(e.fun);
        e.args.forEach(expr);
        out.push(e);
        return;
      case 'CALLINTER':
        expr(e.fun);
        e.args.forEach(expr);
        if (iface) out.push(e);
        return;
      case 'STRUCTLIT':
        e.fields.forEach((f) => expr(f.value));
        return;
      case 'MAPLIT':
        e.entries.forEach((en) => (expr(en.key), expr(en.value)));
        return;
      case 'SLICE': case 'SLICE3': case 'SLICEARR': case 'SLICE3ARR': case 'SLICESTR':
        [e.x, e.low, e.high, e.max].forEach(expr);
        return;
      case 'MAKESLICE': case 'MAKESLICECOPY':
        expr(e.len);
        expr(e.cap);
        return;
      case 'MAKEMAP': case 'MAKECHAN':
        expr(e.len);
        return;
      case 'ADDSTR':
        e.list.forEach(expr);
        return;
      case 'ARRAYLIT': case 'SLICELIT':
        e.elems.forEach(expr);
        return;
      case 'APPEND': case 'MIN': case 'MAX': case 'DELETE': case 'PRINT': case 'PRINTLN': case 'RECOVER':
        e.args.forEach(expr);
        return;
      case 'INDEX': case 'INDEXMAP':
        expr(e.x);
        expr(e.index);
        return;
    }
    if ('x' in e) expr(e.x);
    if ('y' in e) expr(e.y);
  };
  const stmt = (s: Stmt): void => {
    stmts(s.init);
    switch (s.op) {
      case 'BLOCK': stmts(s.list); return;
      case 'AS': expr(s.x); expr(s.y); return;
      case 'ASOP': expr(s.x); expr(s.y); return;
      case 'AS2': case 'AS2FUNC': case 'AS2DOTTYPE': case 'AS2MAPR': case 'AS2RECV': case 'SELRECV2':
        s.lhs.forEach(expr); s.rhs.forEach(expr); return;
      case 'RETURN': s.results.forEach(expr); return;
      case 'IF': expr(s.cond); stmts(s.body); stmts(s.else); return;
      case 'FOR': expr(s.cond); if (s.post) stmt(s.post); stmts(s.body); return;
      case 'RANGE': expr(s.key); expr(s.value); expr(s.x); stmts(s.body); return;
      case 'SWITCH': expr(s.tag); for (const c of s.cases) { (c.list ?? []).forEach(expr); stmts(c.body); } return;
      case 'TYPESWITCH': expr(s.x); for (const c of s.cases) stmts(c.body); return;
      case 'SELECT': for (const c of s.cases) { if (c.comm) stmt(c.comm); stmts(c.body); } return;
      case 'SEND': expr(s.chan); expr(s.value); return;
      case 'GO': case 'DEFER':
        // The wrapped call itself is never inlined; its function value still is visited.
        expr(s.call.fun);
        s.call.args.forEach(expr);
        return;
      case 'EXPR': expr(s.x); return;
      default: return;
    }
  };
  const stmts = (list: readonly Stmt[] | undefined): void => {
    if (list) list.forEach(stmt);
  };
  stmts(body);
  return out;
}
