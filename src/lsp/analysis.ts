// The one place the server calls the analysis pipeline (src/api.ts), so that a change of
// the library's entry point is one edit here. A server analyses the same package again and
// again: it keeps one standard-library importer per model version for its lifetime, so
// the std packages a file imports are parsed and checked once, not on every keystroke.

import { analyzePackages, createContext, type AnalysisResult, type SourcePackage } from '../api.js';
import { ChunkMatchCache } from '../syntax/index.js';
import type { ServerSettings } from './settings.js';

export type { AnalysisResult, SourcePackage };

export class Analyzer {
  /**
   * Bodies and literals of 64 tokens and more are matched part by part, each part's match
   * kept: an edit in a function body then re-matches a few statements, not the function
   * (testdata/lsp/inventory.go, the bench's edits: tokens matched per parse 80 -> 53,
   * median parse 2.3 -> 1.5 ms; 32 and 16 measured no better).
   */
  readonly chunkMatches = new ChunkMatchCache(64);
  /** The server's one context: std importers and parsed chunks kept across edits. */
  private readonly context = createContext({ parseCache: this.chunkMatches });

  /** gc's lines at `m` (at least 1: the editor's hints need the decisions even when -m is off). */
  analyze(pkg: SourcePackage, settings: ServerSettings, m = Math.max(1, settings.m)): AnalysisResult {
    return analyzePackages([pkg], {
      m,
      smallframes: settings.smallframes,
      go: settings.go,
      packagePath: settings.packagePath,
      context: this.context,
    });
  }
}
