// The cached form of a parse (src/syntax/deferred.ts): decoding gives back the tree that was
// encoded, key for key and in order, its declarations' types parsed only when read; text
// that does not hold together is refused, never half-read.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFile } from '../../src/syntax/index.js';
import { decodeDeferred, encodeDeferred } from '../../src/syntax/deferred.js';

const stub = resolve('models/go1.26/std/bufio/api.go');

describe('deferred parse text', () => {
  it('decodes to the tree it encoded, in key order', () => {
    const parsed = parseFile(stub, readFileSync(stub));
    expect(parsed.file).not.toBeNull();
    const decoded = decodeDeferred(encodeDeferred(parsed));
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(parsed));
    expect(decoded).toEqual(parsed);
  });

  it('parses a declaration type when it is first read, and once', () => {
    const src = 'package p\n\ntype T struct{ a, b int }\n\nfunc F(x *T) (int, error)\n\nvar V = 1\n';
    const parsed = parseFile('p.go', new TextEncoder().encode(src));
    const decoded = decodeDeferred(encodeDeferred(parsed));
    const [typeDecl, funcDecl, varDecl] = decoded.file!.decls;
    for (const d of [typeDecl!, funcDecl!]) expect(typeof Object.getOwnPropertyDescriptor(d, 'type')?.get).toBe('function');
    expect(Object.getOwnPropertyDescriptor(varDecl!, 'type')?.get).toBeUndefined();
    const first = (funcDecl as { type: unknown }).type;
    expect(first).toEqual((parsed.file!.decls[1] as { type: unknown }).type);
    expect((funcDecl as { type: unknown }).type).toBe(first);
    expect(Object.keys(funcDecl!)).toEqual(Object.keys(parsed.file!.decls[1]!));
  });

  it('carries a failed parse', () => {
    const parsed = parseFile('bad.go', new TextEncoder().encode('package p\n\nfunc f( {\n'));
    expect(parsed.file).toBeNull();
    expect(decodeDeferred(encodeDeferred(parsed))).toEqual(parsed);
  });

  it('refuses text whose parts do not hold together', () => {
    const text = encodeDeferred(parseFile('p.go', new TextEncoder().encode('package p\n\nfunc F(a, b int) int\n')));
    const nl = text.indexOf('\n');
    expect(() => decodeDeferred(text.slice(0, nl))).toThrow();
    // The parts cut short: a span reaches past them.
    expect(() => decodeDeferred(text.slice(0, text.length - 3))).toThrow();
  });
});
