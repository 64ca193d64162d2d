// gc's lines as LSP diagnostics: one per line of the file, in gc's order, at gc's position
// (positions.ts), with gc's message, source `goesc` and the kind (src/format/kinds.ts) as
// the code. Heap decisions (a variable moved to the heap, a value escaping, a parameter
// whose pointee leaks) are Information, everything else (stack decisions, -m=2 flow lines,
// other remarks) a Hint; syntax and type errors are Errors in gc's wording.

import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic, DiagnosticKind } from '../api.js';
import type { GoError } from '../errors.js';
import { lineSubject } from '../format/explain.js';
import type { LineIndex } from './positions.js';

export const diagnosticSource = 'goesc';

const heapKinds: ReadonlySet<DiagnosticKind> = new Set<DiagnosticKind>([
  'moved-to-heap',
  'escapes',
  'leaking-param',
  'leaking-param-content',
]);

/** Stack decisions: hidden when the `showStack` setting is off. */
export const stackKinds: ReadonlySet<DiagnosticKind> = new Set<DiagnosticKind>(['does-not-escape', 'param-does-not-escape']);

export function severityOf(kind: DiagnosticKind): DiagnosticSeverity {
  return heapKinds.has(kind) ? DiagnosticSeverity.Information : DiagnosticSeverity.Hint;
}

export { lineSubject } from '../format/explain.js';

export function toLspDiagnostic(d: Diagnostic, lines: LineIndex): LspDiagnostic {
  return {
    range: lines.range(d.line, d.col, lineSubject(d)),
    severity: severityOf(d.kind),
    source: diagnosticSource,
    code: d.kind,
    message: d.message,
  };
}

export function errorDiagnostic(e: GoError, lines: LineIndex): LspDiagnostic {
  return {
    range: lines.range(e.line, e.col, undefined),
    severity: DiagnosticSeverity.Error,
    source: diagnosticSource,
    message: e.message,
  };
}
