// Big composite literals parsed without Ohm, so that a table of a megabyte costs time and
// memory in proportion to its bytes (issue 19: Ohm's memo table and parse tree take some
// hundreds of bytes per token, and a table of 100,000 elements is one declaration chunk).
//
// The elements of a table are nearly always simple: literals, names, selectors, unary and
// binary operators, keys and nested `{...}` lists, with or without a type before them. A
// small recursive-descent reader (ElementReader) accepts exactly those, straight from the
// token tables, and builds the nodes the AST builder would (same kinds, same positions,
// same field order, precedence by the builder's own `climb`). Any other element (a call, a
// function literal) is matched by Ohm on its own, as go.ohm's `element`, and built at its
// place (`matchElement`): an element ends at a comma or brace outside brackets, and no rule
// of an element reads past those, so it matches alone as it does in the literal. When that
// fails too, the literal is left to Ohm whole.
//
// A literal whose elements were read is matched as `{1:1}`, a stand-in of three tokens:
// the chunk's match string shrinks, the builder maps match indices back to file tokens
// past each stand-in (ast-builder.ts StandIns) and its litValue action takes the elements
// read here. Why the same tree comes out: the stand-in, like the elements it replaces, is
// a valid element list, and unlike them it is not a valid statement list, struct or
// interface body or switch body; so every rule reads the stand-in's `{` as the original's
// except `block`, which now fails there. A block that failed because of it makes its
// statement, and so every enclosing statement up to the function's body, fail; a
// declaration then fails to match (the chunk is re-matched without stand-ins), and a
// function literal lets the parse go on as a function type with a composite literal after
// it, which the builder flags (builtFuncTypeLit): that chunk too is re-matched as is.
// Braces after `struct` and `interface` are never taken for literals. Errors never come
// from here: a chunk that fails with stand-ins is matched again without them, and a file
// that fails is re-matched whole (index.ts), as before.

import { climb } from './ast-builder.js';
import type * as A from './ast.js';
import type { TokenStream } from './scanner.js';

/**
 * Tokens between the braces from which a literal is read here rather than by Ohm. Below
 * it Ohm's cost is small; tests lower it to put every literal through this path.
 */
let minTokens = 256;

/** Sets the size from which literals are read here (tests); returns the previous one. */
export function setBigLiteralTokens(n: number): number {
  const was = minTokens;
  minTokens = n;
  return was;
}

/** Counts, for tests and measurements: literals read here, elements of them matched alone. */
export const bigLiteralStats = { literals: 0, elementsMatched: 0 };

/** A literal read here: its braces (file token indices) and its elements. */
export interface BigLiteral {
  readonly open: number;
  readonly close: number;
  readonly elems: A.Expr[];
}

/**
 * The big literals of tokens [from, to) whose elements are simple, outermost first: a
 * literal that is not simple is searched for simple ones inside it.
 */
/**
 * Builds the element in tokens [from, to) by matching it alone, or null if it does not
 * match (or building it would change the file's build state: see index.ts).
 */
export type ElementMatcher = (from: number, to: number) => A.Expr | null;

export function findBigLiterals(tokens: TokenStream, from: number, to: number, matchElement: ElementMatcher): BigLiteral[] {
  const out: BigLiteral[] = [];
  if (to - from < minTokens + 2) return out;
  const s = tokens.chars;
  // the closing brace of every opening one (brackets are balanced in a chunk that parses;
  // in one that does not, a brace without its mate is skipped)
  const closeOf = new Int32Array(to - from).fill(-1);
  const stack: number[] = [];
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 123 /* { */) stack.push(i);
    else if (c === 125 /* } */ && stack.length > 0) closeOf[stack.pop()! - from] = i;
  }
  const reader = new ElementReader(tokens, matchElement);
  for (let i = from; i < to; i++) {
    const close = closeOf[i - from]!;
    if (close < 0 || close - i - 1 < minTokens) continue;
    const before = i > 0 ? s[i - 1] : '';
    if (before === 's' || before === 'N') continue; // struct, interface
    const elems = reader.read(i, close);
    if (elems === null) continue;
    out.push({ open: i, close, elems });
    bigLiteralStats.literals++;
    i = close;
  }
  return out;
}

const literalKinds: Readonly<Record<string, A.LitKind>> = { 1: 'int', 2: 'float', 3: 'imag', 4: 'rune', 5: 'string' };
/** go.ohm's binary and unary operators (expr, unaryExpr). */
const binaryOps = new Set('oaEQ<l>q+-|^*/%LM&A');
const unaryOps = new Set('+-!^*&W~');

/** Reads the elements of one literal, as go.ohm's litValue and the AST builder would. */
class ElementReader {
  private i = 0;
  constructor(
    private readonly tokens: TokenStream,
    private readonly matchElement: ElementMatcher,
  ) {}

  /** The elements between braces at `open` and `close`, or null if one is not simple. */
  read(open: number, close: number): A.Expr[] | null {
    this.i = open;
    const elems = this.list();
    return elems !== null && this.i === close + 1 ? elems : null;
  }

  private pos(tok: number): A.Pos {
    return { line: this.tokens.lines[tok]!, col: this.tokens.cols[tok]! };
  }

  /** `{` elements `}` (litValue: at least one element, a trailing comma allowed). */
  private list(): A.Expr[] | null {
    const s = this.tokens.chars;
    this.i++; // {
    const elems: A.Expr[] = [];
    if (s[this.i] === '}') {
      this.i++;
      return elems;
    }
    for (;;) {
      const e = this.element();
      if (e === null) return null;
      elems.push(e);
      const c = s[this.i];
      if (c === ',') {
        this.i++;
        if (s[this.i] !== '}') continue;
      } else if (c !== '}') return null;
      this.i++; // }
      return elems;
    }
  }

  /** An element read here, or else matched by Ohm alone. */
  private element(): A.Expr | null {
    const from = this.i;
    const simple = this.simpleElement();
    if (simple !== null) return simple;
    // the element ends at the first comma or closing brace outside brackets
    const s = this.tokens.chars;
    let depth = 0;
    let end = from;
    for (; end < s.length; end++) {
      const c = s[end]!;
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (c === ',' || c === ';')) break;
    }
    if (end === from || s[end] === ';' || s[end] === ')' || s[end] === ']' || end === s.length) return null;
    const x = this.matchElement(from, end);
    bigLiteralStats.elementsMatched++;
    this.i = end;
    return x;
  }

  /** A value, or key `:` value, read here. */
  private simpleElement(): A.Expr | null {
    const key = this.value();
    if (key === null || this.tokens.chars[this.i] !== ':') return key;
    const colon = this.i++;
    const value = this.value();
    if (value === null) return null;
    return { kind: 'KeyValueExpr', ...this.pos(colon), key, value } satisfies A.KeyValueExpr;
  }

  /** A `{...}` without a type, or an expression (elemValue). */
  private value(): A.Expr | null {
    if (this.tokens.chars[this.i] !== '{') return this.expr();
    const open = this.i;
    const elems = this.list();
    if (elems === null) return null;
    return { kind: 'CompositeLit', ...this.pos(open), type: null, elems, rbrace: this.pos(this.i - 1) } satisfies A.CompositeLit;
  }

  /** Operands and binary operators, precedence by the builder's climb (expr). */
  private expr(): A.Expr | null {
    const first = this.unary();
    if (first === null) return null;
    const s = this.tokens.chars;
    if (!binaryOps.has(s[this.i]!)) return first;
    const operands = [first];
    const ops: { op: string; pos: A.Pos }[] = [];
    while (binaryOps.has(s[this.i]!)) {
      ops.push({ op: this.tokens.texts[this.i]!, pos: this.pos(this.i) });
      this.i++;
      const y = this.unary();
      if (y === null) return null;
      operands.push(y);
    }
    return climb(operands, ops);
  }

  /** Unary operators, the innermost applied first (unaryExpr). */
  private unary(): A.Expr | null {
    const s = this.tokens.chars;
    const from = this.i;
    while (unaryOps.has(s[this.i]!)) this.i++;
    const opsEnd = this.i;
    let x = this.primary();
    if (x === null) return null;
    for (let k = opsEnd - 1; k >= from; k--) {
      const p = this.pos(k);
      x = s[k] === '*' ? ({ kind: 'StarExpr', ...p, x } satisfies A.StarExpr) : ({ kind: 'UnaryExpr', ...p, op: this.tokens.texts[k] as A.UnaryOp, x } satisfies A.UnaryExpr);
    }
    return x;
  }

  /**
   * A literal or a name, then selectors and `{...}` (primaryExpr); any other suffix (a
   * call, an index, an assertion) is not read here.
   */
  private primary(): A.Expr | null {
    const { chars: s, texts } = this.tokens;
    const tok = this.i;
    const c = s[tok]!;
    let x: A.Expr;
    if (c === 'n') x = { kind: 'Name', ...this.pos(tok), value: texts[tok]! } satisfies A.Name;
    else {
      const litKind = literalKinds[c];
      if (litKind === undefined) return null;
      x = { kind: 'BasicLit', ...this.pos(tok), litKind, value: texts[tok]! } satisfies A.BasicLit;
    }
    this.i++;
    for (;;) {
      const d = this.i;
      if (s[d] === '.' && s[d + 1] === 'n') {
        const sel: A.Name = { kind: 'Name', ...this.pos(d + 1), value: texts[d + 1]! };
        x = { kind: 'SelectorExpr', ...this.pos(d), x, sel } satisfies A.SelectorExpr;
        this.i += 2;
      } else if (s[d] === '{') {
        const elems = this.list();
        if (elems === null) return null;
        x = { kind: 'CompositeLit', ...this.pos(d), type: x, elems, rbrace: this.pos(this.i - 1) } satisfies A.CompositeLit;
      } else return x;
    }
  }
}
