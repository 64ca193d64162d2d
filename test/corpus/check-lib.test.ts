// Unit tests of the comparison library: multiset diff, scores, path relativizing, and the
// classification against a baseline.
import { describe, expect, it } from 'vitest';
import {
  addTally,
  diffLines,
  emptyTally,
  formatRatio,
  precision,
  recall,
  relativizeLines,
  tallyOf,
} from '../../src/check/index.js';

describe('diffLines', () => {
  it('compares as multisets, ignoring order', () => {
    const d = diffLines(['a:1:1: x', 'a:2:1: y', 'a:2:1: y'], ['a:2:1: y', 'a:1:1: x', 'a:3:1: z']);
    expect(d.matched).toEqual(['a:1:1: x', 'a:2:1: y']);
    expect(d.missing).toEqual(['a:2:1: y']);
    expect(d.extra).toEqual(['a:3:1: z']);
  });

  it('finds nothing missing or extra for equal multisets', () => {
    const d = diffLines(['b', 'a', 'a'], ['a', 'b', 'a']);
    expect(d.missing).toEqual([]);
    expect(d.extra).toEqual([]);
  });
});

describe('scores', () => {
  it('computes precision and recall from found lines', () => {
    const t = addTally(tallyOf(diffLines(['x', 'y'], ['x', 'z', 'w'])), tallyOf(diffLines(['q'], ['q'])));
    expect(t).toEqual({ cases: 2, exact: 1, found: 2, expected: 3, printed: 4 });
    expect(precision(t)).toBe(0.5);
    expect(recall(t)).toBeCloseTo(2 / 3);
  });

  it('leaves a ratio with an empty denominator undefined', () => {
    expect(precision(emptyTally)).toBeUndefined();
    expect(formatRatio(recall(emptyTally))).toBe('-');
  });
});

describe('relativizeLines', () => {
  it('drops the folder goesc was given, also inside -m=2 positions', () => {
    expect(relativizeLines(['d/e/x.go:3:4: y escapes to heap at d/e/x.go:5:1'], 'd/e/x.go')).toEqual([
      'x.go:3:4: y escapes to heap at x.go:5:1',
    ]);
  });
});
