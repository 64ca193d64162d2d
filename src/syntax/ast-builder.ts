// The `ast` semantic operation: Ohm's parse tree of go.ohm → the AST of ast.ts.
//
// Every node gets gc's position (see ast.ts): Ohm positions are token indices, mapped to
// line/column through the scanner's side tables. What gc's parser decides after the fact is
// decided here too (cmd/compile/internal/syntax/parser.go): binary-operator precedence
// (the grammar parses operands and operators as one flat list), the grouping of parameter
// names (`a, b int` versus the types `(a, b)`), `<-chan T` written as a receive applied to a
// channel type, and the `//go:` directives attached to the declaration they precede.

import type * as ohm from 'ohm-js';
import type * as A from './ast.js';
import { cstRoot, type CstNode as N, type Actions } from './cst.js';
import type { Directive, TokenStream } from './scanner.js';
import { goGrammar } from './grammar.js';
import { once } from '../util/once.js';

/** A syntax error found while building (the grammar is more permissive than gc). */
export class BuildError extends Error {
  constructor(
    readonly token: number,
    message: string,
    /** Where gc reports it, when that is not the token's position. */
    readonly at: A.Pos | null = null,
    /** gc prints it without the "syntax error: " prefix. */
    readonly plain = false,
  ) {
    super(message);
  }
}

const precedence: Readonly<Record<string, number>> = {
  '||': 1, '&&': 2,
  '==': 3, '!=': 3, '<': 3, '<=': 3, '>': 3, '>=': 3,
  '+': 4, '-': 4, '|': 4, '^': 4,
  '*': 5, '/': 5, '%': 5, '<<': 5, '>>': 5, '&': 5, '&^': 5,
};

/** Precedence climbing over `x0 op1 x1 op2 x2 ...`, left-associative as in gc's binaryExpr. */
export function climb(operands: A.Expr[], ops: { op: string; pos: A.Pos }[]): A.Expr {
  let i = 0;
  const parse = (minPrec: number): A.Expr => {
    let x = operands[i]!;
    while (i < ops.length && precedence[ops[i]!.op]! > minPrec) {
      const { op, pos: p } = ops[i]!;
      const prec = precedence[op]!;
      i++;
      const y = parseRhs(prec);
      x = { kind: 'BinaryExpr', ...p, op: op as A.BinaryOp, x, y };
    }
    return x;
  };
  const parseRhs = (prec: number): A.Expr => {
    let y = operands[i]!;
    while (i < ops.length && precedence[ops[i]!.op]! > prec) {
      const { op, pos: p } = ops[i]!;
      const p2 = precedence[op]!;
      i++;
      const z = parseRhs(p2);
      y = { kind: 'BinaryExpr', ...p, op: op as A.BinaryOp, x: y, y: z };
    }
    return y;
  };
  return parse(0);
}

/** The state of one file's build: the operation reads it through `current`. */
interface BuildContext {
  readonly filename: string;
  /** Index of the matched chunk's first token in the file (declarations parse one by one). */
  base: number;
  /** The chunk's stand-ins for big literals (big-literals.ts), or null: see setChunkBase. */
  standIns: StandIns | null;
  /** Set when a composite literal of a function type is built (see StandIns). */
  funcTypeLit: boolean;
  readonly tokens: TokenStream;
  readonly directivesAt: Map<number, Directive[]>;
  readonly usedDirectives: Set<Directive>;
  groups: number;
}

export function toPragma(d: Directive): A.Pragma {
  const body = d.text.startsWith('//goesc:') ? d.text.slice(8) : d.text.slice(5);
  const name = body.split(/[ \t]/, 1)[0]!;
  return { line: d.line, col: d.col, text: d.text, name };
}

/** The lines of a file's `struct` and `interface` keywords, ascending (File.typeKeywordLines). */
function typeKeywordLines(tokens: TokenStream): number[] {
  const lines: number[] = [];
  const { texts } = tokens;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if ((t === 'struct' || t === 'interface') && lines[lines.length - 1] !== tokens.lines[i]) lines.push(tokens.lines[i]!);
  }
  return lines;
}

/**
 * What building one chunk changed in the file's build state, so that a chunk's AST can be
 * reused without rebuilding (index.ts ChunkMatchCache): the grouped declarations it
 * counted and the directives it attached, by token index and place in that token's list.
 */
export interface ChunkEffects {
  readonly groups: number;
  readonly directives: readonly (readonly [token: number, index: number])[];
}

/** The build state to compare after a chunk (AstBuilder.chunkEffectsSince). */
export interface ChunkStateMark {
  readonly groups: number;
  readonly used: number;
}

/**
 * How a chunk matched with stand-ins maps back to the file (big-literals.ts): the matched
 * string has each big literal's elements (each big block's statements) replaced by a few
 * tokens, so a match index past a stand-in is `shift` tokens short of the file's; each
 * stand-in's `{` maps to its literal's (block's), whose elements (statements), already
 * built, the litValue (block) action takes from `bodies`.
 */
export interface StandIns {
  /** Match indices (ascending) from which `shifts` applies: each stand-in's closing "}". */
  readonly at: readonly number[];
  /** Tokens to add to a match index at or after `at[k]` (and before `at[k + 1]`). */
  readonly shifts: readonly number[];
  /** The elements of each literal, the statements of each block, by its `{` (file token). */
  readonly bodies: ReadonlyMap<number, readonly unknown[]>;
}

/** What one build of ASTs needs: the Ohm actions and the build context they read. */
export interface AstBuilder {
  /** The build state to compare after a chunk: see chunkEffectsSince. */
  chunkStateMark(): ChunkStateMark;
  /**
   * The effects of the chunk built since `mark` (directives in the order they were used),
   * token indices counted from `base`.
   */
  chunkEffectsSince(mark: ChunkStateMark, base?: number): ChunkEffects;
  /** Undoes what building since `mark` did to the file's build state (a build abandoned). */
  resetChunkState(mark: ChunkStateMark): void;
  /** Replays a reused chunk's effects on this file's build state, its tokens counted from `base`. */
  replayChunkEffects(e: ChunkEffects, base?: number): void;
  /** The number of grouped declarations counted so far (part of a reusable chunk's key). */
  groupsSoFar(): number;
  /** The AST of a successful match of go.ohm (a chunk, or a whole file). */
  build(match: ohm.MatchResult): unknown;
  /** Run `fn` with the build context of one file (the actions read it). */
  withContext<T>(filename: string, tokens: TokenStream, fn: () => T): T;
  /**
   * Build positions relative to the chunk starting at token `base`, matched with
   * `standIns` in place of its big literals' elements, if given.
   */
  setChunkBase(base: number, standIns?: StandIns | null): void;
  /** Whether a composite literal of a function type was built since the last setChunkBase. */
  builtFuncTypeLit(): boolean;
  assembleFile(header: unknown, decls: readonly A.Decl[]): A.File;
}

/**
 * A builder of its own: the build context (the file, its tokens, the chunk being built) lives
 * in this closure, one per parse, never in the module.
 */
/**
 * The grammar's header variants (simpleStmtH, exprH_call, ...) and the plain rules whose
 * actions build them (simpleStmt, expr_call, ...), except `suffixH_complit`: in a header
 * `T{` is no composite literal. Read from the grammar's rule names once, not per build: a
 * build (one per file parsed, and one per std function body parsed alone) spent most of its
 * set-up working this out again (measured 3.6% of a parse's self time, node --cpu-prof).
 */
const headerVariants = once((): readonly (readonly [variant: string, plain: string])[] => {
  const rules = ['simpleStmt', 'simpleTail', 'exprList', 'expr', 'unaryExpr', 'primaryExpr', 'suffix'];
  const out: [string, string][] = [];
  for (const name of Object.keys(goGrammar().rules)) {
    const m = /^([A-Za-z]+)H(?:_([A-Za-z0-9]+))?$/.exec(name);
    if (!m || !rules.includes(m[1]!) || name === 'suffixH_complit') continue;
    out.push([name, m[2] ? `${m[1]}_${m[2]}` : m[1]!]);
  }
  return out;
});

export function createAstBuilder(): AstBuilder {
  let current!: BuildContext;

  /** A node's first token and the token after it, as indices into the whole file's tokens. */
  const tokenAt = (idx: number): number => {
    const s = current.standIns;
    if (s === null || idx < s.at[0]!) return current.base + idx;
    // the last stand-in at or before idx (binary search: a chunk may hold many)
    let lo = 0;
    let hi = s.at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s.at[mid]! <= idx) lo = mid;
      else hi = mid - 1;
    }
    return current.base + idx + s.shifts[lo]!;
  };
  const start = (n: N): number => tokenAt(n.startIdx);
  const end = (n: N): number => tokenAt(n.endIdx);
  const posAt = (tok: number): A.Pos => ({ line: current.tokens.lines[tok]!, col: current.tokens.cols[tok]! });
  const pos = (n: N): A.Pos => posAt(start(n));
  const textOf = (n: N): string => current.tokens.texts[start(n)]!;
  const opt = <T>(n: N): T | null => (n.children.length > 0 ? (n.children[0]!.ast() as T) : null);
  const list = <T>(n: N): T[] => n.children.map((c) => c.ast() as T);

  interface ParamEntry {
    readonly name: A.Name | null;
    readonly type: A.Expr;
    readonly tok: number;
  }

  /**
   * Where a type's text begins: an unnamed parameter or result sits there (gc's parser
   * places the Field at the token that starts it), while `pkg.T` and `G[int]` themselves
   * sit at their `.` and `[`.
   */
  function typeStart(t: A.Expr): { line: number; col: number } {
    return t.kind === 'SelectorExpr' || t.kind === 'IndexExpr' ? typeStart(t.x) : { line: t.line, col: t.col };
  }

  /** gc's paramList: if any parameter is named, the bare ones before a type are names too. */
  function groupParams(entries: readonly ParamEntry[], closeTok: number): A.Field[] {
    const named = entries.some((e) => e.name !== null);
    if (!named) {
      return entries.map((e) => ({ kind: 'Field', ...typeStart(e.type), names: [], type: e.type, tag: null, embedded: false }));
    }
    const fields: A.Field[] = [];
    let pending: A.Name[] = [];
    for (const e of entries) {
      if (e.name === null) {
        if (e.type.kind !== 'Name') {
          throw new BuildError(e.tok, 'syntax error: mixed named and unnamed parameters');
        }
        pending.push(e.type);
        continue;
      }
      const names = [...pending, e.name];
      fields.push({ kind: 'Field', line: names[0]!.line, col: names[0]!.col, names, type: e.type, tag: null, embedded: false });
      pending = [];
    }
    if (pending.length > 0) throw new BuildError(closeTok, 'syntax error: mixed named and unnamed parameters');
    return fields;
  }

  function pragmasFor(startTok: number, keywordTok: number | null): A.Pragma[] {
    const found: Directive[] = [];
    for (const t of keywordTok === null ? [startTok] : [keywordTok, startTok]) {
      const ds = current.directivesAt.get(t);
      if (ds) for (const d of ds) if (!current.usedDirectives.has(d)) found.push(d);
    }
    for (const d of found) current.usedDirectives.add(d);
    return found.map(toPragma);
  }


  function exprStmtOrError(lhs: A.Expr[], afterTok: number): A.ExprStmt {
    if (lhs.length !== 1) throw new BuildError(afterTok, 'expected := or = or comma');
    const x = lhs[0]!;
    return { kind: 'ExprStmt', line: x.line, col: x.col, x };
  }

  type Suffix = (x: A.Expr) => A.Expr;

  /** The unary operator `opNode` applied to `x` (gc's unaryExpr). */
  function unary(opNode: N, x: A.Expr): A.Expr {
    const op = textOf(opNode);
    const p = pos(opNode);
    if (op === '*') return { kind: 'StarExpr', ...p, x } satisfies A.StarExpr;
    if (op === '<-' && x.kind === 'ChanType' && x.dir === 'both') {
      // `<-chan T` in an expression is a receive-only channel type, not a receive
      return { kind: 'ChanType', ...p, dir: 'recv', elem: x.elem } satisfies A.ChanType;
    }
    return { kind: 'UnaryExpr', ...p, op: op as A.UnaryOp, x } satisfies A.UnaryExpr;
  }

  /** gc's callStmt: the operand of go/defer must be a call (parentheses allowed). */
  function callOnly(n: N, what: string): A.Expr {
    const x = n.ast() as A.Expr;
    let inner = x;
    while (inner.kind === 'ParenExpr') inner = inner.x;
    if (inner.kind !== 'CallExpr') throw new BuildError(start(n), `expression in ${what} must be function call`, inner, true);
    return x;
  }

  /** A header's condition: gc parses a simple statement and rejects all but expressions. */
  function headerCond(stmtNode: N, _what: string): A.Expr {
    const s = stmtNode.ast() as A.SimpleStmt;
    if (s.kind === 'ExprStmt') return s.x;
    throw new BuildError(start(stmtNode), `syntax error: cannot use ${sourceText(stmtNode)} as value`, s);
  }

  /** The tokens of a node as gc's printer would space them (good for short statements). */
  function sourceText(n: N): string {
    const { texts } = current.tokens;
    const parts: string[] = [];
    for (let i = start(n); i < end(n); i++) {
      const t = texts[i]!;
      const prev = parts.length > 0 ? parts[parts.length - 1]! : '';
      if (parts.length > 0 && !/^[,)\].]$/.test(t) && !/[([.]$/.test(prev)) parts.push(' ');
      parts.push(t);
    }
    return parts.join('');
  }

  /** Spec actions get their group and iota from the declaration that contains them. */
  interface SpecInfo {
    group: number | null;
    iota: number;
    keywordTok: number | null;
  }
  let specInfo: SpecInfo = { group: null, iota: 0, keywordTok: null };

  function declBody(body: N, keywordTok: number): A.Decl[] {
    const inner = body.children[0]!;
    if (inner.ctorName.endsWith('_single')) {
      specInfo = { group: null, iota: 0, keywordTok };
      return [inner.children[0]!.ast() as A.Decl];
    }
    const group = ++current.groups;
    // `( specs )`: children "(", group, ")"; group: (spec semi)* spec?
    const groupNode = inner.children[1]!;
    const specs: N[] = [...groupNode.children[0]!.children, ...groupNode.children[2]!.children];
    return specs.map((s, iota) => {
      specInfo = { group, iota, keywordTok: null };
      return s.ast() as A.Decl;
    });
  }

  const actions: Actions = {
    file(header, tops, _end) {
      return assembleFile(header.ast() as Header, tops.ast() as A.Decl[]);
    },
    header(pkg, name, _semi, imports) {
      return { pos: pos(pkg), pkgName: name.ast() as A.Name, imports: imports.ast() as A.Decl[] } satisfies Header;
    },
    headerChunk(header, _end) {
      return header.ast();
    },
    declChunk(decl, _semi, _end) {
      return decl.ast();
    },
    importDecls(decls, _semis) {
      return decls.children.flatMap((d) => d.ast() as A.Decl[]);
    },
    topDecls(decls, _ends) {
      return decls.children.flatMap((d) => d.ast() as A.Decl[]);
    },
    importDecl(kw, body) {
      return declBody(body, start(kw));
    },
    importSpec(localName, path) {
      const ln = localName.children[0];
      const local: A.Name | null = ln ? { kind: 'Name', ...pos(ln), value: textOf(ln) } : null;
      return {
        kind: 'ImportDecl',
        ...(local ? { line: local.line, col: local.col } : pos(path)),
        localName: local,
        path: path.ast() as A.BasicLit,
        group: specInfo.group,
      } satisfies A.ImportDecl;
    },
    topDecl(d) {
      const x = d.ast();
      return Array.isArray(x) ? x : [x];
    },
    constDecl(kw, body) {
      return declBody(body, start(kw));
    },
    varDecl(kw, body) {
      return declBody(body, start(kw));
    },
    typeDecl(kw, body) {
      return declBody(body, start(kw));
    },
    constSpec(names, type, _eq, values) {
      const info = specInfo;
      const ns = names.ast() as A.Name[];
      const typeNode = type.children[0]?.children[0];
      return {
        kind: 'ConstDecl',
        line: ns[0]!.line,
        col: ns[0]!.col,
        names: ns,
        type: typeNode ? (typeNode.ast() as A.Expr) : null,
        values: values.children.length > 0 ? (values.children[0]!.ast() as A.Expr[]) : [],
        iota: info.iota,
        group: info.group,
        pragmas: pragmasFor(start(names), info.keywordTok),
      } satisfies A.ConstDecl;
    },
    varSpec(names, tail) {
      const info = specInfo;
      const ns = names.ast() as A.Name[];
      const { type, values } = tail.ast() as { type: A.Expr | null; values: A.Expr[] };
      return {
        kind: 'VarDecl',
        line: ns[0]!.line,
        col: ns[0]!.col,
        names: ns,
        type,
        values,
        group: info.group,
        pragmas: pragmasFor(start(names), info.keywordTok),
      } satisfies A.VarDecl;
    },
    varSpecTail_values(_eq, values) {
      return { type: null, values: values.ast() };
    },
    varSpecTail_typed(type, _eq, values) {
      return { type: type.ast(), values: values.children.length > 0 ? values.children[0]!.ast() : [] };
    },
    typeSpec(name, tparams, eq, type) {
      const info = specInfo;
      const n = name.ast() as A.Name;
      return {
        kind: 'TypeDecl',
        line: n.line,
        col: n.col,
        name: n,
        typeParams: opt<A.Field[]>(tparams) ?? [],
        alias: eq.children.length > 0,
        type: type.ast() as A.Expr,
        group: info.group,
        pragmas: pragmasFor(start(name), info.keywordTok),
      } satisfies A.TypeDecl;
    },
    funcDecl(kw, recv, name, tparams, sig, body) {
      const n = name.ast() as A.Name;
      const s = sig.ast() as { params: A.Field[]; results: A.Field[] };
      const recvFields = opt<A.Field[]>(recv);
      if (recvFields !== null && recvFields.length !== 1) {
        throw new BuildError(start(recv), recvFields.length === 0 ? 'method has no receiver' : 'method has multiple receivers');
      }
      return {
        kind: 'FuncDecl',
        line: n.line,
        col: n.col,
        recv: recvFields ? recvFields[0]! : null,
        name: n,
        type: { kind: 'FuncType', ...pos(kw), typeParams: opt<A.Field[]>(tparams) ?? [], params: s.params, results: s.results },
        body: opt<A.BlockStmt>(body),
        pragmas: pragmasFor(start(kw), null),
      } satisfies A.FuncDecl;
    },
    typeParams(_l, first, _commas, rest, _comma, _r) {
      return [first.ast() as A.Field, ...list<A.Field>(rest)];
    },
    typeParamDecl(names, constraint) {
      const ns = names.ast() as A.Name[];
      return { kind: 'Field', line: ns[0]!.line, col: ns[0]!.col, names: ns, type: constraint.ast() as A.Expr, tag: null, embedded: false } satisfies A.Field;
    },
    signature(params, result) {
      return { params: params.ast(), results: opt<A.Field[]>(result) ?? [] };
    },
    result(r) {
      const x = r.ast();
      if (Array.isArray(x)) return x;
      const t = x as A.Expr;
      return [{ kind: 'Field', ...typeStart(t), names: [], type: t, tag: null, embedded: false } satisfies A.Field];
    },
    parameters(_l, plist, r) {
      const entries = opt<ParamEntry[]>(plist) ?? [];
      return groupParams(entries, start(r));
    },
    paramList(first, _commas, rest, _comma) {
      return [first.ast() as ParamEntry, ...list<ParamEntry>(rest)];
    },
    paramDecl_named(name, type) {
      return { name: name.ast() as A.Name, type: type.ast() as A.Expr, tok: start(name) } satisfies ParamEntry;
    },
    paramDecl_anon(type) {
      return { name: null, type: type.ast() as A.Expr, tok: start(type) } satisfies ParamEntry;
    },
    paramType_variadic(dots, type) {
      return { kind: 'DotsType', ...pos(dots), elem: type.ast() as A.Expr } satisfies A.DotsType;
    },
    identList(first, _commas, rest) {
      return [first.ast() as A.Name, ...list<A.Name>(rest)];
    },

    // ───────────────────────── types

    type_named(name, args) {
      const x = name.ast() as A.Expr;
      const a = args.children[0];
      return a ? ({ kind: 'IndexExpr', ...pos(a), x, indices: a.ast() as A.Expr[] } satisfies A.IndexExpr) : x;
    },
    type_paren(_l, t, _r) {
      return t.ast();
    },
    typeName(first, dots, second) {
      const x = first.ast() as A.Name;
      const d = dots.children[0];
      if (!d) return x;
      return { kind: 'SelectorExpr', ...pos(d), x, sel: second.children[0]!.ast() as A.Name } satisfies A.SelectorExpr;
    },
    typeArgs(_l, first, _commas, rest, _comma, _r) {
      return [first.ast() as A.Expr, ...list<A.Expr>(rest)];
    },
    arrayType(l, len, _r, elem) {
      const isDots = current.tokens.chars[start(len)] === 'T' && end(len) === start(len) + 1;
      return {
        kind: 'ArrayType',
        ...pos(l),
        len: isDots ? null : (len.ast() as A.Expr),
        dots: isDots,
        elem: elem.ast() as A.Expr,
      } satisfies A.ArrayType;
    },
    sliceType(l, _r, elem) {
      return { kind: 'SliceType', ...pos(l), elem: elem.ast() as A.Expr } satisfies A.SliceType;
    },
    pointerType(star, elem) {
      return { kind: 'StarExpr', ...pos(star), x: elem.ast() as A.Expr } satisfies A.StarExpr;
    },
    funcType(kw, sig) {
      const s = sig.ast() as { params: A.Field[]; results: A.Field[] };
      return { kind: 'FuncType', ...pos(kw), typeParams: [], params: s.params, results: s.results } satisfies A.FuncType;
    },
    mapType(kw, _l, key, _r, value) {
      return { kind: 'MapType', ...pos(kw), key: key.ast() as A.Expr, value: value.ast() as A.Expr } satisfies A.MapType;
    },
    chanType_send(kw, _arrow, elem) {
      return { kind: 'ChanType', ...pos(kw), dir: 'send', elem: elem.ast() as A.Expr } satisfies A.ChanType;
    },
    chanType_both(kw, elem) {
      return { kind: 'ChanType', ...pos(kw), dir: 'both', elem: elem.ast() as A.Expr } satisfies A.ChanType;
    },
    chanType_recv(arrow, _kw, elem) {
      return { kind: 'ChanType', ...pos(arrow), dir: 'recv', elem: elem.ast() as A.Expr } satisfies A.ChanType;
    },
    structType(kw, _l, fields, _r) {
      return { kind: 'StructType', ...pos(kw), fields: fields.ast() as A.Field[] } satisfies A.StructType;
    },
    fieldList(fields, _semis, last) {
      return [...list<A.Field>(fields), ...list<A.Field>(last)];
    },
    fieldDecl_embedded(field, tag) {
      const type = field.ast() as A.Expr;
      return { kind: 'Field', line: type.line, col: type.col, names: [], type, tag: opt<A.BasicLit>(tag), embedded: true } satisfies A.Field;
    },
    fieldDecl_named(names, type, tag) {
      const ns = names.ast() as A.Name[];
      return { kind: 'Field', line: ns[0]!.line, col: ns[0]!.col, names: ns, type: type.ast() as A.Expr, tag: opt<A.BasicLit>(tag), embedded: false } satisfies A.Field;
    },
    embeddedField(star, name, args, _look) {
      let x = name.ast() as A.Expr;
      const a = args.children[0];
      if (a) x = { kind: 'IndexExpr', ...pos(a), x, indices: a.ast() as A.Expr[] } satisfies A.IndexExpr;
      const s = star.children[0];
      return s ? ({ kind: 'StarExpr', ...pos(s), x } satisfies A.StarExpr) : x;
    },
    tag(s) {
      return s.ast();
    },
    interfaceType(kw, _l, elems, _r) {
      return { kind: 'InterfaceType', ...pos(kw), elems: elems.ast() as A.Field[] } satisfies A.InterfaceType;
    },
    interfaceElems(elems, _semis, last) {
      return [...list<A.Field>(elems), ...list<A.Field>(last)];
    },
    interfaceElem_method(name, sig) {
      const n = name.ast() as A.Name;
      const s = sig.ast() as { params: A.Field[]; results: A.Field[] };
      const type: A.FuncType = { kind: 'FuncType', ...pos(name), typeParams: [], params: s.params, results: s.results };
      return { kind: 'Field', line: n.line, col: n.col, names: [n], type, tag: null, embedded: false } satisfies A.Field;
    },
    interfaceElem_embed(elem) {
      const type = elem.ast() as A.Expr;
      return { kind: 'Field', line: type.line, col: type.col, names: [], type, tag: null, embedded: true } satisfies A.Field;
    },
    typeElem(first, bars, rest) {
      let x = first.ast() as A.Expr;
      rest.children.forEach((r, k) => {
        x = { kind: 'BinaryExpr', ...pos(bars.children[k]!), op: '|', x, y: r.ast() as A.Expr } satisfies A.BinaryExpr;
      });
      return x;
    },
    typeTerm_tilde(t, type) {
      return { kind: 'UnaryExpr', ...pos(t), op: '~', x: type.ast() as A.Expr } satisfies A.UnaryExpr;
    },

    // ───────────────────────── statements

    block(l, stmts, r) {
      const open = start(l);
      const built = current.standIns?.bodies.get(open) as A.Stmt[] | undefined;
      return { kind: 'BlockStmt', ...posAt(open), stmts: built ?? (stmts.ast() as A.Stmt[]), rbrace: pos(r) } satisfies A.BlockStmt;
    },
    stmtList(stmts, last) {
      const out: A.Stmt[] = [];
      for (const s of stmts.children) {
        const x = s.ast() as A.Stmt | null;
        if (x) out.push(x);
      }
      const l = opt<A.Stmt>(last);
      if (l) out.push(l);
      return out;
    },
    stmtSemi(stmt, _semi) {
      return opt<A.Stmt>(stmt);
    },
    stmt_keyword(_lookahead, s) {
      return s.ast();
    },
    declStmt(d) {
      const decls = d.ast() as (A.ConstDecl | A.VarDecl | A.TypeDecl)[];
      return { kind: 'DeclStmt', ...pos(d), decls } satisfies A.DeclStmt;
    },
    labeledStmt(name, colon, stmt) {
      const s = opt<A.Stmt>(stmt);
      const after = end(colon);
      return {
        kind: 'LabeledStmt',
        ...pos(name),
        label: name.ast() as A.Name,
        stmt: s ?? ({ kind: 'EmptyStmt', ...posAt(after) } satisfies A.EmptyStmt),
      } satisfies A.LabeledStmt;
    },
    goStmt(kw, call) {
      return { kind: 'GoStmt', ...pos(kw), call: callOnly(call, 'go') } satisfies A.GoStmt;
    },
    deferStmt(kw, call) {
      return { kind: 'DeferStmt', ...pos(kw), call: callOnly(call, 'defer') } satisfies A.DeferStmt;
    },
    returnStmt(kw, results) {
      return { kind: 'ReturnStmt', ...pos(kw), results: opt<A.Expr[]>(results) ?? [] } satisfies A.ReturnStmt;
    },
    breakStmt(kw, label) {
      return { kind: 'BranchStmt', ...pos(kw), tok: 'break', label: opt<A.Name>(label) } satisfies A.BranchStmt;
    },
    continueStmt(kw, label) {
      return { kind: 'BranchStmt', ...pos(kw), tok: 'continue', label: opt<A.Name>(label) } satisfies A.BranchStmt;
    },
    gotoStmt(kw, label) {
      return { kind: 'BranchStmt', ...pos(kw), tok: 'goto', label: label.ast() as A.Name } satisfies A.BranchStmt;
    },
    fallthroughStmt(kw) {
      return { kind: 'BranchStmt', ...pos(kw), tok: 'fallthrough', label: null } satisfies A.BranchStmt;
    },
    simpleStmt(lhsNode, tail) {
      const lhs = lhsNode.ast() as A.Expr[];
      const t = tail.children[0];
      if (!t) return exprStmtOrError(lhs, end(lhsNode));
      const alt = t.children[0]!;
      const opTok = alt.children[0]!;
      const p = pos(opTok);
      switch (alt.ctorName.replace('H_', '_')) {
        case 'simpleTail_define':
        case 'simpleTail_assign':
        case 'simpleTail_opAssign': {
          const op = textOf(opTok) as A.AssignOp;
          if (op !== '=' && op !== ':=' && lhs.length !== 1) throw new BuildError(start(opTok), `syntax error: unexpected ${op}, expected := or = or comma`);
          return { kind: 'AssignStmt', ...p, op, lhs, rhs: alt.children[1]!.ast() as A.Expr[] } satisfies A.AssignStmt;
        }
        case 'simpleTail_inc':
        case 'simpleTail_dec':
          if (lhs.length !== 1) throw new BuildError(start(opTok), `syntax error: unexpected ${textOf(opTok)}, expected := or = or comma`);
          return { kind: 'IncDecStmt', ...p, op: textOf(opTok) as '++' | '--', x: lhs[0]! } satisfies A.IncDecStmt;
        default: // send
          if (lhs.length !== 1) throw new BuildError(start(opTok), 'syntax error: unexpected <-, expected := or = or comma');
          return { kind: 'SendStmt', ...p, chan: lhs[0]!, value: alt.children[1]!.ast() as A.Expr } satisfies A.SendStmt;
      }
    },
    ifStmt(kw, header, then, elseBranch) {
      const h = header.ast() as { init: A.SimpleStmt | null; cond: A.Expr };
      return { kind: 'IfStmt', ...pos(kw), init: h.init, cond: h.cond, then: then.ast() as A.BlockStmt, else: opt<A.IfStmt | A.BlockStmt>(elseBranch) } satisfies A.IfStmt;
    },
    ifHeader_init(init, _semi, cond) {
      const c = cond.children[0];
      if (!c) throw new BuildError(start(cond), 'syntax error: missing condition in if statement');
      return { init: opt<A.SimpleStmt>(init), cond: headerCond(c, 'if') };
    },
    ifHeader_plain(stmt) {
      return { init: null, cond: headerCond(stmt, 'if') };
    },
    ifHeader_missing(brace) {
      throw new BuildError(start(brace), 'syntax error: missing condition in if statement');
    },
    elseBranch(_kw, s) {
      return s.ast();
    },
    switchStmt(kw, init, guard, _l, clauses, r) {
      const i = init.children[0] ? (init.children[0].ast() as A.SimpleStmt | null) : null;
      const g = guard.children[0]!;
      const body = list<A.CaseClause>(clauses);
      if (g.ctorName === 'typeSwitchGuard') {
        const tg = g.ast() as { bind: A.Name | null; x: A.Expr; guard: A.Pos };
        return { kind: 'TypeSwitchStmt', ...pos(kw), init: i, bind: tg.bind, x: tg.x, guard: tg.guard, body, rbrace: pos(r) } satisfies A.TypeSwitchStmt;
      }
      return { kind: 'SwitchStmt', ...pos(kw), init: i, tag: opt<A.Expr>(g), body, rbrace: pos(r) } satisfies A.SwitchStmt;
    },
    switchInit(stmt, _semi) {
      return opt<A.SimpleStmt>(stmt);
    },
    typeSwitchGuard(name, _define, x, dot, _l, _type, _r) {
      return { bind: opt<A.Name>(name), x: x.ast(), guard: pos(dot) };
    },
    caseClause(head, colon, body) {
      return { kind: 'CaseClause', ...pos(head), list: head.ast() as A.Expr[] | null, body: body.ast() as A.Stmt[], colon: pos(colon) } satisfies A.CaseClause;
    },
    caseHead_case(_kw, exprs) {
      return exprs.ast();
    },
    caseHead_default(_kw) {
      return null;
    },
    selectStmt(kw, _l, clauses, r) {
      return { kind: 'SelectStmt', ...pos(kw), body: list<A.CommClause>(clauses), rbrace: pos(r) } satisfies A.SelectStmt;
    },
    commClause(head, colon, body) {
      return { kind: 'CommClause', ...pos(head), comm: head.ast() as A.SimpleStmt | null, body: body.ast() as A.Stmt[], colon: pos(colon) } satisfies A.CommClause;
    },
    commHead_case(_kw, stmt) {
      return stmt.ast();
    },
    commHead_default(_kw) {
      return null;
    },
    forStmt(kw, header, body) {
      const b = body.ast() as A.BlockStmt;
      const h = opt<ForHeader>(header);
      if (h && h.kind === 'range') {
        return { kind: 'RangeStmt', ...pos(kw), key: h.key, value: h.value, define: h.define, x: h.x, range: h.rangePos, body: b } satisfies A.RangeStmt;
      }
      return { kind: 'ForStmt', ...pos(kw), init: h?.init ?? null, cond: h?.cond ?? null, post: h?.post ?? null, body: b } satisfies A.ForStmt;
    },
    forHeader_three(init, _s1, cond, _s2, post) {
      const p = opt<A.SimpleStmt>(post);
      if (p && p.kind === 'AssignStmt' && p.op === ':=') throw new BuildError(start(post), 'syntax error: cannot declare in post statement of for loop', p);
      return { kind: 'three', init: opt<A.SimpleStmt>(init), cond: opt<A.Expr>(cond), post: p } satisfies ForHeader;
    },
    forHeader_cond(cond) {
      return { kind: 'three', init: null, cond: cond.ast() as A.Expr, post: null } satisfies ForHeader;
    },
    rangeClause(lhs, kw, x) {
      const l = opt<{ list: A.Expr[]; define: boolean }>(lhs);
      if (l && l.list.length > 2) throw new BuildError(start(lhs), 'range clause permits at most two iteration variables');
      return { kind: 'range', key: l?.list[0] ?? null, value: l?.list[1] ?? null, define: l?.define ?? false, x: x.ast() as A.Expr, rangePos: pos(kw) } satisfies ForHeader;
    },
    rangeLhs(exprs, op) {
      return { list: exprs.ast(), define: textOf(op) === ':=' };
    },

    // ───────────────────────── expressions

    exprList(first, _commas, rest) {
      return [first.ast() as A.Expr, ...list<A.Expr>(rest)];
    },
    expr(first, ops, rest) {
      const x = first.ast() as A.Expr;
      if (ops.children.length === 0) return x;
      const operands = [x, ...list<A.Expr>(rest)];
      return climb(operands, ops.children.map((o) => ({ op: textOf(o), pos: pos(o) })));
    },
    unaryExpr(ops, operand) {
      let x = operand.ast() as A.Expr;
      for (let k = ops.children.length - 1; k >= 0; k--) x = unary(ops.children[k]!, x);
      return x;
    },
    primaryExpr(operand, _lookaheads, suffixes) {
      let x = operand.ast() as A.Expr;
      for (const s of suffixes.children) x = (s.ast() as Suffix)(x);
      return x;
    },
    suffix_selector(dot, name): Suffix {
      const p = pos(dot);
      const sel = name.ast() as A.Name;
      return (x) => ({ kind: 'SelectorExpr', ...p, x, sel });
    },
    suffix_assert(dot, _l, type, _r): Suffix {
      const p = pos(dot);
      const t = type.ast() as A.Expr;
      return (x) => ({ kind: 'AssertExpr', ...p, x, type: t });
    },
    suffix_slice(l, indices, _r): Suffix {
      const p = pos(l);
      const ix = indices.ast() as { low: A.Expr | null; high: A.Expr | null; max: A.Expr | null; full: boolean };
      return (x) => ({ kind: 'SliceExpr', ...p, x, ...ix });
    },
    sliceIndices(low, _c1, high, c2, max) {
      const full = c2.children.length > 0;
      const maxNode = full ? max.children[0]! : null;
      const m = maxNode && maxNode.children.length > 0 ? (maxNode.children[0]!.ast() as A.Expr) : null;
      const h = opt<A.Expr>(high);
      if (full && (h === null || m === null)) {
        throw new BuildError(h === null ? start(high) : end(c2), h === null ? 'middle index required in 3-index slice' : 'final index required in 3-index slice');
      }
      return { low: opt<A.Expr>(low), high: h, max: m, full };
    },
    suffix_index(l, exprs, _comma, _r): Suffix {
      const p = pos(l);
      const indices = exprs.ast() as A.Expr[];
      return (x) => ({ kind: 'IndexExpr', ...p, x, indices });
    },
    suffix_call(l, args, _r): Suffix {
      const p = pos(l);
      const a = opt<{ args: A.Expr[]; hasDots: boolean }>(args) ?? { args: [], hasDots: false };
      return (fun) => ({ kind: 'CallExpr', ...p, fun, args: a.args, hasDots: a.hasDots });
    },
    callArgs(exprs, dots, _comma) {
      return { args: exprs.ast(), hasDots: dots.children.length > 0 };
    },
    suffix_complit(value): Suffix {
      const v = value.ast() as { pos: A.Pos; elems: A.Expr[]; rbrace: A.Pos };
      return (type) => {
        if (type.kind === 'FuncType') current.funcTypeLit = true;
        return { kind: 'CompositeLit', ...v.pos, type, elems: v.elems, rbrace: v.rbrace };
      };
    },
    operand_complit(type, value) {
      const v = value.ast() as { pos: A.Pos; elems: A.Expr[]; rbrace: A.Pos };
      return { kind: 'CompositeLit', ...v.pos, type: type.ast() as A.Expr, elems: v.elems, rbrace: v.rbrace } satisfies A.CompositeLit;
    },
    operand_paren(l, x, _r) {
      return { kind: 'ParenExpr', ...pos(l), x: x.ast() as A.Expr } satisfies A.ParenExpr;
    },
    litType_dotsArray(l, _dots, _r, elem) {
      return { kind: 'ArrayType', ...pos(l), len: null, dots: true, elem: elem.ast() as A.Expr } satisfies A.ArrayType;
    },
    funcLit(kw, sig, body) {
      const s = sig.ast() as { params: A.Field[]; results: A.Field[] };
      const p = pos(kw);
      return {
        kind: 'FuncLit',
        ...p,
        type: { kind: 'FuncType', ...p, typeParams: [], params: s.params, results: s.results },
        body: body.ast() as A.BlockStmt,
      } satisfies A.FuncLit;
    },
    litValue(l, elems, r) {
      const open = start(l);
      const built = current.standIns?.bodies.get(open) as A.Expr[] | undefined;
      return { pos: posAt(open), elems: built ?? opt<A.Expr[]>(elems) ?? [], rbrace: pos(r) };
    },
    elemList(first, _commas, rest, _comma) {
      return [first.ast() as A.Expr, ...list<A.Expr>(rest)];
    },
    element_keyed(key, colon, value) {
      return { kind: 'KeyValueExpr', ...pos(colon), key: key.ast() as A.Expr, value: value.ast() as A.Expr } satisfies A.KeyValueExpr;
    },
    elemValue(v) {
      const x = v.ast() as A.Expr | { pos: A.Pos; elems: A.Expr[]; rbrace: A.Pos };
      if ('kind' in x) return x;
      return { kind: 'CompositeLit', ...x.pos, type: null, elems: x.elems, rbrace: x.rbrace } satisfies A.CompositeLit;
    },
    literal(t) {
      const c = current.tokens.chars[start(t)]!;
      const litKind: A.LitKind = c === '1' ? 'int' : c === '2' ? 'float' : c === '3' ? 'imag' : c === '4' ? 'rune' : 'string';
      return { kind: 'BasicLit', ...pos(t), litKind, value: textOf(t) } satisfies A.BasicLit;
    },
    str(t) {
      return { kind: 'BasicLit', ...pos(t), litKind: 'string', value: textOf(t) } satisfies A.BasicLit;
    },
    // A name is the terminal "n" where it appears (go.ohm: a rule `name` cost a memoized
    // application per name, the most frequent token); any other terminal gives its text.
    _terminal(t) {
      const tok = start(t);
      if (end(t) === tok + 1 && current.tokens.chars[tok] === 'n') return { kind: 'Name', ...posAt(tok), value: current.tokens.texts[tok]! } satisfies A.Name;
      return current.tokens.chars.slice(tok, end(t));
    },
    _iter(...children) {
      return children.map((c) => c.ast());
    },
  };

  const astActions: Actions = actions;
  for (const [variant, plain] of headerVariants()) {
    const action = actions[plain];
    if (action !== undefined) astActions[variant] = action;
  }

  interface Header {
    readonly pos: A.Pos;
    readonly pkgName: A.Name;
    readonly imports: readonly A.Decl[];
  }

  /** The File node, once the header and all declarations are built. */
  function assembleFile(header: Header, decls: readonly A.Decl[]): A.File {
    const pragmas = current.tokens.directives.filter((d) => !current.usedDirectives.has(d)).map(toPragma);
    return {
      kind: 'File',
      ...header.pos,
      filename: current.filename,
      pkgName: header.pkgName,
      decls: [...header.imports, ...decls],
      goBuild: current.tokens.goBuild,
      pragmas,
      lines: current.tokens.lineCount,
      ...(current.tokens.lineDirectives.length > 0 ? { lineDirectives: current.tokens.lineDirectives } : {}),
      typeKeywordLines: typeKeywordLines(current.tokens),
    };
  }

  /** Build positions relative to the chunk starting at token `base` (see AstBuilder). */
  function setChunkBase(base: number, standIns: StandIns | null = null): void {
    current.base = base;
    current.standIns = standIns;
    current.funcTypeLit = false;
  }

  type ForHeader =
    | { kind: 'three'; init: A.SimpleStmt | null; cond: A.Expr | null; post: A.SimpleStmt | null }
    | { kind: 'range'; key: A.Expr | null; value: A.Expr | null; define: boolean; x: A.Expr; rangePos: A.Pos };

  /** Run `fn` with the build context of one file (the actions read it). */
  function withContext<T>(filename: string, tokens: TokenStream, fn: () => T): T {
    const directivesAt = new Map<number, Directive[]>();
    for (const d of tokens.directives) {
      const l = directivesAt.get(d.nextToken);
      if (l) l.push(d);
      else directivesAt.set(d.nextToken, [d]);
    }
    const saved = current;
    current = { filename, tokens, base: 0, standIns: null, funcTypeLit: false, directivesAt, usedDirectives: new Set(), groups: 0 };
    specInfo = { group: null, iota: 0, keywordTok: null };
    try {
      return fn();
    } finally {
      current = saved;
    }
  }
  return {
    build: (match) => cstRoot(match, astActions).ast(),
    withContext,
    setChunkBase,
    builtFuncTypeLit: () => current.funcTypeLit,
    assembleFile: (header, decls) => assembleFile(header as Header, decls),
    chunkStateMark: () => ({ groups: current.groups, used: current.usedDirectives.size }),
    chunkEffectsSince: (mark, base = 0) => ({
      groups: current.groups - mark.groups,
      directives: [...current.usedDirectives].slice(mark.used).map((d) => [d.nextToken - base, current.directivesAt.get(d.nextToken)!.indexOf(d)] as const),
    }),
    resetChunkState: (mark) => {
      current.groups = mark.groups;
      for (const d of [...current.usedDirectives].slice(mark.used)) current.usedDirectives.delete(d);
    },
    replayChunkEffects: (e, base = 0) => {
      current.groups += e.groups;
      for (const [tok, i] of e.directives) current.usedDirectives.add(current.directivesAt.get(tok + base)![i]!);
    },
    groupsSoFar: () => current.groups,
  };
}
