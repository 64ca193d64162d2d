// The library API behind the CLI: analyse Go packages and return gc-style diagnostics.
// The pipeline is load → syntax → types → ir (lowering) → escape → diag; this module only
// wires the stages, one package at a time, and stops a package at its first syntax or type
// errors as gc does.

import type { GoError } from './errors.js';
import { dirname } from 'node:path';
import { UserError } from './errors.js';
import { modelImporter, type Importer } from './types/index.js';
import { frontEndNotes } from './ir/lower.js';
import { loadPackages, readSourceFile } from './load/index.js';
import { lowerSourcePackage, type SourcePackage } from './frontend.js';
import type { IrPackage } from './ir/ir.js';
import { escapePackage, type EscapeResult } from './escape/escape.js';
import type { MessageKind } from './escape/batch.js';
import { fromModel } from './escape/utils.js';
import { loadModel, type Model } from './models/index.js';
import { gcNodeFormatter, toDiagnostics } from './diag/index.js';
import { boundsNotes } from './diag/bounds.js';
import { inlinePackage, inlineParams, loadStdInlineFacts } from './inline/index.js';

/** What a diagnostic reports; the escape stage's own classification of its messages. */
export type DiagnosticKind = MessageKind;

/** One line of gc's -m output. */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  readonly kind: DiagnosticKind;
  /** gc's name of the enclosing function (`p.f`, `p.(*T).M`, `p.f.func1`). */
  readonly func?: string;
}

export interface AnalyzeOptions {
  /** -m level: 1 decisions, 2 with flow explanations. */
  readonly m: number;
  /** -smallframes limits. */
  readonly smallframes: boolean;
  /** Model version, e.g. "go1.26"; default the newest. */
  readonly go?: string;
  /** A rule model to use instead of loading `go` (what-if runs pass a changed one). */
  readonly model?: Model;
  /** Resolves imports; default: the standard-library summaries of the model, when present. */
  readonly importer?: Importer;
  /** The import path, as gc's -p (default `p`, as goesc's fixtures compile). */
  readonly packagePath?: string;
  /** Run gc's inliner before escape analysis (the compiler without -l); default off, as -l. */
  readonly inline?: boolean;
}

export interface AnalysisResult {
  /** In the compiler's output order. */
  readonly diagnostics: readonly Diagnostic[];
  /** Syntax and type errors; when present, diagnostics may be empty. */
  readonly errors: readonly GoError[];
  /** Per package: the IR and the escape results, for the views (graph, explain, asm). */
  readonly packages: readonly AnalyzedPackage[];
}

export interface AnalyzedPackage {
  readonly dir: string;
  readonly ir: IrPackage;
  readonly escape: EscapeResult;
}

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

export type { SourcePackage };

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

/** Analyse already loaded packages. */
export function analyzePackages(
  packages: readonly SourcePackage[],
  options: Partial<AnalyzeOptions> = {},
): AnalysisResult {
  const m = options.m ?? defaultAnalyzeOptions.m;
  const model = options.model ?? loadModel(options.go ?? defaultAnalyzeOptions.go, { smallframes: options.smallframes ?? false });
  const escapeModel = fromModel(model);
  const importer = options.importer ?? modelImporter({ goVersion: model.version });
  const diagnostics: Diagnostic[] = [];
  const errors: GoError[] = [];
  const analyzed: AnalyzedPackage[] = [];
  let stdInline: ReturnType<typeof loadStdInlineFacts> | undefined;
  for (const sp of packages) {
    const lowered = lowerSourcePackage(sp, importer, options.packagePath);
    if (!lowered.ok) {
      errors.push(...lowered.errors);
      continue;
    }
    // Without -l, gc's inliner runs between the front end and escape analysis: its
    // `can inline` lines come first, its `inlining call to` lines after devirtualization's.
    const inlined = options.inline
      ? inlinePackage(lowered.ir, { params: inlineParams(model), m, std: (stdInline ??= loadStdInlineFacts(model.version)) })
      : null;
    const ir = inlined?.ir ?? lowered.ir;
    const escape = escapePackage(ir, { m, model: escapeModel, fmt: gcNodeFormatter });
    const note = (n: { file: string; pos: { line: number; col: number }; message: string; func: string }) =>
      diagnostics.push({ file: n.file, line: n.pos.line, col: n.pos.col, message: n.message, kind: 'other', func: n.func });
    if (m > 0) inlined?.canInlineNotes.forEach(note);
    // The front end's own -m lines (devirtualization) print before escape analysis runs.
    if (m > 0) frontEndNotes(lowered.ir).forEach(note);
    if (m > 0) inlined?.inlineNotes.forEach(note);
    diagnostics.push(...toDiagnostics(escape.messages, m));
    // Then what the walk phase prints as each function is compiled.
    for (const n of m > 0 ? boundsNotes(ir) : []) {
      diagnostics.push({ file: n.file, line: n.line, col: n.col, message: 'index bounds check elided', kind: 'other', func: n.func });
    }
    analyzed.push({ dir: sp.dir, ir, escape });
  }
  return { diagnostics, errors, packages: analyzed };
}

export { formatDiagnostic } from './diag/index.js';
