// The state one analysis run shares, created by its caller and handed down: never held by
// the process. A CLI run makes one; a server makes one and keeps it across edits; tests make
// one per suite. What it holds is there to be reused on purpose:
//   - the environment, read once, here (the loader and the importer never read it);
//   - one std importer per model version, so the packages of a run (or the edits of a
//     server) check each std stub once.
// Everything per package (shape tables, location ids, the lowering's tables) is made by the
// stage that needs it, for that package.

import type { Importer } from '../types/index.js';
import { modelImporter, defaultModelsDir } from '../types/importer.js';
import { loadModel, normalizeVersion, type Model } from '../models/index.js';
import type { ChunkMatchCache } from '../syntax/index.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface ContextOptions {
  /** The environment (default: the process's, read here once). */
  readonly env?: Env;
  /** The working directory patterns are relative to (default: the process's). */
  readonly cwd?: string;
  /** Where models/ is (default: the package's own). */
  readonly modelsDir?: string;
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
  readonly modelsDir: string;
  readonly parseCache?: ChunkMatchCache;
  /** The std importer of a model version, made once per context. */
  std(goVersion: string): Importer;
  /** A model by version (`go1.26`; default the newest), with the -smallframes limits or not. */
  model(goVersion: string | undefined, smallframes: boolean): Model;
}

export function createContext(opts: ContextOptions = {}): AnalysisContext {
  const env = { ...(opts.env ?? process.env) };
  const modelsDir = opts.modelsDir ?? defaultModelsDir();
  const importers = new Map<string, Importer>();
  const goroot = env['GOROOT'];
  return {
    env,
    cwd: opts.cwd ?? process.cwd(),
    modelsDir,
    ...(opts.parseCache ? { parseCache: opts.parseCache } : {}),
    std(version) {
      const goVersion = normalizeVersion(version);
      let imp = importers.get(goVersion);
      if (!imp) {
        imp = modelImporter({ goVersion, modelsDir, ...(goroot ? { goroot } : {}), ...(opts.onModelError ? { onModelError: opts.onModelError } : {}) });
        importers.set(goVersion, imp);
      }
      return imp;
    },
    model(goVersion, smallframes) {
      return loadModel(goVersion, { smallframes, modelsRoot: modelsDir });
    },
  };
}
