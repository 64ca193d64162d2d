import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/api.js';
import { diffDiagnostics, formatChanges } from '../../src/whatif/index.js';
import { parameterChanges, whatifModels } from '../../src/whatif/index.js';
import { UserError } from '../../src/errors.js';

const d = (line: number, col: number, message: string, file = 'x.go'): Diagnostic => ({ file, line, col, message, kind: 'other' });

describe('diffDiagnostics', () => {
  it('lists removed and added lines by position, removed first', () => {
    const before = [d(3, 2, 'x does not escape'), d(1, 6, 'moved to heap: a'), d(5, 1, 'same')];
    const after = [d(5, 1, 'same'), d(3, 2, 'x escapes to heap'), d(9, 9, 'moved to heap: z')];
    expect(formatChanges(diffDiagnostics(before, after))).toBe(
      ['- x.go:1:6: moved to heap: a', '- x.go:3:2: x does not escape', '+ x.go:3:2: x escapes to heap', '+ x.go:9:9: moved to heap: z', ''].join('\n'),
    );
  });

  it('compares as multisets (gc may print a line twice)', () => {
    const line = d(2, 2, '... argument does not escape');
    expect(diffDiagnostics([line, line], [line])).toEqual([{ sign: '-', diagnostic: line }]);
    expect(diffDiagnostics([line], [line, line])).toEqual([{ sign: '+', diagnostic: line }]);
    expect(diffDiagnostics([line, line], [line, line])).toEqual([]);
  });

  it('is empty when nothing changes, in any order', () => {
    expect(diffDiagnostics([d(1, 1, 'a'), d(2, 2, 'b')], [d(2, 2, 'b'), d(1, 1, 'a')])).toEqual([]);
  });
});

describe('whatif models', () => {
  it('derives the changed model from the base: --smallframes and --set', () => {
    const { base, changed } = whatifModels({ smallframes: true, settings: { 'optimizations.zeroCopyStringToBytes': 'false' } });
    expect(base.limits.maxStackVarSize).toBe(128 * 1024);
    expect(changed.limits.maxStackVarSize).toBe(64 * 1024);
    expect(parameterChanges(base, changed)).toEqual([
      { key: 'limits.maxStackVarSize', from: 131072, to: 65536 },
      { key: 'limits.maxImplicitStackVarSize', from: 65536, to: 16384 },
      { key: 'optimizations.zeroCopyStringToBytes', from: true, to: false },
    ]);
  });

  it('refuses unknown parameters with the list of allowed ones', () => {
    expect(() => whatifModels({ settings: { 'limits.nope': '1' } })).toThrow(UserError);
    expect(() => whatifModels({ settings: { 'limits.nope': '1' } })).toThrow(/limits\.maxStackVarSize/);
  });
});
