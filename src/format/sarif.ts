// `--format sarif`: a SARIF 2.1.0 log (OASIS sarif-v2.1.0, the format GitHub code scanning
// and editors ingest). One run, one reportingDescriptor per diagnostic kind (kinds.ts),
// one result per text line in the same order. Locations are relative URIs against
// %SRCROOT% (the working directory) so results show inline in the repository view.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../api.js';
import { explanationFor, groupExplanations } from './explain.js';
import { kindRules, ruleFor } from './kinds.js';

export const sarifSchema = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  /** Directory relative URIs are resolved against; default process.cwd(). */
  readonly root?: string;
  readonly toolVersion?: string;
  /**
   * Lines of a file, to turn gc's byte columns into SARIF's default UTF-16 columns;
   * default: the file read from the root (columns are copied when it cannot be read).
   */
  readonly sourceLines?: (file: string) => readonly string[] | undefined;
  /** The -m=2 lines of the same run, for related locations when `diags` are -m=1 lines. */
  readonly explained?: readonly Diagnostic[];
  /** The rule model used, recorded in the run's property bag. */
  readonly model?: { readonly version: string; readonly compiler: string };
}

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}
export interface SarifRun {
  readonly tool: { readonly driver: SarifDriver };
  readonly originalUriBaseIds: Record<string, { readonly uri: string }>;
  readonly columnKind: 'utf16CodeUnits';
  /** `{ model: "go1.27", compiler: "go1.27.3" }`: which rule model made the results. */
  readonly properties?: { readonly model: string; readonly compiler: string };
  readonly results: readonly SarifResult[];
}
export interface SarifDriver {
  readonly name: string;
  readonly version: string;
  readonly informationUri: string;
  readonly rules: readonly SarifRule[];
}
export interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly help: { readonly text: string };
  readonly defaultConfiguration: { readonly level: string };
}
export interface SarifLocation {
  readonly physicalLocation: {
    readonly artifactLocation: { readonly uri: string; readonly uriBaseId?: string };
    readonly region: { readonly startLine: number; readonly startColumn: number };
  };
  readonly message?: { readonly text: string };
}
export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: string;
  readonly message: { readonly text: string };
  readonly locations: readonly SarifLocation[];
  readonly relatedLocations?: readonly (SarifLocation & { readonly id: number })[];
  readonly properties: { readonly kind: string; readonly func?: string };
}

export function toSarif(diags: readonly Diagnostic[], options: SarifOptions = {}): SarifLog {
  const root = path.resolve(options.root ?? process.cwd());
  const { explanations } = groupExplanations(options.explained ?? diags);
  const sourceLines = options.sourceLines ?? readLinesFrom(root);
  const location = (file: string, line: number, col: number, text?: string): SarifLocation => ({
    physicalLocation: {
      artifactLocation: artifactUri(file, root),
      region: { startLine: line, startColumn: utf16Column(sourceLines(file)?.[line - 1], col) },
    },
    ...(text !== undefined ? { message: { text } } : {}),
  });
  // A line without a position (gc's bare `moved to heap: #next`) has no place to point at.
  const results = diags.filter((d) => d.line > 0).map((d): SarifResult => {
    const rule = ruleFor(d.kind);
    const e = d.kind === 'flow' ? undefined : explanationFor(d, explanations);
    const related = e?.steps.flatMap((s) =>
      s.notes.map((n) => location(n.at.file, n.at.line, n.at.col, `${s.dst} ← ${s.ops}${s.src}: from ${n.where} (${n.why})`)),
    );
    return {
      ruleId: rule.ruleId,
      ruleIndex: kindRules.indexOf(rule),
      level: rule.level,
      message: { text: d.message },
      locations: [location(d.file, d.line, d.col)],
      ...(related && related.length > 0 ? { relatedLocations: related.map((r, id) => ({ id, ...r })) } : {}),
      properties: { kind: d.kind, ...(d.func !== undefined ? { func: d.func } : {}) },
    };
  });
  return {
    $schema: sarifSchema,
    version: '2.1.0',
    runs: [
      {
        ...(options.model ? { properties: { model: options.model.version, compiler: options.model.compiler } } : {}),
        tool: {
          driver: {
            name: 'goesc',
            version: options.toolVersion ?? '0.1.0',
            informationUri: 'https://go.dev/src/cmd/compile/internal/escape/escape.go',
            rules: kindRules.map((r) => ({
              id: r.ruleId,
              name: r.name,
              shortDescription: { text: r.short },
              fullDescription: { text: r.help },
              help: { text: r.help },
              defaultConfiguration: { level: r.level },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileUri(root) + '/' } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(diags: readonly Diagnostic[], options: SarifOptions = {}): string {
  return JSON.stringify(toSarif(diags, options), null, 2) + '\n';
}

/** The default source reader: files as named, from the root; unreadable ones are skipped. */
function readLinesFrom(root: string): (file: string) => readonly string[] | undefined {
  const cache = new Map<string, readonly string[] | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      try {
        cache.set(file, fs.readFileSync(path.resolve(root, file), 'utf8').split('\n'));
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file);
  };
}

/** Relative to the root when the file lies beneath it; otherwise an absolute file URI. */
export function artifactUri(file: string, root: string): { uri: string; uriBaseId?: string } {
  const abs = path.resolve(root, file);
  const rel = path.relative(root, abs);
  if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileUri(abs) };
}

export function pathToFileUri(abs: string): string {
  return 'file://' + abs.split(path.sep).map(encodeURIComponent).join('/');
}

/** gc counts columns in UTF-8 bytes; SARIF by default in UTF-16 code units. */
export function utf16Column(lineText: string | undefined, byteCol: number): number {
  if (lineText === undefined) return byteCol;
  const bytes = Buffer.from(lineText, 'utf8');
  if (byteCol - 1 > bytes.length) return byteCol;
  return bytes.subarray(0, byteCol - 1).toString('utf8').length + 1;
}
