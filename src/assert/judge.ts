// The verdict on each directive, read from goesc's -m lines under default flags, with
// gcassert's meaning (the compiler is the judge; goesc stands in for it):
// - noescape: violated by a heap decision (`moved to heap: x`, `... escapes to heap`) on the
//   line, or anywhere in the function for a directive on a function;
// - inline: the line (or, for a function, each line calling it) must carry gc's
//   `inlining call to ...`. goesc prints those lines only once it models inlining; until a
//   run shows any inlining line (`can inline`, `inlining call to`), inline is "not checked";
// - bce: goesc does not model the prove pass's bounds checks: always "not checked".

import type { Diagnostic } from '../api.js';
import type { Directive } from './directives.js';

export type Status = 'holds' | 'violated' | 'not checked';

export interface Verdict {
  readonly directive: Directive;
  /** The line judged (a call site for inline on a function, which may be in another file). */
  readonly file: string;
  readonly line: number;
  readonly status: Status;
  /** gc's message that breaks it, or why it is not checked. */
  readonly reason: string;
}

export function isHeapDecision(message: string): boolean {
  return message.startsWith('moved to heap: ') || message.endsWith(' escapes to heap');
}

/** Does this run print inlining decisions at all (the inliner is modelled)? */
export function inliningModelled(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.message.startsWith('can inline ') || d.message.startsWith('inlining call to '));
}

export function judge(
  directives: readonly Directive[],
  diags: readonly Diagnostic[],
  callSites: (d: Directive) => readonly { file: string; line: number }[],
): Verdict[] {
  const byLine = new Map<string, Diagnostic[]>();
  for (const d of diags) {
    const k = `${d.file}:${d.line}`;
    let list = byLine.get(k);
    if (!list) byLine.set(k, (list = []));
    list.push(d);
  }
  const on = (file: string, line: number) => byLine.get(`${file}:${line}`) ?? [];
  const inlining = inliningModelled(diags);
  const out: Verdict[] = [];
  for (const d of directives) {
    switch (d.name) {
      case 'noescape': {
        const lines = d.func ? range(d.func.firstLine, d.func.lastLine) : [d.line];
        const heap = lines.flatMap((l) => on(d.file, l)).filter((x) => isHeapDecision(x.message));
        if (heap.length === 0) out.push({ directive: d, file: d.file, line: d.line, status: 'holds', reason: '' });
        for (const h of heap) out.push({ directive: d, file: d.file, line: d.func ? h.line : d.line, status: 'violated', reason: h.message });
        break;
      }
      case 'inline': {
        const sites = d.func ? callSites(d) : [{ file: d.file, line: d.line }];
        for (const { file, line } of sites) {
          if (!inlining) {
            out.push({ directive: d, file, line, status: 'not checked', reason: 'inline not checked: goesc does not model inlining yet' });
          } else if (on(file, line).some((x) => x.message.startsWith('inlining call to '))) {
            out.push({ directive: d, file, line, status: 'holds', reason: '' });
          } else {
            out.push({ directive: d, file, line, status: 'violated', reason: 'call was not inlined' });
          }
        }
        break;
      }
      case 'bce':
        out.push({ directive: d, file: d.file, line: d.line, status: 'not checked', reason: 'bce not checked: goesc does not model bounds-check elimination' });
        break;
    }
  }
  return out;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}
