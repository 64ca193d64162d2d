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
import { parseFile, type ChunkMatchCache, type File } from '../syntax/index.js';
import { checkPackage, type Importer, type Package } from '../types/index.js';
import { lower } from '../ir/lower.js';
import type { IrPackage } from '../ir/ir.js';
import type { AnalysisContext } from './context.js';

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
  /** Called before each package is prepared (progress on a terminal). */
  readonly onPackage?: (index: number, total: number, path: string) => void;
}

export type LoweredPackage =
  | { readonly ok: true; readonly files: readonly File[]; readonly pkg: Package; readonly ir: IrPackage }
  | { readonly ok: false; readonly errors: readonly GoError[] };

/** Parse, check and lower `sources`, dependencies before their importers. */
export function prepare(ctx: AnalysisContext, sources: readonly SourcePackage[], options: PrepareOptions): Prepared {
  const start = performance.now();
  const std = ctx.std(options.go);
  const checked = new Map<string, Package>();
  const failed = new Set<string>();
  const packages: PreparedPackage[] = [];
  const errors: GoError[] = [];
  for (const [index, source] of sources.entries()) {
    const path = source.path ?? 'p';
    options.onPackage?.(index, sources.length, path);
    if (source.imports?.some((p) => failed.has(p))) {
      failed.add(path);
      continue;
    }
    const map = source.importMap ?? {};
    const importer: Importer = {
      import(imported) {
        const resolved = map[imported] ?? imported;
        return checked.get(resolved) ?? std.import(resolved);
      },
    };
    const lowered = lowerPackage(source, importer, path, ctx.parseCache);
    if (!lowered.ok) {
      failed.add(path);
      errors.push(...lowered.errors);
      continue;
    }
    checked.set(path, lowered.pkg);
    packages.push({ source, path, named: source.named ?? true, files: lowered.files, pkg: lowered.pkg, ir: lowered.ir });
  }
  return { goVersion: options.go, packages, errors, seconds: (performance.now() - start) / 1000 };
}

/**
 * One package: parse every file, type-check, lower. `path` is the package's import path as
 * gc's -p gives it: it qualifies the package's own types where gc spells them out (shape
 * types: `go.shape.struct { p.v int }`) and its symbols.
 */
export function lowerPackage(source: SourcePackage, importer: Importer, path = 'p', parseCache?: ChunkMatchCache): LoweredPackage {
  const files: File[] = [];
  const syntaxErrors: GoError[] = [];
  for (const f of source.files) {
    const r = parseFile(f.filename, f.bytes, parseCache);
    syntaxErrors.push(...r.errors);
    if (r.file) files.push(r.file);
  }
  if (syntaxErrors.length > 0) return { ok: false, errors: syntaxErrors };
  const checked = checkPackage(files, { importer, path });
  if (checked.errors.length > 0) return { ok: false, errors: checked.errors };
  return { ok: true, files, pkg: checked.pkg, ir: lower({ files, pkg: checked.pkg, info: checked.info }) };
}
