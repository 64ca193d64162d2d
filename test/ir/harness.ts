// Parse, check and lower Go source for the lowering tests.
import { readFileSync } from 'node:fs';
import { parseFile } from '../../src/syntax/index.js';
import { checkPackage, modelImporter, type Importer } from '../../src/types/index.js';
import { lower } from '../../src/ir/lower.js';
import type { IrPackage } from '../../src/ir/ir.js';
import type { GoError } from '../../src/errors.js';

let importer: Importer | null = null;
/** The standard library as the models describe it (shared: packages are loaded once). */
function stdImporter(): Importer {
  importer ??= modelImporter({ goVersion: 'go1.26' });
  return importer;
}

export interface Lowered {
  readonly ir: IrPackage | null;
  readonly errors: readonly GoError[];
}

/** Lowers one package made of the given sources (name → text). */
export function lowerSources(sources: Record<string, string>): Lowered {
  const files = [];
  const errors: GoError[] = [];
  for (const [name, text] of Object.entries(sources)) {
    const r = parseFile(name, new TextEncoder().encode(text));
    errors.push(...r.errors);
    if (r.file) files.push(r.file);
  }
  if (errors.length) return { ir: null, errors };
  let checked;
  try {
    checked = checkPackage(files, { importer: stdImporter(), path: 'p' });
  } catch (e) {
    // The checker's own failures are not the lowering's: report them as errors.
    return { ir: null, errors: [{ file: '', line: 0, col: 0, message: `checker failed: ${(e as Error).message}` }] };
  }
  if (checked.errors.length) return { ir: null, errors: checked.errors };
  return { ir: lower({ files, pkg: checked.pkg, info: checked.info }), errors: [] };
}

export function lowerFile(path: string): Lowered {
  return lowerSources({ [path]: readFileSync(path, 'utf8') });
}
