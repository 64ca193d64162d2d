// gc's -p names the package; shape types spell the package's own types with it
// (`go.shape.struct { example.com/m.v int }`), so goesc's -p must do the same.
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeFiles, formatDiagnostic } from '../../src/api.js';
import { gcPackageLines, hasGo } from './gc.js';

const source = `package m

type cell struct{ v int }

func fill[T any](n int) []T { return make([]T, n) }

func use() int { return len(fill[cell](3)) }
`;

describe.skipIf(!hasGo)('the package path (-p)', () => {
  it('qualifies the package types in shape names as gc does', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-pkgpath-'));
    fs.writeFileSync(path.join(dir, 'm.go'), source);
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      const ours = (await analyzeFiles(['m.go'], { m: 1, packagePath: 'example.com/m' })).diagnostics.map(formatDiagnostic);
      const gc = gcPackageLines({ 'm.go': source }, ['-p=example.com/m', '-m']);
      expect(gc.some((l) => l.includes('example.com/m.v'))).toBe(true);
      expect(ours).toEqual(gc);
    } finally {
      process.chdir(cwd);
    }
  });
});
