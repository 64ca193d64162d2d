// The Go front end: source bytes → AST (ast.ts) or gc-worded errors.
//
// Three stages, one file each: scanner.ts turns bytes into a one-character-per-token string
// with side tables of positions and texts; go.ohm matches that string (Ohm, the grammar
// loaded once by grammar.ts); ast-builder.ts is the semantic operation that builds the AST
// with gc's positions. Errors: the scanner's as gc's scanner words them, the grammar's
// through syntax-errors.ts as gc's parser words them. A parse never throws: deep nesting
// that exhausts the stack is reported as an error at the innermost bracket.

import type { GoError } from '../errors.js';
import type { Decl, Expr, File, Stmt } from './ast.js';
import { scan, type TokenStream } from './scanner.js';
import { goGrammar } from './grammar.js';
import { BuildError, createAstBuilder, type AstBuilder, type ChunkEffects, type ChunkStateMark, type StandIns } from './ast-builder.js';
import { BIG_LITERAL_TOKENS, findBigLiterals, type BigLiteralStats } from './big-literals.js';
import { describeToken, syntaxErrorMessage } from './syntax-errors.js';
import type * as ohm from 'ohm-js';

export type * from './ast.js';
export { scan } from './scanner.js';
export { relocator, type LineDirective, type PrintedPos, type Relocate } from './linedir.js';

export interface ParseResult {
  readonly file: File | null;
  readonly errors: GoError[];
}

/**
 * Bracket nesting beyond which we refuse to parse: Ohm recurses a dozen JavaScript frames
 * per level and exhausts Node's default stack somewhere past 250 levels (measured). Real
 * code stays far below; gc itself has no limit, so this message is goesc's own.
 */
export const maxNesting = 200;

/**
 * Declaration chunks kept from one parse of a file to the next (an editor's loop re-parses
 * the same file after every edit), at two levels:
 * - the match: a chunk is matched on its token string alone (one character per token, no
 *   identifiers, no positions), so a chunk that an edit did not touch, or only shifted, or
 *   only renamed in, has the same string and its match is reused;
 * - the AST: a chunk whose every token (text, column, and line counted from the chunk's
 *   first line), attached directives and grouped-declaration count are the same as last
 *   time gets last time's declarations (downstream stages never mutate the AST: facts live
 *   in side tables), so an edit rebuilds only the declarations it touched. A chunk that an
 *   edit above it only moved gets a copy with every line moved by the same amount
 *   (shiftLines), which is the AST a build would make: positions are the only thing a
 *   token's line feeds into. The statements of a big block (big-literals.ts) are matched
 *   through the same cache, so an edit inside a long function re-matches one statement.
 * Only the last parse's chunks of each file are kept, from its second parse on (a file
 * parsed once is not kept), which bounds memory.
 */
export class ChunkMatchCache {
  /**
   * Tokens between braces from which a parse through this cache reads a literal's elements
   * or a block's statements apart (big-literals.ts): lower than a lone parse's threshold,
   * since each part's match is kept, so that an edit inside a body re-matches only the
   * statements it touched. The AST is the same at any threshold.
   */
  constructor(readonly partTokens = BIG_LITERAL_TOKENS) {}

  private readonly byFile = new Map<string, Map<string, ohm.MatchResult>>();
  private readonly astsByFile = new Map<string, Map<string, ReusedChunk>>();
  /** Matches reused and made, ASTs reused, for measurements. */
  hits = 0;
  misses = 0;
  astHits = 0;
  /** Tokens matched by the grammar on misses. */
  missedTokens = 0;

  ast(filename: string, key: string, fresh: Map<string, ReusedChunk>): ReusedChunk | undefined {
    const hit = fresh.get(key) ?? this.astsByFile.get(filename)?.get(key);
    if (hit) this.astHits++;
    return hit;
  }

  keepAsts(filename: string, fresh: Map<string, ReusedChunk>): void {
    if (this.parsedBefore.has(filename)) keepRecent(this.astsByFile, filename, fresh);
  }

  /**
   * Files parsed once so far. A file's chunks are kept from its second parse on: what is
   * parsed once (the std stubs an importer reads) is not worth the memory.
   */
  private readonly parsedBefore = new Set<string>();

  match(filename: string, chunk: string, rule: string, fresh: Map<string, ohm.MatchResult>): ohm.MatchResult {
    const key = rule + '\0' + chunk;
    let m = fresh.get(key) ?? this.byFile.get(filename)?.get(key);
    if (m) this.hits++;
    else {
      this.misses++;
      this.missedTokens += chunk.length;
      m = goGrammar().match(chunk, rule);
    }
    if (m.succeeded()) {
      // A kept match needs only its tree: its matcher (and the matcher's memo table, most
      // of a match's memory, measured 3.6 MB per 300 lines) serves failure reports alone,
      // and a kept match never failed.
      (m as unknown as { matcher: unknown }).matcher = null;
      fresh.set(key, m);
    }
    return m;
  }

  keep(filename: string, fresh: Map<string, ohm.MatchResult>): void {
    if (this.parsedBefore.has(filename)) keepRecent(this.byFile, filename, fresh);
  }

  private builderKept: AstBuilder | undefined;

  /**
   * One AST builder for every parse through this cache: making one (its few hundred action
   * closures) measured 0.4 ms, a fifth of a re-parse. A builder holds no state between
   * parses: withContext sets up and restores all of it.
   */
  builder(): AstBuilder {
    return (this.builderKept ??= createAstBuilder());
  }

  private readonly chunkLists = new Map<string, FileChunks>();

  /**
   * The declaration chunks of the last parse of `filename` through this cache, each with
   * its position-independent key: what an edit changed, for reuse past the parse (a server
   * that re-analyses only the declarations an edit touched). Undefined when that parse
   * failed or matched the file whole.
   */
  chunksOf(filename: string): FileChunks | undefined {
    return this.chunkLists.get(filename);
  }

  keepChunks(filename: string, chunks: FileChunks | undefined): void {
    if (chunks) keepRecent(this.chunkLists, filename, chunks);
    else this.chunkLists.delete(filename);
  }

  /** Ends one parse of `filename` (after keep and keepAsts). */
  parsed(filename: string): void {
    this.parsedBefore.add(filename);
  }
}

/** How parseFile reads big literals (big-literals.ts): tests and measurements set these. */
export interface ParseOptions {
  /** Tokens between braces from which they are read apart (default BIG_LITERAL_TOKENS). */
  readonly bigLiteralTokens?: number;
  /** Counted into, when given. */
  readonly bigLiteralStats?: BigLiteralStats;
}

/** A file's chunks as its last parse split it (ChunkMatchCache.chunksOf). */
export interface FileChunks {
  /** The key of the header (package clause and imports). */
  readonly header: string;
  readonly decls: readonly DeclChunk[];
}

/** One declaration chunk: its declarations, its key (everything but its first line) and its lines. */
export interface DeclChunk {
  readonly key: string;
  readonly decls: readonly Decl[];
  readonly line: number;
  /** The line of its last token. */
  readonly endLine: number;
}

interface BigOptions {
  readonly minTokens: number;
  readonly stats: BigLiteralStats | undefined;
}

export function parseFile(filename: string, src: Uint8Array, cache?: ChunkMatchCache, options: ParseOptions = {}): ParseResult {
  const big: BigOptions = { minTokens: options.bigLiteralTokens ?? cache?.partTokens ?? BIG_LITERAL_TOKENS, stats: options.bigLiteralStats };
  let tokens: TokenStream;
  try {
    tokens = scan(filename, src);
  } catch (err) {
    return { file: null, errors: [internal(filename, err)] };
  }
  if (tokens.errors.length > 0) return { file: null, errors: [...tokens.errors] };

  const tooDeep = nestingError(tokens);
  if (tooDeep !== null) {
    return { file: null, errors: [{ file: filename, line: tokens.lines[tooDeep]!, col: tokens.cols[tooDeep]!, message: `syntax error: brackets nested more than ${maxNesting} deep` }] };
  }
  const at = (tok: number, message: string): GoError => ({
    file: filename,
    line: tokens.lines[tok]!,
    col: tokens.cols[tok]!,
    message,
  });
  try {
    const builder = cache ? cache.builder() : createAstBuilder();
    const file = builder.withContext(filename, tokens, () => parseChunks(filename, tokens, cache ?? null, builder, big));
    if (file) return { file, errors: [] };
    // some chunk failed: the whole file, matched at once, tells where and why as gc would
    const match = goGrammar().match(tokens.chars, 'file');
    if (match.failed()) {
      const pos = match.getRightmostFailurePosition();
      return { file: null, errors: [at(pos, syntaxErrorMessage(tokens, pos, expectedTokens(match)))] };
    }
    return { file: builder.withContext(filename, tokens, () => builder.build(match) as File), errors: [] };
  } catch (err) {
    if (err instanceof BuildError) {
      const where = err.at ?? { line: tokens.lines[err.token]!, col: tokens.cols[err.token]! };
      return { file: null, errors: [{ file: filename, ...where, message: err.plain ? err.message : gcWording(err.message, describeToken(tokens, err.token)) }] };
    }
    if (err instanceof RangeError) {
      return { file: null, errors: [at(0, 'syntax error: program too deeply nested')] };
    }
    return { file: null, errors: [internal(filename, err)] };
  }
}

/** syntaxErrorAt's punctuation: "expected ..." and "in/at/after ..." name the token. */
function gcWording(msg: string, tok: string): string {
  if (msg.startsWith('syntax error:')) return msg;
  if (msg.startsWith('expected ')) return `syntax error: unexpected ${tok}, ${msg}`;
  if (/^(in|at|after) /.test(msg)) return `syntax error: unexpected ${tok} ${msg}`;
  return `syntax error: ${msg}`;
}

/**
 * Parse the header and each top-level declaration as a separate match: Ohm's memo table
 * lives per match, so small inputs keep the heap (and the garbage collector's work) small.
 * A declaration starts at a `func`/`var`/`const`/`type`/`import` token after a `;` outside
 * any bracket. Returns null when a chunk fails to match.
 */
function parseChunks(filename: string, tokens: TokenStream, cache: ChunkMatchCache | null, builder: AstBuilder, big: BigOptions): File | null {
  const s = tokens.chars;
  const starts: number[] = [];
  let depth = 0;
  let inHeader = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) depth--;
    else if (depth === 0 && i > 0 && s.charCodeAt(i - 1) === 59 /* ; */) {
      // u func, v var, k const, t type; imports stay in the header chunk
      if (c === 117 || c === 118 || c === 107 || c === 116) {
        starts.push(i);
        inHeader = false;
      } else if (c === 73 /* I */ && !inHeader) starts.push(i);
    }
  }
  const grammar = goGrammar();
  const fresh = new Map<string, ohm.MatchResult>();
  const freshAsts = new Map<string, ReusedChunk>();
  const match = (chunk: string, rule: string) => (cache ? cache.match(filename, chunk, rule, fresh) : grammar.match(chunk, rule));
  const headerEnd = starts.length > 0 ? starts[0]! : s.length;
  cache?.keepChunks(filename, undefined);
  const hm = match(s.slice(0, headerEnd), 'headerChunk');
  if (hm.failed()) return null;
  const chunks: DeclChunk[] = [];
  builder.setChunkBase(0);
  const header = builder.build(hm);
  const decls: Decl[] = [];
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k]!;
    const to = k + 1 < starts.length ? starts[k + 1]! : s.length;
    const key = cache ? chunkKey(tokens, from, to, builder.groupsSoFar()) : '';
    const line = tokens.lines[from]!;
    const reused = cache?.ast(filename, key, freshAsts);
    if (reused) {
      builder.replayChunkEffects(reused.effects, from);
      // Two chunks of one file with the same key (two equal `func init`) are two nodes: a
      // second use is at another line, so it is a copy.
      const moved = reused.line === line ? reused : { ...reused, decls: shiftLines(reused.decls, line - reused.line), line };
      decls.push(...moved.decls);
      freshAsts.set(key, moved);
      chunks.push({ key, decls: moved.decls, line, endLine: tokens.lines[to - 1]! });
      continue;
    }
    const mark = builder.chunkStateMark();
    let built = buildWithStandIns(tokens, from, to, builder, mark, big, match);
    if (built === null) {
      const m = match(s.slice(from, to), 'declChunk');
      if (m.failed()) return null;
      builder.setChunkBase(from);
      built = builder.build(m) as Decl[];
    }
    decls.push(...built);
    if (cache) {
      freshAsts.set(key, { decls: built, effects: builder.chunkEffectsSince(mark, from), line });
      chunks.push({ key, decls: built, line, endLine: tokens.lines[to - 1]! });
    }
  }
  cache?.keepChunks(filename, { header: chunkKey(tokens, 0, headerEnd, 0), decls: chunks });
  cache?.keep(filename, fresh);
  cache?.keepAsts(filename, freshAsts);
  cache?.parsed(filename);
  return builder.assembleFile(header, decls);
}

/**
 * The declarations of chunk [from, to) matched with its big literals and blocks read apart
 * (big-literals.ts), or null when it has none or when that match is not the chunk's own:
 * the caller then matches the chunk as it is, and the build state is as `mark` left it.
 */
function buildWithStandIns(tokens: TokenStream, from: number, to: number, builder: AstBuilder, mark: ChunkStateMark, big: BigOptions, match: Matcher): Decl[] | null {
  const built = buildRegion(tokens, from, to, 'declChunk', builder, true, big, match);
  if (built === null) builder.resetChunkState(mark);
  return built as Decl[] | null;
}

/**
 * Tokens [from, to) matched as `rule` with each big literal's elements and each big
 * block's statements (read or matched apart, and built, first) replaced by a stand-in,
 * then built. Null when the match or the build fails, or builds a composite literal of a
 * function type (big-literals.ts says why), or, when `onlyWithBig`, when there is nothing
 * big in it.
 */
function buildRegion(tokens: TokenStream, from: number, to: number, rule: string, builder: AstBuilder, onlyWithBig: boolean, big: BigOptions, match: Matcher): unknown {
  const bigs = findBigLiterals(tokens, from, to, {
    element: (a, b) => buildPart(tokens, a, b, 'element', builder, big, match) as Expr | null,
    statement: (a, b) => buildPart(tokens, a, b, 'stmt', builder, big, match) as Stmt | null,
    minTokens: big.minTokens,
    stats: big.stats,
  });
  if (bigs.length === 0 && onlyWithBig) return null;
  const s = tokens.chars;
  const parts: string[] = [];
  const at: number[] = [];
  const shifts: number[] = [];
  const bodies = new Map<number, readonly unknown[]>();
  let copied = from;
  let shift = 0;
  for (const b of bigs) {
    const standIn = b.kind === 'literal' ? literalStandIn : blockStandIn;
    parts.push(s.slice(copied, b.open + 1), standIn);
    shift += b.close - b.open - 1 - standIn.length;
    at.push(b.close - from - shift);
    shifts.push(shift);
    bodies.set(b.open, b.body);
    copied = b.close;
  }
  parts.push(s.slice(copied, to));
  const m = match(parts.join(''), rule);
  if (m.failed()) return null;
  builder.setChunkBase(from, bigs.length > 0 ? ({ at, shifts, bodies } satisfies StandIns) : null);
  try {
    const built = builder.build(m);
    if (bigs.length === 0 || !builder.builtFuncTypeLit()) return built;
  } catch (err) {
    if (!(err instanceof BuildError)) throw err;
  }
  return null;
}

/**
 * An element or statement in tokens [a, b), matched alone (big-literals.ts), or null. It
 * is built before the declaration holding it, so one whose build would count a grouped
 * declaration or attach a directive (numbered or claimed in build order) is refused.
 */
function buildPart(tokens: TokenStream, a: number, b: number, rule: 'element' | 'stmt', builder: AstBuilder, big: BigOptions, match: Matcher): unknown {
  const mark = builder.chunkStateMark();
  const x = buildRegion(tokens, a, b, rule, builder, false, big, match);
  const after = builder.chunkStateMark();
  if (x !== null && after.groups === mark.groups && after.used === mark.used) return x;
  builder.resetChunkState(mark);
  return null;
}

/** What a big literal's elements are matched as: a valid element list and nothing else. */
const literalStandIn = '1:1';
/** What a big block's statements are matched as: a valid statement list and nothing else. */
const blockStandIn = ';';

/** Files whose chunks a ChunkMatchCache keeps at most: the most recently parsed ones. */
const maxKeptFiles = 200;

function keepRecent<V>(byFile: Map<string, V>, filename: string, value: V): void {
  byFile.delete(filename); // re-inserted last: Map order is the recency order
  byFile.set(filename, value);
  if (byFile.size > maxKeptFiles) byFile.delete(byFile.keys().next().value!);
}

/** A match of a token string as a grammar rule (through the cache when there is one). */
type Matcher = (chunk: string, rule: string) => ohm.MatchResult;

/** A declaration chunk's built AST and what building it did to the file's build state. */
interface ReusedChunk {
  readonly decls: readonly Decl[];
  /** Its effects, token indices counted from the chunk's first token. */
  readonly effects: ChunkEffects;
  /** The line of its first token, from which its AST's lines count. */
  readonly line: number;
}

/**
 * A copy of `x` (an AST: plain data, no node reached twice) with every `line` moved by
 * `delta`: a Pos is the only place a line is kept, always as a number named `line`.
 */
export function shiftLines<T>(x: T, delta: number): T {
  if (Array.isArray(x)) return x.map((e) => shiftLines(e, delta)) as T;
  if (x === null || typeof x !== 'object') return x;
  const out: Record<string, unknown> = {};
  for (const k in x) {
    const v = (x as Record<string, unknown>)[k];
    out[k] = k === 'line' && typeof v === 'number' ? v + delta : typeof v === 'object' && v !== null ? shiftLines(v, delta) : v;
  }
  return out as T;
}

/**
 * Everything a chunk's AST depends on but its first line: its tokens (kind, text, column,
 * line counted from the first token's), the directives attached to them (token and line
 * counted so too), and the grouped declarations counted before it.
 */
function chunkKey(tokens: TokenStream, from: number, to: number, groupsSoFar: number): string {
  const base = tokens.lines[from]!;
  const parts: string[] = [tokens.chars.slice(from, to), String(groupsSoFar)];
  for (let i = from; i < to; i++) parts.push(`${tokens.lines[i]! - base}:${tokens.cols[i]}:${tokens.texts[i]}`);
  for (const d of tokens.directives) {
    if (d.nextToken >= from && d.nextToken < to) parts.push(`#${d.nextToken - from}:${d.line - base}:${d.col}:${d.text}`);
  }
  return parts.join('\u0001');
}

function expectedTokens(match: ohm.MatchResult): Set<string> {
  const out = new Set<string>();
  const failures = (match as unknown as { getRightmostFailures(): { getText(): string; isStringTerminal(): boolean }[] }).getRightmostFailures();
  for (const f of failures) if (f.isStringTerminal()) out.add(f.getText());
  return out;
}

/** The first token where brackets nest deeper than maxNesting, or null. */
function nestingError(tokens: TokenStream): number | null {
  const s = tokens.chars;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      if (++depth > maxNesting) return i;
    } else if (c === 41 || c === 93 || c === 125) depth--;
  }
  return null;
}

function internal(filename: string, err: unknown): GoError {
  return { file: filename, line: 1, col: 1, message: `internal error while parsing: ${err instanceof Error ? err.message : String(err)}` };
}
