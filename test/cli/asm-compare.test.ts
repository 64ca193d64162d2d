// `goesc asm --compare` (issue 19.4): -p as for analysis (package main is `main`, as go build
// names it), and TEXT attributes goesc does not model shown as such, out of the verdict.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareText } from '../../src/asm/compare.js';
import { runCli } from './run.js';
import { hasGo } from '../format/gc.js';

describe('TEXT attributes', () => {
  it('unmodelled flags and an open frame size are listed, not counted', () => {
    const v = compareText(
      'TEXT\tp.f(SB), NOSPLIT|NOFRAME|ABIInternal, $?-16',
      'TEXT\tp.f(SB), DUPOK|NOSPLIT|NOFRAME|ABIInternal, $0-16',
    );
    expect(v).toEqual({ mark: '=', differences: [], notModelled: ['DUPOK', 'frame $0'] });
  });
  it('a modelled flag or the argument size that differs is a difference', () => {
    const v = compareText('TEXT\tp.f(SB), ABIInternal, $?-8', 'TEXT\tp.f(SB), NOSPLIT|NOFRAME|ABIInternal, $0-16');
    expect(v.mark).toBe('!');
    expect(v.differences).toEqual(['NOSPLIT: goesc no, gc yes', 'NOFRAME: goesc no, gc yes', 'args 8 vs 16']);
  });
});

describe.runIf(hasGo)('goesc asm --compare (runs Go)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-asmcmp-'));
  fs.writeFileSync(
    path.join(dir, 'vec.go'),
    'package main\n\ntype Vec struct{ x, y float64 }\n\nvar sink *Vec\n\nfunc newVec() *Vec { return &Vec{1, 2} }\n\nfunc main() { sink = newVec() }\n',
  );
  fs.mkdirSync(path.join(dir, 'lib'));
  fs.writeFileSync(path.join(dir, 'lib', 'lib.go'), 'package lib\n\ntype T struct{ a, b int }\n\nfunc New() *T { return &T{1, 2} }\n');
  it('names package main main, on both sides', async () => {
    const r = await runCli(['asm', '-l', '--compare', 'vec.go'], dir);
    expect(r.status).toBe(0);
    expect(r.out).toContain('  = (vec.go:7) runtime.newobject main.Vec');
    expect(r.out).toContain('# allocation calls: 1 matched, 0 predicted only, 0 real only');
    expect(r.out).toMatch(/# TEXT: 2 agree, 0 differ; not modelled, left out: frame size ×2/);
  });
  it('without -l predicts the inlined program, as go build compiles it', async () => {
    // newVec inlines into main: its allocation is also main's, at the line it is written on.
    const r = await runCli(['asm', '--compare', 'vec.go'], dir);
    expect(r.status).toBe(0);
    expect(r.out).toContain('go tool compile -S)');
    expect(r.out).toMatch(/main\.main\n.*\n.*\n  = \(vec\.go:7\) runtime\.newobject main\.Vec/);
    expect(r.out).toContain('# allocation calls: 2 matched, 0 predicted only, 0 real only');
  });
  it('-p sets the import path as for analysis', async () => {
    const r = await runCli(['asm', '-l', '--compare', '-p', 'example.com/lib', 'lib/lib.go'], dir);
    expect(r.status).toBe(0);
    expect(r.out).toContain('  = (lib/lib.go:5) runtime.newobject example.com/lib.T');
  });
});
