// The predicted allocation code against the real compiler's -S -l, stored as fixtures by
// test/asm/gen-fixtures.mjs (examples/seed.go and test/asm/cases/*.go), plus a live run
// when Go is installed. Every allocation call must agree as a multiset of (line, call),
// newobject types included; TEXT lines must agree wherever goesc commits to a frame size.

import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { predictFiles } from '../../src/asm/pipeline.js';
import { compareFuncs, countRows, readListing, textDirective, toJson, type RealFunc } from '../../src/asm/index.js';
import { realListing } from '../../src/check/realasm.js';

interface Fixture {
  readonly program: string;
  readonly go: string;
  readonly funcs: RealFunc[];
}

const fixtureDir = 'test/asm/fixtures';
const fixtures: Fixture[] = readdirSync(fixtureDir)
  .filter((n) => n.endsWith('.S.json'))
  .sort()
  .map((n) => JSON.parse(readFileSync(`${fixtureDir}/${n}`, 'utf8')) as Fixture);

const hasGo = spawnSync('go', ['version']).status === 0;
if (!hasGo) console.log('test/asm: go is not on PATH; the live comparison is skipped (fixtures still checked)');

describe('asm fixtures (real go tool compile -S -l)', () => {
  it('covers the seed and the own cases', () => {
    const programs = fixtures.map((f) => basename(f.program));
    expect(programs).toContain('seed.go');
    expect(programs.length).toBeGreaterThanOrEqual(5);
  });

  for (const fx of fixtures) {
    it(`${fx.program}: every allocation call agrees`, () => {
      const pred = predictFiles([fx.program]);
      const cmp = compareFuncs(pred.funcs, fx.funcs);
      const diffs = cmp.flatMap((c) => c.rows.filter((r) => r.mark !== '=').map((r) => `${c.function} ${r.mark} ${r.line} ${r.call} ${r.predictedType ?? ''}/${r.realType ?? ''}`));
      expect(diffs).toEqual([]);
      const n = countRows(cmp);
      expect(n.matched).toBe(n.real);
    });

    it(`${fx.program}: TEXT lines agree where goesc predicts the frame`, () => {
      const pred = predictFiles([fx.program]);
      const real = new Map(fx.funcs.map((f) => [f.function, f.text]));
      for (const f of pred.funcs) {
        if (f.frame.frameSize === null) continue;
        expect(textDirective(f)).toBe(real.get(f.function));
      }
    });
  }
});

describe("the seed article's three examples", () => {
  const fx = fixtures.find((f) => f.program === 'examples/seed.go')!;
  const pred = predictFiles(['examples/seed.go']);
  const byName = (name: string) => pred.funcs.find((f) => f.function === name)!;
  const real = (name: string) => fx.funcs.find((f) => f.function === name)!;

  it('stackOnly: no allocation, no frame at all (the value lives in AX, not at (SP))', () => {
    const f = byName('main.stackOnly');
    expect(f.allocs).toEqual([]);
    expect(real('main.stackOnly').allocs).toEqual([]);
    expect(textDirective(f)).toBe(real('main.stackOnly').text);
    expect(f.stack.map((s) => s.name)).toEqual(['x']);
  });

  it('escapeToHeap: LEAQ type:int(SB), AX; CALL runtime.newobject(SB) at line 11', () => {
    expect(toJson([byName('main.escapeToHeap')])[0]!.allocs).toEqual([{ line: 11, call: 'runtime.newobject', type: 'int' }]);
    expect(real('main.escapeToHeap').allocs.map((a) => [a.line, a.call, a.type])).toEqual([[11, 'runtime.newobject', 'int']]);
  });

  it('sliceEscape: CALL runtime.makeslice(SB) at line 16', () => {
    expect(byName('main.sliceEscape').allocs.map((a) => [a.line, a.call])).toEqual([[16, 'runtime.makeslice']]);
    expect(real('main.sliceEscape').allocs.map((a) => [a.line, a.call])).toEqual([[16, 'runtime.makeslice']]);
  });
});

describe('reading a real listing', () => {
  it('pairs newobject with the LEAQ of its type and keeps the TEXT directive', () => {
    const listing = [
      'p.f STEXT size=46 args=0x0 locals=0x18 funcid=0x0 align=0x0',
      '\t0x0000 00000 (x.go:3)\tTEXT\tp.f(SB), ABIInternal, $24-0',
      '\t0x000e 00014 (x.go:4)\tLEAQ\ttype:p.T(SB), AX',
      '\t0x0015 00021 (x.go:4)\tCALL\truntime.newobject(SB)',
      '\t0x0020 00032 (x.go:5)\tCALL\truntime.printlock(SB)',
      '\t0x0025 00037 (x.go:6)\tCALL\truntime.convT64(SB)',
    ].join('\n');
    const [f] = readListing(listing);
    expect(f!.text).toBe('TEXT\tp.f(SB), ABIInternal, $24-0');
    expect(f!.allocs.map((a) => [a.line, a.call, a.type])).toEqual([
      [4, 'runtime.newobject', 'p.T'],
      [6, 'runtime.convT64', undefined],
    ]);
  });

  it('names a shape instance whose name has spaces', () => {
    const listing = [
      'p.g[go.shape.interface {}] STEXT dupok size=46 args=0x8 locals=0x18 funcid=0x0 align=0x0',
      '\t0x0000 00000 (x.go:3)\tTEXT\tp.g[go.shape.interface {}](SB), DUPOK|ABIInternal, $24-8',
      '\t0x000e 00014 (x.go:4)\tLEAQ\ttype:p.T(SB), AX',
      '\t0x0015 00021 (x.go:4)\tCALL\truntime.newobject(SB)',
    ].join('\n');
    expect(readListing(listing).map((f) => f.function)).toEqual(['p.g[go.shape.interface {}]']);
  });
});

describe('live comparison with the installed compiler', () => {
  it.runIf(hasGo)('the stored fixtures are what the installed compiler says now (else: node test/asm/gen-fixtures.mjs)', () => {
    for (const fx of fixtures) {
      const pkg = /^package main$/m.test(readFileSync(fx.program, 'utf8')) ? 'main' : 'p';
      const live = realListing([fx.program], pkg);
      expect(JSON.parse(JSON.stringify(live.funcs)), fx.program).toEqual(fx.funcs);
    }
  });

  it.runIf(hasGo)('examples/seed.go agrees with go tool compile -S -l run now', () => {
    const pred = predictFiles(['examples/seed.go']);
    const real = realListing(pred.files, pred.ir.path);
    const n = countRows(compareFuncs(pred.funcs, real.funcs));
    expect(n.real).toBe(2);
    expect(n.matched).toBe(2);
    expect(n.predicted).toBe(2);
  });
});
