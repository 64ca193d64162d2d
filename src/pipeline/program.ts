// A whole goesc run over command-line patterns, as `go build -gcflags=-m PATTERN` runs:
// load the package graph (src/load: go.mod, go.work, vendor/, the module cache), analyse it
// with facts flowing from each package to its importers and the result cache in front
// (build.ts), and name the files as the go command prints them.
//
// Inside a module, packages are parsed under their absolute file names, so that a position
// in one package's file reads the same wherever it is printed; the lines are then rewritten
// as go build rewrites the compiler's output (load/paths.ts): `./main.go`, `inner/x.go`,
// `./inner/x.go` for a generic body instantiated elsewhere, absolute for the module cache.
// `.go` files named on the command line, and everything outside a module, keep the user's
// spelling and gc's `-p=p`, as `go tool compile` is run on them.

import { resolve } from 'node:path';
import type { Diagnostic } from '../diag/index.js';
import type { Disk } from '../load/disk.js';
import { loadGraph, type PackageGraph } from '../load/graph.js';
import { shortPath } from '../load/paths.js';
import type { Model } from '../models/index.js';
import type { BuildResult } from './build.js';
import { analyzeGraph } from './analyze-graph.js';
import type { ResultCache } from './cache.js';
import type { AnalysisContext } from './context.js';

export interface ProgramOptions {
  readonly m: number;
  /** The default build: gc's inliner before escape analysis (false: -l). */
  readonly inline?: boolean;
  readonly model: Model;
  /** gc's -p for packages outside a module and for named .go files (default `p`). */
  readonly packagePath?: string;
  readonly cache: ResultCache | null;
  readonly buildId: string;
  readonly onProgress?: (done: number, total: number, what: string) => void;
  /** The load's view of the disk (load/disk.ts), for a caller that keeps its stamp. */
  readonly disk?: Disk;
}

export interface ProgramResult {
  readonly graph: PackageGraph;
  /** The named packages' lines, file names as the go command (or go tool compile) prints them. */
  readonly diagnostics: readonly Diagnostic[];
  /** Syntax and type errors, formatted as gc prints them (names as above). */
  readonly errors: readonly string[];
  /** Notes for stderr (files left out because they use cgo). */
  readonly notes: readonly string[];
  readonly stats: BuildResult['stats'];
}

export function analyzeProgram(ctx: AnalysisContext, patterns: readonly string[], options: ProgramOptions): ProgramResult {
  const cwd = resolve(ctx.cwd);
  const minor = Number(/^go1\.(\d+)/.exec(options.model.version)?.[1] ?? 26);
  const loaded = loadGraph(patterns, {
    cwd,
    env: ctx.env,
    goMinor: minor,
    outsideModuleImportPath: options.packagePath ?? 'p',
    ...(options.disk ? { disk: options.disk } : {}),
  });
  // Named .go files keep their spelling and -p, as go tool compile takes them.
  const filesNamed = loaded.filesNamed;
  const moduleNaming = loaded.mainModules.length > 0 && !filesNamed;
  const graph: PackageGraph = loaded.mainModules.length > 0 && filesNamed ? asGiven(loaded, patterns, cwd, options.packagePath ?? 'p') : loaded;
  const { cache, buildId, m, model } = options;
  return analyzeGraph(ctx, graph, {
    m,
    model,
    cache,
    buildId,
    moduleNaming,
    ...(options.inline !== undefined ? { inline: options.inline } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    rename: (pkg) => {
      if (!moduleNaming) return (text: string) => text;
      const prefixes = commandPrefixes(pkg?.dir ?? cwd, cwd); // once per package, not per line
      return (text: string) => replacePrefixes(text, prefixes);
    },
  });
}

/**
 * work.Shell.reportCmd's rewriting of the compiler's output for the package in `pkgDir`:
 * from that directory up to `/`, each ancestor whose path relative to cwd is shorter is
 * replaced by it where it starts the text or follows a space (base.ShortPath, replacePrefix).
 */
export function goCommandNames(text: string, pkgDir: string, cwd: string): string {
  return replacePrefixes(text, commandPrefixes(pkgDir, cwd));
}

/** goCommandNames' replacements for the package in `pkgDir`: [ancestor, its short path], in order. */
function commandPrefixes(pkgDir: string, cwd: string): (readonly [string, string])[] {
  const out: (readonly [string, string])[] = [];
  for (let dir = pkgDir; ; ) {
    const rel = shortPath(dir, cwd);
    if (rel !== dir) out.push([dir, rel]);
    const up = dir.slice(0, dir.lastIndexOf('/')) || '/';
    if (up === dir) break;
    dir = up;
  }
  return out;
}

function replacePrefixes(text: string, prefixes: readonly (readonly [string, string])[]): string {
  let out = text;
  for (const [dir, rel] of prefixes) out = replacePrefix(out, dir, rel);
  return out;
}

function replacePrefix(s: string, old: string, replacement: string): string {
  if (!s.includes(old)) return s;
  let out = s.split(' ' + old).join(' ' + replacement);
  if (out.startsWith(old)) out = replacement + out.slice(old.length);
  return out;
}

/** The graph with its command-line-arguments package named as go tool compile names it. */
function asGiven(graph: PackageGraph, patterns: readonly string[], cwd: string, path: string): PackageGraph {
  const given = new Map(patterns.map((p) => [resolve(cwd, p), p]));
  return {
    ...graph,
    packages: graph.packages.map((p) =>
      p.importPath !== 'command-line-arguments'
        ? p
        : { ...p, importPath: path, files: p.files.map((f) => ({ ...f, filename: given.get(f.absPath) ?? f.filename })) },
    ),
  };
}
