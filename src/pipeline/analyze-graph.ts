// The analysis of a loaded package graph, as a goesc run does it after loading: buildGraph
// (build.ts: every package after its imports, the result cache in front), the named
// packages' lines renamed as the go command prints them, gc's errors formatted, the notes
// for stderr. The command line loads the graph from the disk (program.ts); the browser
// playground builds the one-file graph of its editor (src/web/worker.ts) and calls this
// same function, so the page prints what `goesc FLAGS prog.go` prints.

import type { Diagnostic } from '../diag/index.js';
import { formatGoError, type GoError } from '../errors.js';
import type { LoadedPackage, PackageGraph } from '../load/graph.js';
import { buildGraph } from './build.js';
import type { AnalysisContext } from './context.js';
import type { ProgramOptions, ProgramResult } from './program.js';

export interface GraphRunOptions extends Omit<ProgramOptions, 'packagePath'> {
  /** go build's naming (module packages) rather than go tool compile's (named files). */
  readonly moduleNaming: boolean;
  /** How a package's lines and errors are renamed for printing (go build's short paths); default as they are. */
  readonly rename?: (pkg: LoadedPackage | null) => (text: string) => string;
}

export function analyzeGraph(ctx: AnalysisContext, graph: PackageGraph, options: GraphRunOptions): ProgramResult {
  const { moduleNaming } = options;
  const built = buildGraph(ctx, graph, {
    m: options.m,
    inline: options.inline ?? false,
    model: options.model,
    cache: options.cache,
    buildId: options.buildId,
    moduleNaming,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const rename = options.rename ?? (() => (text: string) => text);
  const diagnostics: Diagnostic[] = [];
  for (const b of built.packages) {
    const r = rename(b.pkg);
    // A package's lines name few files, each many times: each renamed once.
    const files = new Map<string, string>();
    const file = (f: string) => {
      let s = files.get(f);
      if (s === undefined) files.set(f, (s = r(f)));
      return s;
    };
    for (const d of b.diagnostics) diagnostics.push({ ...d, file: file(d.file), message: r(d.message) });
  }
  const dirOfFile = new Map(graph.packages.flatMap((p) => p.files.map((f) => [moduleNaming ? f.absPath : f.filename, p] as const)));
  const errors = built.errors.map((e: GoError) => rename(dirOfFile.get(e.file) ?? null)(formatGoError(e)));
  const notes = graph.packages
    .filter((p) => p.cgoFilesOmitted.length > 0)
    .map((p) => `goesc: ${p.importPath}: left out ${p.cgoFilesOmitted.join(', ')} (import "C"), as a build with CGO_ENABLED=0 does`);
  return { graph, diagnostics, errors, notes, stats: built.stats };
}
