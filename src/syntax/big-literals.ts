// Big composite literals and big blocks parsed apart, so that a table of a megabyte, or a
// generated function of thousands of statements, costs time and memory in proportion to
// its bytes (issue 19: Ohm's memo table and parse tree take some hundreds of bytes per
// token, and index.ts matches a whole top-level declaration at once).
//
// Literals. The elements of a table are nearly always simple: literals, names, selectors,
// unary and binary operators, keys and nested `{...}` lists, with or without a type before
// them. A small recursive-descent reader (ElementReader) accepts exactly those, straight
// from the token tables, and builds the nodes the AST builder would (same kinds, same
// positions, same field order, precedence by the builder's own `climb`). Any other element
// (a call, a function literal) is matched by Ohm on its own, as go.ohm's `element`, and
// built in place: an element ends at a comma or brace outside brackets, and no rule of an
// element reads past those, so it matches alone as it does in the literal. When that fails
// too, the literal is left to Ohm whole.
//
// Blocks. A big `{...}` that is no such literal and holds semicolons outside brackets is
// split into statements there (readStatements), each matched by Ohm alone as `stmt`.
//
// Stand-ins. A literal read so is matched as `{1:1}`, a block as `{;}`: the match string
// shrinks, the builder maps match indices back to file tokens past each stand-in
// (ast-builder.ts StandIns), and its litValue and block actions take the elements or
// statements built here. Parts matched alone get the same treatment inside them (index.ts
// buildRegion recurses), so nesting costs nothing extra. Why the same tree comes out:
// `{1:1}`, like the elements it replaces, is a valid element list and, unlike them, is no
// statement list, struct or interface body or switch body; so every rule reads its `{` as
// the original's except `block`, which now fails there. A block that failed because of it
// makes its statement, and so every enclosing statement up to the function's body, fail; a
// declaration then fails to match (the chunk is re-matched without stand-ins), and a
// function literal lets the parse go on as a function type with a composite literal after
// it, which the builder flags (builtFuncTypeLit): that match too is discarded. `{;}` is a
// valid statement list and nothing else, as are statements with a semicolon between them,
// which no literal, struct, interface or switch body holds. Braces after `struct` and
// `interface` are never taken. Errors never come from here: a chunk that fails with
// stand-ins is matched again without them, and a file that fails is re-matched whole
// (index.ts), as before.

import { climb } from './ast-builder.js';
import type * as A from './ast.js';
import type { TokenStream } from './scanner.js';

/**
 * Tokens between the braces from which a literal or block is read here rather than by
 * Ohm. Below it Ohm's cost is small; tests lower it (ParseOptions) to put every brace
 * through this path.
 */
export const BIG_LITERAL_TOKENS = 256;

/** Counts, for tests and measurements: literals read here, elements of them matched alone. */
export interface BigLiteralStats {
  literals: number;
  elementsMatched: number;
  blocks: number;
}

/**
 * The statements between braces at `open` and `close`, each matched alone, or null. A
 * statement ends at a semicolon outside brackets, except that the headers of `for`, `if`
 * and `switch` hold semicolons too: a part that does not match alone and ends in such a
 * header (one of those keywords, no brace after it) is joined with the next, at most
 * twice (`for a; b; c {`); a part that fails otherwise gives up at once, so a syntax
 * error costs one try per nesting level. A part matched alone is matched as it is in the
 * block: no rule of a statement reads a semicolon outside brackets but those headers, and
 * a header without its body does not match. Content without a semicolon outside brackets
 * is left alone (it is no block of statements; a literal's elements would look like one).
 */
function readStatements(s: string, open: number, close: number, match: (from: number, to: number) => A.Stmt | null): A.Stmt[] | null {
  // the semicolons outside brackets
  const semis: number[] = [];
  let depth = 0;
  for (let i = open + 1; i < close; i++) {
    const c = s[i]!;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ';' && depth === 0) semis.push(i);
  }
  if (semis.length === 0 || depth !== 0) return null;
  semis.push(close);
  const stmts: A.Stmt[] = [];
  let p = open + 1;
  for (let k = 0; k < semis.length; ) {
    if (p === semis[k]) {
      // an empty statement (stmtSemi without one)
      p++;
      k++;
      continue;
    }
    let stmt: A.Stmt | null = null;
    let joined = 0;
    for (; k < semis.length && joined <= 2; k++, joined++) {
      stmt = match(p, semis[k]!);
      if (stmt !== null || !endsInHeader(s, p, semis[k]!)) break;
    }
    if (stmt === null) return null;
    stmts.push(stmt);
    p = semis[k]! + 1;
    k++;
  }
  return stmts;
}

/** Whether tokens [from, to) end inside the header of an if, for or switch statement. */
function endsInHeader(s: string, from: number, to: number): boolean {
  let depth = 0;
  let header = false;
  for (let i = from; i < to; i++) {
    const c = s[i]!;
    if (depth === 0 && (c === 'i' || c === 'f' || c === 'w')) header = true;
    else if (depth === 0 && c === '{') header = false;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return header;
}

/** A literal or block read here: its braces (file token indices) and what is between. */
export interface BigLiteral {
  readonly kind: 'literal' | 'block';
  readonly open: number;
  readonly close: number;
  readonly body: readonly A.Expr[] | readonly A.Stmt[];
}

/**
 * Build the element (statement) in tokens [from, to) by matching it alone, or give null
 * if it does not match (or building it would change the file's build state: index.ts).
 */
export interface PartMatchers {
  element(from: number, to: number): A.Expr | null;
  statement(from: number, to: number): A.Stmt | null;
  /** The size from which braces are read here (BIG_LITERAL_TOKENS). */
  readonly minTokens: number;
  readonly stats?: BigLiteralStats | undefined;
}

/**
 * The big literals and blocks of tokens [from, to) whose elements or statements could be
 * read or matched apart, outermost first: one that could not is searched for big ones
 * inside it.
 */
export function findBigLiterals(tokens: TokenStream, from: number, to: number, matchers: PartMatchers): BigLiteral[] {
  const out: BigLiteral[] = [];
  const minTokens = matchers.minTokens;
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
  const reader = new ElementReader(tokens, matchers.element, matchers.stats);
  for (let i = from; i < to; i++) {
    const close = closeOf[i - from]!;
    if (close < 0 || close - i - 1 < minTokens) continue;
    const before = i > 0 ? s[i - 1] : '';
    if (before === 's' || before === 'N') continue; // struct, interface
    const elems = reader.read(i, close);
    if (elems !== null) {
      out.push({ kind: 'literal', open: i, close, body: elems });
      if (matchers.stats) matchers.stats.literals++;
      i = close;
      continue;
    }
    const stmts = readStatements(s, i, close, matchers.statement);
    if (stmts !== null) {
      out.push({ kind: 'block', open: i, close, body: stmts });
      if (matchers.stats) matchers.stats.blocks++;
      i = close;
    }
  }
  return out;
}

const literalKinds: Readonly<Record<string, A.LitKind>> = { 1: 'int', 2: 'float', 3: 'imag', 4: 'rune', 5: 'string' };
/** go.ohm's binary and unary operators (expr, unaryExpr). */
const binaryOps: ReadonlySet<string> = new Set('oaEQ<l>q+-|^*/%LM&A');
const unaryOps: ReadonlySet<string> = new Set('+-!^*&W~');

/** Reads the elements of one literal, as go.ohm's litValue and the AST builder would. */
class ElementReader {
  private i = 0;
  constructor(
    private readonly tokens: TokenStream,
    private readonly matchElement: PartMatchers['element'],
    private readonly stats: BigLiteralStats | undefined,
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
    if (this.stats) this.stats.elementsMatched++;
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
