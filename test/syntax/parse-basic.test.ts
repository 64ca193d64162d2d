import { describe, it, expect } from 'vitest';
import { parseFile } from '../../src/syntax/index.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('parseFile', () => {
  it('parses a small file with gc positions', () => {
    const { file, errors } = parseFile('a.go', enc('package p\n\nfunc f(x int) *int {\n\treturn &x\n}\n'));
    expect(errors).toEqual([]);
    expect(file!.pkgName.value).toBe('p');
    const f = file!.decls[0]!;
    expect(f.kind).toBe('FuncDecl');
    if (f.kind !== 'FuncDecl') return;
    expect([f.name.line, f.name.col]).toEqual([3, 6]);
    const ret = f.body!.stmts[0]!;
    expect(ret.kind).toBe('ReturnStmt');
    if (ret.kind !== 'ReturnStmt') return;
    expect(ret.results[0]).toMatchObject({ kind: 'UnaryExpr', op: '&', line: 4, col: 9 });
  });
});
