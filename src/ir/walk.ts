// Generic traversal of the escape IR: the direct sub-expressions of an expression and the
// statement lists nested in a statement. Stages that walk the IR (the dump, devirtualization,
// the asm prediction) share these instead of each spelling out every op.

import type { Expr, Stmt } from './ir.js';

/** The direct sub-expressions of an expression, in evaluation order. */
export function childExprs(e: Expr): readonly Expr[] {
  switch (e.op) {
    case 'NAME': case 'LITERAL': case 'NIL': case 'BLANK': case 'TYPE': case 'METHEXPR':
    case 'NEW': case 'CLOSURE':
      return [];
    case 'PLUS': case 'NEG': case 'BITNOT': case 'NOT':
    case 'ADDR': case 'DEREF': case 'DOT': case 'DOTPTR': case 'DOTTYPE': case 'DOTTYPE2':
    case 'CONV': case 'CONVNOP': case 'CONVIFACE': case 'SLICE2ARR': case 'SLICE2ARRPTR':
    case 'STR2BYTES': case 'BYTES2STR': case 'STR2RUNES': case 'RUNES2STR': case 'RUNESTR':
    case 'RECV': case 'DOTINTER': case 'METHVALUE': case 'PTRLIT':
    case 'LEN': case 'CAP': case 'REAL': case 'IMAG': case 'CLOSE': case 'CLEAR': case 'PANIC':
    case 'UNSAFESTRINGDATA': case 'UNSAFESLICEDATA':
      return [e.x];
    case 'ADD': case 'SUB': case 'OR': case 'XOR': case 'MUL': case 'DIV': case 'MOD': case 'LSH':
    case 'RSH': case 'AND': case 'ANDNOT': case 'EQ': case 'NE': case 'LT': case 'LE': case 'GT':
    case 'GE': case 'ANDAND': case 'OROR':
    case 'COMPLEX': case 'COPY': case 'UNSAFEADD': case 'UNSAFESLICE': case 'UNSAFESTRING':
      return [e.x, e.y];
    case 'INDEX': case 'INDEXMAP':
      return [e.x, e.index];
    case 'SLICE': case 'SLICE3': case 'SLICEARR': case 'SLICE3ARR': case 'SLICESTR':
      return [e.x, e.low, e.high, e.max].filter((x): x is Expr => x !== null);
    case 'ADDSTR':
      return e.list;
    case 'CALLFUNC':
      return [e.fun, ...e.args];
    case 'CALLINTER':
      return [e.fun, ...e.args];
    case 'APPEND': case 'MIN': case 'MAX': case 'DELETE': case 'PRINT': case 'PRINTLN': case 'RECOVER':
      return e.args;
    case 'MAKESLICE': case 'MAKESLICECOPY':
      return e.cap ? [e.len, e.cap] : [e.len];
    case 'MAKEMAP': case 'MAKECHAN':
      return e.len ? [e.len] : [];
    case 'STRUCTLIT':
      return e.fields.map((f) => f.value);
    case 'ARRAYLIT': case 'SLICELIT':
      return e.elems;
    case 'MAPLIT':
      return e.entries.flatMap((en) => [en.key, en.value]);
  }
}

/**
 * The expressions a statement evaluates itself (not those of nested statement lists), in
 * order; a range's key and value (assignment targets) only when `withRangeVars`.
 */
export function stmtExprs(s: Stmt, withRangeVars = true): readonly Expr[] {
  switch (s.op) {
    case 'AS': return s.y ? [s.x, s.y] : [s.x];
    case 'ASOP': return [s.x, s.y];
    case 'AS2': case 'AS2FUNC': case 'AS2DOTTYPE': case 'AS2MAPR': case 'AS2RECV': case 'SELRECV2':
      return [...s.lhs, ...s.rhs];
    case 'RETURN': return s.results;
    case 'IF': return [s.cond];
    case 'FOR': return s.cond ? [s.cond] : [];
    case 'RANGE': return withRangeVars ? [s.key, s.value, s.x].filter((x): x is Expr => x !== null) : [s.x];
    case 'SWITCH': return [...(s.tag ? [s.tag] : []), ...s.cases.flatMap((c) => c.list ?? [])];
    case 'TYPESWITCH': return [s.x];
    case 'SEND': return [s.chan, s.value];
    case 'GO': case 'DEFER': return [s.call];
    case 'EXPR': return [s.x];
    default: return [];
  }
}

/** The statement lists nested directly in a statement, one per body or clause, in source order. */
export function stmtBodies(s: Stmt): (readonly Stmt[])[] {
  switch (s.op) {
    case 'BLOCK': return [s.list];
    case 'IF': return [s.body, s.else];
    case 'FOR': return [s.post ? [s.post] : [], s.body];
    case 'RANGE': return [s.body];
    case 'SWITCH': case 'TYPESWITCH': return s.cases.map((c) => c.body);
    case 'SELECT': return s.cases.map((c) => [...(c.comm ? [c.comm] : []), ...c.body]);
    default: return [];
  }
}
