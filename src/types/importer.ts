// Importing the standard library from models/<go>/std/<importpath>/api.go: Go source stubs
// (types with all fields, bodyless funcs with //goesc:leaks tags, consts, vars) generated
// from the real toolchain. A stub is parsed and checked like source, lazily on first
// import and once per process, so `import "fmt"` costs only the packages actually used.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFile } from '../syntax/index.js';
import type { Importer } from './index.js';
import { checkPackage } from './index.js';
import type { Package } from './objects.js';

/** models/ in the package root (this file runs from dist/types or src/types). */
export function defaultModelsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models');
}

export interface ModelImporterOptions {
  /** Model version folder, e.g. "go1.26". */
  readonly goVersion?: string;
  readonly modelsDir?: string;
  /** Called with a model's own type errors (normally none); default: ignored. */
  readonly onModelError?: (path: string, message: string) => void;
}

const caches = new Map<string, Map<string, Package | null>>();

/** An Importer reading models/<go>/std. Packages are shared by all importers of one version. */
export function modelImporter(opts: ModelImporterOptions = {}): Importer {
  const dir = join(opts.modelsDir ?? defaultModelsDir(), opts.goVersion ?? 'go1.26', 'std');
  let cache = caches.get(dir);
  if (!cache) caches.set(dir, (cache = new Map()));
  const inProgress = new Set<string>();
  const importer: Importer = {
    import(path: string): Package | null {
      const hit = cache!.get(path);
      if (hit !== undefined) return hit;
      if (inProgress.has(path)) return null;
      const file = join(dir, ...path.split('/'), 'api.go');
      if (!existsSync(file)) {
        cache!.set(path, null);
        return null;
      }
      inProgress.add(path);
      try {
        const parsed = parseFile(file, readFileSync(file));
        if (!parsed.file) {
          for (const e of parsed.errors) opts.onModelError?.(path, `${e.line}:${e.col}: ${e.message}`);
          cache!.set(path, null);
          return null;
        }
        const r = checkPackage([parsed.file], { importer, path, fromModel: true });
        for (const e of r.errors) opts.onModelError?.(path, `${e.line}:${e.col}: ${e.message}`);
        cache!.set(path, r.pkg);
        return r.pkg;
      } finally {
        inProgress.delete(path);
      }
    },
  };
  return importer;
}
