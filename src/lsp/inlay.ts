// Inlay hints at allocation sites: `heap` after what gc moves to or allocates on the heap
// (`moved to heap: x`, `... escapes to heap`), `stack` after what it keeps in the frame
// (`... does not escape`, unless the showStack setting is off). Parameters are not
// allocation sites: their leaks are diagnostics and hovers only.

import type { InlayHint, Range } from 'vscode-languageserver';
import { lineSubject } from './diagnostics.js';
import type { FileAnalysis } from './server.js';

export function inlayHintsFor(a: FileAnalysis, range: Range): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const d of a.diagnostics) {
    const label = d.kind === 'moved-to-heap' || d.kind === 'escapes' ? 'heap' : d.kind === 'does-not-escape' ? 'stack' : null;
    if (label === null || (label === 'stack' && !a.settings.showStack)) continue;
    const at = a.lines.range(d.line, d.col, lineSubject(d)).end;
    if (before(at, range.start) || before(range.end, at)) continue;
    hints.push({ position: at, label, paddingLeft: true, tooltip: d.message });
  }
  return hints;
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
