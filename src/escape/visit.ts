// Generic traversal of the escape IR, in gc's ir.Visit order: a node before its children,
// children in source order, init statements first. Closure bodies are entered only when
// asked, as ir.Any / ir.Visit do for the analyses that need them.

import type { Expr, Stmt } from '../ir/ir.js';

export type Visitable = Expr | Stmt;

/** Calls f on every child node of n (not n itself). */
export function forEachChild(n: Visitable, f: (c: Visitable) => void): void {
  if (n.init) for (const s of n.init) f(s);
  const e = (x: Expr | Stmt | null | undefined) => {
    if (x) f(x);
  };
  const list = (xs: readonly (Expr | Stmt)[] | null | undefined) => {
    if (xs) for (const x of xs) f(x);
  };
  switch (n.op) {
    // statements
    case 'BLOCK': list(n.list); break;
    case 'DCL': break;
    case 'AS': e(n.x); e(n.y); break;
    case 'ASOP': e(n.x); e(n.y); break;
    case 'AS2': case 'AS2FUNC': case 'AS2DOTTYPE': case 'AS2MAPR': case 'AS2RECV': case 'SELRECV2':
      list(n.lhs); list(n.rhs); break;
    case 'RETURN': list(n.results); break;
    case 'IF': e(n.cond); list(n.body); list(n.else); break;
    case 'FOR': e(n.cond); e(n.post); list(n.body); break;
    case 'RANGE': e(n.key); e(n.value); e(n.x); list(n.body); break;
    case 'SWITCH': e(n.tag); for (const c of n.cases) { list(c.list); list(c.body); } break;
    case 'TYPESWITCH': e(n.x); for (const c of n.cases) { list(c.list); list(c.body); } break;
    case 'SELECT': for (const c of n.cases) { e(c.comm); list(c.body); } break;
    case 'SEND': e(n.chan); e(n.value); break;
    case 'GO': case 'DEFER': e(n.call); break;
    case 'LABEL': case 'GOTO': case 'BREAK': case 'CONTINUE': case 'FALL': break;
    case 'EXPR': e(n.x); break;
    // expressions
    case 'NAME': case 'LITERAL': case 'NIL': case 'BLANK': case 'TYPE': case 'METHEXPR': break;
    case 'PLUS': case 'NEG': case 'BITNOT': case 'NOT': e(n.x); break;
    case 'ADD': case 'SUB': case 'OR': case 'XOR': case 'MUL': case 'DIV': case 'MOD': case 'LSH':
    case 'RSH': case 'AND': case 'ANDNOT': case 'EQ': case 'NE': case 'LT': case 'LE': case 'GT':
    case 'GE': case 'ANDAND': case 'OROR':
      e(n.x); e(n.y); break;
    case 'ADDR': case 'DEREF': case 'DOT': case 'DOTPTR': case 'DOTTYPE': case 'DOTTYPE2': e(n.x); break;
    case 'INDEX': case 'INDEXMAP': e(n.x); e(n.index); break;
    case 'SLICE': case 'SLICE3': case 'SLICEARR': case 'SLICE3ARR': case 'SLICESTR':
      e(n.x); e(n.low); e(n.high); e(n.max); break;
    case 'CONV': case 'CONVNOP': case 'CONVIFACE': case 'SLICE2ARR': case 'SLICE2ARRPTR':
    case 'STR2BYTES': case 'BYTES2STR': case 'STR2RUNES': case 'RUNES2STR': case 'RUNESTR':
      e(n.x); break;
    case 'ADDSTR': list(n.list); break;
    case 'RECV': e(n.x); break;
    case 'CALLFUNC': e(n.fun); list(n.args); break;
    case 'CALLINTER': e(n.fun); list(n.args); break;
    case 'DOTINTER': e(n.x); break;
    case 'LEN': case 'CAP': case 'REAL': case 'IMAG': case 'CLOSE': case 'CLEAR': case 'PANIC':
    case 'UNSAFESTRINGDATA': case 'UNSAFESLICEDATA':
      e(n.x); break;
    case 'COMPLEX': case 'COPY': case 'UNSAFEADD': case 'UNSAFESLICE': case 'UNSAFESTRING': e(n.x); e(n.y); break;
    case 'APPEND': list(n.args); break;
    case 'MIN': case 'MAX': case 'DELETE': case 'PRINT': case 'PRINTLN': case 'RECOVER': list(n.args); break;
    case 'NEW': break;
    case 'MAKESLICE': case 'MAKESLICECOPY': e(n.len); e(n.cap); break;
    case 'MAKEMAP': case 'MAKECHAN': e(n.len); break;
    case 'CLOSURE': break;
    case 'METHVALUE': e(n.x); break;
    case 'PTRLIT': e(n.x); break;
    case 'STRUCTLIT': for (const fl of n.fields) f(fl.value); break;
    case 'ARRAYLIT': case 'SLICELIT': list(n.elems); break;
    case 'MAPLIT': for (const en of n.entries) { f(en.key); f(en.value); } break;
  }
}

/**
 * Pre-order walk over a statement list; `intoClosures` also walks closure bodies.
 * Returning false from f skips n's children.
 */
export function walkStmts(stmts: readonly Stmt[], f: (n: Visitable) => boolean | void, intoClosures: boolean): void {
  const go = (n: Visitable) => {
    if (f(n) === false) return;
    if (intoClosures && n.op === 'CLOSURE' && n.func.body) {
      for (const s of n.func.body) go(s);
    }
    forEachChild(n, go);
  };
  for (const s of stmts) go(s);
}
