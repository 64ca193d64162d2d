// Diagnostics as gc prints them: escape analysis messages become the library's Diagnostic
// records, in the compiler's order (each -m line is printed the moment gc warns: per batch,
// parameter tags first, then every location in creation order).
// Follows $GOROOT/src/cmd/compile/internal/base/print.go (WarnfAt flushes at once under -m).

import type { Diagnostic } from '../api.js';
import type { EscapeMessage } from '../escape/batch.js';

export { gcNodeFormatter, formatStmt } from './nodefmt.js';

/** Diagnostic records for the messages escape analysis emitted at -m level `m`. */
export function toDiagnostics(messages: readonly EscapeMessage[], m: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const msg of messages) {
    if (msg.kind === 'flow' && m < 2) continue;
    // A variable without a position (a range-over-func's #next): gc prints its line with
    // no file:line:col, which no consumer of positioned lines can place; left out.
    if (msg.line === 0) continue;
    out.push({
      file: msg.file,
      line: msg.line,
      col: msg.col,
      message: msg.message,
      kind: msg.kind,
      ...(msg.func ? { func: msg.func } : {}),
    });
  }
  return out;
}

/** gc's text: one `file:line:col: message` line each. */
export function formatText(diags: readonly Diagnostic[]): string {
  return diags.map((d) => `${d.file}:${d.line}${d.col ? `:${d.col}` : ''}: ${d.message}\n`).join('');
}
