// The parser's chunk cache (src/syntax/index.ts ChunkMatchCache): after any edit, a parse
// that reuses the last parse's matches and ASTs must give exactly the AST a fresh parse
// gives — for edits within a line (ASTs reused), edits that shift lines (ASTs reused with
// their lines moved), edits inside a long function (its statements matched apart), and
// edits that add grouped declarations and directives (the build state replayed).
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
  // lines added and removed above, inside and below long functions
  (s) => s.replace('\tn := 1\n', '\tn := 1\n\tz := &n\n\t_ = z\n'),
  (s) => s.replace('\tz := &n\n\t_ = z\n', ''),
  (s) => '// a comment\n\n' + s,
  (s) => s.replace('// a comment\n\n', '') + '\nfunc leak() *int {\n\ty := 1\n\treturn &y\n}\n',
  // two chunks with the same tokens at different lines, then one moved onto the other's line
  (s) => s + '\nfunc init() { _ = 1 }\n\nfunc init() { _ = 1 }\n',
  (s) => s.replace('\nfunc init() { _ = 1 }\n', ''),
  // a directive on a moved declaration
  (s) => '\n\n' + s.replace('func Counter() func() int {', '//go:noinline\nfunc Counter() func() int {'),
];

/** Paths of objects reached a second time (the AST is a tree: side tables key on node identity). */
function reachedTwice(root: unknown): string[] {
  const seen = new Set<object>();
  const out: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (v === null || typeof v !== 'object') return;
    if (seen.has(v)) return void out.push(path);
    seen.add(v);
    for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(root, '');
  return out;
}

describe('the chunk cache', () => {
  // 256: a lone parse's threshold for parts matched apart; 64: the server's; 8: nearly every brace.
  it.each([256, 64, 8])('gives the AST a fresh parse gives, edit after edit (parts from %i tokens)', (partTokens) => {
    const cache = new ChunkMatchCache(partTokens);
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
      expect(reachedTwice(cached.file)).toEqual([]);
    }
    expect(cache.astHits).toBeGreaterThan(0);
    expect(cache.hits).toBeGreaterThan(0);
  });
});
