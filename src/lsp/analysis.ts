// The one place the server calls the analysis pipeline (src/api.ts), so that a change of
// the library's entry point is one edit here. A server analyses the same package again and
// again: it keeps one standard-library importer per model version for its lifetime, so
// the std packages a file imports are parsed and checked once, not on every keystroke; and
// an edit re-analyses only the functions it touched (incremental.ts).

import { analyzePackages, createContext, modelFor, type AnalysisResult, type SourcePackage } from '../api.js';
import { ChunkMatchCache } from '../syntax/index.js';
import { IncrementalAnalyzer } from './incremental.js';
import type { IncrementalStats } from './incremental.js';
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
  /** Per directory: the last analysis's functions, for the next edit. */
  private readonly incremental = new Map<string, IncrementalAnalyzer>();

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

  /**
   * The same lines as analyze, for the package's text after an edit: functions the edit
   * left alone keep their last analysis (incremental.ts). GOESC_LSP_INCREMENTAL=0 turns
   * this off (to compare).
   */
  analyzeEdit(pkg: SourcePackage, settings: ServerSettings): AnalysisResult {
    if (process.env['GOESC_LSP_INCREMENTAL'] === '0' || pkg.path) return this.analyze(pkg, settings);
    const key = incrementalKey(pkg);
    let inc = this.incremental.get(key);
    if (inc) this.incremental.delete(key); // re-inserted last: the map's order is recency
    else inc = new IncrementalAnalyzer(this.context, this.chunkMatches);
    this.incremental.set(key, inc);
    // The packages edited most recently keep their records (a record is a package's lines).
    if (this.incremental.size > maxRecords) this.incremental.delete(this.incremental.keys().next().value!);
    const m = Math.max(1, settings.m);
    const model = modelFor({ go: settings.go, smallframes: settings.smallframes }, this.context);
    const path = settings.packagePath ?? 'p';
    return inc.analyze(pkg, model, { m, path, settingsKey: JSON.stringify([m, settings.go, settings.smallframes, path]) }, () => this.analyze(pkg, settings));
  }

  /** How the edits of `pkg` were analysed so far (tests, measurements). */
  incrementalStats(pkg: SourcePackage): IncrementalStats | undefined {
    return this.incremental.get(incrementalKey(pkg))?.stats;
  }
}

/** Packages whose last analysis a server keeps for its next edit. */
const maxRecords = 32;

function incrementalKey(pkg: SourcePackage): string {
  return pkg.dir + '\0' + (pkg.files[0]?.filename ?? '');
}
