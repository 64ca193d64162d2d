// Statements → flows, loop depth and labels.
// Follows $GOROOT/src/cmd/compile/internal/escape/stmt.go and escape.go's walkFunc: loop
// depth grows inside each for/range and after each label a later goto jumps back to.

import type { Expr, IrFunc, IrName, Stmt } from '../ir/ir.js';
import { Escape, type Batch } from './batch.js';
import { shift, type Hole } from './graph.js';
import { discard, discards, expr, exprSkipInit } from './expr.js';
import { addrs, assignHeap, assignList, reassigned } from './assign.js';
import { call, goDeferStmt } from './call.js';
import { unreachable } from '../errors.js';

export function walkFunc(b: Batch, fn: IrFunc): void {
  const e = new Escape(b, fn);
  b.funcState.set(fn, 'started');
  e.labels = b.takeLabels(fn);
  block(e, fn.body ?? []);
}

export function stmts(e: Escape, list: readonly Stmt[]): void {
  for (const s of list) stmt(e, s);
}

/** Like stmts, but restores the loop depth (labels inside may raise it). */
export function block(e: Escape, list: readonly Stmt[]): void {
  const old = e.loopDepth;
  stmts(e, list);
  e.loopDepth = old;
}

export function dcl(e: Escape, n: IrName): Hole {
  const loc = e.b.oldLoc(n);
  loc.loopDepth = e.loopDepth;
  return loc.asHole();
}

const callOps: ReadonlySet<string> = new Set([
  'CALLFUNC', 'CALLINTER', 'CLEAR', 'CLOSE', 'COPY', 'DELETE', 'PANIC', 'PRINT', 'PRINTLN', 'RECOVER',
]);

export function stmt(e: Escape, n: Stmt | null): void {
  if (!n) return;
  if (n.file === undefined || n.file === e.file) return stmtIn(e, n);
  const outer = e.file;
  e.file = n.file;
  try {
    stmtIn(e, n);
  } finally {
    e.file = outer;
  }
}

function stmtIn(e: Escape, n: Stmt): void {
  if (n.init) stmts(e, n.init);
  const b = e.b;
  switch (n.op) {
    case 'FALL': case 'BREAK': case 'CONTINUE': case 'GOTO':
      return;
    case 'BLOCK':
      stmts(e, n.list);
      return;
    case 'DCL':
      if (!n.name.blank) dcl(e, n.name);
      return;
    case 'LABEL': {
      if (n.label === '_') return;
      if (e.labels.get(n.label) === 'looping') e.loopDepth++;
      e.labels.delete(n.label);
      return;
    }
    // Dead branches and bodies are already gone: the lowering drops them as gc's front end
    // does (src/ir/lower/deadcode.ts), and gc's escape pass walks what is left as is.
    case 'IF':
      discard(e, n.cond);
      block(e, n.body);
      block(e, n.else);
      return;
    case 'FOR':
      e.loopDepth++;
      discard(e, n.cond);
      stmt(e, n.post);
      block(e, n.body);
      e.loopDepth--;
      return;
    case 'RANGE': {
      // The ranged value is evaluated once, outside the loop, and lives until it ends.
      const tmp = e.newLoc(null, true);
      expr(e, tmp.asHole(), n.x);
      e.loopDepth++;
      const ks = addrs(e, [n.key, n.value]);
      const t = n.x.type;
      if (t.kind === 'array') b.flow(e.note(ks[1]!, n, 'range', n.rangePos), tmp);
      else b.flow(e.note(shift(ks[1]!, 1), n, 'range-deref', n.rangePos), tmp);
      reassigned(e, ks, n);
      block(e, n.body);
      e.loopDepth--;
      return;
    }
    case 'SWITCH':
      discard(e, n.tag);
      for (const c of n.cases) {
        discards(e, c.list);
        block(e, c.body);
      }
      return;
    case 'TYPESWITCH': {
      const ks: Hole[] = [];
      if (n.bound) {
        for (const c of n.cases) {
          if (!c.var) continue;
          const k = dcl(e, c.var);
          if (c.var.type.hasPointers) ks.push(e.dotType(k, c.var.type, n, 'switch case', c.pos, b.opts.fmt.caseClause(c)));
        }
      }
      expr(e, e.teeHole(ks), n.x);
      for (const c of n.cases) {
        discards(e, c.list);
        block(e, c.body);
      }
      return;
    }
    case 'SELECT':
      for (const c of n.cases) {
        stmt(e, c.comm);
        block(e, c.body);
      }
      return;
    case 'SEND':
      discard(e, n.chan);
      assignHeap(e, n.value, 'send', n);
      return;
    case 'AS':
      assignList(e, [n.x], [n.y], 'assign', n);
      return;
    case 'ASOP':
      assignList(e, [n.x], [n.y], 'assign', n);
      return;
    case 'AS2':
      if (n.inlinedCall) {
        // escape.go call, OINLCALL: each result variable to its destination, unnoted.
        const ks = addrs(e, n.lhs);
        n.rhs.forEach((r, i) => expr(e, ks[i] ?? b.discardHole(), r));
        reassigned(e, ks, n);
        return;
      }
      assignList(e, n.lhs, n.rhs, 'assign-pair', n);
      return;
    case 'AS2DOTTYPE':
      assignList(e, n.lhs, n.rhs, 'assign-pair-dot-type', n);
      return;
    case 'AS2MAPR':
      assignList(e, n.lhs, n.rhs, 'assign-pair-mapr', n);
      return;
    case 'AS2RECV': case 'SELRECV2':
      assignList(e, n.lhs, n.rhs, 'assign-pair-receive', n);
      return;
    case 'AS2FUNC': {
      const rhs = n.rhs[0]!;
      if (rhs.init) stmts(e, rhs.init);
      const ks = addrs(e, n.lhs);
      call(e, ks, rhs);
      reassigned(e, ks, n);
      return;
    }
    case 'RETURN': {
      const tailCall = n.tail && n.results.length === 1 && callOps.has(n.results[0]!.op) ? n.results[0]! : null;
      if (tailCall) {
        if (tailCall.init) stmts(e, tailCall.init);
        call(e, null, tailCall);
        return;
      }
      const dsts: Expr[] = e.curfn.results.map((r) => ({ op: 'NAME', name: r, pos: r.pos, type: r.type }));
      assignList(e, dsts, n.results, 'return', n);
      return;
    }
    case 'GO': case 'DEFER':
      goDeferStmt(e, n);
      return;
    case 'EXPR':
      if (n.x.init) stmts(e, n.x.init);
      if (callOps.has(n.x.op)) call(e, null, n.x);
      else exprSkipInit(e, b.discardHole(), n.x);
      return;
    default:
      unreachable('stmt', n);
  }
}
