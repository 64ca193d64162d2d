// The front half of the pipeline, shared by analysis, what-if and the asm prediction: parse
// every file of one package, type-check the package, lower it to the escape IR. Like gc, a
// package stops at its syntax errors (all files parsed first) or at its type errors; the
// rule model plays no part yet, so one lowered package serves any number of models.

import type { GoError } from './errors.js';
import { parseFile, type File } from './syntax/index.js';
import { checkPackage, type Importer } from './types/index.js';
import { lower } from './ir/lower.js';
import type { IrPackage } from './ir/ir.js';

/** One package's files as the loader hands them over. */
export interface SourcePackage {
  readonly dir: string;
  readonly files: readonly { readonly filename: string; readonly bytes: Uint8Array }[];
}

export type LoweredPackage =
  | { readonly ok: true; readonly files: readonly File[]; readonly ir: IrPackage }
  | { readonly ok: false; readonly errors: readonly GoError[] };

/**
 * `path` is the package's import path as gc's -p gives it: it qualifies the package's own
 * types where gc spells them out (shape types: `go.shape.struct { p.v int }`).
 */
export function lowerSourcePackage(source: SourcePackage, importer: Importer, path = 'p'): LoweredPackage {
  const files: File[] = [];
  const syntaxErrors: GoError[] = [];
  for (const f of source.files) {
    const r = parseFile(f.filename, f.bytes);
    syntaxErrors.push(...r.errors);
    if (r.file) files.push(r.file);
  }
  if (syntaxErrors.length > 0) return { ok: false, errors: syntaxErrors };
  const checked = checkPackage(files, { importer, path });
  if (checked.errors.length > 0) return { ok: false, errors: checked.errors };
  return { ok: true, files, ir: lower({ files, pkg: checked.pkg, info: checked.info }) };
}
