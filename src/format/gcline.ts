// Reading gc's -m text back into Diagnostic records: `file:line:col: message`, the kind
// told from the message's shape (the Warnf formats of cmd/compile/internal/escape/escape.go
// and the -m=2 Printf lines of solve.go). The formatters use it where only text exists:
// the real compiler's output in tests, fixtures, the report's comparison views.

import type { Diagnostic, DiagnosticKind } from '../api.js';

const linePattern = /^(.*?):(\d+):(\d+): (.*)$/;

/** Kind of one gc -m message; `param-does-not-escape` needs context the text lacks. */
export function classifyMessage(message: string): DiagnosticKind {
  if (message.startsWith('moved to heap: ')) return 'moved-to-heap';
  if (isFlowMessage(message)) return 'flow';
  if (/^leaking param: \S+ to result \S+ level=\d+$/.test(message)) return 'leaking-param-to-result';
  if (message.startsWith('leaking param content: ')) return 'leaking-param-content';
  if (message.startsWith('leaking param: ')) return 'leaking-param';
  if (message.endsWith(' escapes to heap')) return 'escapes';
  if (message.endsWith(' does not escape')) return 'does-not-escape';
  return 'other';
}

/** Lines that only -m=2 prints: explanation headers, flow steps, their notes. */
export function isFlowMessage(message: string): boolean {
  return (
    /^.* escapes to heap in .*:$/.test(message) ||
    /^parameter .* leaks to .* for .* with derefs=-?\d+:$/.test(message) ||
    message.startsWith('  flow: ') ||
    message.startsWith('    from ') ||
    message.startsWith('  warning: truncated explanation')
  );
}

/** Parses gc -m output; lines that are not diagnostics (e.g. `# pkg`) are skipped. */
export function parseGcOutput(text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const line of text.split('\n')) {
    const m = linePattern.exec(line);
    if (!m) continue;
    const message = m[4]!;
    out.push({
      file: m[1]!,
      line: Number(m[2]),
      col: Number(m[3]),
      message,
      kind: classifyMessage(message),
    });
  }
  return out;
}
