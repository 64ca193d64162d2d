// The state one analysis run shares, created by its caller and handed down: never held by
// the process. A CLI run makes one; a server makes one and keeps it across edits; tests make
// one per suite. What it holds is there to be reused on purpose:
//   - the environment, read once, here (the loader and the importer never read it);
//   - the model files (models/ as a ModelStore: the disk for the CLI, what the browser's
//     worker fetched for the playground), read through it alone;
//   - one std importer per model version, so the packages of a run (or the edits of a
//     server) check each std stub once; each model, read once.
// Everything per package (shape tables, location ids, the lowering's tables) is made by the
// stage that needs it, for that package.

import type { Importer } from '../types/index.js';
import { modelImporter } from '../types/importer.js';
import { loadModel, normalizeVersion, type Model } from '../models/index.js';
import type { ModelStore } from '../models/store.js';
import { defaultModelsDir, fsModelStore } from '../models/files.js';
import { loadStdInlineFacts, type StdInlineFacts } from '../inline/std.js';
import type { ChunkMatchCache } from '../syntax/index.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface ContextOptions {
  /** The environment (default: the process's, read here once). */
  readonly env?: Env;
  /** The working directory patterns are relative to (default: the process's). */
  readonly cwd?: string;
  /** Where models/ is (default: the package's own). */
  readonly modelsDir?: string;
  /** The model files themselves (default: modelsDir on disk). */
  readonly models?: ModelStore;
  /** Called with a std model's own type errors (normally none). */
  readonly onModelError?: (path: string, message: string) => void;
  /**
   * Parsed declaration chunks to reuse from one parse of a file to the next (a server
   * re-parsing the file being edited).
   */
  readonly parseCache?: ChunkMatchCache;
}

export interface AnalysisContext {
  readonly env: Env;
  readonly cwd: string;
  /** Where the model files are (models.location). */
  readonly modelsDir: string;
  /** The model files: rules, std stubs and bodies, std inline facts. */
  readonly models: ModelStore;
  readonly parseCache?: ChunkMatchCache;
  /** The std importer of a model version, made once per context. */
  std(goVersion: string): Importer;
  /** A model by version (`go1.26`; default the newest), with the -smallframes limits or not. */
  model(goVersion: string | undefined, smallframes: boolean): Model;
  /** std's inline facts of a model version (models/<go>/std/inline.json), read once per context. */
  stdInline(goVersion: string): StdInlineFacts;
}

export function createContext(opts: ContextOptions = {}): AnalysisContext {
  const env = { ...(opts.env ?? process.env) };
  const models = opts.models ?? fsModelStore(opts.modelsDir ?? defaultModelsDir());
  const modelsDir = models.location;
  const importers = new Map<string, Importer>();
  const inlineFacts = new Map<string, StdInlineFacts>();
  const modelsRead = new Map<string, Model>();
  const goroot = env['GOROOT'];
  return {
    env,
    cwd: opts.cwd ?? process.cwd(),
    modelsDir,
    models,
    ...(opts.parseCache ? { parseCache: opts.parseCache } : {}),
    std(version) {
      const goVersion = normalizeVersion(version);
      let imp = importers.get(goVersion);
      if (!imp) {
        imp = modelImporter({ goVersion, store: models, ...(goroot ? { goroot } : {}), ...(opts.onModelError ? { onModelError: opts.onModelError } : {}) });
        importers.set(goVersion, imp);
      }
      return imp;
    },
    model(goVersion, smallframes) {
      // A model is a frozen value: a server's edits (and a run's packages) share one.
      const key = `${goVersion ?? ''}\0${smallframes}`;
      let model = modelsRead.get(key);
      if (!model) modelsRead.set(key, (model = loadModel(goVersion, { smallframes, store: models })));
      return model;
    },
    stdInline(version) {
      const goVersion = normalizeVersion(version);
      let facts = inlineFacts.get(goVersion);
      if (!facts) inlineFacts.set(goVersion, (facts = loadStdInlineFacts(goVersion, models)));
      return facts;
    },
  };
}
