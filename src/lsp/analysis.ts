// The one place the server calls the analysis pipeline (src/api.ts), so that a change of
// the library's entry point is one edit here. A server analyses the same package again and
// again: it keeps one standard-library importer per model version for its lifetime, so
// the std packages a file imports are parsed and checked once, not on every keystroke.

import { analyzePackages, type AnalysisResult, type SourcePackage } from '../api.js';
import { modelImporter, type Importer } from '../types/index.js';
import { normalizeVersion } from '../models/index.js';
import { ChunkMatchCache, setDefaultChunkMatchCache } from '../syntax/index.js';
import type { ServerSettings } from './settings.js';

export type { AnalysisResult, SourcePackage };

export class Analyzer {
  private readonly importers = new Map<string, Importer>();
  readonly chunkMatches = new ChunkMatchCache();

  constructor() {
    // The pipeline parses through parseFile's default cache; a server is one long run.
    setDefaultChunkMatchCache(this.chunkMatches);
  }

  /** gc's lines at `m` (at least 1: the editor's hints need the decisions even when -m is off). */
  analyze(pkg: SourcePackage, settings: ServerSettings, m = Math.max(1, settings.m)): AnalysisResult {
    return analyzePackages([pkg], {
      m,
      smallframes: settings.smallframes,
      go: settings.go,
      packagePath: settings.packagePath,
      importer: this.importerFor(settings.go),
    });
  }

  private importerFor(go: string): Importer {
    const version = normalizeVersion(go);
    let imp = this.importers.get(version);
    if (!imp) this.importers.set(version, (imp = modelImporter({ goVersion: version })));
    return imp;
  }
}
