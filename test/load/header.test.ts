// header.ts: the package clause and imports of a file, with gc's positions, read from a
// prefix of the file that grows when the header is longer than it.

import { describe, it, expect } from 'vitest';
import { readHeader } from '../../src/load/header.js';

const b = (s: string) => new TextEncoder().encode(s);

describe('readHeader', () => {
  it('finds the package name and each import at its spec position', () => {
    const h = readHeader(b('// doc\npackage  p // c\n\nimport "fmt"\nimport (\n\tx "strings"\n\t. "os"\n\t_ "embed"; "io"\n)\n\nfunc f() {}\nimport "late"\n'));
    expect(h.packageName).toBe('p');
    expect(h.imports).toEqual([
      { path: 'fmt', line: 4, col: 8 },
      { path: 'strings', line: 6, col: 2 },
      { path: 'os', line: 7, col: 2 },
      { path: 'embed', line: 8, col: 2 },
      { path: 'io', line: 8, col: 13 },
    ]);
  });

  it('reads past a header longer than its first prefix', () => {
    const doc = '/*\n' + 'x'.repeat(70) + '\n'.repeat(1) + ('// ' + 'y'.repeat(60) + '\n').repeat(200) + '*/\n';
    const lines = doc.split('\n').length;
    const h = readHeader(b(doc + 'package q\n\nimport (\n\t"a/b"\n\t"c/d"\n)\n\nvar v = 1\n'));
    expect(h.packageName).toBe('q');
    expect(h.imports).toEqual([{ path: 'a/b', line: lines + 3, col: 2 }, { path: 'c/d', line: lines + 4, col: 2 }]);
  });

  it('counts columns in bytes and keeps UTF-8 import paths', () => {
    const h = readHeader(b('package p /* é */; import "example.com/é"\n'));
    expect(h.imports).toEqual([{ path: 'example.com/é', line: 1, col: 28 }]);
  });

  it('gives no package name to a file without a clause', () => {
    expect(readHeader(b('// nothing\n')).packageName).toBeNull();
    expect(readHeader(b('func f() {}\n')).packageName).toBeNull();
  });
});
