// Multisets of output lines, for the scripts that compare goesc's lines with gc's.

/** Lines of `a` not matched in `b`, as multisets. */
export function minus(a, b) {
  const left = new Map();
  for (const l of b) left.set(l, (left.get(l) ?? 0) + 1);
  return a.filter((l) => {
    const n = left.get(l) ?? 0;
    if (n === 0) return true;
    left.set(l, n - 1);
    return false;
  });
}
