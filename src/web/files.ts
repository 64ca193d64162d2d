// The browser's stand-in for src/models/files.ts (the bundler puts it in that module's
// place, scripts/build-web.mjs): there is no models/ folder on a disk here. The worker
// passes its own ModelStore in every AnalysisContext, so the pipeline never asks for a
// default; if a code path did, it would be a bug, said so here rather than read wrong.

import type { ModelStore } from '../models/store.js';

function noDisk(what: string): never {
  throw new Error(`goesc (browser): ${what} reads models/ from the disk; the playground passes its own model store`);
}

export function defaultModelsDir(): string {
  return noDisk('defaultModelsDir');
}

export function fsModelStore(_root?: string): ModelStore {
  return noDisk('fsModelStore');
}

export function defaultModelStore(): ModelStore {
  return noDisk('defaultModelStore');
}
