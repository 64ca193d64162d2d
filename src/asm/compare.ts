// Prediction next to reality: per function, the allocation calls goesc predicts and those
// the real compiler emitted, matched as multisets of (line, call) (the compiler's order is
// not source order, so position in the listing is not compared), with `type` checked for
// matched newobject calls, and the TEXT directives side by side, attribute by attribute:
// goesc models the leaf flags (NOSPLIT|NOFRAME), NEEDCTXT, WRAPPER and the argument size;
// what it does not model (DUPOK, ABIWRAPPER and the other flags, a frame size it leaves
// open as `$?`) is shown as "not modelled" and left out of the verdict, which counts the
// allocation calls and the modelled TEXT attributes.

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

/** The TEXT flags goesc predicts (listing.ts textDirective); any other flag is not modelled. */
const modelledFlags: ReadonlySet<string> = new Set(['NOSPLIT', 'NOFRAME', 'NEEDCTXT', 'WRAPPER', 'ABIInternal']);

interface TextParts {
  readonly flags: readonly string[];
  readonly frame: string;
  readonly args: string;
}

function parseText(text: string): TextParts | null {
  const m = /^TEXT\s+\S+\(SB\), (?:([A-Za-z|]+), )?\$([?\d]+)-(\d+)/.exec(text);
  return m ? { flags: m[1] ? m[1].split('|') : [], frame: m[2]!, args: m[3]! } : null;
}

export interface TextVerdict {
  /** `=` the modelled attributes agree, `!` one differs, ` ` nothing to compare. */
  readonly mark: '=' | '!' | ' ';
  /** Modelled attributes that differ (`NOSPLIT: goesc no, gc yes`, `args 8 vs 16`). */
  readonly differences: readonly string[];
  /** What gc shows that goesc does not model (`DUPOK`, `frame $24`). */
  readonly notModelled: readonly string[];
}

export function compareText(predicted: string | null, real: string | null): TextVerdict {
  const p = predicted ? parseText(predicted) : null;
  const r = real ? parseText(real) : null;
  if (!p || !r) return { mark: ' ', differences: [], notModelled: [] };
  const differences: string[] = [];
  const notModelled: string[] = [];
  for (const flag of new Set([...p.flags, ...r.flags])) {
    const inP = p.flags.includes(flag);
    const inR = r.flags.includes(flag);
    if (inP === inR) continue;
    if (modelledFlags.has(flag)) differences.push(`${flag}: goesc ${inP ? 'yes' : 'no'}, gc ${inR ? 'yes' : 'no'}`);
    else notModelled.push(flag);
  }
  if (p.frame === '?') notModelled.push(`frame $${r.frame}`);
  else if (p.frame !== r.frame) differences.push(`frame $${p.frame} vs $${r.frame}`);
  if (p.args !== r.args) differences.push(`args ${p.args} vs ${r.args}`);
  return { mark: differences.length > 0 ? '!' : '=', differences, notModelled };
}

/** Two columns per function: goesc | the real compiler, with the mark in front. */
export function formatComparison(cmp: readonly FuncComparison[], file: string, source: string): string {
  const out: string[] = [];
  const width = 52;
  const pad = (s: string) => (s.length >= width ? s : s + ' '.repeat(width - s.length));
  out.push(`# goesc prediction (left) vs ${source} (right)`);
  out.push('# = agree   - predicted only   + real only   ~ same call, different type   ! TEXT: a modelled attribute differs');
  out.push('# TEXT attributes goesc does not model (DUPOK and other flags, the frame size it leaves open as $?) are listed as such and left out of the verdict');
  let textAgree = 0;
  let textDiffer = 0;
  const unmodelled = new Map<string, number>();
  for (const c of cmp) {
    out.push('');
    out.push(`${c.function}`);
    const realText = c.realText === '' ? '(TEXT not recorded)' : c.realText ?? '(no function)';
    const v = compareText(c.predictedText, c.realText || null);
    if (v.mark === '=') textAgree++;
    if (v.mark === '!') textDiffer++;
    for (const n of v.notModelled) {
      const key = n.startsWith('frame') ? 'frame size' : n;
      unmodelled.set(key, (unmodelled.get(key) ?? 0) + 1);
    }
    out.push(`  ${v.mark} ${pad(c.predictedText ?? '(no function)')} | ${realText}`);
    if (v.differences.length > 0) out.push(`      differs: ${v.differences.join('; ')}`);
    if (v.notModelled.length > 0) out.push(`      not modelled: ${v.notModelled.join(', ')}`);
    for (const r of c.rows) {
      const p = r.mark === '+' ? '' : `(${file}:${r.line}) ${r.call}${r.predictedType ? ` ${r.predictedType}` : ''}`;
      const q = r.mark === '-' ? '' : `(${file}:${r.line}) ${r.call}${r.realType ? ` ${r.realType}` : ''}`;
      out.push(`  ${r.mark} ${pad(p)} | ${q}`);
    }
  }
  const n = countRows(cmp);
  out.push('');
  out.push(`# allocation calls: ${n.matched} matched, ${n.predicted - n.matched} predicted only, ${n.real - n.matched} real only`);
  const left = [...unmodelled].map(([k, count]) => `${k} ×${count}`).join(', ');
  out.push(`# TEXT: ${textAgree} agree, ${textDiffer} differ${left ? `; not modelled, left out: ${left}` : ''}`);
  return out.join('\n') + '\n';
}
