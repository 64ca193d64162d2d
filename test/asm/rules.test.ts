// The lowering rules under hand-made escape decisions: the same program predicted with the
// allocation marked escaping and not escaping, through placementFromDiagnostics (the
// adapter that reads -m lines), plus the CLI contract (`goesc asm` never starts Go). What
// the compiler emits for each construct is checked against its real -S in asm.test.ts;
// here only how a decision switches a call on or off.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { predictFiles } from '../../src/asm/pipeline.js';
import { placementFromDiagnostics, go126AsmRules, asmRulesOf } from '../../src/asm/index.js';
import { loadModel } from '../../src/models/index.js';

function withProgram(src: string, f: (file: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'goesc-asm-test-'));
  const file = join(dir, 'x.go');
  writeFileSync(file, src);
  try {
    f(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const calls = (file: string, diags: string[]) =>
  predictFiles([file], {
    placement: () =>
      placementFromDiagnostics(
        diags.map((d) => {
          const m = /^(\d+):(\d+): (.*)$/.exec(d)!;
          return { line: Number(m[1]), col: Number(m[2]), message: m[3]! };
        }),
      ),
  }).funcs.flatMap((fn) => fn.allocs.map((a) => `${fn.function} ${a.line} ${a.call}${a.type ? ` ${a.type}` : ''}`));

describe('decisions change the call', () => {
  const src = 'package p\n\ntype T struct{ a, b int }\n\nfunc f(n int) int {\n\tt := &T{a: n}\n\ts := make([]int, 4)\n\treturn t.a + len(s)\n}\n';

  it('escaping &T{} and constant make: newobject p.T and makeslice', () => {
    withProgram(src, (file) => {
      expect(calls(file, ['6:7: &T{...} escapes to heap', '7:11: make([]int, 4) escapes to heap'])).toEqual([
        'p.f 6 runtime.newobject p.T',
        'p.f 7 runtime.makeslice int',
      ]);
    });
  });

  it('the same sites kept on the stack: no call at all', () => {
    withProgram(src, (file) => {
      expect(calls(file, ['6:7: &T{...} does not escape', '7:11: make([]int, 4) does not escape'])).toEqual([]);
    });
  });

  it('moved-to-heap variables of one block share one mallocgc when small and pointer-free', () => {
    const two = 'package p\n\nvar g1, g2 *int\n\nfunc f() {\n\ta, b := 1, 2\n\tg1, g2 = &a, &b\n}\n';
    withProgram(two, (file) => {
      expect(calls(file, ['6:2: moved to heap: a', '6:5: moved to heap: b'])).toEqual(['p.f 6 runtime.mallocgc']);
      expect(calls(file, ['6:2: moved to heap: a'])).toEqual(['p.f 6 runtime.newobject int']);
    });
  });
});

describe('rules come from the model', () => {
  it('go1.26 values', () => {
    expect(asmRulesOf(loadModel('go1.26'))).toMatchObject({
      ifaceStackTempMaxSize: go126AsmRules.ifaceStackTempMaxSize,
      mapStackGroupSlots: 8,
      appendStackBufferSize: 32,
    });
  });
});

describe('goesc asm (CLI)', () => {
  it('prints JSON without any Go toolchain on PATH', () => {
    const r = spawnSync(process.execPath, ['bin/goesc.js', 'asm', '-l', '--json', 'examples/seed.go'], {
      encoding: 'utf8',
      env: { ...process.env, PATH: '/nonexistent' },
    });
    if (r.status !== 0 && /Cannot find module|dist\//.test(r.stderr)) {
      console.log('test/asm: dist/ is not built; the CLI run is skipped (npm run build)');
      return;
    }
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { function: string; allocs: { line: number; call: string; type?: string }[] }[];
    expect(out.find((f) => f.function === 'main.escapeToHeap')!.allocs).toEqual([{ line: 11, call: 'runtime.newobject', type: 'int' }]);
  });
});
