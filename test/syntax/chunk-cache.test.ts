// The parser's chunk cache (src/syntax/index.ts ChunkMatchCache): after any edit, a parse
// that reuses the last parse's matches and ASTs must give exactly the AST a fresh parse
// gives — for edits within a line (ASTs reused), edits that shift lines (matches reused),
// and edits that add grouped declarations and directives (the build state replayed).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChunkMatchCache, parseFile } from '../../src/syntax/index.js';

const base = readFileSync('testdata/lsp/inventory.go', 'utf8');
const edits: ((s: string) => string)[] = [
  (s) => s.replace('\tn := 0\n', '\tn := 1\n'),
  (s) => s.replace('\tn := 1\n', '\tn := 1\n\tvar extra = new(int)\n\t_ = extra\n'),
  (s) => s.replace('var ErrNotFound', 'var (\n\tother = 1\n)\n\n//go:noinline\nfunc f() {}\n\nvar ErrNotFound') + '\nconst (\n\tlo = iota\n\thi\n)\n',
  (s) => s.replace('func Counter() func() int {', '//go:noinline\nfunc Counter() func() int {'),
  (s) => s.replace('var (\n\tother = 1\n)\n', ''),
  (s) => s.replace('\tcount := 0', '\tcount := 0 + 1'),
];

describe('the chunk cache', () => {
  it('gives the AST a fresh parse gives, edit after edit', () => {
    const cache = new ChunkMatchCache();
    let text = base;
    parseFile('f.go', Buffer.from(text), cache);
    for (const edit of edits) {
      const next = edit(text);
      expect(next).not.toBe(text);
      text = next;
      const cached = parseFile('f.go', Buffer.from(text), cache);
      const fresh = parseFile('f.go', Buffer.from(text));
      expect(cached.errors).toEqual([]);
      expect(cached.file).toEqual(fresh.file);
    }
    expect(cache.astHits).toBeGreaterThan(0);
    expect(cache.hits).toBeGreaterThan(0);
  });
});
