// Binary search over a sorted sequence, as Go's sort.Search: the one loop the scanner, the
// line directives and the method wrappers each spelled out.

/**
 * The first index i in [0, length) for which `after(i)` holds, or `length` when none does;
 * `after` must be false up to some index and true from there on.
 */
export function firstWhere(length: number, after: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
