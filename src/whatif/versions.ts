// Version what-if: what upgrading Go changes in gc's -m lines (`goesc whatif --from go1.26
// --to go1.27`). Unlike a rule what-if (index.ts), the two sides differ in more than the rule
// model: each version brings its own standard library (models/<version>/std), so a program
// may type-check, lower and even import differently, and each version has its own build tags
// (go1.27 turns on goexperiment.jsonv2), so a directory may even hold different files. The
// packages are therefore loaded and analysed in full under each version (api.ts
// analyzePackages, with the same flags: -m level, -smallframes, -p), and the two line sets are
// diffed as multisets (diff.ts). Instantiated std
// bodies print at each model's $GOROOT/src/... (meta.json's GOROOT unless $GOROOT is set), so
// the older side's std paths are first renamed to the newer side's: moving the toolchain is
// not a change in the program's allocations.

import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { analyzePackages, formatDiagnostic, loadSources, type Diagnostic } from '../api.js';
import { defaultModelsDir, modelGoroot } from '../types/importer.js';
import { formatGoError, type GoError } from '../errors.js';
import { buildTargetOf, loadModel, type Model } from '../models/index.js';
import { loadPackages } from '../load/index.js';
import { diffDiagnostics, type DiagnosticChange } from './diff.js';

export interface VersionWhatifOptions {
  /** The version upgraded from (`go1.26`). */
  readonly from: string;
  /** The version upgraded to (`go1.27`). */
  readonly to: string;
  /** -m level of the compared lines (2 compares the flow explanations too). */
  readonly m?: number;
  /** Both sides with the compiler's -smallframes limits. */
  readonly smallframes?: boolean;
  /** The import path, as gc's -p. */
  readonly packagePath?: string;
}

export interface VersionWhatifResult {
  readonly from: Model;
  readonly to: Model;
  readonly changes: readonly DiagnosticChange[];
  /** Syntax and type errors under either version (the `to` side's first). */
  readonly errors: readonly GoError[];
  readonly seconds: { readonly load: number; readonly from: number; readonly to: number };
}

/** Analyse `paths` under two model versions and return the lines the upgrade removes and adds. */
export async function whatifVersions(paths: readonly string[], options: VersionWhatifOptions): Promise<VersionWhatifResult> {
  const smallframes = !!options.smallframes;
  // Unknown versions fail here, before any work, with the list of known ones.
  const from = loadModel(options.from, { smallframes });
  const to = loadModel(options.to, { smallframes });
  let t = performance.now();
  // Files named on the command line are the package whatever the tags; directories and
  // patterns choose their files with each version's build tags.
  const named = paths.length > 0 && paths.every((p) => p.endsWith('.go'));
  const fromSources = named ? await loadSources(paths) : loadPackages(paths, buildTargetOf(from));
  const toSources = named ? fromSources : loadPackages(paths, buildTargetOf(to));
  const load = (performance.now() - t) / 1000;
  const common = { m: options.m && options.m > 1 ? options.m : 1, smallframes, ...(options.packagePath ? { packagePath: options.packagePath } : {}) };
  t = performance.now();
  const before = analyzePackages(fromSources, { ...common, model: from, go: from.version });
  const fromSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const after = analyzePackages(toSources, { ...common, model: to, go: to.version });
  const toSeconds = (performance.now() - t) / 1000;
  const errors = [...after.errors, ...before.errors.filter((e) => !after.errors.some((a) => sameError(a, e)))];
  const renamed = renameStdRoot(before.diagnostics, stdSourceRoot(from.version), stdSourceRoot(to.version));
  return {
    from,
    to,
    changes: errors.length > 0 ? [] : diffDiagnostics(renamed, after.diagnostics),
    errors,
    seconds: { load, from: fromSeconds, to: toSeconds },
  };
}

/** Where a model's std body files are named: `$GOROOT/src/`. */
function stdSourceRoot(version: string): string {
  return modelGoroot(join(defaultModelsDir(), version, 'std')) + '/src/';
}

function renameStdRoot(diags: readonly Diagnostic[], fromRoot: string, toRoot: string): readonly Diagnostic[] {
  if (fromRoot === toRoot) return diags;
  const fix = (s: string) => s.split(fromRoot).join(toRoot);
  return diags.map((d) => (d.file.includes(fromRoot) || d.message.includes(fromRoot) ? { ...d, file: fix(d.file), message: fix(d.message) } : d));
}

function sameError(a: GoError, b: GoError): boolean {
  return formatGoError(a) === formatGoError(b);
}

/** `whatif --from --to --json`: the models compared (version and compiler) and the changes. */
export function versionWhatifJson(r: VersionWhatifResult): string {
  const side = (m: Model) => ({ model: m.version, compiler: m.compiler });
  const lines = (sign: '-' | '+') =>
    r.changes.filter((c) => c.sign === sign).map((c) => ({ ...c.diagnostic, line_text: formatDiagnostic(c.diagnostic) }));
  const out = {
    from: side(r.from),
    to: side(r.to),
    smallframes: r.to.smallframes,
    removed: lines('-'),
    added: lines('+'),
    changes: r.changes.map((c) => `${c.sign} ${formatDiagnostic(c.diagnostic)}`),
    seconds: r.seconds,
  };
  return JSON.stringify(out, null, 2) + '\n';
}
