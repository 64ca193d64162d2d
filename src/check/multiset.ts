// Multiset comparison of diagnostic lines. gc does not print in position order and may
// print the same line twice (once per inlined copy, once per closure body), so lines are
// compared as multisets: a line counts as found as many times as it occurs on both sides.

export interface LineDiff {
  /** Lines present on both sides (with multiplicity), in the expected side's order. */
  readonly matched: readonly string[];
  /** Expected (compiler) lines goesc did not print. */
  readonly missing: readonly string[];
  /** Lines goesc printed that the compiler did not. */
  readonly extra: readonly string[];
}

export function diffLines(expected: readonly string[], actual: readonly string[]): LineDiff {
  const remaining = new Map<string, number>();
  for (const line of actual) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  const matched: string[] = [];
  const missing: string[] = [];
  for (const line of expected) {
    const n = remaining.get(line) ?? 0;
    if (n > 0) {
      matched.push(line);
      remaining.set(line, n - 1);
    } else missing.push(line);
  }
  const extra: string[] = [];
  for (const line of actual) {
    const n = remaining.get(line) ?? 0;
    if (n > 0) {
      extra.push(line);
      remaining.set(line, n - 1);
    }
  }
  return { matched, missing, extra };
}

export function isExactMatch(d: LineDiff): boolean {
  return d.missing.length === 0 && d.extra.length === 0;
}
