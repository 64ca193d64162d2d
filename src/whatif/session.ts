// A what-if session: the program is loaded, parsed, type-checked and lowered once
// (prepare), then escape analysis is solved once per rule model (solve). The IR is immutable
// and escape analysis keeps its results in side tables, so one prepared program serves any
// number of models; a what-if run costs one solve, not a full analysis.
// The stages are those of src/api.ts analyzePackages, split at the point where the rule
// model first matters (the escape stage: src/escape reads every rule from the model).

import { performance } from 'node:perf_hooks';
import { loadSources, type Diagnostic, type SourcePackage } from '../api.js';
import type { GoError } from '../errors.js';
import { parseFile, type File } from '../syntax/index.js';
import { checkPackage, modelImporter, type Importer } from '../types/index.js';
import { lower } from '../ir/lower.js';
import type { IrPackage } from '../ir/ir.js';
import { escapePackage } from '../escape/escape.js';
import { fromModel } from '../escape/utils.js';
import { gcNodeFormatter, toDiagnostics } from '../diag/index.js';
import type { Model } from '../models/index.js';

export interface PreparedPackage {
  readonly dir: string;
  readonly ir: IrPackage;
}

/** A program ready for escape analysis under any model of its Go version. */
export interface Prepared {
  readonly packages: readonly PreparedPackage[];
  /** Syntax and type errors; the packages that have them are left out. */
  readonly errors: readonly GoError[];
  /** Wall time of load + parse + check + lower. */
  readonly seconds: number;
}

export interface PrepareOptions {
  /** Model version whose standard-library stubs resolve imports; default the newest. */
  readonly go?: string;
  readonly importer?: Importer;
}

/** Load, parse, type-check and lower the packages named by `paths` (as analyzeFiles does). */
export async function prepare(paths: readonly string[], options: PrepareOptions = {}): Promise<Prepared> {
  const start = performance.now();
  const sources = await loadSources(paths);
  return prepareSources(sources, options, start);
}

/** Parse, type-check and lower already loaded packages. */
export function prepareSources(sources: readonly SourcePackage[], options: PrepareOptions = {}, start = performance.now()): Prepared {
  const importer = options.importer ?? modelImporter(options.go ? { goVersion: options.go } : {});
  const packages: PreparedPackage[] = [];
  const errors: GoError[] = [];
  for (const sp of sources) {
    const files: File[] = [];
    const syntaxErrors: GoError[] = [];
    for (const f of sp.files) {
      const r = parseFile(f.filename, f.bytes);
      syntaxErrors.push(...r.errors);
      if (r.file) files.push(r.file);
    }
    if (syntaxErrors.length > 0) {
      errors.push(...syntaxErrors);
      continue;
    }
    const checked = checkPackage(files, { importer, path: 'p' });
    if (checked.errors.length > 0) {
      errors.push(...checked.errors);
      continue;
    }
    packages.push({ dir: sp.dir, ir: lower({ files, pkg: checked.pkg, info: checked.info }) });
  }
  return { packages, errors, seconds: (performance.now() - start) / 1000 };
}

/** gc's -m lines (at level m) for a prepared program under one rule model. */
export function solve(prepared: Prepared, model: Model, m = 1): Diagnostic[] {
  const escapeModel = fromModel(model);
  const out: Diagnostic[] = [];
  for (const p of prepared.packages) {
    const result = escapePackage(p.ir, { m, model: escapeModel, fmt: gcNodeFormatter });
    out.push(...toDiagnostics(result.messages, m));
  }
  return out;
}
