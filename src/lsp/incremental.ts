// Re-analysis of an edited package that redoes only the functions the edit touched.
//
// The parse (ChunkMatchCache) tells each declaration chunk's position-independent key. After
// a full analysis, every top-level function of the package is recorded as a unit: its chunk
// key and file, its parameter tags, the functions it refers to (through its closures), the
// imports its body uses, and its lines of output, each of the three kinds gc prints in
// sequence (front-end notes, escape analysis, bounds checks), with lines counted from its
// chunk's first line. What the lowering makes (the package initialiser, closures of
// package-level code, instances of generic code) is recorded too, as units never kept.
// The record is kept only when those pieces put back together (notes and bounds in
// function order, escape analysis in the bottom-up order of the call graph, every batch
// one function) give the full analysis's lines exactly.
//
// On the next edit, when the files' headers and every non-function declaration are
// unchanged, a function whose chunk is unchanged (only moved, perhaps) is declared without
// its body: the checker, the lowering and escape analysis then work on the new and changed
// functions, generic code and the package-level declarations alone, calls into the kept
// functions reading their recorded tags as an imported package's. The lines are the kept
// units' (moved to their chunks' new lines) and the fresh ones', in the same order as
// before. Sound because a function's analysis depends only on its own code, the
// package-level declarations and its callees' tags; so a fresh function must keep its old
// signature (or be new and named nowhere else), a removed one be named nowhere, the
// callers of one whose tags changed are redone with it, a function that instantiates
// generic code is always redone, and anything unusual (too many type errors, unsafe, dot
// imports, line directives, -m=2, a batch of mutually recursive functions, a line the
// pieces do not explain, made functions that differ) sends the edit through the full
// analysis instead.

import type { AnalysisResult, SourcePackage } from '../api.js';
import type { AnalysisContext } from '../pipeline/context.js';
import type { Model } from '../models/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { GoError } from '../errors.js';
import type { ChunkMatchCache, DeclChunk, File, FuncDecl } from '../syntax/index.js';
import { parseFile } from '../syntax/index.js';
import { checkPackage, type Importer, type Info, type Package } from '../types/index.js';
import { lower } from '../ir/lower.js';
import type { IrFunc, IrPackage } from '../ir/ir.js';
import { childVisitor, type Node } from '../ir/walk.js';
import { solvePackage } from '../pipeline/solve.js';
import { releaseFacts, type PreparedPackage } from '../pipeline/prepare.js';
import { fromModel } from '../escape/utils.js';

/** A declaration chunk of one of the package's files. */
interface Chunk extends DeclChunk {
  readonly file: string;
}

/** The package's chunks, file after file, and its files' headers. */
interface PackageChunks {
  readonly headers: string;
  readonly decls: readonly Chunk[];
}

/** One top-level function as the last analysis left it. */
interface Unit {
  readonly name: string;
  /** The file of its chunk (null for one the lowering made: its lines keep theirs). */
  readonly file: string | null;
  /** Its chunk's key, or null for a function the lowering made (never kept). */
  readonly key: string | null;
  /** The signature without positions: a body edit keeps it. */
  readonly signature: string;
  readonly tags: readonly string[];
  /** Names of the functions it refers to, its closures' included, in visiting order. */
  readonly refs: readonly string[];
  /** Import paths its body names. */
  readonly imports: ReadonlySet<string>;
  /** Its lines of each kind, lines counted from `line`. */
  readonly notes: readonly Diagnostic[];
  readonly escape: readonly Diagnostic[];
  readonly bounds: readonly Diagnostic[];
  readonly line: number;
}

/** What the last full analysis (and the reduced ones since) left for the next edit. */
interface Snapshot {
  readonly settings: string;
  /** The package's files' names. */
  readonly filenames: string;
  readonly headers: string;
  /** Keys of the non-function chunks, in order. */
  readonly others: readonly string[];
  /** By name: the declared functions and those the lowering made. */
  readonly units: ReadonlyMap<string, Unit>;
  /** Generic functions and methods of generic types (never lowered as written): their signatures by name. */
  readonly generic: ReadonlyMap<string, string>;
  /** Names of the units the lowering made (no key), in function order. */
  readonly generated: readonly string[];
}

export interface IncrementalOptions {
  readonly m: number;
  readonly path: string;
  readonly settingsKey: string;
}

/** Counts for tests and measurements. */
export interface IncrementalStats {
  full: number;
  reduced: number;
  /** Why the last full run was full. */
  lastReason: string;
}

export class IncrementalAnalyzer {
  private record: Snapshot | null = null;
  readonly stats: IncrementalStats = { full: 0, reduced: 0, lastReason: '' };

  constructor(
    private readonly context: AnalysisContext,
    private readonly cache: ChunkMatchCache,
  ) {}

  /** `full`: the full analysis, for what this cannot do. */
  /** The release's facts for the lowering, as a build's prepare gives them (prepare.ts releaseFacts). */
  private releaseFacts(model: Model, path: string, pkg: Package): ReturnType<typeof releaseFacts> {
    return releaseFacts({ stdInline: () => this.context.stdInline(model.version), wrapForwardInstances: model.wrappers.forwardInstances }, path, pkg);
  }

  analyze(source: SourcePackage, model: Model, opts: IncrementalOptions, full: () => AnalysisResult): AnalysisResult {
    const fallback = (reason: string): AnalysisResult => {
      this.record = null;
      this.stats.full++;
      this.stats.lastReason = reason;
      return full();
    };
    // -m=2's flow lines name positions in their text, which moving a unit would not update.
    if (opts.m !== 1) return fallback('-m=2');
    // Like gc, every file is parsed before the package stops at its syntax errors.
    const files: File[] = [];
    const syntaxErrors: GoError[] = [];
    for (const f of source.files) {
      const parsed = parseFile(f.filename, f.bytes, this.cache);
      syntaxErrors.push(...parsed.errors);
      if (parsed.file) files.push(parsed.file);
    }
    if (syntaxErrors.length > 0) return { diagnostics: [], errors: syntaxErrors, packages: [], model };
    const heads: string[] = [];
    const decls: Chunk[] = [];
    for (const f of source.files) {
      const c = this.cache.chunksOf(f.filename);
      if (!c) return fallback('no chunks');
      heads.push(f.filename + '\0' + c.header);
      for (const d of c.decls) decls.push({ ...d, file: f.filename });
    }
    const chunks: PackageChunks = { headers: heads.join('\u0002'), decls };
    if (!files.every(plainPackage)) return fallback('unsafe or dot imports');
    // A line directive moves the positions after it: a unit's lines are no longer its chunk's.
    if (source.files.some((f) => hasLineDirective(f.bytes))) return fallback('line directive');
    const importer = this.context.std(model.version);
    const prev = this.record;
    const filenames = source.files.map((f) => f.filename).join('\0');
    if (prev && prev.settings === opts.settingsKey && prev.filenames === filenames) {
      const text = source.files.map((f) => new TextDecoder().decode(f.bytes)).join('\n');
      // A function whose tags changed is redone with its callers, until no caller kept
      // relied on tags that changed (or too many rounds: then the whole package).
      const redo = new Set<string>();
      let r: AnalysisResult | string | Set<string> = 'rounds';
      for (let round = 0; round < maxRounds; round++) {
        r = this.reduced(prev, files, chunks, source, importer, model, opts, text, redo);
        if (!(r instanceof Set)) break;
        for (const name of r) redo.add(name);
        r = 'tags changed';
      }
      if (typeof r !== 'string') {
        this.stats.reduced++;
        return r;
      }
      this.stats.lastReason = r;
    } else this.stats.lastReason = prev ? 'settings' : 'first';
    this.stats.full++;
    // The record stays as it is through a broken version: the next edit is compared with it.
    // The full analysis, on this parse.
    const checked = checkPackage(files, { importer, path: opts.path });
    if (checked.errors.length > 0) return { diagnostics: [], errors: checked.errors, packages: [], model };
    const ir = lower({ files, pkg: checked.pkg, info: checked.info, ...this.releaseFacts(model, opts.path, checked.pkg) });
    const pp: PreparedPackage = { source, path: opts.path, named: true, files, pkg: checked.pkg, ir };
    const solved = solvePackage(pp, fromModel(model), opts.m, new Map());
    const result: AnalysisResult = {
      diagnostics: solved.diagnostics,
      errors: [],
      model,
      packages: [{ dir: source.dir, path: opts.path, named: true, ir: solved.ir, escape: solved.escape, facts: solved.facts, diagnostics: solved.diagnostics }],
    };
    // solved.ir: the functions escape analysis saw (the dead-locals pass copies them).
    const units = unitsOf(files, chunks.decls, solved.ir, solved.escape.tags, checked.info, segments(solved.diagnostics, solved.ir, solved.escape.messages, opts.m), null);
    if (units && equalLines(assemble(solved.ir.funcs, units), solved.diagnostics)) {
      this.record = {
        settings: opts.settingsKey,
        filenames,
        headers: chunks.headers,
        others: otherKeys(chunks.decls),
        units,
        generic: genericDecls(opts.path, chunks.decls),
        generated: generatedOrder(solved.ir.funcs, units),
      };
    } else {
      this.record = null;
      this.stats.lastReason = 'not recordable';
    }
    return result;
  }

  /**
   * The edit analysed with the unchanged functions kept (but those named in `redo`); a
   * reason when it cannot be, or the kept functions that must be redone: callers of a
   * function whose tags changed.
   */
  private reduced(
    prev: Snapshot,
    files: readonly File[],
    chunks: PackageChunks,
    source: SourcePackage,
    importer: Importer,
    model: Model,
    opts: IncrementalOptions,
    text: string,
    redo: ReadonlySet<string>,
  ): AnalysisResult | string | Set<string> {
    if (chunks.headers !== prev.headers) return 'header';
    const others = otherKeys(chunks.decls);
    if (others.length !== prev.others.length || others.some((k, i) => k !== prev.others[i])) return 'declarations';
    const byKey = new Map<string, Unit>();
    for (const u of prev.units.values()) if (u.key !== null) byKey.set(u.key, u);
    // Kept: chunk unchanged (an init function is always redone: it is never called).
    const kept = new Map<FuncDecl, { unit: Unit; line: number; file: string }>();
    const fresh: { decl: FuncDecl; chunk: Chunk; name: string }[] = [];
    const seenKeys = new Set<string>();
    const names = funcNames(opts.path, chunks.decls);
    for (const c of chunks.decls) {
      const d = c.decls[0];
      if (d?.kind !== 'FuncDecl') continue;
      if (seenKeys.has(c.key)) return 'repeated function';
      seenKeys.add(c.key);
      const u = byKey.get(c.key);
      // A function that instantiates generic code is redone: the instances it needs are
      // made (and analysed) only when its body is lowered.
      if (u && d.name.value !== 'init' && d.body && !redo.has(u.name) && !u.refs.some((r) => prev.units.get(r)?.key === null)) kept.set(d, { unit: u, line: c.line, file: c.file });
      else fresh.push({ decl: d, chunk: c, name: names.get(d)! });
    }
    const keptNames = new Set([...kept.values()].map((k) => k.unit.name));
    const freshNames = new Set(fresh.map((x) => x.name));
    for (const x of fresh) {
      const old = prev.units.get(x.name)?.signature ?? prev.generic.get(x.name);
      if (old !== undefined) {
        if (old !== signatureOf(x.decl)) return 'signature';
      } else if (x.decl.name.value !== 'init' && mentions(text, x.decl.name.value) !== 1) return 'new function named elsewhere';
    }
    const gone = [...prev.units.values()].filter((u) => u.key !== null).map((u) => u.name).concat([...prev.generic.keys()]);
    for (const name of gone) {
      if (keptNames.has(name) || freshNames.has(name)) continue;
      if (mentions(text, name.slice(name.lastIndexOf('.') + 1)) !== 0) return 'removed function named elsewhere';
    }
    const reducedFiles: File[] = files.map((file) => ({ ...file, decls: file.decls.map((d) => (d.kind === 'FuncDecl' && kept.has(d) ? { ...d, body: null } : d)) }));
    const checked = checkPackage(reducedFiles, { importer, path: opts.path });
    if (checked.errors.length > 0) {
      // The kept bodies' imports are used, unseen (an import is its file's).
      const used = new Set<string>();
      for (const k of kept.values()) for (const p of k.unit.imports) used.add(k.file + '\0' + p);
      const importAt = new Map<string, string>();
      for (const file of files) {
        for (const d of file.decls) if (d.kind === 'ImportDecl') importAt.set(`${file.filename}:${d.path.line}:${d.path.col}`, file.filename + '\0' + d.path.value.slice(1, -1));
      }
      const real = checked.errors.filter((e) => !(e.message.endsWith(' and not used') && used.has(importAt.get(`${e.file}:${e.line}:${e.col}`) ?? '\0')));
      if (checked.errors.length >= 10) return 'type errors';
      // The kept bodies checked before against the same declarations: these are all the
      // package's errors, as gc lists them (under ten, so none was cut).
      if (real.length > 0) return { diagnostics: [], errors: real, packages: [], model };
    }
    const ir = lower({ files: reducedFiles, pkg: checked.pkg, info: checked.info, ...this.releaseFacts(model, opts.path, checked.pkg) });
    const keptByName = new Map([...kept.values()].map((k) => [k.unit.name, k]));
    const analysed = ir.funcs.filter((fn) => !(fn.body === null && keptByName.has(fn.name)));
    if (ir.funcs.length - analysed.length !== keptByName.size) return 'kept functions not found';
    // A kept function is called as another package's is: its recorded tags say how it
    // leaks (a bodyless function of this package would be assumed to leak everything).
    for (const fn of ir.funcs) if (fn.body === null && keptByName.has(fn.name)) (fn as { imported?: boolean }).imported = true;
    const imported = new Map([...keptByName].map(([name, k]) => [name, k.unit.tags]));
    const reducedIr: IrPackage = { ...ir, funcs: analysed };
    const pp: PreparedPackage = { source, path: opts.path, named: true, files: reducedFiles, pkg: checked.pkg, ir: reducedIr };
    const solved = solvePackage(pp, fromModel(model), opts.m, imported);
    const freshUnits = unitsOf(reducedFiles, chunks.decls, solved.ir, solved.escape.tags, checked.info, segments(solved.diagnostics, solved.ir, solved.escape.messages, opts.m), new Set(kept.keys()));
    if (!freshUnits) return 'fresh lines not placed';
    // What the lowering made (package-level code, instances of generic code) must be made
    // again, in the same order: it is never kept, and its place orders its lines.
    const generated = generatedOrder(solved.ir.funcs, freshUnits);
    if (generated.length !== prev.generated.length || generated.some((n, i) => n !== prev.generated[i])) return 'generated functions differ';
    // A kept function was analysed with its callees' old tags: when a callee's changed, the
    // callers are redone too.
    const changed = new Set<string>();
    for (const u of freshUnits.values()) {
      const old = prev.units.get(u.name);
      if (old && old.key !== null && (old.tags.length !== u.tags.length || old.tags.some((t, i) => t !== u.tags[i]))) changed.add(u.name);
    }
    if (changed.size > 0) {
      const callers = new Set<string>();
      for (const k of kept.values()) if (k.unit.refs.some((r) => changed.has(r))) callers.add(k.unit.name);
      if (callers.size > 0) return callers;
    }
    // The fresh lines alone must come out in the order the pieces give.
    if (!equalLines(assemble(solved.ir.funcs, freshUnits), solved.diagnostics)) return 'fresh order';
    const units = new Map<string, Unit>();
    for (const fn of ir.funcs) {
      const k = fn.body === null ? keptByName.get(fn.name) : undefined;
      if (k) units.set(fn.name, { ...k.unit, line: k.line, file: k.file });
      else {
        const u = freshUnits.get(fn.name);
        if (u) units.set(fn.name, u);
      }
    }
    const diagnostics = assemble(ir.funcs, units);
    // A kept function and a fresh one that call each other are one batch (a call added
    // back to a kept caller): the whole package.
    if (!diagnostics) return 'recursive batch';
    this.record = { ...prev, headers: chunks.headers, others, units, generic: genericDecls(opts.path, chunks.decls), generated };
    return { diagnostics, errors: [], model, packages: [] };
  }
}

/** Rounds of redoing the callers of functions whose tags changed before the whole package is. */
const maxRounds = 4;

/** A package this can reduce: no unsafe, no dot imports. */
function plainPackage(file: File): boolean {
  for (const d of file.decls) {
    if (d.kind === 'ImportDecl' && (d.path.value === '"unsafe"' || d.localName?.value === '.')) return false;
  }
  return true;
}

/** Whether `d` is generic code: a generic function, or a method of a generic type. */
function isGenericDecl(d: FuncDecl): boolean {
  if (d.type.typeParams.length > 0) return true;
  let t = d.recv?.type;
  while (t && (t.kind === 'ParenExpr' || t.kind === 'StarExpr')) t = t.x;
  return t?.kind === 'IndexExpr';
}

/** The generic declarations of the file, their signatures by name. */
function genericDecls(path: string, chunks: readonly Chunk[]): Map<string, string> {
  const names = funcNames(path, chunks);
  const out = new Map<string, string>();
  for (const [d, name] of names) if (isGenericDecl(d)) out.set(name, signatureOf(d));
  return out;
}

/** The units without a key (made by the lowering), in function order. */
function generatedOrder(funcs: readonly IrFunc[], units: ReadonlyMap<string, Unit>): string[] {
  return funcs.filter((fn) => units.get(fn.name)?.key === null).map((fn) => fn.name);
}

function hasLineDirective(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return text.includes('//line ') || text.includes('/*line ');
}

function otherKeys(chunks: readonly Chunk[]): string[] {
  return chunks.filter((c) => c.decls[0]?.kind !== 'FuncDecl').map((c) => c.file + '\0' + c.key);
}

/** How often `name` occurs as a whole word in the text (comments and strings too: a bound). */
function mentions(text: string, name: string): number {
  let n = 0;
  const isWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    if ((i === 0 || !isWord(text.charCodeAt(i - 1))) && !isWord(text.charCodeAt(i + name.length))) n++;
  }
  return n;
}

/** gc's names of the functions declared in `chunks`: `p.f`, `p.(*T).M`, `p.T.M`, `p.init.0`. */
function funcNames(path: string, chunks: readonly Chunk[]): Map<FuncDecl, string> {
  const out = new Map<FuncDecl, string>();
  let inits = 0;
  for (const c of chunks) {
    const d = c.decls[0];
    if (d?.kind !== 'FuncDecl') continue;
    out.set(d, !d.recv && d.name.value === 'init' ? `${path}.init.${inits++}` : funcName(path, d));
  }
  return out;
}

function funcName(path: string, d: FuncDecl): string {
  if (!d.recv) return `${path}.${d.name.value}`;
  let t = d.recv.type;
  let star = false;
  while (t.kind === 'ParenExpr') t = t.x;
  if (t.kind === 'StarExpr') {
    star = true;
    t = t.x;
    while (t.kind === 'ParenExpr') t = t.x;
  }
  if (t.kind === 'IndexExpr') t = t.x;
  const base = t.kind === 'Name' ? t.value : '?';
  return star ? `${path}.(*${base}).${d.name.value}` : `${path}.${base}.${d.name.value}`;
}

function signatureOf(d: FuncDecl): string {
  return JSON.stringify([d.recv, d.name.value, d.type, d.pragmas], (k, v: unknown) => (k === 'line' || k === 'col' ? undefined : v));
}

interface Segments {
  readonly notes: readonly Diagnostic[];
  readonly escape: readonly Diagnostic[];
  readonly bounds: readonly Diagnostic[];
}

/** A solve's lines split as solvePackage made them: notes, escape analysis's, bounds checks. */
function segments(all: readonly Diagnostic[], ir: IrPackage, messages: readonly { kind: string; line: number }[], m: number): Segments | null {
  if (m === 0) return { notes: [], escape: [], bounds: [] };
  const notes = ir.notes.length;
  const escape = messages.filter((x) => !(x.kind === 'flow' && m < 2) && x.line !== 0).length;
  if (notes + escape > all.length) return null;
  return { notes: all.slice(0, notes), escape: all.slice(notes, notes + escape), bounds: all.slice(notes + escape) };
}

/**
 * The units of an analysis: every top-level function of the IR declared in the file (but
 * those kept, `kept`, here without their bodies) and those the lowering made for
 * package-level code (the initialiser; no key); or null when a line falls outside the
 * chunk of the function that printed it (package-level lines are the initialiser's), or a
 * function is of neither kind (another package's instantiated generic code is none: it is
 * left out, and its lines, in another file, are not placed).
 */
function unitsOf(
  files: readonly File[],
  chunks: readonly Chunk[],
  ir: IrPackage,
  tags: ReadonlyMap<IrFunc, readonly { format(): string }[]>,
  info: Info,
  seg: Segments | null,
  kept: ReadonlySet<FuncDecl> | null,
): Map<string, Unit> | null {
  if (!seg) return null;
  const path = ir.path;
  // Chunks of functions, by name; lines of the others belong to the package's initialiser.
  const chunkOf = new Map<string, { chunk: Chunk; decl: FuncDecl }>();
  const names = funcNames(path, chunks);
  for (const c of chunks) {
    const d = c.decls[0];
    if (d?.kind === 'FuncDecl' && !kept?.has(d)) chunkOf.set(names.get(d)!, { chunk: c, decl: d });
  }
  const spans = chunks.map((c) => ({ file: c.file, from: c.line, to: c.endLine, fn: c.decls[0]?.kind === 'FuncDecl' ? (c.decls[0] as FuncDecl) : null }));
  const owner = (file: string, line: number): FuncDecl | 'package' | null => {
    for (const s of spans) if (line >= s.from && line <= s.to && s.file === file) return s.fn ?? 'package';
    return null;
  };
  const filenames = new Set(files.map((f) => f.filename));
  // Imports used per function chunk.
  const importsOf = new Map<FuncDecl, Set<string>>();
  for (const [name, obj] of info.uses) {
    if (obj.kind !== 'PkgName' || !obj.file) continue;
    // A package name is its file's: the use is in the file of the import.
    const o = owner(obj.file, name.line);
    if (o === null || o === 'package') continue;
    let s = importsOf.get(o);
    if (!s) importsOf.set(o, (s = new Set()));
    s.add(obj.imported.path);
  }
  const units = new Map<string, Unit>();
  const ownerName = new Map<FuncDecl | 'package', string>();
  for (const fn of ir.funcs) {
    // A function declared without a body is a unit too (its parameters' lines): never kept.
    if (fn.wrapper || (fn.body === null && !chunkOf.has(fn.name))) continue;
    const c = chunkOf.get(fn.name);
    if (!c) {
      // Another package's generic code instantiated here: not a unit (its lines, if any,
      // are in another file, which no unit places).
      if (fn.generic && !fn.name.startsWith(`${path}.`)) continue;
      // The package's initialiser, what the lowering makes for package-level code
      // (p.init.func1, p.map.init.0) and the instances of the package's generic code:
      // redone every time.
      if (!fn.name.startsWith(`${path}.`)) return null;
    }
    if (!c && fn.name === `${path}.init`) ownerName.set('package', fn.name);
    else if (c) ownerName.set(c.decl, fn.name);
    const line = c ? c.chunk.line : 0;
    units.set(fn.name, {
      name: fn.name,
      file: c ? c.chunk.file : null,
      key: c ? c.chunk.key : null,
      signature: c ? signatureOf(c.decl) : '',
      tags: (tags.get(fn) ?? []).map((t) => t.format()),
      refs: refsOf(fn),
      imports: c ? (importsOf.get(c.decl) ?? new Set()) : new Set(),
      notes: [],
      escape: [],
      bounds: [],
      line,
    });
  }
  for (const kind of ['notes', 'escape', 'bounds'] as const) {
    for (const d of seg[kind]) {
      if (!filenames.has(d.file)) return null;
      const o = owner(d.file, d.line);
      // A line of a function the lowering made (an instance, a closure in a variable's
      // initialiser, their closures) is that function's; other package-level lines are the
      // initialiser's, the rest the function's whose chunk holds them.
      const generated = generatedOwner(d.func, units);
      const name = generated ?? (o === null ? undefined : ownerName.get(o));
      const u = name === undefined ? undefined : units.get(name);
      if (!u) {
        if (process.env['GOESC_INC_DEBUG']) console.error('unplaced line', kind, d.line, d.message, d.func);
        return null;
      }
      (u[kind] as Diagnostic[]).push({ ...d, line: d.line - u.line });
    }
  }
  return units;
}

/**
 * The unit without a key that printed a line of `func` (gc's name of the function that
 * printed it: the unit's own, or one of its closures', `p.f[go.shape.int].func1`).
 */
function generatedOwner(func: string | undefined, units: ReadonlyMap<string, Unit>): string | undefined {
  for (let f = func; f !== undefined && f.length > 0; ) {
    const u = units.get(f);
    if (u) return u.key === null ? f : undefined;
    const cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('-'));
    // Never cut inside a type's brackets (`go.shape.int`) or a receiver's parentheses.
    if (cut <= 0 || f.lastIndexOf(']') > cut || f.lastIndexOf(')') > cut) return undefined;
    f = f.slice(0, cut);
  }
  return undefined;
}

/** Functions `fn` refers to, its closures' references in place of the closures. */
function refsOf(fn: IrFunc): string[] {
  const out: string[] = [];
  const visit = (n: Node) => {
    if (n.op === 'NAME' && n.name.class === 'func' && n.name.func) out.push(n.name.func.name);
    else if ((n.op === 'METHEXPR' || n.op === 'METHVALUE') && n.method) out.push(n.method.name);
    else if (n.op === 'CLOSURE') for (const s of n.func.body ?? []) visit(s);
    children(n);
  };
  const children = childVisitor(visit);
  for (const s of fn.body ?? []) visit(s);
  return out;
}

/**
 * The package's lines from its units: every unit's notes in function order, then escape
 * analysis's in bottom-up order of the call graph (escape.ts bottomUpBatches over units),
 * then the bounds checks in function order. `funcs`: the IR's functions in order (a
 * function that is no unit has no lines). Lines are moved to each unit's line.
 */
function assemble(funcs: readonly IrFunc[], units: ReadonlyMap<string, Unit>): Diagnostic[] | null {
  const order: Unit[] = [];
  for (const fn of funcs) {
    const u = fn.wrapper ? undefined : units.get(fn.name);
    if (u) order.push(u);
  }
  const at = (u: Unit, ds: readonly Diagnostic[]) => ds.map((d) => ({ ...d, line: d.line + u.line, file: u.file ?? d.file }));
  const out: Diagnostic[] = [];
  for (const u of order) out.push(...at(u, u.notes));
  for (const batch of batches(order, units)) {
    if (batch.length !== 1) return null; // a recursive batch interleaves its functions' lines
    out.push(...at(batch[0]!, batch[0]!.escape));
  }
  for (const u of order) out.push(...at(u, u.bounds));
  return out;
}

/** Strongly connected components, callees first (escape.ts bottomUpBatches, on names). */
function batches(order: readonly Unit[], units: ReadonlyMap<string, Unit>): Unit[][] {
  const out: Unit[][] = [];
  const ids = new Map<Unit, number>();
  const done = -1 >>> 0;
  let gen = 0;
  const stack: Unit[] = [];
  const visit = (u: Unit): number => {
    const seen = ids.get(u);
    if (seen !== undefined) return seen;
    const id = ++gen;
    ids.set(u, id);
    let min = ++gen;
    stack.push(u);
    for (const r of u.refs) {
      const v = units.get(r);
      if (!v) continue;
      const m = visit(v);
      if (m < min) min = m;
    }
    if (min === id || min === id + 1) {
      const i = stack.lastIndexOf(u);
      for (const x of stack.slice(i)) ids.set(x, done);
      out.push(stack.slice(i));
      stack.length = i;
    }
    return min;
  };
  for (const u of order) visit(u);
  return out;
}

function equalLines(a: readonly Diagnostic[] | null, b: readonly Diagnostic[]): boolean {
  if (a === null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.line !== y.line || x.col !== y.col || x.message !== y.message || x.kind !== y.kind || x.file !== y.file || x.func !== y.func) return false;
  }
  return true;
}

