// The library API behind the CLI, the server and the views: analyse Go packages and return
// gc-style diagnostics. The pipeline is wired once, here and in src/pipeline:
//
//   load → syntax → types → ir (lowering) → escape → diag
//   prepare (pipeline/prepare.ts): parse, check, lower every package, dependencies first
//   solve   (pipeline/solve.ts):   escape analysis under a rule model, facts flowing
//                                  from each package to its importers
//
// Every command (analyze, explain, graph, whatif, asm, report, check) calls prepare and
// solve through these functions and differs only in what it asks for. State shared by a
// run lives in an AnalysisContext (pipeline/context.ts) that the caller creates: pass one
// to share std packages across calls on purpose.

import { dirname } from 'node:path';
import type { GoError } from './errors.js';
import { UserError } from './errors.js';
import { loadPackages, readSourceFile } from './load/index.js';
import type { Model } from './models/index.js';
import { createContext, type AnalysisContext } from './pipeline/context.js';
import { prepare, type Prepared, type SourcePackage } from './pipeline/prepare.js';
import { analyzedPackage, solve, type AnalyzedPackage, type SolveMemo } from './pipeline/solve.js';
import type { Diagnostic } from './diag/index.js';

export type { Diagnostic, DiagnosticKind } from './diag/index.js';
export type { SourcePackage, Prepared } from './pipeline/prepare.js';
export type { AnalysisContext } from './pipeline/context.js';
export type { PackageFacts } from './pipeline/facts.js';
export { createContext } from './pipeline/context.js';
export { SolveMemo } from './pipeline/solve.js';

export interface AnalyzeOptions {
  /** -m level: 1 decisions, 2 with flow explanations. */
  readonly m: number;
  /** -smallframes limits. */
  readonly smallframes: boolean;
  /** Model version, e.g. "go1.26"; default the newest. */
  readonly go?: string;
  /** A rule model to use instead of loading `go` (what-if runs pass a changed one). */
  readonly model?: Model;
  /** The import path, as gc's -p (default `p`, as goesc's fixtures compile), for packages without one. */
  readonly packagePath?: string;
  /** The run's shared state (std packages); default a new one for this call. */
  readonly context?: AnalysisContext;
  /** Run gc's inliner before escape analysis (the compiler without -l); default off, as -l. */
  readonly inline?: boolean;
}

export interface AnalysisResult {
  /** The named packages' lines, in the compiler's output order. */
  readonly diagnostics: readonly Diagnostic[];
  /** Syntax and type errors; when present, diagnostics may be empty. */
  readonly errors: readonly GoError[];
  /** Per package (dependencies too): the IR and the escape results, for the views (graph, explain, asm). */
  readonly packages: readonly AnalyzedPackage[];
  /** The model the analysis ran under. */
  readonly model: Model;
}

export type { AnalyzedPackage } from './pipeline/solve.js';

export const defaultAnalyzeOptions: Required<Pick<AnalyzeOptions, 'm' | 'smallframes' | 'go'>> = {
  m: 1,
  smallframes: false,
  go: 'go1.26',
};

/** Analyse the package(s) named by `paths` (files of one package, directories, DIR/...). */
export async function analyzeFiles(
  paths: readonly string[],
  options: Partial<AnalyzeOptions> = {},
): Promise<AnalysisResult> {
  return analyzePackages(await loadSources(paths), options);
}

/** Files named on the command line form one package; directories and DIR/... go through src/load. */
export async function loadSources(paths: readonly string[]): Promise<SourcePackage[]> {
  if (paths.length > 0 && paths.every((p) => p.endsWith('.go'))) {
    const files = paths.map((filename) => {
      try {
        return { filename, bytes: readSourceFile(filename) };
      } catch (err) {
        if (err instanceof UserError) throw err; // file too large
        throw new UserError(`goesc: open ${filename}: no such file or directory`);
      }
    });
    return [{ dir: dirname(paths[0]!), files }];
  }
  return loadPackages(paths);
}

/** The model an analysis runs under: the one given, else the version's (with -smallframes). */
export function modelFor(options: Partial<AnalyzeOptions>, context: AnalysisContext): Model {
  return options.model ?? context.model(options.go ?? defaultAnalyzeOptions.go, options.smallframes ?? false);
}

/** The front half (parse, check, lower) of already loaded packages, for repeated solves. */
export function preparePackages(packages: readonly SourcePackage[], options: Partial<AnalyzeOptions> = {}): Prepared {
  const context = options.context ?? createContext();
  const go = options.model?.version ?? options.go ?? defaultAnalyzeOptions.go;
  const withPath = options.packagePath ? packages.map((p) => (p.path ? p : { ...p, path: options.packagePath })) : packages;
  return prepare(context, withPath, { go });
}

/** The back half: escape analysis of a prepared program under a model (a memo reuses earlier solves). */
export function solvePrepared(prepared: Prepared, model: Model, m: number, memo?: SolveMemo, inline = false): AnalysisResult {
  const solved = solve(prepared, model, m, memo, inline);
  return {
    diagnostics: solved.diagnostics,
    errors: prepared.errors,
    model,
    packages: solved.packages.map(analyzedPackage),
  };
}

/** Analyse already loaded packages. */
export function analyzePackages(
  packages: readonly SourcePackage[],
  options: Partial<AnalyzeOptions> = {},
): AnalysisResult {
  const context = options.context ?? createContext();
  const model = modelFor(options, context);
  const prepared = preparePackages(packages, { ...options, context, model });
  return solvePrepared(prepared, model, options.m ?? defaultAnalyzeOptions.m, undefined, options.inline ?? false);
}

export { formatDiagnostic } from './diag/index.js';
