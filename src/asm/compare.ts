// Prediction next to reality: per function, the allocation calls goesc predicts and those
// the real compiler emitted, matched as multisets of (line, call) (the compiler's order is
// not source order, so position in the listing is not compared), with `type` checked for
// matched newobject calls, and the TEXT directives side by side.

import type { FuncAsm } from './result.js';
import type { RealFunc } from './gcasm.js';
import { textDirective } from './listing.js';

export type Mark = '=' | '-' | '+' | '~';

export interface CompareRow {
  /** `=` both agree, `-` predicted only, `+` real only, `~` same call and line, types differ. */
  readonly mark: Mark;
  readonly line: number;
  readonly call: string;
  readonly predictedType?: string;
  readonly realType?: string;
}

export interface FuncComparison {
  readonly function: string;
  readonly predictedText: string | null;
  readonly realText: string | null;
  readonly rows: readonly CompareRow[];
}

export interface Counts {
  readonly predicted: number;
  readonly real: number;
  readonly matched: number;
}

export function compareFuncs(predicted: readonly FuncAsm[], real: readonly RealFunc[]): FuncComparison[] {
  const realBy = new Map(real.map((r) => [r.function, r]));
  const names: string[] = [];
  for (const p of predicted) names.push(p.function);
  for (const r of real) if (!names.includes(r.function)) names.push(r.function);
  const predBy = new Map(predicted.map((p) => [p.function, p]));
  return names
    .map((name) => {
      const p = predBy.get(name);
      const r = realBy.get(name);
      return {
        function: name,
        predictedText: p ? textDirective(p) : null,
        realText: r ? r.text : null,
        rows: matchAllocs(p?.allocs ?? [], r?.allocs ?? []),
      };
    })
    .filter((c) => c.rows.length > 0 || c.predictedText !== null);
}

function matchAllocs(
  pred: readonly { line: number; call: string; type?: string }[],
  real: readonly { line: number; call: string; type?: string }[],
): CompareRow[] {
  const left = [...real];
  const rows: CompareRow[] = [];
  for (const a of pred) {
    const i = left.findIndex((r) => r.line === a.line && r.call === a.call && (r.type === undefined || r.type === a.type));
    const j = i >= 0 ? i : left.findIndex((r) => r.line === a.line && r.call === a.call);
    if (j < 0) {
      rows.push({ mark: '-', line: a.line, call: a.call, ...(a.type ? { predictedType: a.type } : {}) });
      continue;
    }
    const r = left.splice(j, 1)[0]!;
    const typesDiffer = a.call === 'runtime.newobject' && r.type !== undefined && a.type !== r.type;
    rows.push({
      mark: typesDiffer ? '~' : '=', line: a.line, call: a.call,
      ...(a.type ? { predictedType: a.type } : {}), ...(r.type ? { realType: r.type } : {}),
    });
  }
  for (const r of left) rows.push({ mark: '+', line: r.line, call: r.call, ...(r.type ? { realType: r.type } : {}) });
  return rows.sort((x, y) => x.line - y.line || x.call.localeCompare(y.call));
}

export function countRows(cmp: readonly FuncComparison[]): Counts {
  let predicted = 0;
  let real = 0;
  let matched = 0;
  for (const c of cmp) {
    for (const r of c.rows) {
      if (r.mark !== '+') predicted++;
      if (r.mark !== '-') real++;
      if (r.mark === '=' || r.mark === '~') matched++;
    }
  }
  return { predicted, real, matched };
}

/** Two columns per function: goesc | the real compiler, with the mark in front. */
export function formatComparison(cmp: readonly FuncComparison[], file: string, source: string): string {
  const out: string[] = [];
  const width = 52;
  const pad = (s: string) => (s.length >= width ? s : s + ' '.repeat(width - s.length));
  out.push(`# goesc prediction (left) vs ${source} (right)`);
  out.push('# = agree   - predicted only   + real only   ~ same call, different type   ? TEXT agrees but for the frame size goesc leaves open ($?)   ! TEXT differs');
  for (const c of cmp) {
    out.push('');
    out.push(`${c.function}`);
    const realText = c.realText === '' ? '(TEXT not recorded)' : c.realText ?? '(no function)';
    const sameButFrame = c.realText !== null && c.predictedText === c.realText.replace(/\$\d+-/, '$?-');
    const textMark = c.realText === '' ? ' ' : c.predictedText === c.realText ? '=' : sameButFrame ? '?' : '!';
    out.push(`  ${textMark} ${pad(c.predictedText ?? '(no function)')} | ${realText}`);
    for (const r of c.rows) {
      const p = r.mark === '+' ? '' : `(${file}:${r.line}) ${r.call}${r.predictedType ? ` ${r.predictedType}` : ''}`;
      const q = r.mark === '-' ? '' : `(${file}:${r.line}) ${r.call}${r.realType ? ` ${r.realType}` : ''}`;
      out.push(`  ${r.mark} ${pad(p)} | ${q}`);
    }
  }
  const n = countRows(cmp);
  out.push('');
  out.push(`# ${n.matched} matched, ${n.predicted - n.matched} predicted only, ${n.real - n.matched} real only`);
  return out.join('\n') + '\n';
}
