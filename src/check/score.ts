// Precision and recall over diagnostic lines: true positives are lines found on both sides
// (multiset intersection); precision = found / printed by goesc, recall = found / printed by
// the compiler. A ratio with an empty denominator is undefined, not 1 or 0, and prints "-".

import type { LineDiff } from './multiset.js';

export interface Tally {
  readonly cases: number;
  readonly exact: number;
  /** Lines on both sides. */
  readonly found: number;
  /** Lines the compiler printed. */
  readonly expected: number;
  /** Lines goesc printed. */
  readonly printed: number;
}

export const emptyTally: Tally = { cases: 0, exact: 0, found: 0, expected: 0, printed: 0 };

export function tallyOf(diff: LineDiff): Tally {
  const found = diff.matched.length;
  return {
    cases: 1,
    exact: diff.missing.length === 0 && diff.extra.length === 0 ? 1 : 0,
    found,
    expected: found + diff.missing.length,
    printed: found + diff.extra.length,
  };
}

export function addTally(a: Tally, b: Tally): Tally {
  return {
    cases: a.cases + b.cases,
    exact: a.exact + b.exact,
    found: a.found + b.found,
    expected: a.expected + b.expected,
    printed: a.printed + b.printed,
  };
}

export function precision(t: Tally): number | undefined {
  return t.printed === 0 ? undefined : t.found / t.printed;
}

export function recall(t: Tally): number | undefined {
  return t.expected === 0 ? undefined : t.found / t.expected;
}

export function formatRatio(r: number | undefined): string {
  return r === undefined ? '-' : (100 * r).toFixed(1) + '%';
}

/** A fixed-width text table: one row per group, then the overall row. */
export function formatTallyTable(rows: ReadonlyArray<readonly [string, Tally]>, overall: Tally, title = 'rule'): string {
  const header = [title, 'cases', 'exact', 'gc lines', 'goesc lines', 'found', 'precision', 'recall'];
  const line = (name: string, t: Tally) => [
    name,
    String(t.cases),
    String(t.exact),
    String(t.expected),
    String(t.printed),
    String(t.found),
    formatRatio(precision(t)),
    formatRatio(recall(t)),
  ];
  const body = [...rows.map(([n, t]) => line(n, t)), line('overall', overall)];
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [fmt(header), rule, ...body.slice(0, -1).map(fmt), rule, fmt(body[body.length - 1]!)].join('\n');
}
