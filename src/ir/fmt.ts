// Rendering IR expressions the way gc's -m messages print them (`%v` / `%S` of a Node).
//
// Follows $GOROOT/src/cmd/compile/internal/ir/fmt.go (exprFmt, OpPrec, OpNames) and, for
// constants, go/constant's String methods. The rules that matter for fidelity:
//   - implicit ADDR / DEREF / conversions are skipped: `sink = n` reports `n escapes`;
//   - an operand binds tighter or looser by OpPrec; a looser one gets parentheses
//     (`(s + s)[1:]`, `*(&t)`, `(func literal)(3)`);
//   - composite literals print as `T{...}` (or `T{}` when empty), the variadic slice as
//     `... argument`, closures as `func literal`;
//   - conversions to an unnamed type parenthesize it: `([]byte)(s)`, named ones do not;
//   - ops without an exprFmt case print `<node OP>` (gc does so for unsafe.String).
// Types print as IrType.text, which the lowering fills with gc's own type rendering.

import type { ConstValue, Expr, IrType } from './ir.js';

/** ir.OpPrec for the ops our IR has; an op missing from gc's table has precedence 0. */
const opPrec: Partial<Record<Expr['op'], number>> = {
  APPEND: 8, BYTES2STR: 8, ARRAYLIT: 8, SLICELIT: 8, RUNES2STR: 8, CALLFUNC: 8, CALLINTER: 8,
  CAP: 8, CLEAR: 8, CLOSE: 8, CONVIFACE: 8, CONVNOP: 8, CONV: 8, COPY: 8, LEN: 8,
  LITERAL: 8, MAKESLICE: 8, MAKESLICECOPY: 8, MAPLIT: 8, MAX: 8, MIN: 8, NAME: 8, NEW: 8,
  NIL: 8, PANIC: 8, PRINTLN: 8, PRINT: 8, RUNESTR: 8, SLICE2ARR: 8, SLICE2ARRPTR: 8,
  STR2BYTES: 8, STR2RUNES: 8, STRUCTLIT: 8, TYPE: 8, UNSAFEADD: 8, UNSAFESLICE: 8,
  UNSAFESLICEDATA: 8, UNSAFESTRING: 8, UNSAFESTRINGDATA: 8, INDEXMAP: 8, INDEX: 8,
  SLICE: 8, SLICESTR: 8, SLICEARR: 8, SLICE3: 8, SLICE3ARR: 8, DOTINTER: 8, DOTPTR: 8,
  DOTTYPE2: 8, DOTTYPE: 8, DOT: 8, METHVALUE: 8, METHEXPR: 8, BLANK: 8,
  PLUS: 7, NOT: 7, BITNOT: 7, NEG: 7, ADDR: 7, DEREF: 7, RECV: 7,
  MUL: 6, DIV: 6, MOD: 6, LSH: 6, RSH: 6, AND: 6, ANDNOT: 6,
  ADD: 5, SUB: 5, OR: 5, XOR: 5,
  EQ: 4, LT: 4, LE: 4, GE: 4, GT: 4, NE: 4,
  ANDAND: 2, OROR: 1,
};

/** ir.OpNames: the Go spelling of operators and builtins. */
const opName: Partial<Record<Expr['op'], string>> = {
  ADDR: '&', ADD: '+', ADDSTR: '+', ANDAND: '&&', ANDNOT: '&^', AND: '&', APPEND: 'append',
  CAP: 'cap', CLEAR: 'clear', CLOSE: 'close', COMPLEX: 'complex', BITNOT: '^', COPY: 'copy',
  DELETE: 'delete', DIV: '/', EQ: '==', GE: '>=', GT: '>', IMAG: 'imag', DEREF: '*',
  LEN: 'len', LE: '<=', LSH: '<<', LT: '<', NEG: '-', MAX: 'max', MIN: 'min', MOD: '%',
  MUL: '*', NEW: 'new', NE: '!=', NOT: '!', OROR: '||', OR: '|', PANIC: 'panic', PLUS: '+',
  PRINTLN: 'println', PRINT: 'print', REAL: 'real', RECV: '<-', RECOVER: 'recover',
  RSH: '>>', SUB: '-', UNSAFEADD: 'unsafe.Add', UNSAFESLICE: 'unsafe.Slice',
  UNSAFESLICEDATA: 'unsafe.SliceData', UNSAFESTRING: 'unsafe.String',
  UNSAFESTRINGDATA: 'unsafe.StringData', XOR: '^',
};

/** The text gc's `%v` gives an expression node (what -m messages name). */
export function formatExpr(e: Expr): string {
  return exprFmt(e, 0);
}

/**
 * formatExpr of an expression as CanInline saved it, before devirtualization: an inline
 * body (-m=2's `can inline F ... as:`) still holds the interface call.
 */
export function formatExprAsWritten(e: Expr): string {
  return exprFmt(e, 0, true);
}

/** Whether gc's type has a symbol (a defined or predeclared name): conversions omit parens. */
export function typeHasName(t: IrType): boolean {
  return !/^(?:[[*(]|<-|map\[|chan[ (<]|func\(|struct \{|interface \{)/.test(t.text);
}

function skipImplicit(e: Expr): Expr {
  for (;;) {
    switch (e.op) {
      case 'ADDR':
      case 'DEREF':
      case 'CONV':
      case 'CONVNOP':
      case 'CONVIFACE':
        if (e.implicit) {
          e = e.x;
          continue;
        }
        break;
      default:
        break;
    }
    return e;
  }
}

/** asWritten: devirtualized calls print as the interface calls they were written as. */
function list(args: readonly Expr[], asWritten: boolean): string {
  return args.map((a) => exprFmt(a, 0, asWritten)).join(', ');
}

function exprFmt(e0: Expr, prec: number, asWritten = false): string {
  const e = skipImplicit(e0);
  let nprec = e.inlinedValue ? 0 : (opPrec[e.op] ?? 0);
  if (e.op === 'TYPE' && e.type.kind === 'ptr' && !typeHasName(e.type)) nprec = opPrec.DEREF!;
  if (prec > nprec) return `(${exprFmt(e, 0, asWritten)})`;

  switch (e.op) {
    case 'NIL':
      return 'nil';
    case 'LITERAL':
      return e.text;
    case 'NAME':
      return e.name.sym.startsWith('~b') ? '_' : e.name.sym;
    case 'BLANK':
      return '_';
    case 'TYPE':
      return e.type.text;
    case 'CLOSURE':
      return 'func literal';
    case 'PTRLIT':
      return `&${exprFmt(e.x, 0, asWritten)}`;
    case 'STRUCTLIT':
      return composite(e.type, e.fields.length !== 0);
    case 'ARRAYLIT':
      return composite(e.type, e.elems.length !== 0);
    case 'SLICELIT':
      return e.implicit === 'ddd' ? '... argument' : composite(e.type, e.elems.length !== 0);
    case 'MAPLIT':
      return composite(e.type, e.entries.length !== 0);
    case 'METHEXPR': {
      // The receiver is an OTYPE node: a pointer type binds like `*` and so is parenthesized.
      const recv = e.recvType.kind === 'ptr' && !typeHasName(e.recvType)
        ? `(${e.recvType.text})` : e.recvType.text;
      return `${recv}.${e.sel}`;
    }
    case 'DOT':
    case 'DOTPTR':
      return `${exprFmt(e.x, nprec, asWritten)}.${e.field}`;
    case 'DOTINTER':
    case 'METHVALUE':
      return `${exprFmt(e.x, nprec, asWritten)}.${e.sel}`;
    case 'DOTTYPE':
    case 'DOTTYPE2':
      // gc's fmt has no case for the dictionary form: its default `<node OP>`.
      if (e.dynamic) return `<node DYNAMIC${e.op}>`;
      return `${exprFmt(e.x, nprec, asWritten)}.(${e.type.text})`;
    case 'INDEX':
    case 'INDEXMAP':
      return `${exprFmt(e.x, nprec, asWritten)}[${exprFmt(e.index, 0, asWritten)}]`;
    case 'SLICE':
    case 'SLICESTR':
    case 'SLICEARR':
    case 'SLICE3':
    case 'SLICE3ARR': {
      let s = `${exprFmt(e.x, nprec, asWritten)}[`;
      if (e.low) s += exprFmt(e.low, 0, asWritten);
      s += ':';
      if (e.high) s += exprFmt(e.high, 0, asWritten);
      if (e.op === 'SLICE3' || e.op === 'SLICE3ARR') {
        s += ':';
        if (e.max) s += exprFmt(e.max, 0, asWritten);
      }
      return s + ']';
    }
    case 'COMPLEX':
    case 'COPY':
    case 'UNSAFEADD':
    case 'UNSAFESLICE':
      return `${opName[e.op]}(${exprFmt(e.x, 0, asWritten)}, ${exprFmt(e.y, 0, asWritten)})`;
    case 'CONV':
    case 'CONVIFACE':
    case 'CONVNOP':
    case 'BYTES2STR':
    case 'RUNES2STR':
    case 'STR2BYTES':
    case 'STR2RUNES':
    case 'RUNESTR':
    case 'SLICE2ARR':
    case 'SLICE2ARRPTR': {
      const t = typeHasName(e.type) ? e.type.text : `(${e.type.text})`;
      return `${t}(${exprFmt(e.x, 0, asWritten)})`;
    }
    case 'REAL':
    case 'IMAG':
    case 'CAP':
    case 'CLEAR':
    case 'CLOSE':
    case 'LEN':
    case 'PANIC':
      return `${opName[e.op]}(${exprFmt(e.x, 0, asWritten)})`;
    case 'NEW':
      return e.dynamic ? 'new(<node DYNAMICTYPE>)' : `new(${e.elemType.text})`;
    case 'APPEND':
      return `append(${list(e.args, asWritten)}${e.isDDD ? '...' : ''})`;
    case 'DELETE':
    case 'MAX':
    case 'MIN':
    case 'RECOVER':
    case 'PRINT':
    case 'PRINTLN':
      return `${opName[e.op]}(${list(e.args, asWritten)})`;
    case 'CALLFUNC':
      if (asWritten && e.devirtualized) return `${exprFmt(e.devirtualized.fun, nprec, asWritten)}(${list(e.devirtualized.args, asWritten)}${e.isDDD ? '...' : ''})`;
      return `${exprFmt(e.fun, nprec, asWritten)}(${list(e.args, asWritten)}${e.isDDD ? '...' : ''})`;
    case 'CALLINTER':
      return `${exprFmt(e.fun, nprec, asWritten)}(${list(e.args, asWritten)}${e.isDDD ? '...' : ''})`;
    case 'MAKESLICE':
      return e.cap
        ? `make(${e.type.text}, ${exprFmt(e.len, 0, asWritten)}, ${exprFmt(e.cap, 0, asWritten)})`
        : `make(${e.type.text}, ${exprFmt(e.len, 0, asWritten)})`;
    case 'MAKESLICECOPY':
      return `makeslicecopy(${e.type.text}, ${exprFmt(e.len, 0, asWritten)}, ${e.cap ? exprFmt(e.cap, 0, asWritten) : '<nil>'})`;
    case 'MAKEMAP':
    case 'MAKECHAN':
      // gc omits an untyped size; typecheck has usually given it type int already.
      return e.len && !e.len.type.untyped
        ? `make(${e.type.text}, ${exprFmt(e.len, 0, asWritten)})`
        : `make(${e.type.text})`;
    case 'PLUS':
    case 'NEG':
    case 'BITNOT':
    case 'NOT':
    case 'RECV':
    case 'ADDR': {
      const space = e.x.op === e.op ? ' ' : '';
      return `${opName[e.op]}${space}${exprFmt(e.x, nprec + 1, asWritten)}`;
    }
    case 'DEREF':
      return `*${exprFmt(e.x, nprec + 1, asWritten)}`;
    case 'ADD': case 'AND': case 'ANDNOT': case 'DIV': case 'EQ': case 'GE': case 'GT':
    case 'LE': case 'LT': case 'LSH': case 'MOD': case 'MUL': case 'NE': case 'OR':
    case 'RSH': case 'SUB': case 'XOR': case 'ANDAND': case 'OROR':
      return `${exprFmt(e.x, nprec, asWritten)} ${opName[e.op]} ${exprFmt(e.y, nprec + 1, asWritten)}`;
    case 'ADDSTR':
      return e.list.map((x) => exprFmt(x, nprec, asWritten)).join(' + ');
    default:
      // UNSAFESTRING, UNSAFESTRINGDATA, UNSAFESLICEDATA have no exprFmt case in gc.
      return `<node ${opName[e.op] ?? e.op}>`;
  }
}

function composite(t: IrType, nonEmpty: boolean): string {
  return `${t.text}{${nonEmpty ? '...' : ''}}`;
}

// ───────────────────────────────────────────── constants

/**
 * How gc prints a constant of type `t` (ir/fmt.go OLITERAL): a rune as a quoted rune, a
 * value of its kind's default type (or untyped) bare, any other type as `T(v)`.
 */
export function formatConst(value: ConstValue, t: IrType): string {
  if ((t.text === 'rune' || t.text === 'untyped rune') && value.kind === 'int') {
    if (value.value >= 0n && value.value <= 0x10ffffn) return quoteRune(Number(value.value));
  }
  const v = constString(value);
  const defaults: Record<ConstValue['kind'], string> = {
    int: 'int', float: 'float64', complex: 'complex128', string: 'string', bool: 'bool',
  };
  if (t.text === defaults[value.kind] || t.text === `untyped ${value.kind}` || t.untyped) return v;
  return `${t.text}(${v})`;
}

/** go/constant Value.String. */
export function constString(value: ConstValue): string {
  switch (value.kind) {
    case 'bool':
      return value.value ? 'true' : 'false';
    case 'int':
      return value.value.toString();
    case 'float':
      return floatString(value.value);
    case 'complex':
      return `(${floatString(value.re)} + ${floatString(value.im)}i)`;
    case 'string': {
      // Quoted, then cut to 72 runes. Only the string's first 72 characters can show: each
      // quotes to one rune or more, after the opening quote. So a longer string is quoted
      // from that head alone, which cuts the same way: a literal can be a table of many
      // kilobytes, and every literal a package lowers is printed here.
      const maxLen = 72;
      let text = value.value;
      if (text.length > maxLen) {
        let chars = 0;
        let end = 0;
        for (const ch of text) {
          if (chars++ === maxLen) break;
          end += ch.length;
        }
        text = text.slice(0, end);
      }
      const s = quoteString(text);
      const runes = Array.from(s);
      return runes.length > maxLen ? runes.slice(0, maxLen - 3).join('') + '...' : s;
    }
  }
}

/** go/constant floatVal.String: `%.6g`, or `%g` where that would hide a fraction. */
function floatString(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  const s = formatG(x, 6);
  if (!Number.isInteger(x) && !s.includes('.')) return formatG(x, -1);
  return s;
}

/** strconv.FormatFloat(x, 'g', prec, 64); prec -1 is the shortest representation. */
export function formatG(x: number, prec: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const neg = x < 0;
  const a = Math.abs(x);
  // Decimal digits and exponent: toExponential rounds to prec significant digits.
  const e = prec < 0 ? a.toExponential() : a.toExponential(prec - 1);
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(e)!;
  const digits = (m[1]! + (m[2] ?? '')).replace(/0+$/, '') || '0';
  const exp = Number(m[3]);
  const nd = digits.length;
  const dp = exp + 1;
  let eprec = prec < 0 ? 6 : prec;
  if (prec >= 0 && eprec > nd && nd >= dp) eprec = nd;
  let out: string;
  if (exp < -4 || exp >= eprec) {
    const frac = digits.slice(1);
    const es = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : `${Math.abs(exp)}`;
    out = `${digits[0]}${frac ? '.' + frac : ''}e${exp < 0 ? '-' : '+'}${es}`;
  } else if (dp <= 0) {
    out = `0.${'0'.repeat(-dp)}${digits}`;
  } else if (dp >= nd) {
    out = digits + '0'.repeat(dp - nd);
  } else {
    out = `${digits.slice(0, dp)}.${digits.slice(dp)}`;
  }
  return neg ? '-' + out : out;
}

/** strconv.Quote on a string (valid UTF-8 assumed, as JavaScript strings hold it). */
export function quoteString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    // Printable ASCII other than the quote and the backslash stands for itself (isPrint
    // holds for all of it), without the Unicode class test.
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) {
      out += ch;
      continue;
    }
    // A byte that is not valid UTF-8, kept as a lone surrogate (types/constant.ts fromGoBytes).
    if (c >= 0xdc80 && c <= 0xdcff) out += '\\x' + (c - 0xdc00).toString(16).padStart(2, '0');
    else out += quoteChar(c, '"');
  }
  return out + '"';
}

/** strconv.QuoteRune. */
export function quoteRune(r: number): string {
  return `'${quoteChar(r, "'")}'`;
}

function quoteChar(r: number, quote: string): string {
  const c = String.fromCodePoint(r);
  if (c === quote || c === '\\') return '\\' + c;
  if (isPrint(r)) return c;
  switch (r) {
    case 7: return '\\a';
    case 8: return '\\b';
    case 12: return '\\f';
    case 10: return '\\n';
    case 13: return '\\r';
    case 9: return '\\t';
    case 11: return '\\v';
    default:
      if (r < 0x20 || r === 0x7f) return '\\x' + r.toString(16).padStart(2, '0');
      if (r < 0x10000) return '\\u' + r.toString(16).padStart(4, '0');
      return '\\U' + r.toString(16).padStart(8, '0');
  }
}

/** strconv.IsPrint, approximated by Unicode general categories (L, M, N, P, S, and U+0020). */
function isPrint(r: number): boolean {
  if (r === 0x20) return true;
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(String.fromCodePoint(r));
}
