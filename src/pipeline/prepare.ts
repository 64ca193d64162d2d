// The front half of the pipeline: every package of a run, dependencies first, parsed, type
// checked against the packages before it (and std through the models), and lowered to the
// escape IR. Nothing here depends on the rule model, so one preparation serves any number
// of solves (what-if) — the back half is solve.ts.
//
// Like gc, a package stops at its syntax errors (every file parsed first) or its type
// errors; like the go command, a package whose import failed is not compiled at all (its
// importer's error is the one the user needs).

import { performance } from 'node:perf_hooks';
import type { GoError } from '../errors.js';
import { parseFile, type ChunkMatchCache, type File, type ParseResult } from '../syntax/index.js';
import { shouldUsePool, startParsePool } from '../syntax/pool.js';
import { checkPackage, type CheckResult, type Importer, type Package } from '../types/index.js';
import type { StubFile, StubPrefetch } from '../types/importer.js';
import { lazySourcePackage } from '../types/lazybodies.js';
import type { DeclarationsParse } from '../syntax/declarations.js';
import { lower } from '../ir/lower.js';
import type { IrFunc, IrPackage } from '../ir/ir.js';
import { bodyAvailable } from '../inline/index.js';
import type { StdInlineFacts } from '../inline/std.js';
import type { AnalysisContext } from './context.js';
import type { ResultCache } from './cache.js';

/** One source file as the loader read it: its name as gc prints it, and its bytes. */
export interface SourceFile {
  readonly filename: string;
  readonly bytes: Uint8Array;
}

/** One package as the loader hands it over. */
export interface SourcePackage {
  readonly dir: string;
  readonly files: readonly SourceFile[];
  /** gc's -p, the import path (default `p`, as goesc's fixtures compile); `main` for commands. */
  readonly path?: string;
  /** Whether its lines are printed; a dependency analysed for its facts is not. Default true. */
  readonly named?: boolean;
  /** Import paths as written → the path of the package that provides them (vendor/ trees). */
  readonly importMap?: Readonly<Record<string, string>>;
  /** The non-std packages it imports (by path after importMap), all earlier in the run. */
  readonly imports?: readonly string[];
  /** The std packages it imports (after importMap): a hint for parsing their stubs ahead. */
  readonly stdImports?: readonly string[];
  /** Its package clause's name, when the loader read it (a cached package's importers need it before parsing it). */
  readonly name?: string;
}

export interface PreparedPackage {
  readonly source: SourcePackage;
  /** gc's -p of the package. */
  readonly path: string;
  readonly named: boolean;
  readonly files: readonly File[];
  readonly pkg: Package;
  readonly ir: IrPackage;
}

/** A program ready for escape analysis under any model of its Go version. */
export interface Prepared {
  readonly goVersion: string;
  /** In dependency order. */
  readonly packages: readonly PreparedPackage[];
  /** Syntax and type errors; the packages that have them (and their importers) are left out. */
  readonly errors: readonly GoError[];
  /** Wall time of parse + check + lower. */
  readonly seconds: number;
}

export interface PrepareOptions {
  /** The model version whose std stubs resolve std imports. */
  readonly go: string;
  /** Called before each package is prepared, with how many were before it (progress on a terminal). */
  readonly onPackage?: (done: number, total: number, path: string) => void;
  /**
   * Called after each source is done, with its prepared package or null when it failed (or
   * an import of it did). With it, the result's `packages` is empty: the caller takes each
   * package as it comes, and may let it go (its IR) once it has used it, while later
   * packages are still being parsed ahead.
   */
  readonly onPrepared?: (index: number, prepared: PreparedPackage | null) => void;
  /** Where the std stubs' parses are kept from one run to the next (see StubParses). */
  readonly stubParses?: StubParses;
  /**
   * Whether a function of a package prepared before has an inline body, by its symbol
   * name: known once that package is solved (its facts), which a caller that solves each
   * package as soon as it is prepared (onPrepared) does before the next is lowered.
   */
  readonly importedInline?: (name: string) => boolean;
  /**
   * The packages only their importers' type checks need (their facts and lines come from
   * the result cache): parsed and checked, not lowered, and reported to onTyped instead of
   * onPrepared.
   */
  readonly typesOnly?: (index: number) => boolean;
  readonly onTyped?: (index: number) => void;
}

/**
 * The std stubs' parses kept in the result cache (cache.ts getParse, putParse): a stub is
 * a model file, the same in every run, and parsing the stubs a project imports was about a
 * sixth of a cold run's CPU (node --cpu-prof over eleven modules: 1.3 MB of stubs beside
 * 1.7 MB of the project's code), while reading a parse back (JSON) costs about an eighth of
 * making it. A parse's key hashes goesc's build (the parser), the file's name (positions
 * name it) and its bytes. The std function bodies parsed one at a time as generic code or
 * the inliner asks for them (types/importer.ts) are model text too and kept the same way:
 * gc's prebuilt std carries them in its export data.
 */
export interface StubParses {
  readonly cache: ResultCache;
  readonly buildId: string;
}

export type LoweredPackage =
  | { readonly ok: true; readonly files: readonly File[]; readonly pkg: Package; readonly ir: IrPackage }
  | { readonly ok: false; readonly errors: readonly GoError[] };

/**
 * Parse, check and lower `sources`, dependencies before their importers. With enough to
 * parse (and no parse cache, which a server's edits reuse on one thread), every file is
 * queued at once on a pool of worker threads (syntax/pool.ts), in the order the packages
 * will be prepared (lightFirst), each package's files followed by the std stubs its imports
 * will load: workers parse later packages while this thread checks and lowers earlier ones.
 * Packages are reported (onPrepared, the result) under their index in `sources`.
 */
export function prepare(ctx: AnalysisContext, sources: readonly SourcePackage[], options: PrepareOptions): Prepared {
  const start = performance.now();
  const std = ctx.std(options.go);
  const prefetch = 'stubFiles' in std ? (std as Importer & StubPrefetch) : null;
  const stored = options.stubParses;
  // A stub's key is asked for up to three times (the pool's two looks, then the load):
  // hashed once per run, kept by file name with the bytes it hashed (a stub's bytes are the
  // model's, fixed for the run; the std bodies parsed one by one (types/importer.ts) share
  // their file's name, each with its own bytes).
  const stubKeys = new Map<string, { readonly bytes: Uint8Array; readonly key: string }>();
  const stubKey = stored
    ? (filename: string, bytes: Uint8Array) => {
        const kept = stubKeys.get(filename);
        if (kept !== undefined && sameBytes(kept.bytes, bytes)) return kept.key;
        const key = stored.cache.hash(['std stub parse', stored.buildId, filename, bytes]);
        stubKeys.set(filename, { bytes, key });
        return key;
      }
    : null;
  const light = ctx.parseCache ? null : lightFirst(sources);
  const queued = light ? poolFor(sources, light, prefetch, stored && stubKey ? (f, b) => stored.cache.hasParse(stubKey(f, b)) : null, options.typesOnly) : null;
  const order = queued && light ? light : sources.map((_, i) => i);
  const parseHere = (filename: string, bytes: Uint8Array): ParseResult => (queued ? queued.parse(filename, bytes) : parseFile(filename, bytes));
  if (prefetch && stored && stubKey) {
    prefetch.useParser((filename, bytes) => {
      const key = stubKey(filename, bytes);
      const kept = stored.cache.getParse(key);
      if (kept) return kept;
      const r = parseHere(filename, bytes);
      if (r.file) stored.cache.putParse(key, r);
      return r;
    });
  } else if (queued && prefetch) prefetch.useParser(parseHere);
  try {
    return prepareWith(ctx, sources, order, options, queued, start);
  } finally {
    prefetch?.useParser(null);
    queued?.close();
  }
}

/** Each source's index by its path (gc's -p). */
function indexByPath(sources: readonly SourcePackage[]): Map<string, number> {
  return new Map(sources.map((s, i) => [s.path ?? 'p', i]));
}

/** Whether two views hold the same bytes (the same view, most often). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a === b || Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

/** Files queued on a pool: their parse by name and bytes (parseFile's when not queued). */
interface Queued {
  /** The parse; `idle`: work to do while a worker has it (see ParsePool.result). */
  parse(filename: string, bytes: Uint8Array, idle?: () => boolean): ParseResult;
  /** The declarations parse of a file queued for it, or null (not queued: the caller parses). */
  declarations(filename: string, bytes: Uint8Array): DeclarationsParse | null;
  /**
   * The source being prepared (its index): while this thread waits for a parse, it parses
   * only the jobs queued for that source or before it. A later source's files are the
   * workers' to parse: this thread also checks, lowers and solves, and every job it takes
   * from them is a job they no longer have when they run out of work at the end (over
   * eleven modules, the one worker sat idle for about a second at the end of a cold run).
   */
  focus(index: number): void;
  close(): void;
}

/**
 * A pool with every file of `sources` queued in `order` (the order they will be prepared
 * in), but for the packages needed for their types alone, and the std stubs they import,
 * or null when parsing here is cheaper. With `kept`
 * (stub parses stored from earlier runs), only stubs not kept, and a stub's own imports
 * only when some stub a source imports itself (which are all loaded: Go code uses every
 * import) is not kept: most of a stub's imports are never loaded (over eleven modules, 58
 * of the 116 std packages the imports reach), so once the stubs of an earlier run are
 * kept, the ones left are mostly those, not worth parsing.
 */
function poolFor(
  sources: readonly SourcePackage[],
  order: readonly number[],
  prefetch: StubPrefetch | null,
  kept: ((filename: string, bytes: Uint8Array) => boolean) | null,
  typesOnly: ((index: number) => boolean) | undefined,
): Queued | null {
  let files = 0;
  let bytes = 0;
  let largest = 0;
  for (const s of sources) {
    files += s.files.length;
    for (const f of s.files) {
      bytes += f.bytes.length;
      largest = Math.max(largest, f.bytes.length);
    }
  }
  if (!shouldUsePool(files, bytes, largest)) return null;
  const pool = startParsePool();
  if (!pool) return null;
  const ids = new Map<string, { id: number; bytes: Uint8Array; declarations: boolean }>();
  let lastId = -1;
  const submit = (filename: string, b: Uint8Array, declarations = false): void => {
    if (ids.has(filename)) return;
    const id = pool.submit(filename, b, declarations);
    if (id >= 0) {
      ids.set(filename, { id, bytes: b, declarations });
      lastId = id;
    }
  };
  // A package needed for its declarations alone is parsed so (declarations.ts), queued just
  // before the first package that imports it (its check will want them then), the others
  // (reached only through another's declarations, if at all) last.
  const byPath = indexByPath(sources);
  const declared = new Set<number>();
  const submitDeclarations = (i: number): void => {
    if (declared.has(i)) return;
    declared.add(i);
    for (const f of sources[i]!.files) submit(f.filename, f.bytes, true);
  };
  const seen = new Set<string>();
  // Per source, the number of jobs queued up to and including its own.
  const ends: number[] = [];
  for (const index of order) {
    const s = sources[index]!;
    if (typesOnly?.(index)) continue;
    for (const imp of s.imports ?? []) {
      const i = byPath.get(imp);
      if (i !== undefined && typesOnly?.(i)) submitDeclarations(i);
    }
    for (const f of s.files) submit(f.filename, f.bytes);
    if (prefetch && s.stdImports) {
      let stubs: StubFile[];
      if (kept === null) stubs = prefetch.stubFiles(s.stdImports, seen, true);
      else {
        const probed = new Set(seen);
        const direct = prefetch.stubFiles(s.stdImports, probed, false);
        if (direct.some((f) => !kept(f.filename, f.bytes))) stubs = prefetch.stubFiles(s.stdImports, seen, true);
        else {
          for (const p of probed) seen.add(p);
          stubs = direct;
        }
      }
      for (const f of stubs) if (!kept?.(f.filename, f.bytes)) submit(f.filename, f.bytes);
    }
    ends[index] = lastId + 1;
  }
  for (const index of order) if (typesOnly?.(index)) submitDeclarations(index);
  let reach = Infinity;
  return {
    focus(index) {
      reach = ends[index] ?? Infinity;
    },
    parse(filename, b, idle) {
      const q = ids.get(filename);
      // Queued with the same bytes: the pool's parse; otherwise (not queued, or another
      // text under that name) this thread's.
      if (q === undefined || q.declarations || !sameBytes(q.bytes, b)) return parseFile(filename, b);
      ids.delete(filename);
      return pool.result(q.id, reach, idle);
    },
    declarations(filename, b) {
      const q = ids.get(filename);
      if (q === undefined || !q.declarations || !sameBytes(q.bytes, b)) return null;
      ids.delete(filename);
      return pool.declarations(q.id, reach);
    },
    close: () => pool.close(),
  };
}


function prepareWith(
  ctx: AnalysisContext,
  sources: readonly SourcePackage[],
  order: readonly number[],
  options: PrepareOptions,
  queued: Queued | null,
  start: number,
): Prepared {
  const std = ctx.std(options.go);
  const idle = queued ? stdImportsAhead(order.map((i) => sources[i]!), std) : undefined;
  const parse = queued ? (f: SourceFile): ParseResult => queued.parse(f.filename, f.bytes, idle) : undefined;
  const checked = new Map<string, Package>();
  const failed = new Set<string>();
  // By source index, whatever the order they are prepared in.
  const packages: PreparedPackage[] = [];
  const errors: (readonly GoError[])[] = [];
  // The packages needed for their declarations alone (typesOnly): checked when first
  // imported, if ever (an importer may reach a package only through another's
  // declarations, and its own check imports lazily: lazybodies.ts).
  const byPath = indexByPath(sources);
  const importName = (imported: string): string | undefined => {
    const i = byPath.get(imported);
    return i === undefined ? undefined : sources[i]!.name;
  };
  const declaring = new Set<string>();
  const importerOf = (source: SourcePackage): Importer => {
    const map = source.importMap ?? {};
    return {
      import(imported) {
        const resolved = map[imported] ?? imported;
        const hit = checked.get(resolved);
        if (hit) return hit;
        const i = byPath.get(resolved);
        if (i !== undefined && options.typesOnly?.(i) && !failed.has(resolved) && !declaring.has(resolved)) {
          declaring.add(resolved);
          const declared = declarationsOf(sources[i]!, importerOf(sources[i]!), resolved, importName, queued);
          declaring.delete(resolved);
          if (declared.ok) {
            checked.set(resolved, declared.pkg);
            return declared.pkg;
          }
          failed.add(resolved);
          errors[i] = declared.errors;
          return null;
        }
        return std.import(resolved);
      },
    };
  };
  for (const [done, index] of order.entries()) {
    const source = sources[index]!;
    const path = source.path ?? 'p';
    options.onPackage?.(done, sources.length, path);
    if (options.typesOnly?.(index)) {
      options.onTyped?.(index);
      continue;
    }
    queued?.focus(index);
    if (source.imports?.some((p) => failed.has(p))) {
      failed.add(path);
      options.onPrepared?.(index, null);
      continue;
    }
    const importer = importerOf(source);
    const outcome = lowerPackage(source, importer, path, ctx.parseCache, parse, {
      stdInline: () => ctx.stdInline(options.go),
      wrapForwardInstances: ctx.model(options.go, false).wrappers.forwardInstances,
      ...(options.importedInline ? { importedInline: options.importedInline } : {}),
    });
    if (!outcome.ok) {
      failed.add(path);
      errors[index] = outcome.errors;
      options.onPrepared?.(index, null);
      continue;
    }
    checked.set(path, outcome.pkg);
    const pp: PreparedPackage = { source, path, named: source.named ?? true, files: outcome.files, pkg: outcome.pkg, ir: outcome.ir };
    if (options.onPrepared) options.onPrepared(index, pp);
    else packages[index] = pp;
  }
  return {
    goVersion: options.go,
    packages: packages.filter((p) => p !== undefined),
    errors: errors.flatMap((e) => e ?? []),
    seconds: (performance.now() - start) / 1000,
  };
}

/**
 * The order to prepare sources in with a parse pool: of the sources whose imports are all
 * prepared, the smallest (fewest bytes) first, the given order breaking ties. This thread
 * checks, lowers and solves a byte more slowly than a worker parses it, so the workers'
 * lead grows with every package prepared; a package is a stall (this thread parsing its
 * files itself) when its files take longer to parse than that lead, which the largest
 * packages do when they come early (go list's order put golang.org/x/sys/unix, 690 KB,
 * tenth of 25 packages over eleven modules, and a 113 KB package first). Each package
 * still comes after its imports; its results are reported under its own index.
 */
export function lightFirst(sources: readonly SourcePackage[]): number[] {
  const index = indexByPath(sources);
  const size = sources.map((s) => s.files.reduce((n, f) => n + f.bytes.length, 0));
  // The sources each one waits for (its imports among them).
  const waits = sources.map((s) => (s.imports ?? []).map((p) => index.get(p)).filter((i): i is number => i !== undefined));
  const done = new Array<boolean>(sources.length).fill(false);
  const order: number[] = [];
  while (order.length < sources.length) {
    let pick = -1;
    for (let i = 0; i < sources.length; i++) {
      if (done[i] || !waits[i]!.every((j) => done[j])) continue;
      if (pick < 0 || size[i]! < size[pick]!) pick = i;
    }
    // An import cycle (never in Go) leaves none ready: the first left, as given.
    if (pick < 0) pick = done.indexOf(false);
    done[pick] = true;
    order.push(pick);
  }
  return order;
}

/**
 * Work for this thread while it waits for a worker's parse of a source file: importing the
 * std packages the sources import, one a call, in source order (false once all are). Each
 * is imported when its first importer is checked anyway (Go code uses every import; an
 * import is a std package's declarations, checked once per run, the same whenever), and it
 * is this thread's work, which a worker cannot take: at the start, while the first
 * package's files are parsed, this thread otherwise parses them too and so leaves a worker
 * idle at the end (a profile of a cold run over eleven modules: most of the half second
 * this thread parsed, the std imports a third of a second). Not re-entered: an import
 * waiting for a stub's parse waits.
 */
function stdImportsAhead(sources: readonly SourcePackage[], std: Importer): () => boolean {
  const paths = [...new Set(sources.flatMap((s) => s.stdImports ?? []))];
  let next = 0;
  let busy = false;
  return () => {
    if (busy || next >= paths.length) return false;
    busy = true;
    try {
      std.import(paths[next++]!);
    } finally {
      busy = false;
    }
    return true;
  };
}

/**
 * A package only its importers' type checks need: its declarations, parsed with their
 * bodies blanked and checked as they are first used (types/lazybodies.ts); its bodies wait
 * until an importer instantiates or inlines them. Its files are parsed on the pool when it has them queued.
 */
function declarationsOf(
  source: SourcePackage,
  importer: Importer,
  path: string,
  importName: (path: string) => string | undefined,
  queued: Queued | null,
): { readonly ok: true; readonly pkg: Package } | { readonly ok: false; readonly errors: readonly GoError[] } {
  const r = lazySourcePackage(source.files, importer, path, importName, queued ? (f) => queued.declarations(f.filename, f.bytes) : undefined);
  return 'pkg' in r ? { ok: true, pkg: r.pkg } : { ok: false, errors: r.errors };
}

/** The parse of one file (a pool's, or this thread's). */
export type FileParser = (f: SourceFile) => ParseResult;

/**
 * One package: parse every file, type-check, lower. `path` is the package's import path as
 * gc's -p gives it: it qualifies the package's own types where gc spells them out (shape
 * types: `go.shape.struct { p.v int }`) and its symbols.
 */
/** The Go release's facts a lowering may need; std's inline facts read only when asked. */
export interface ReleaseVersion {
  readonly stdInline?: () => StdInlineFacts | undefined;
  readonly wrapForwardInstances?: boolean;
  /** Whether a dependency's function has an inline body (its facts give its inline cost). */
  readonly importedInline?: (name: string) => boolean;
}

/** What the lowering needs to know of the Go release (LowerInput's optional fields). */
export function releaseFacts(
  version: ReleaseVersion,
  path: string,
  pkg: Package,
): { hasInlineBody?: (fn: IrFunc) => boolean; wrapForwardInstances?: boolean } {
  // std's inlinable functions have inline bodies in the export data gc reads (std is built
  // with inlining whatever the flags of the packages analysed); a module dependency's have
  // them when it was built with inlining (the go command builds the packages a command does
  // not name so), which its facts say (PackageFacts.inline).
  // The facts are read when a wrapper first asks (most packages never do: a small file's
  // analysis spent 23 ms reading them for nothing, bench:startup's cpu profile).
  const { stdInline, wrapForwardInstances, importedInline } = version;
  const directImports = pkg.imports.map((i) => i.path);
  return {
    ...(stdInline || importedInline
      ? {
          hasInlineBody: (fn: IrFunc) => {
            if (importedInline?.(fn.name)) return true;
            const facts = stdInline?.();
            return !!facts && facts.funcs.has(fn.name) && bodyAvailable(fn, path, directImports, facts);
          },
        }
      : {}),
    ...(wrapForwardInstances !== undefined ? { wrapForwardInstances } : {}),
  };
}

export function lowerPackage(
  source: SourcePackage,
  importer: Importer,
  path = 'p',
  parseCache?: ChunkMatchCache,
  parse?: FileParser,
  version: ReleaseVersion = {},
): LoweredPackage {
  const typed = checkSource(source, importer, path, parseCache, parse);
  if (!typed.ok) return typed;
  const { files, pkg, info } = typed;
  const ir = lower({ files, pkg, info, ...releaseFacts(version, path, pkg) });
  return { ok: true, files, pkg, ir };
}

/** One package parsed (every file) and type-checked: gc's errors, or its files and types. */
function checkSource(
  source: SourcePackage,
  importer: Importer,
  path: string,
  parseCache?: ChunkMatchCache,
  parse?: FileParser,
): { readonly ok: true; readonly files: readonly File[]; readonly pkg: Package; readonly info: CheckResult['info'] } | { readonly ok: false; readonly errors: readonly GoError[] } {
  const files: File[] = [];
  const syntaxErrors: GoError[] = [];
  for (const f of source.files) {
    const r = parse ? parse(f) : parseFile(f.filename, f.bytes, parseCache);
    syntaxErrors.push(...r.errors);
    if (r.file) files.push(r.file);
  }
  if (syntaxErrors.length > 0) return { ok: false, errors: syntaxErrors };
  const checked = checkPackage(files, { importer, path });
  if (checked.errors.length > 0) return { ok: false, errors: checked.errors };
  return { ok: true, files, pkg: checked.pkg, info: checked.info };
}
