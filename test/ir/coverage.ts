// How well the lowered IR covers what gc reports: every -m line names an expression or a
// variable at a position; the IR should hold a node there that renders (formatExpr) to the
// same text, or a variable of that name declared there. This checks positions, rendering
// and the presence of gc's implicit nodes at once, before any escape analysis runs.
import type { Expr, IrPackage, Stmt } from '../../src/ir/ir.js';
import { formatExpr } from '../../src/ir/fmt.js';
import { allFuncs } from '../../src/ir/dump.js';
import { childExprs } from '../../src/ir/walk.js';
import type { GcLine } from './fixtures.js';

export interface Coverage {
  readonly total: number;
  readonly matched: number;
  readonly misses: string[];
}

/** The subject a gc -m line talks about (an expression text or a variable name), or null. */
export function subjectOf(message: string): string | null {
  let m = /^moved to heap: (.*)$/.exec(message);
  if (m) return m[1]!;
  m = /^leaking param(?: content)?: (\S+)/.exec(message);
  if (m) return m[1]!;
  m = /^(.*) (?:escapes to heap|does not escape)$/.exec(message);
  if (m) return m[1]!;
  return null;
}

export function indexIr(ir: IrPackage): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  const add = (line: number, col: number, text: string): void => {
    const k = `${line}:${col}`;
    let s = index.get(k);
    if (!s) index.set(k, (s = new Set()));
    s.add(text);
  };
  const visitExpr = (e: Expr | null | undefined): void => {
    if (!e) return;
    add(e.pos.line, e.pos.col, formatExpr(e));
    // Go 1.26 reports an append's own stack buffer as `append escapes to heap`.
    if (e.op === 'APPEND') add(e.pos.line, e.pos.col, 'append');
    for (const s of e.init ?? []) visitStmt(s);
    for (const c of childExprs(e)) visitExpr(c);
  };
  const visitStmt = (s: Stmt): void => {
    for (const i of s.init ?? []) visitStmt(i);
    const anyS = s as unknown as Record<string, unknown>;
    for (const v of Object.values(anyS)) {
      if (Array.isArray(v)) {
        for (const x of v) visitUnknown(x);
      } else visitUnknown(v);
    }
  };
  const visitUnknown = (x: unknown): void => {
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (typeof o.op === 'string' && 'type' in o && 'pos' in o && !('list' in o && o.op === 'BLOCK')) {
      if (isStmtOp(o.op)) visitStmt(o as unknown as Stmt);
      else visitExpr(o as unknown as Expr);
      return;
    }
    if (typeof o.op === 'string') {
      visitStmt(o as unknown as Stmt);
      return;
    }
    // case clauses, comm clauses
    for (const v of Object.values(o)) {
      if (Array.isArray(v)) v.forEach(visitUnknown);
      else if (v && typeof v === 'object' && 'op' in (v as object)) visitUnknown(v);
    }
  };
  for (const f of allFuncs(ir.funcs)) {
    for (const n of f.dcl) add(n.pos.line, n.pos.col, n.sym);
    if (f.recv) add(f.recv.pos.line, f.recv.pos.col, f.recv.sym);
    for (const s of f.body ?? []) visitStmt(s);
  }
  return index;
}

const stmtOps = new Set(['BLOCK', 'DCL', 'AS', 'ASOP', 'AS2', 'AS2FUNC', 'AS2DOTTYPE', 'AS2MAPR',
  'AS2RECV', 'SELRECV2', 'RETURN', 'IF', 'FOR', 'RANGE', 'SWITCH', 'TYPESWITCH', 'SELECT', 'SEND',
  'GO', 'DEFER', 'LABEL', 'GOTO', 'BREAK', 'CONTINUE', 'FALL', 'EXPR']);
function isStmtOp(op: string): boolean {
  return stmtOps.has(op);
}

export function coverage(ir: IrPackage, lines: readonly GcLine[], file?: string): Coverage {
  const index = indexIr(ir);
  let total = 0;
  let matched = 0;
  const misses: string[] = [];
  for (const l of lines) {
    if (file && l.file.split('/').pop() !== file) continue;
    const subject = subjectOf(l.message);
    if (subject === null) continue;
    total++;
    if (index.get(`${l.line}:${l.col}`)?.has(subject)) matched++;
    else misses.push(`${l.line}:${l.col}: ${l.message}  [have: ${[...(index.get(`${l.line}:${l.col}`) ?? [])].join(' | ')}]`);
  }
  return { total, matched, misses };
}
