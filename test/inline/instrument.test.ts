// Build modes that change what inlines (-race, -d=checkptr): go:norace and go:nocheckptr
// functions, calls into the runtime, no-instrument and no-race-func packages, and reflect's
// Value.UnsafeAddr / Value.Pointer. Judged by the real compiler with the same flags (skipped,
// with a printed reason, without Go); the flag handling itself needs no Go.
import { describe, expect, it } from 'vitest';
import { loadModel, withCompilerFlags } from '../../src/models/index.js';
import { gcBuildLines, hasGo } from '../escape/gc.js';
import { goescBuildLines } from './default-lines.js';

const programs: Record<string, string> = {
  norace: `package p

//go:norace
func foo(x int) int { return x * 2 }

//go:nocheckptr
func baz(x int) int { return x + 3 }

func bar(x int) int { return foo(x) + baz(x) }
`,
  reflect: `package p

import (
	"reflect"
	"sync"
	"unsafe"
)

func addr(p *int) unsafe.Pointer { return unsafe.Pointer(reflect.ValueOf(p).Elem().UnsafeAddr()) }

func ptr(m map[string]int) uintptr { return reflect.ValueOf(m).Pointer() }

var mu sync.Mutex

func locked(f func()) {
	mu.Lock()
	defer mu.Unlock()
	f()
}
`,
};

const goesc = (source: string, m: number, flags: { race: boolean; debug: string[] }) =>
  goescBuildLines(source, m, withCompilerFlags(loadModel('go1.26'), flags));

describe('-race and -d=checkptr (needs go)', () => {
  if (!hasGo) console.log('instrument: `go` not on PATH, the comparisons with the compiler are skipped');
  const cases: Array<[string, number, { race: boolean; debug: string[] }, string[]]> = [
    ['norace', 2, { race: true, debug: [] }, ['-m=2', '-race']],
    ['norace', 2, { race: false, debug: ['checkptr'] }, ['-m=2', '-d=checkptr']],
    ['norace', 2, { race: true, debug: ['checkptr=0'] }, ['-m=2', '-race', '-d=checkptr=0']],
    ['reflect', 1, { race: false, debug: ['checkptr'] }, ['-m', '-d=checkptr']],
    ['reflect', 1, { race: true, debug: [] }, ['-m', '-race']],
    ['reflect', 1, { race: false, debug: [] }, ['-m']],
  ];
  for (const [name, m, flags, gcFlags] of cases) {
    it.runIf(hasGo)(`${name} with ${gcFlags.join(' ')} prints what gc prints`, async () => {
      expect(await goesc(programs[name]!, m, flags)).toEqual(gcBuildLines(programs[name]!, gcFlags));
    });
  }
});

describe('withCompilerFlags', () => {
  const base = loadModel('go1.26');
  it('-race implies checkptr unless -d=checkptr=0', () => {
    expect(withCompilerFlags(base, { race: true, debug: [] }).inline).toMatchObject({ race: true, checkptr: true });
    expect(withCompilerFlags(base, { race: true, debug: ['checkptr=0'] }).inline).toMatchObject({ race: true, checkptr: false });
    expect(withCompilerFlags(base, { race: false, debug: ['inlfuncswithclosures=0,checkptr'] }).inline).toMatchObject({ funcsWithClosures: false, checkptr: true });
    expect(withCompilerFlags(base, { race: false, debug: [] })).toBe(base);
  });
  it('refuses a -d key it does not model, naming those it does', () => {
    expect(() => withCompilerFlags(base, { race: false, debug: ['ssa/check/on'] })).toThrow(/-d=ssa\/check\/on is not modelled; goesc models -d=checkptr, -d=inlfuncswithclosures/);
  });
});
