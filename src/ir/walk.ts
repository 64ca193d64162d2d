// The one traversal of the escape IR's children (gc's ir.DoChildren / ir.Visit).
//
// CHILDREN below is a table with one entry per op, typed `{ [K in Op]: ... }`: adding an op to
// src/ir/ir.ts fails to compile until the table says what that op's children are, so no stage
// can silently skip the sub-nodes of a new op. Each entry reports its children, in gc's
// ir.Visit order (source order), to a ChildSink that tells three kinds apart: a sub-expression
// the node evaluates, a range statement's key/value (assignment targets some callers leave
// out), and a nested statement list (a body, a clause, a for loop's post statement). Every
// other helper here (childExprs, stmtExprs, stmtBodies, forEachChild, walkStmts) is a view of
// that one table; stages that walk the IR (escape, the dump, devirtualization, the asm
// prediction, the bounds-check list) use these views instead of spelling out the ops again.
// Closure bodies are not children: walkStmts enters them only when asked, as ir.Any does for
// the analyses that need them.

import type { Expr, Stmt } from './ir.js';

/** Any IR node: an expression or a statement. */
export type Node = Expr | Stmt;
/** Every op of the IR (gc's op name without the `O`). */
export type Op = Node['op'];
/** The node type(s) that may carry op K (several ops share one interface, e.g. Binary). */
export type NodeOf<K extends Op> = Node extends infer N ? (N extends { readonly op: infer O } ? (K extends O ? N : never) : never) : never;

/** Receives a node's children, in order. */
export interface ChildSink {
  /** A sub-expression the node evaluates (null slots are skipped by the views). */
  expr(e: Expr | null): void;
  /** A range statement's key or value: an assignment target, left out of stmtExprs(s, false). */
  rangeVar(e: Expr | null): void;
  /** A nested statement list: a block, a branch, a clause, a for loop's post statement. */
  body(list: readonly Stmt[]): void;
}

type ChildrenOf<K extends Op> = (n: NodeOf<K>, v: ChildSink) => void;

const none = (): void => {};
const operand = (n: { readonly x: Expr }, v: ChildSink): void => v.expr(n.x);
const operands = (n: { readonly x: Expr; readonly y: Expr }, v: ChildSink): void => {
  v.expr(n.x);
  v.expr(n.y);
};
const argList = (n: { readonly args: readonly Expr[] }, v: ChildSink): void => {
  for (const a of n.args) v.expr(a);
};
const multiAssign = (n: { readonly lhs: readonly Expr[]; readonly rhs: readonly Expr[] }, v: ChildSink): void => {
  for (const l of n.lhs) v.expr(l);
  for (const r of n.rhs) v.expr(r);
};
const switchCases = (n: { readonly cases: readonly { readonly list: readonly Expr[] | null; readonly body: readonly Stmt[] }[] }, v: ChildSink): void => {
  for (const c of n.cases) {
    if (c.list) for (const x of c.list) v.expr(x);
    v.body(c.body);
  }
};
const slice = (n: { readonly x: Expr; readonly low: Expr | null; readonly high: Expr | null; readonly max: Expr | null }, v: ChildSink): void => {
  v.expr(n.x);
  v.expr(n.low);
  v.expr(n.high);
  v.expr(n.max);
};
const makeLen = (n: { readonly len: Expr | null }, v: ChildSink): void => v.expr(n.len);
const makeSlice = (n: { readonly len: Expr; readonly cap: Expr | null }, v: ChildSink): void => {
  v.expr(n.len);
  v.expr(n.cap);
};
const indexed = (n: { readonly x: Expr; readonly index: Expr }, v: ChildSink): void => {
  v.expr(n.x);
  v.expr(n.index);
};
const call = (n: { readonly fun: Expr; readonly args: readonly Expr[] }, v: ChildSink): void => {
  v.expr(n.fun);
  argList(n, v);
};
const elemList = (n: { readonly elems: readonly Expr[] }, v: ChildSink): void => {
  for (const x of n.elems) v.expr(x);
};

/** The children of every op. Typed per op so that a new op is a compile error here. */
const CHILDREN: { readonly [K in Op]: ChildrenOf<K> } = {
  // ── statements
  BLOCK: (n, v) => v.body(n.list),
  DCL: none,
  AS: (n, v) => {
    v.expr(n.x);
    v.expr(n.y);
  },
  ASOP: operands,
  AS2: multiAssign, AS2FUNC: multiAssign, AS2DOTTYPE: multiAssign, AS2MAPR: multiAssign, AS2RECV: multiAssign,
  SELRECV2: multiAssign,
  RETURN: (n, v) => {
    for (const r of n.results) v.expr(r);
  },
  IF: (n, v) => {
    v.expr(n.cond);
    v.body(n.body);
    v.body(n.else);
  },
  FOR: (n, v) => {
    v.expr(n.cond);
    v.body(n.post ? [n.post] : []);
    v.body(n.body);
  },
  RANGE: (n, v) => {
    v.rangeVar(n.key);
    v.rangeVar(n.value);
    v.expr(n.x);
    v.body(n.body);
  },
  SWITCH: (n, v) => {
    v.expr(n.tag);
    switchCases(n, v);
  },
  TYPESWITCH: (n, v) => {
    v.expr(n.x);
    switchCases(n, v);
  },
  SELECT: (n, v) => {
    for (const c of n.cases) v.body(c.comm ? [c.comm, ...c.body] : c.body);
  },
  SEND: (n, v) => {
    v.expr(n.chan);
    v.expr(n.value);
  },
  GO: (n, v) => v.expr(n.call),
  DEFER: (n, v) => v.expr(n.call),
  LABEL: none, GOTO: none, BREAK: none, CONTINUE: none, FALL: none,
  EXPR: operand,

  // ── expressions
  NAME: none, LITERAL: none, NIL: none, BLANK: none, TYPE: none, METHEXPR: none, NEW: none,
  // A closure's body belongs to its own function (walkStmts enters it on request).
  CLOSURE: none,
  PLUS: operand, NEG: operand, BITNOT: operand, NOT: operand,
  ADD: operands, SUB: operands, OR: operands, XOR: operands, MUL: operands, DIV: operands, MOD: operands,
  LSH: operands, RSH: operands, AND: operands, ANDNOT: operands, EQ: operands, NE: operands, LT: operands,
  LE: operands, GT: operands, GE: operands, ANDAND: operands, OROR: operands,
  ADDR: operand, DEREF: operand, DOT: operand, DOTPTR: operand, DOTTYPE: operand, DOTTYPE2: operand,
  INDEX: indexed, INDEXMAP: indexed,
  SLICE: slice, SLICE3: slice, SLICEARR: slice, SLICE3ARR: slice, SLICESTR: slice,
  CONV: operand, CONVNOP: operand, CONVIFACE: operand, SLICE2ARR: operand, SLICE2ARRPTR: operand,
  STR2BYTES: operand, BYTES2STR: operand, STR2RUNES: operand, RUNES2STR: operand, RUNESTR: operand,
  ADDSTR: (n, v) => {
    for (const x of n.list) v.expr(x);
  },
  RECV: operand,
  CALLFUNC: call, CALLINTER: call,
  DOTINTER: operand,
  LEN: operand, CAP: operand, REAL: operand, IMAG: operand, CLOSE: operand, CLEAR: operand, PANIC: operand,
  UNSAFESTRINGDATA: operand, UNSAFESLICEDATA: operand,
  COMPLEX: operands, COPY: operands, UNSAFEADD: operands, UNSAFESLICE: operands, UNSAFESTRING: operands,
  APPEND: argList, MIN: argList, MAX: argList, DELETE: argList, PRINT: argList, PRINTLN: argList, RECOVER: argList,
  MAKESLICE: makeSlice, MAKESLICECOPY: makeSlice,
  MAKEMAP: makeLen, MAKECHAN: makeLen,
  METHVALUE: operand,
  PTRLIT: operand,
  STRUCTLIT: (n, v) => {
    for (const f of n.fields) v.expr(f.value);
  },
  ARRAYLIT: elemList, SLICELIT: elemList,
  MAPLIT: (n, v) => {
    for (const en of n.entries) {
      v.expr(en.key);
      v.expr(en.value);
    }
  },
};

/** Reports n's children (not its init statements) to v, in gc's order. */
export function visitChildren(n: Node, v: ChildSink): void {
  (CHILDREN[n.op] as (n: Node, v: ChildSink) => void)(n, v);
}

/** The direct sub-expressions of an expression, in evaluation order. */
export function childExprs(e: Expr): readonly Expr[] {
  const out: Expr[] = [];
  const add = (x: Expr | null): void => {
    if (x) out.push(x);
  };
  visitChildren(e, { expr: add, rangeVar: add, body: none });
  return out;
}

/**
 * The expressions a statement evaluates itself (not those of nested statement lists), in
 * order; a range's key and value (assignment targets) only when `withRangeVars`.
 */
export function stmtExprs(s: Stmt, withRangeVars = true): readonly Expr[] {
  const out: Expr[] = [];
  const add = (x: Expr | null): void => {
    if (x) out.push(x);
  };
  visitChildren(s, { expr: add, rangeVar: withRangeVars ? add : none, body: none });
  return out;
}

/** The statement lists nested directly in a statement, one per body or clause, in source order. */
export function stmtBodies(s: Stmt): (readonly Stmt[])[] {
  const out: (readonly Stmt[])[] = [];
  visitChildren(s, { expr: none, rangeVar: none, body: (list) => out.push(list) });
  return out;
}

/** The statements nested directly in a statement (its bodies and clauses, flattened). */
export function childStmts(s: Stmt): readonly Stmt[] {
  return stmtBodies(s).flat();
}

/** Calls f on every child node of n (not n itself): init statements first, as ir.DoChildren. */
export function forEachChild(n: Node, f: (c: Node) => void): void {
  childVisitor(f)(n);
}

/**
 * `n => forEachChild(n, f)`, its sink made once: a recursive walk calls it on every node of
 * a package, where a sink per node is most of the walk's garbage.
 */
export function childVisitor(f: (c: Node) => void): (n: Node) => void {
  const one = (x: Expr | null): void => {
    if (x) f(x);
  };
  const sink: ChildSink = {
    expr: one,
    rangeVar: one,
    body: (list) => {
      for (const s of list) f(s);
    },
  };
  return (n) => {
    if (n.init) for (const s of n.init) f(s);
    visitChildren(n, sink);
  };
}

/**
 * Pre-order walk over a statement list; `intoClosures` also walks closure bodies.
 * Returning false from f skips n's children.
 */
export function walkStmts(stmts: readonly Stmt[], f: (n: Node) => boolean | void, intoClosures: boolean): void {
  const go = (n: Node): void => {
    if (f(n) === false) return;
    if (intoClosures && n.op === 'CLOSURE' && n.func.body) {
      for (const s of n.func.body) go(s);
    }
    children(n);
  };
  const children = childVisitor(go);
  for (const s of stmts) go(s);
}
