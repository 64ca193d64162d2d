// A package of several files: every line names the file its position is in. The synthetic
// init gathers package-level initialisers (and their func literals) from all the files,
// so it is where a wrong file would show. Expected lines come from the real compiler.
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeFiles, formatDiagnostic } from '../../src/api.js';
import { gcPackageLines, hasGo } from './gc.js';

const files: Record<string, string> = {
  'a.go': `package p

var sink *int

func keep(x *int) { sink = x }
`,
  'b.go': `package p

type pool struct{ New func() any }

var buffers = pool{New: func() any { b := make([]byte, 0, 64); return &b }}

var names = map[int]string{1: "one"}

var made = func() *int { z := 4; sink = &z; return &z }()

func use() { _ = buffers; _ = names }
`,
};

describe.skipIf(!hasGo)('a multi-file package', () => {
  it('reports init lines in the file of each initialiser, as gc does (-m and -m=2)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-multi-'));
    for (const [name, source] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), source);
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      for (const m of [1, 2]) {
        const ours = (await analyzeFiles(Object.keys(files), { m })).diagnostics.map(formatDiagnostic);
        const gc = gcPackageLines(files, [m === 1 ? '-m' : '-m=2']);
        expect(gc.some((l) => l.startsWith('b.go:'))).toBe(true);
        expect([...ours].sort()).toEqual([...gc].sort());
      }
    } finally {
      process.chdir(cwd);
    }
  });
});
