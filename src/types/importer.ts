// Importing the standard library from models/<go>/std/<importpath>/api.go: Go source stubs
// (types with all fields, bodyless funcs with //goesc:leaks tags, consts, vars) generated
// from the real toolchain. A stub is parsed and checked like source, lazily on first
// import and once per process, so `import "fmt"` costs only the packages actually used.
//
// A package with generic functions also has models/<go>/std/<importpath>/src/*.go: their
// source (models/README.md, "Generic bodies"), parsed and checked with api.go as one
// package, under the names gc prints ($GOROOT/src/<importpath>/<file>). Their declarations
// are part of the package at once; their bodies are checked only when Package.bodies is
// first read.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFile } from '../syntax/index.js';
import type { Importer } from './index.js';
import { checkPackage } from './index.js';
import type { Package, PackageBodies } from './objects.js';
import type * as ast from '../syntax/ast.js';

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

/**
 * The GOROOT body files are named under: $GOROOT when set (as gc prints it on this
 * machine), else the one the models were generated from (std/meta.json).
 */
export function modelGoroot(stdDir: string): string {
  const env = process.env.GOROOT;
  if (env) return env.replace(/\/+$/, '');
  const meta = join(stdDir, 'meta.json');
  if (existsSync(meta)) {
    const goroot = (JSON.parse(readFileSync(meta, 'utf8')) as { goroot?: string }).goroot;
    if (goroot) return goroot;
  }
  return '/usr/local/go';
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
        const files: ast.File[] = [];
        const bodyFiles: ast.File[] = [];
        const srcDir = join(dirname(file), 'src');
        const sources: [string, string][] = [[file, file]];
        if (existsSync(srcDir)) {
          const goroot = modelGoroot(dir);
          for (const name of readdirSync(srcDir).filter((n) => n.endsWith('.go')).sort()) {
            sources.push([join(srcDir, name), `${goroot}/src/${path}/${name}`]);
          }
        }
        for (const [i, [real, shown]] of sources.entries()) {
          const parsed = parseFile(shown, readFileSync(real));
          if (!parsed.file) {
            for (const e of parsed.errors) opts.onModelError?.(path, `${shown}:${e.line}:${e.col}: ${e.message}`);
            cache!.set(path, null);
            return null;
          }
          files.push(parsed.file);
          if (i > 0) bodyFiles.push(parsed.file);
        }
        const r = checkPackage(files, { importer, path, fromModel: true });
        for (const e of r.errors) opts.onModelError?.(path, `${e.file}:${e.line}:${e.col}: ${e.message}`);
        if (bodyFiles.length > 0 && r.checkBodies) {
          const check = r.checkBodies;
          let bodies: PackageBodies | undefined;
          Object.defineProperty(r.pkg, 'bodies', {
            enumerable: true,
            get(): PackageBodies {
              if (!bodies) {
                const errors = check();
                for (const e of errors) opts.onModelError?.(path, `${e.file}:${e.line}:${e.col}: ${e.message}`);
                bodies = { files: bodyFiles, info: r.info, errors };
              }
              return bodies;
            },
          });
        }
        cache!.set(path, r.pkg);
        return r.pkg;
      } finally {
        inProgress.delete(path);
      }
    },
  };
  return importer;
}
