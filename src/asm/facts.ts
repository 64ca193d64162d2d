// Facts about a function's variables that the lowering rules ask: how often a variable is
// assigned, its defining value, whether it is address-taken, and where defers and returns
// are. Mirrors what gc reads from ir.ReassignOracle / ir.StaticValue (ir/reassignment.go,
// ir/expr.go) and the Func counters ssagen uses (NumDefers, NumReturns).

import type { Expr, IrFunc, IrName, Stmt } from '../ir/ir.js';
import { childExprs, childStmts, stmtExprs } from '../ir/walk.js';

export interface FuncFacts {
  /** Assignments to each name anywhere in the function and its closures (definitions included). */
  readonly assigns: ReadonlyMap<IrName, number>;
  /** The value a name was defined with, when it was defined by `x := v` / `var x = v`. */
  readonly definedAs: ReadonlyMap<IrName, Expr>;
  /** Names whose address is taken explicitly or implicitly. */
  readonly addressed: ReadonlySet<IrName>;
  readonly numDefers: number;
  readonly numReturns: number;
  /** A defer statement sits inside a loop (escape marks the function OpenCodedDeferDisallowed). */
  readonly deferInLoop: boolean;
  /** Labels a later `goto` jumps back to: escape counts what follows them as a loop body. */
  readonly loopingLabels: ReadonlySet<string>;
}

/** escape/stmt.go's looping labels: a label with a `goto` after it. */
export function loopingLabelsOf(body: readonly Stmt[]): Set<string> {
  const seen = new Set<string>();
  const looping = new Set<string>();
  const visit = (s: Stmt): void => {
    if (s.init) s.init.forEach(visit);
    if (s.op === 'LABEL') seen.add(s.label);
    else if (s.op === 'GOTO' && s.label !== null && seen.has(s.label)) looping.add(s.label);
    childStmts(s).forEach(visit);
  };
  body.forEach(visit);
  return looping;
}

export function funcFacts(fn: IrFunc): FuncFacts {
  const assigns = new Map<IrName, number>();
  const definedAs = new Map<IrName, Expr>();
  const addressed = new Set<IrName>();
  let numDefers = 0;
  let numReturns = 0;
  let deferInLoop = false;
  const loopingLabels = loopingLabelsOf(fn.body ?? []);

  const target = (x: Expr | null): void => {
    if (x?.op === 'NAME') assigns.set(x.name, (assigns.get(x.name) ?? 0) + 1);
  };
  const expr = (e: Expr | null | undefined, inClosure: boolean): void => {
    if (!e) return;
    if (e.init) stmts(e.init, 0, inClosure);
    switch (e.op) {
      case 'ADDR': {
        let base: Expr = e.x;
        while (base.op === 'DOT' || (base.op === 'INDEX' && base.x.type.kind === 'array')) base = base.x;
        if (base.op === 'NAME') addressed.add(base.name);
        break;
      }
      case 'CLOSURE':
        if (e.func.body) stmts(e.func.body, 0, true);
        return;
      default:
        break;
    }
    for (const c of childExprs(e)) expr(c, inClosure);
  };
  const stmts = (list: readonly Stmt[], depth: number, inClosure: boolean): void => {
    let d = depth;
    for (const s of list) {
      if (s.op === 'LABEL' && !inClosure && loopingLabels.has(s.label)) d++;
      stmt(s, d, inClosure);
    }
  };
  const stmt = (s: Stmt | null, depth: number, inClosure: boolean): void => {
    if (!s) return;
    if (s.init) stmts(s.init, depth, inClosure);
    switch (s.op) {
      case 'AS':
        target(s.x);
        if (s.defs?.length === 1 && s.y && s.x.op === 'NAME') definedAs.set(s.x.name, s.y);
        expr(s.x.op === 'NAME' ? null : s.x, inClosure);
        expr(s.y, inClosure);
        return;
      case 'ASOP':
        target(s.x);
        expr(s.x.op === 'NAME' ? null : s.x, inClosure);
        expr(s.y, inClosure);
        return;
      case 'AS2': case 'AS2FUNC': case 'AS2DOTTYPE': case 'AS2MAPR': case 'AS2RECV': case 'SELRECV2':
        for (const l of s.lhs) {
          target(l);
          if (l.op !== 'NAME') expr(l, inClosure);
        }
        for (const r of s.rhs) expr(r, inClosure);
        return;
      case 'RANGE':
        target(s.key);
        target(s.value);
        expr(s.x, inClosure);
        stmts(s.body, depth + 1, inClosure);
        return;
      case 'FOR':
        expr(s.cond, inClosure);
        stmt(s.post, depth + 1, inClosure);
        stmts(s.body, depth + 1, inClosure);
        return;
      case 'RETURN':
        if (!inClosure) numReturns++;
        for (const r of s.results) expr(r, inClosure);
        return;
      case 'DEFER':
        if (!inClosure) {
          numDefers++;
          if (depth > 0) deferInLoop = true;
        }
        expr(s.call, inClosure);
        return;
      case 'BLOCK':
        stmts(s.list, depth, inClosure);
        return;
      default:
        for (const c of childStmts(s)) stmt(c, depth, inClosure);
        for (const c of stmtExprs(s, false)) expr(c, inClosure);
    }
  };
  if (fn.body) stmts(fn.body, 0, false);
  return { assigns, definedAs, addressed, numDefers, numReturns, deferInLoop, loopingLabels };
}

