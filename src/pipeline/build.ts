// Analysing a package graph as `go build -gcflags=-m` does: every package after its imports,
// the named ones printing their lines, the others analysed for their facts alone, with the
// result cache (cache.ts) in front.
//
// Each package's cache key hashes goesc's build, the model, the package's path and files,
// and its imports' keys (keysOf). A run first looks up the named packages' lines: when every
// one is there, it is done and has parsed nothing (nor read any facts). Otherwise it
// prepares (parse, check, lower) the packages that missed and everything they import — an
// import's types are needed even when its facts are cached — and solves only the packages
// whose facts or lines are not cached, writing what it computed back. A package is solved
// as soon as it is prepared, so that the parse pool's threads keep parsing later packages
// meanwhile (rather than idling through a solve of everything at the end) and a package's
// IR is garbage once solved.

import { fromModel } from '../escape/utils.js';
import type { GoError } from '../errors.js';
import type { Diagnostic } from '../diag/index.js';
import type { Model } from '../models/index.js';
import type { LoadedPackage, PackageGraph } from '../load/graph.js';
import type { AnalysisContext } from './context.js';
import type { CacheEntry, ResultCache } from './cache.js';
import type { PackageFacts } from './facts.js';
import { prepare, type PreparedPackage, type SourcePackage } from './prepare.js';
import { inliningFor, solvePackage } from './solve.js';

export interface BuildOptions {
  /** -m level of the named packages' lines (1 or 2). */
  readonly m: number;
  /** The default build: gc's inliner before escape analysis (false: -l). */
  readonly inline: boolean;
  readonly model: Model;
  /** null: no cache (--cache=off). */
  readonly cache: ResultCache | null;
  /** goesc's build (the code that computes the answers): part of every key. */
  readonly buildId: string;
  /**
   * Module naming: files parsed under their absolute names and `main` packages compiled as
   * `-p main`, as go build does; otherwise the names as given and the graph's import paths
   * as -p, as go tool compile is run on them.
   */
  readonly moduleNaming: boolean;
  /** Progress: `done` of `total` packages (each prepared and solved). */
  readonly onProgress?: (done: number, total: number, what: string) => void;
}

export interface BuiltPackage {
  readonly pkg: LoadedPackage;
  /** Its lines at level m, file names as parsed (absolute in a module; see the caller). */
  readonly diagnostics: readonly Diagnostic[];
}

export interface BuildResult {
  /** The named packages, in graph order. */
  readonly packages: readonly BuiltPackage[];
  readonly errors: readonly GoError[];
  /** Packages whose answers came from the cache, and packages parsed. */
  readonly stats: { readonly cached: number; readonly parsed: number; readonly solved: number };
}

/** gc's -p for a loaded package: go build's `main` for a command, else its import path. */
export function gcPackagePath(p: LoadedPackage, moduleNaming: boolean): string {
  return moduleNaming && p.name === 'main' ? 'main' : p.importPath;
}

/** The file name a package is parsed under (see BuildOptions.moduleNaming). */
function parsedName(f: LoadedPackage['files'][number], moduleNaming: boolean): string {
  return moduleNaming ? f.absPath : f.filename;
}

/** The pipeline's view of a loaded package. */
export function sourceOf(p: LoadedPackage, moduleNaming: boolean): SourcePackage {
  const vendoredStd = p.module?.path === 'std';
  const importMap: Record<string, string> = {};
  // std's own sources import golang.org/x/... from $GOROOT/src/vendor, which the models keep
  // under vendor/ as gc's importcfg maps them.
  if (vendoredStd) for (const i of p.imports) if (i.path.split('/')[0]!.includes('.')) importMap[i.path] = `vendor/${i.path}`;
  return {
    dir: p.dir,
    files: p.files.map((f) => ({ filename: parsedName(f, moduleNaming), bytes: f.bytes })),
    path: gcPackagePath(p, moduleNaming),
    named: p.named,
    name: p.name,
    imports: p.imports.filter((i) => !i.std).map((i) => i.path),
    stdImports: p.imports.filter((i) => i.std).map((i) => importMap[i.path] ?? i.path),
    ...(Object.keys(importMap).length > 0 ? { importMap } : {}),
  };
}

/**
 * Whether gc's inliner runs before the package's escape analysis: in the default build, and
 * for every package the command does not name, as the go command compiles those with its
 * default flags (`-gcflags=-m -l` without a pattern applies to the named packages only), so
 * a dependency's facts are those of its inlined build even under -l.
 */
function inlines(p: LoadedPackage, options: Pick<BuildOptions, 'inline'>): boolean {
  return options.inline || !p.named;
}

/** Cache keys of every package of the graph, in graph order (imports' keys come first); `hashParts` is the cache's. */
export function keysOf(
  graph: PackageGraph,
  options: Pick<BuildOptions, 'model' | 'buildId' | 'moduleNaming' | 'inline'>,
  hashParts: (parts: readonly (string | Uint8Array)[]) => string,
): Map<LoadedPackage, string> {
  const modelKey = hashParts([JSON.stringify(options.model)]);
  const byPath = new Map<string, string>();
  const keys = new Map<LoadedPackage, string>();
  for (const p of graph.packages) {
    const parts: (string | Uint8Array)[] = [
      options.buildId, modelKey, inlines(p, options) ? 'inline' : '-l', gcPackagePath(p, options.moduleNaming), p.name, p.dir, String(p.hasAsm),
    ];
    for (const f of p.files) parts.push(parsedName(f, options.moduleNaming), f.bytes);
    for (const i of p.imports) if (!i.std) parts.push(i.path, byPath.get(i.path) ?? 'missing');
    const key = hashParts(parts);
    keys.set(p, key);
    byPath.set(p.importPath, key);
  }
  return keys;
}

export function buildGraph(ctx: AnalysisContext, graph: PackageGraph, options: BuildOptions): BuildResult {
  const { m, cache } = options;
  const level = String(m);
  // Keys only for a cache (the browser playground runs without one, and without hashing).
  const keys = cache ? keysOf(graph, options, (parts) => cache.hash(parts)) : new Map<LoadedPackage, string>();
  const named = graph.packages.filter((p) => p.named);
  // First the named packages' lines alone: when they are all there, that is the run, and
  // no entry's facts are read.
  if (cache) {
    const found: BuiltPackage[] = [];
    for (const p of named) {
      const diagnostics = cache.get(keys.get(p)!, true)?.lines[level];
      if (!diagnostics) break;
      found.push({ pkg: p, diagnostics });
    }
    if (found.length === named.length) return { packages: found, errors: [], stats: { cached: named.length, parsed: 0, solved: 0 } };
  }
  const entries = new Map<LoadedPackage, CacheEntry>();
  if (cache) {
    for (const p of graph.packages) {
      const e = cache.get(keys.get(p)!);
      if (e) entries.set(p, e);
    }
  }
  const answered = (p: LoadedPackage) => entries.get(p)?.lines[level] !== undefined;

  // What must be prepared: the named packages without lines and everything they import.
  const byPath = new Map(graph.packages.map((p) => [p.importPath, p]));
  const needed = new Set<LoadedPackage>();
  const need = (p: LoadedPackage): void => {
    if (needed.has(p)) return;
    needed.add(p);
    for (const i of p.imports) {
      const d = !i.std ? byPath.get(i.path) : undefined;
      if (d) need(d);
    }
  };
  for (const p of named) if (!answered(p)) need(p);
  const order = graph.packages.filter((p) => needed.has(p));
  const sources = order.map((p) => sourceOf(p, options.moduleNaming));

  const view = fromModel(options.model);
  const inlining = order.some((p) => inlines(p, options)) ? inliningFor(options.model, ctx.stdInline(options.model.version)) : null;
  const imported = new Map<string, readonly string[]>();
  const importedCosts = new Map<string, number>();
  const addFacts = (f: PackageFacts) => {
    for (const [name, tags] of Object.entries(f.tags)) imported.set(name, tags);
    for (const [name, cost] of Object.entries(f.inline ?? {})) importedCosts.set(name, cost);
  };
  const lines = new Map<LoadedPackage, readonly Diagnostic[]>();
  for (const p of named) if (answered(p)) lines.set(p, entries.get(p)!.lines[level]!);
  let solved = 0;
  // A package whose facts (and lines, when named) are cached: its importers need its types
  // alone, so it is checked and not lowered (prepare's typesOnly).
  const cachedAnswer = (i: number): CacheEntry | undefined => {
    const p = order[i]!;
    const entry = entries.get(p);
    return entry && !(p.named && entry.lines[level] === undefined) ? entry : undefined;
  };
  const useCached = (i: number, entry: CacheEntry): void => {
    const p = order[i]!;
    addFacts(entry.facts);
    if (p.named) lines.set(p, entry.lines[level]!);
  };
  // Each package is solved as soon as it is prepared (its imports were, before it), while
  // the parse pool works ahead on later packages; its IR is not kept after.
  const onPrepared = (i: number, ready: PreparedPackage | null): void => {
    const p = order[i]!;
    const entry = entries.get(p);
    const cached = cachedAnswer(i);
    if (cached) {
      useCached(i, cached);
      return;
    }
    if (!ready) return; // it failed to check: its errors are in prepared.errors
    // Each prepared package is solved once here: its IR may be edited in place.
    const result = solvePackage(ready, view, p.named ? m : 0, imported, inlines(p, options) ? inlining : null, importedCosts, true);
    solved++;
    addFacts(result.facts);
    if (p.named) lines.set(p, result.diagnostics);
    cache?.put(keys.get(p)!, { facts: result.facts, lines: { ...(entry?.lines ?? {}), ...(p.named ? { [level]: result.diagnostics } : {}) } });
  };
  let preparedCount = 0;
  const prepared = prepare(ctx, sources, {
    go: options.model.version,
    ...(cache ? { stubParses: { cache, buildId: options.buildId } } : {}),
    onPrepared: (i, ready) => {
      if (ready) preparedCount++;
      onPrepared(i, ready);
    },
    typesOnly: (i) => cachedAnswer(i) !== undefined,
    importedInline: (name) => importedCosts.has(name),
    onTyped: (i) => {
      preparedCount++;
      useCached(i, cachedAnswer(i)!);
    },
    ...(options.onProgress ? { onPackage: (i: number, n: number, path: string) => options.onProgress!(i, n, path) } : {}),
  });
  cache?.trim();
  return {
    packages: named.filter((p) => lines.has(p)).map((p) => ({ pkg: p, diagnostics: lines.get(p)! })),
    errors: prepared.errors,
    stats: { cached: named.length - [...needed].filter((p) => p.named).length, parsed: preparedCount, solved },
  };
}
