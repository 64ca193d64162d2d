// A compact, line-per-statement text of IR functions, for tests and debugging (in the
// spirit of gc's -W dump, far terser): `AS x = CONVIFACE@12:9(NAME n)`. Positions are
// printed only where asked, so shape tests stay readable.

import type { Expr, IrFunc, Stmt } from './ir.js';
import { childExprs, visitChildren, type ChildSink } from './walk.js';

export interface DumpOptions {
  /** Print `@line:col` after every expression op. */
  readonly positions?: boolean;
}

export function dumpFunc(fn: IrFunc, opts: DumpOptions = {}): string {
  const out: string[] = [];
  const head = [`func ${fn.name}`];
  if (fn.recv) head.push(`recv ${fn.recv.sym}`);
  if (fn.params.length) head.push(`params ${fn.params.map((p) => p.sym).join(',')}`);
  if (fn.results.length) head.push(`results ${fn.results.map((p) => p.sym).join(',')}`);
  if (fn.closureVars.length) head.push(`captures ${fn.closureVars.map((p) => p.sym).join(',')}`);
  if (fn.wrapper) head.push('wrapper');
  out.push(head.join(' '));
  for (const s of fn.body ?? []) stmt(s, 1, out, opts);
  return out.join('\n');
}

/** The outermost function a closure is written in (itself for a declared function). */
export function rootFunc(fn: IrFunc): IrFunc {
  while (fn.outer) fn = fn.outer;
  return fn;
}

/** Every function reachable from `funcs`, closures after their enclosing function. */
export function allFuncs(funcs: readonly IrFunc[]): IrFunc[] {
  const out: IrFunc[] = [];
  const seen = new Set<IrFunc>();
  const visitFn = (f: IrFunc): void => {
    if (seen.has(f)) return;
    seen.add(f);
    out.push(f);
    for (const s of f.body ?? []) visitStmt(s);
  };
  const visitExpr = (e: Expr | null | undefined): void => {
    if (!e) return;
    if (e.op === 'CLOSURE') visitFn(e.func);
    for (const s of e.init ?? []) visitStmt(s);
    visitChildren(e, exprs);
  };
  // A statement's own expressions, then its nested lists (stmtExprs, then stmtBodies),
  // through two sinks made once: this walk runs over every node of the package.
  const exprs: ChildSink = { expr: visitExpr, rangeVar: visitExpr, body: () => {} };
  const bodies: ChildSink = { expr: () => {}, rangeVar: () => {}, body: (list) => list.forEach(visitStmt) };
  const visitStmt = (s: Stmt | null | undefined): void => {
    if (!s) return;
    for (const i of s.init ?? []) visitStmt(i);
    visitChildren(s, exprs);
    visitChildren(s, bodies);
  };
  funcs.forEach(visitFn);
  return out;
}

function ex(e: Expr | null, o: DumpOptions): string {
  if (!e) return '_';
  const at = o.positions ? `@${e.pos.line}:${e.pos.col}` : '';
  const imp = 'implicit' in e && e.implicit ? '~' : '';
  switch (e.op) {
    case 'NAME': return `${e.name.sym}${at}`;
    case 'LITERAL': return `${e.text}${at}`;
    case 'NIL': return `nil${at}`;
    case 'BLANK': return '_';
    case 'TYPE': return `type(${e.type.text})`;
    case 'METHEXPR': return `METHEXPR(${e.recvType.text}.${e.sel})${at}`;
    case 'CLOSURE': return `CLOSURE(${e.func.name})${at}`;
    case 'NEW': return `NEW(${e.elemType.text})${at}`;
    case 'DOT': case 'DOTPTR': return `${e.op}${at}(${ex(e.x, o)}.${e.field})`;
    case 'DOTINTER': case 'METHVALUE': return `${e.op}${at}(${ex(e.x, o)}.${e.sel})`;
    case 'STRUCTLIT': return `STRUCTLIT${at}(${e.type.text}{${e.fields.map((f) => `${f.field}:${ex(f.value, o)}`).join(' ')}})`;
    case 'SLICELIT': return `SLICELIT${e.implicit ? '...' : ''}${at}(${e.type.text}{${e.elems.map((x) => ex(x, o)).join(' ')}})`;
    case 'MAPLIT': return `MAPLIT${at}(${e.entries.map((en) => `${ex(en.key, o)}:${ex(en.value, o)}`).join(' ')})`;
    case 'CALLFUNC': case 'CALLINTER': return `${e.op}${at}(${[e.fun, ...e.args].map((x) => ex(x, o)).join(', ')}${e.isDDD ? '...' : ''})`;
    default: return `${e.op}${imp}${at}(${childExprs(e).map((x) => ex(x, o)).join(', ')})`;
  }
}

function stmt(s: Stmt, depth: number, out: string[], o: DumpOptions): void {
  const ind = '  '.repeat(depth);
  for (const i of s.init ?? []) stmt(i, depth, out, o);
  const at = o.positions ? `@${s.pos.line}:${s.pos.col}` : '';
  const sub = (label: string, list: readonly Stmt[]): void => {
    out.push(`${ind}${label}`);
    for (const x of list) stmt(x, depth + 1, out, o);
  };
  switch (s.op) {
    case 'BLOCK': sub(`BLOCK${at}`, s.list); return;
    case 'DCL': out.push(`${ind}DCL ${s.name.sym}`); return;
    case 'AS': out.push(`${ind}AS${at} ${ex(s.x, o)} = ${s.y ? ex(s.y, o) : '<zero>'}`); return;
    case 'ASOP': out.push(`${ind}ASOP${at} ${ex(s.x, o)} ${s.operator}= ${ex(s.y, o)}`); return;
    case 'AS2': case 'AS2FUNC': case 'AS2DOTTYPE': case 'AS2MAPR': case 'AS2RECV': case 'SELRECV2':
      out.push(`${ind}${s.op}${at} ${s.lhs.map((x) => ex(x, o)).join(', ')} = ${s.rhs.map((x) => ex(x, o)).join(', ')}`);
      return;
    case 'RETURN': out.push(`${ind}RETURN${at} ${s.results.map((x) => ex(x, o)).join(', ')}`); return;
    case 'IF': sub(`IF${at} ${ex(s.cond, o)}`, s.body); if (s.else.length) sub('ELSE', s.else); return;
    case 'FOR':
      sub(`FOR${at} ${s.cond ? ex(s.cond, o) : ''}`, [...s.body, ...(s.post ? [s.post] : [])]);
      return;
    case 'RANGE': sub(`RANGE${at} ${ex(s.key, o)}, ${ex(s.value, o)} = range ${ex(s.x, o)}`, s.body); return;
    case 'SWITCH':
      out.push(`${ind}SWITCH${at} ${s.tag ? ex(s.tag, o) : ''}`);
      for (const c of s.cases) sub(`  CASE ${c.list ? c.list.map((x) => ex(x, o)).join(', ') : 'default'}`, c.body);
      return;
    case 'TYPESWITCH':
      out.push(`${ind}TYPESWITCH${at} ${ex(s.x, o)}`);
      for (const c of s.cases) sub(`  CASE ${c.var ? c.var.sym + ' ' : ''}${c.list ? c.list.map((x) => ex(x, o)).join(', ') : 'default'}`, c.body);
      return;
    case 'SELECT':
      out.push(`${ind}SELECT${at}`);
      for (const c of s.cases) sub('  CASE', [...(c.comm ? [c.comm] : []), ...c.body]);
      return;
    case 'SEND': out.push(`${ind}SEND${at} ${ex(s.chan, o)} <- ${ex(s.value, o)}`); return;
    case 'GO': case 'DEFER': out.push(`${ind}${s.op}${at} ${ex(s.call, o)}`); return;
    case 'LABEL': out.push(`${ind}LABEL ${s.label}`); return;
    case 'GOTO': case 'BREAK': case 'CONTINUE': case 'FALL': out.push(`${ind}${s.op}${s.label ? ' ' + s.label : ''}`); return;
    case 'EXPR': out.push(`${ind}EXPR${at} ${ex(s.x, o)}`); return;
  }
}
