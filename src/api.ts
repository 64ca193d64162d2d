// The library API behind the CLI: analyse Go packages and return gc-style diagnostics.
// The pipeline is syntax → types → ir → escape → diag; this module only wires the stages.
//
// Status: the stages land one by one; until the escape stage is wired in, analyze()
// returns no diagnostics.

import type { GoError } from './errors.js';

export type DiagnosticKind =
  | 'moved-to-heap'
  | 'escapes'
  | 'does-not-escape'
  | 'leaking-param'
  | 'leaking-param-content'
  | 'leaking-param-to-result'
  | 'param-does-not-escape'
  | 'flow'
  | 'other';

/** One line of gc's -m output. */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  readonly kind: DiagnosticKind;
  /** gc's name of the enclosing function (`p.f`, `p.(*T).M`, `p.f.func1`). */
  readonly func?: string;
}

export interface AnalyzeOptions {
  /** -m level: 1 decisions, 2 with flow explanations. */
  readonly m: number;
  /** -smallframes limits. */
  readonly smallframes: boolean;
  /** Model version, e.g. "go1.26"; default the newest. */
  readonly go?: string;
}

export interface AnalysisResult {
  /** In the compiler's output order. */
  readonly diagnostics: readonly Diagnostic[];
  /** Syntax and type errors; when present, diagnostics may be empty. */
  readonly errors: readonly GoError[];
}

export const defaultAnalyzeOptions: Required<AnalyzeOptions> = {
  m: 1,
  smallframes: false,
  go: 'go1.26',
};

/** Analyse the package made of `files` (paths as the user named them). */
export async function analyzeFiles(
  files: readonly string[],
  options: Partial<AnalyzeOptions> = {},
): Promise<AnalysisResult> {
  void files;
  void options;
  return { diagnostics: [], errors: [] };
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.message}`;
}
