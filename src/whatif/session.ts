// A what-if session: the program is prepared once (parse, check, lower: src/pipeline's
// front half), then solved once per rule model. The IR is immutable and escape analysis
// keeps its results in side tables, so one prepared program serves any number of models;
// the session's SolveMemo re-solves only the packages whose decisions a change can touch
// (pipeline/solve.ts), so a what-if run costs a fraction of an analysis.

import { performance } from 'node:perf_hooks';
import { loadSources, preparePackages, solvePrepared, SolveMemo, type AnalysisContext, type Diagnostic, type Prepared, type SourcePackage } from '../api.js';
import type { Model } from '../models/index.js';

export interface PrepareOptions {
  /** Model version whose standard-library stubs resolve imports; default the newest. */
  readonly go?: string;
  /** gc's -p for packages that have none. */
  readonly packagePath?: string;
  readonly context?: AnalysisContext;
}

export class WhatifSession {
  readonly memo = new SolveMemo();
  constructor(readonly prepared: Prepared) {}

  /** gc's -m lines (at level m) under one rule model; `inline`: the default build (gc's inliner first). */
  solve(model: Model, m = 1, inline = false): readonly Diagnostic[] {
    return solvePrepared(this.prepared, model, m, this.memo, inline).diagnostics;
  }
}

/** Load and prepare the packages named by `paths` (as analyzeFiles does). */
export async function prepare(paths: readonly string[], options: PrepareOptions = {}): Promise<WhatifSession> {
  const start = performance.now();
  const sources = await loadSources(paths);
  return prepareSources(sources, options, start);
}

/** Prepare already loaded packages. */
export function prepareSources(sources: readonly SourcePackage[], options: PrepareOptions = {}, start = performance.now()): WhatifSession {
  const prepared = preparePackages(sources, options);
  return new WhatifSession({ ...prepared, seconds: (performance.now() - start) / 1000 });
}
