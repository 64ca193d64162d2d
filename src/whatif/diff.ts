// The what-if diff: which of gc's -m lines a rule change removes and which it adds.
// Lines are compared as whole `file:line:col: message` texts and as multisets (gc may print
// the same line twice, and its order is not positional), then listed by position so a
// removed line sits next to the line that replaces it.

import { formatDiagnostic, type Diagnostic } from '../api.js';

export interface DiagnosticChange {
  readonly sign: '-' | '+';
  readonly diagnostic: Diagnostic;
}

/** The lines of `before` missing from `after` (`-`) and of `after` missing from `before` (`+`). */
export function diffDiagnostics(before: readonly Diagnostic[], after: readonly Diagnostic[]): DiagnosticChange[] {
  const remaining = new Map<string, number>();
  for (const d of after) {
    const k = formatDiagnostic(d);
    remaining.set(k, (remaining.get(k) ?? 0) + 1);
  }
  const removed: Diagnostic[] = [];
  for (const d of before) {
    const k = formatDiagnostic(d);
    const n = remaining.get(k) ?? 0;
    if (n > 0) remaining.set(k, n - 1);
    else removed.push(d);
  }
  const added: Diagnostic[] = [];
  for (const d of after) {
    const k = formatDiagnostic(d);
    const n = remaining.get(k) ?? 0;
    if (n > 0) {
      remaining.set(k, n - 1);
      added.push(d);
    }
  }
  const changes: DiagnosticChange[] = [
    ...removed.map((diagnostic) => ({ sign: '-' as const, diagnostic })),
    ...added.map((diagnostic) => ({ sign: '+' as const, diagnostic })),
  ];
  // Stable: equal positions keep removed-before-added and each side's own order.
  return changes.sort(
    (a, b) =>
      cmp(a.diagnostic.file, b.diagnostic.file) ||
      a.diagnostic.line - b.diagnostic.line ||
      a.diagnostic.col - b.diagnostic.col ||
      (a.sign === b.sign ? 0 : a.sign === '-' ? -1 : 1),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `- <gc line>` / `+ <gc line>`, one per change. */
export function formatChanges(changes: readonly DiagnosticChange[]): string {
  return changes.map((c) => `${c.sign} ${formatDiagnostic(c.diagnostic)}\n`).join('');
}
