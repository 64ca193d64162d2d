// The grammar's memo is an optimisation only (syntax/grammar.ts memoOf): a rule whose memo
// went unused for its first applications is no longer memoised, and every parse must come
// out the same before and after. The std models' Go files are parsed twice: first from a
// fresh grammar (every rule memoised at first, then fewer), then again once rules are off.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFile } from '../../src/syntax/index.js';
import { goGrammar } from '../../src/syntax/grammar.js';

const std = fileURLToPath(new URL('../../models/go1.26/std/', import.meta.url));

function goFiles(dir: string, out: string[]): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) goFiles(p, out);
    else if (e.name.endsWith('.go')) out.push(p);
  }
  return out;
}

describe('adaptive memo', () => {
  it('parses the same whether a rule is memoised or not', () => {
    const files = ['fmt', 'strings', 'sync', 'slices', 'maps', 'iter', 'sort'].flatMap((p) => goFiles(join(std, p), []));
    expect(files.length).toBeGreaterThan(5);
    const parse = (f: string) => JSON.stringify(parseFile(f, readFileSync(f)));
    // Bad inputs too: their errors come from a match that records failures (Ohm's own path).
    const bad = ['package p\nfunc f() { x := [](int{} }\n', 'package p\nvar x = map[int]{1: 2\n'];
    const badFirst = bad.map((src) => JSON.stringify(parseFile('bad.go', new TextEncoder().encode(src))));
    const first = files.map(parse);
    const memos = (goGrammar() as unknown as { goescMemo?: Map<string, { on: boolean }> }).goescMemo;
    expect([...(memos?.values() ?? [])].some((m) => !m.on)).toBe(true);
    expect(files.map(parse)).toEqual(first);
    expect(bad.map((src) => JSON.stringify(parseFile('bad.go', new TextEncoder().encode(src))))).toEqual(badFirst);
  });
});
