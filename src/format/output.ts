// What `goesc [-m[=N]] FILES` prints in its text format: gc's -m lines on stdout (nothing
// without -m, as gc), the notes and then gc's syntax/type errors on stderr, exit 2 when
// there are errors (and then no lines). The analyze command writes it; the browser
// playground shows the same text in its output pane (src/web), so both print one thing.

import { formatText, type Diagnostic } from '../diag/index.js';

export interface TextOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 2;
}

export interface RunLines {
  readonly diagnostics: readonly Diagnostic[];
  /** Formatted as gc prints them. */
  readonly errors: readonly string[];
  readonly notes: readonly string[];
}

/** The text output of a run at -m level `m` (0: no -m). */
export function textOutput(result: RunLines, m: number): TextOutput {
  const notes = result.notes.map((n) => n + '\n').join('');
  if (result.errors.length > 0) return { stdout: '', stderr: notes + result.errors.map((e) => e + '\n').join(''), exitCode: 2 };
  return { stdout: m > 0 ? formatText(result.diagnostics) : '', stderr: notes, exitCode: 0 };
}
