// The models/ folder on disk, as the command line, the language server and the tests read
// it: the ModelStore of node (store.ts). This module is the one place the pipeline's model
// reading meets the file system; the browser playground's bundle replaces it with
// src/web/files.ts, whose worker passes its own store in every AnalysisContext.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { ModelStore } from './store.js';

/** models/ in the package root (this file runs from dist/models or src/models). */
export function defaultModelsDir(): string {
  return fileURLToPath(new URL('../../models', import.meta.url));
}

/** The store reading `root` (default the package's models/). */
export function fsModelStore(root: string = defaultModelsDir()): ModelStore {
  const at = (rel: string) => (rel === '' ? root : path.join(root, ...rel.split('/')));
  return {
    location: root,
    read(rel) {
      const file = at(rel);
      try {
        return readFileSync(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EISDIR') return null;
        throw err;
      }
    },
    list(rel) {
      const dir = at(rel);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) return null;
      return readdirSync(dir).sort();
    },
  };
}

/** The store of the package's own models/. */
export function defaultModelStore(): ModelStore {
  return fsModelStore();
}
