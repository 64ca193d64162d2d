// A package's files are collected together whatever their order, even when one file's
// import makes the checker load a model package in the middle of collecting the others.
import { describe, expect, it } from 'vitest';
import { analyzePackages } from '../../src/api.js';

const enc = (s: string) => new TextEncoder().encode(s);
const methods = 'package p\n\ntype B struct{ n int }\n\nfunc (b *B) Peek() int { return b.Len() }\nfunc (b *B) Len() int  { return b.n }\n';
const importer = 'package p\n\nimport "unicode/utf8"\n\nvar _ = utf8.RuneLen\n';

describe('multi-file packages', () => {
  for (const order of [['a.go', 'b.go'], ['b.go', 'a.go']]) {
    it(`keeps methods declared before another file's import (${order.join(', ')})`, () => {
      const text: Record<string, string> = { 'a.go': methods, 'b.go': importer };
      const files = order.map((filename) => ({ filename, bytes: enc(text[filename]!) }));
      const result = analyzePackages([{ dir: '.', files }], { m: 1 });
      expect(result.errors).toEqual([]);
      expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`).sort()).toEqual([
        'a.go:5:7: b does not escape',
        'a.go:6:7: b does not escape',
      ]);
    });
  }
});
