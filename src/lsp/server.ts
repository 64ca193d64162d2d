// The language server: documents in, gc's lines out as diagnostics, hovers and inlay hints.
//
// Every didOpen/didChange of a Go file schedules its directory (debounce.ts); the run
// gathers the package's files (workspace.ts: disk, with the editor's unsaved text laid over
// it), analyses each package once (analysis.ts) and publishes, for every open file of the
// package, that file's lines at the version the editor sent. A package that does not parse
// or type-check gets its errors on the files that have them, while its other open files keep
// their last good decisions. Hover and inlay hints read the last run, flushing a pending
// one first so they never answer for older text; the hover's -m=2 flow is computed on
// demand, once per run.
//
// Robustness: every handler answers from what it has and catches what the pipeline throws
// (an internal failure is logged on the client's console, never thrown into the transport);
// files that are not Go, not file: URIs or outside the workspace get an empty answer;
// nothing is ever written to disk.

import {
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type Hover,
  type InitializeResult,
  type InlayHint,
  type Position,
  type Range,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../api.js';
import { UserError } from '../errors.js';
import { maxSourceBytes } from '../load/index.js';
import { Analyzer, type AnalysisResult, type SourcePackage } from './analysis.js';
import { Debouncer } from './debounce.js';
import type { ChainContext } from '../format/chain.js';
import { errorDiagnostic, stackKinds, toLspDiagnostic } from './diagnostics.js';
import { hoverFor } from './hover.js';
import { idleCollector } from './idle-gc.js';
import { inlayHintsFor } from './inlay.js';
import { LineIndex } from './positions.js';
import { parseSettings, type ServerSettings } from './settings.js';
import { dirOf, inWorkspace, isGoFile, packagesOfDir, uriPath } from './workspace.js';

/** What the last run found for one open file. */
export interface FileAnalysis {
  readonly uri: string;
  readonly version: number;
  readonly path: string;
  readonly lines: LineIndex;
  /** gc's lines for this file at -m >= 1, in gc's order. */
  readonly diagnostics: readonly Diagnostic[];
  readonly settings: ServerSettings;
  /** The analysed package and its -m=2 lines, computed on first use. */
  readonly run: PackageRun;
}

export interface PackageRun {
  readonly pkg: SourcePackage;
  readonly result: AnalysisResult;
  explained?: AnalysisResult;
  /** Why-chain context over `explained`, built on first hover. */
  chains?: ChainContext;
}

export interface ServerOptions {
  /** Debounce window for bursts of edits, in ms. */
  readonly debounceMs?: number;
  /** Collect garbage in the pauses between runs (idle-gc.ts); default on. */
  readonly idleGc?: boolean;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const analyzer = new Analyzer();
  let settings = parseSettings(undefined).settings;
  let roots: string[] = [];
  const analyses = new Map<string, FileAnalysis>();
  const lastGood = new Map<string, LspDiagnostic[]>();
  const encoder = new TextEncoder();

  const warn = (lines: readonly string[]) => {
    for (const w of lines) connection.console.warn(w);
  };

  /** The path of a document the server analyses, or null for one it leaves alone. */
  const servedPath = (uri: string): string | null => {
    const path = uriPath(uri);
    return path !== null && isGoFile(path) && inWorkspace(path, roots) ? path : null;
  };

  const runDir = (dir: string) => {
    const open = documents
      .all()
      .map((doc) => ({ doc, path: servedPath(doc.uri) }))
      .filter((o): o is { doc: TextDocument; path: string } => o.path !== null && dirOf(o.path) === dir);
    if (open.length === 0) return;
    const byPath = new Map(open.map((o) => [o.path, o.doc]));
    const files = open.map((o) => ({ path: o.path, bytes: encoder.encode(o.doc.getText()) }));
    // The CLI's size limit holds for the editor's text too (src/load maxSourceBytes).
    for (const f of files.filter((x) => x.bytes.length > maxSourceBytes)) {
      const doc = byPath.get(f.path)!;
      analyses.delete(doc.uri);
      const message = `file too large (${f.bytes.length} bytes; limit ${maxSourceBytes} bytes)`;
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [{ range, severity: 1, source: 'goesc', message }] });
    }
    const packages = packagesOfDir(dir, files.filter((x) => x.bytes.length <= maxSourceBytes));
    for (const pkg of packages) {
      const docs = pkg.files.map((f) => byPath.get(f.filename)).filter((d): d is TextDocument => d !== undefined);
      let result: AnalysisResult;
      try {
        result = analyzer.analyzeEdit(pkg, settings);
      } catch (err) {
        if (err instanceof UserError) connection.window.showErrorMessage(err.lines.join('\n'));
        else connection.console.error(`goesc: internal error analysing ${dir}: ${(err as Error)?.stack ?? String(err)}`);
        continue;
      }
      publishRun(docs, { pkg, result }, settings);
    }
  };

  const publishRun = (docs: readonly TextDocument[], run: PackageRun, s: ServerSettings) => {
    const { result } = run;
    for (const doc of docs) {
      const path = uriPath(doc.uri)!;
      const lines = new LineIndex(doc.getText());
      let diagnostics: LspDiagnostic[];
      if (result.errors.length === 0) {
        const mine = result.diagnostics.filter((d) => d.file === path);
        analyses.set(doc.uri, { uri: doc.uri, version: doc.version, path, lines, diagnostics: mine, settings: s, run });
        diagnostics =
          s.m === 0 ? [] : mine.filter((d) => s.showStack || !stackKinds.has(d.kind)).map((d) => toLspDiagnostic(d, lines));
        lastGood.set(doc.uri, diagnostics);
      } else {
        const errors = result.errors.filter((e) => e.file === path);
        if (errors.length > 0) {
          analyses.delete(doc.uri);
          diagnostics = errors.map((e) => errorDiagnostic(e, lines));
        } else {
          // The rest of the package keeps its last good analysis while another file is broken.
          diagnostics = lastGood.get(doc.uri) ?? [];
        }
      }
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    }
  };

  const trace = !!process.env['GOESC_LSP_TRACE'];
  // Collect in the pause after a run (idle-gc.ts), unless more work is already waiting;
  // GOESC_LSP_IDLE_GC=0 leaves it to V8 (to compare).
  const collect = options.idleGc === false || process.env['GOESC_LSP_IDLE_GC'] === '0' ? null : idleCollector();
  let collectPending = false;
  const collectWhenIdle = () => {
    if (!collect || collectPending) return;
    collectPending = true;
    setImmediate(() => {
      collectPending = false;
      if (debouncer.anyPending()) return;
      const t0 = trace ? performance.now() : 0;
      collect();
      if (trace) process.stderr.write(`goesc lsp: idle gc ${(performance.now() - t0).toFixed(1)} ms\n`);
    });
  };
  /** When the change that scheduled each directory's pending run arrived (trace only). */
  const changedAt = new Map<string, number>();
  const debouncer = new Debouncer<string>((dir) => {
    try {
      const t0 = trace ? performance.now() : 0;
      const c0 = trace ? process.cpuUsage() : undefined;
      runDir(dir);
      if (trace) {
        const c = process.cpuUsage(c0);
        const waited = t0 - (changedAt.get(dir) ?? t0);
        changedAt.delete(dir);
        process.stderr.write(`goesc lsp: ${dir}: waited ${waited.toFixed(1)} ms, ran ${(performance.now() - t0).toFixed(1)} ms, cpu ${((c.user + c.system) / 1000).toFixed(1)} ms\n`);
      }
    } catch (err) {
      connection.console.error(`goesc: internal error: ${(err as Error)?.stack ?? String(err)}`);
    }
    collectWhenIdle();
  }, options.debounceMs ?? 40);

  const scheduleAll = () => {
    const dirs = new Set<string>();
    for (const doc of documents.all()) {
      const path = servedPath(doc.uri);
      if (path) dirs.add(dirOf(path));
    }
    for (const dir of dirs) debouncer.schedule(dir);
  };

  /** The current analysis of an open document, running a pending one first. */
  const current = (uri: string): FileAnalysis | undefined => {
    const path = servedPath(uri);
    if (!path) return undefined;
    debouncer.flush(dirOf(path));
    const a = analyses.get(uri);
    const doc = documents.get(uri);
    return a && doc && a.version === doc.version ? a : undefined;
  };

  connection.onInitialize((params): InitializeResult => {
    const parsed = parseSettings(params.initializationOptions ?? undefined);
    settings = parsed.settings;
    warn(parsed.warnings);
    const folders = params.workspaceFolders ?? [];
    roots = folders.map((f) => uriPath(f.uri)).filter((p): p is string => p !== null);
    if (roots.length === 0 && params.rootUri) {
      const root = uriPath(params.rootUri);
      if (root) roots = [root];
    }
    if (roots.length === 0 && params.rootPath) roots = [params.rootPath];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        inlayHintProvider: true,
      },
      serverInfo: { name: 'goesc' },
    };
  });

  connection.onDidChangeConfiguration((params) => {
    const parsed = parseSettings(params?.settings);
    settings = parsed.settings;
    warn(parsed.warnings);
    scheduleAll();
  });

  documents.onDidChangeContent((e) => {
    const path = servedPath(e.document.uri);
    if (!path) return;
    if (trace && !changedAt.has(dirOf(path))) changedAt.set(dirOf(path), performance.now());
    debouncer.schedule(dirOf(path));
  });

  documents.onDidClose((e) => {
    analyses.delete(e.document.uri);
    lastGood.delete(e.document.uri);
    const path = servedPath(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    // The other open files of the package now see this file as it is on disk.
    if (path) debouncer.schedule(dirOf(path));
  });

  connection.onHover((params): Hover | null => {
    const a = params?.textDocument?.uri ? current(params.textDocument.uri) : undefined;
    if (!a || !isPosition(params.position)) return null;
    try {
      return hoverFor(a, params.position, (run) => (run.explained ??= analyzer.analyze(run.pkg, a.settings, 2)));
    } catch (err) {
      connection.console.error(`goesc: internal error in hover: ${(err as Error)?.stack ?? String(err)}`);
      return null;
    }
  });

  connection.languages.inlayHint.on((params): InlayHint[] => {
    const a = params?.textDocument?.uri ? current(params.textDocument.uri) : undefined;
    if (!a || !isRange(params.range)) return [];
    return inlayHintsFor(a, params.range);
  });

  documents.listen(connection);
}

function isPosition(p: unknown): p is Position {
  const q = p as Position | undefined;
  return typeof q?.line === 'number' && typeof q?.character === 'number';
}

function isRange(r: unknown): r is Range {
  const q = r as Range | undefined;
  return isPosition(q?.start) && isPosition(q?.end);
}
