// Which imported inline bodies reach a compilation (models/<v>/std/reexports.json, from gc's
// own std build): gc reads only its direct imports' export data, which carries a foreign
// function's body only when that package's own inline bodies reach it and it inlined it.
// sync.Map's generic internal/sync body calls abi.NoEscape: sync's export data does not
// carry its body, while it carries internal/sync's Mutex methods. Judged by the real compiler (skipped, with
// a printed reason, without Go).
import { describe, expect, it } from 'vitest';
import { loadStdInlineFacts } from '../../src/inline/std.js';
import { gcBuildLines, hasGo } from '../escape/gc.js';
import { goescBuildLines } from './default-lines.js';

const syncOnly = `package p

import "sync"

var cache sync.Map

func get(k string) (any, bool) { return cache.Load(k) }

func put(k string, v any) { cache.Store(k, v) }
`;
const withErrors = syncOnly.replace('import "sync"', 'import (\n\t"errors"\n\t"sync"\n)') + `
var errMissing = errors.New("missing")

func must(k string) (any, error) {
	if v, ok := get(k); ok {
		return v, nil
	}
	return nil, errMissing
}
`;

const goesc = (source: string) => goescBuildLines(source, 1);

describe('inline bodies through direct imports only', () => {
  it('the std model lists what each package re-exports', () => {
    const std = loadStdInlineFacts('go1.26');
    expect(std.reexports?.('sync')?.has('internal/abi.NoEscape')).toBe(false);
    expect(std.reexports?.('sync')?.has('internal/sync.(*Mutex).Lock')).toBe(true);
    expect(std.reexports?.('example.com/m')).toBeUndefined();
  });
  if (!hasGo) console.log('reexports: `go` not on PATH, the comparisons with the compiler are skipped');
  for (const [name, source] of [['sync alone', syncOnly], ['sync and errors', withErrors]] as const) {
    it.runIf(hasGo)(`${name}: the -m lines are gc's`, async () => {
      const got = await goesc(source);
      expect(got.some((l) => l.includes('inlining call to abi.NoEscape'))).toBe(false);
      expect([...got].sort()).toEqual([...gcBuildLines(source, ['-m'])].sort());
    });
  }
});
