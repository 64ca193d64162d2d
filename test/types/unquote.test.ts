// String and rune literals' values (src/types/constant.ts unquote, fromGoBytes), rewritten
// for speed (a table of strings unquotes millions of characters), must be what the
// straightforward definition gives: each character's UTF-8 bytes and each escape's bytes,
// decoded back with every byte outside valid UTF-8 kept as a lone surrogate U+DC80..DCFF.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromGoBytes, unquote } from '../../src/types/constant.js';

/** The definition, through TextEncoder and Buffer (slow, obviously right). */
function referenceFromGoBytes(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n > 0 && i + n <= bytes.length) {
      const chunk = Buffer.from(bytes.slice(i, i + n));
      const s = chunk.toString('utf8');
      if (n === 1 || Buffer.from(s, 'utf8').equals(chunk)) {
        out += s;
        i += n;
        continue;
      }
    }
    out += String.fromCharCode(0xdc00 + b);
    i++;
  }
  return out;
}

function referenceUnquote(text: string): string {
  if (text.startsWith('`')) return text.slice(1, -1).replace(/\r/g, '');
  const body = text.slice(1, -1);
  const bytes: number[] = [];
  const enc = new TextEncoder();
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34 };
  for (let i = 0; i < body.length; ) {
    const c = body[i]!;
    if (c !== '\\') {
      const s = String.fromCodePoint(body.codePointAt(i)!);
      bytes.push(...enc.encode(s));
      i += s.length;
      continue;
    }
    const e = body[i + 1]!;
    i += 2;
    if (e in simple) bytes.push(simple[e]!);
    else if (e === 'x') { bytes.push(parseInt(body.slice(i, i + 2), 16)); i += 2; }
    else if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      bytes.push(...enc.encode(String.fromCodePoint(parseInt(body.slice(i, i + n), 16))));
      i += n;
    } else if (e >= '0' && e <= '7') { bytes.push(parseInt(body.slice(i - 1, i + 2), 8)); i += 2; }
  }
  return referenceFromGoBytes(bytes);
}

const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 4 }).map((s) => s.replace(/[\\"]/g, '')),
  fc.string({ unit: 'binary', maxLength: 3 }).map((s) => s.replace(/[\\"]/g, '')),
  fc.constantFrom('\\n', '\\t', '\\\\', '\\"', "\\'", '\\a', '\\b', '\\f', '\\r', '\\v'),
  fc.integer({ min: 0, max: 255 }).map((b) => `\\x${hex(b, 2)}`),
  fc.integer({ min: 0, max: 255 }).map((b) => `\\${b.toString(8).padStart(3, '0')}`),
  fc.integer({ min: 0, max: 0xffff }).map((c) => `\\u${hex(c, 4)}`),
  fc.integer({ min: 0, max: 0x10ffff }).map((c) => `\\U${hex(c, 8)}`),
  fc.constantFrom('\ud800', '\udc80', 'é', '€', '😀', '\ufffd', '\r'),
);

describe('unquote', () => {
  it('gives the bytes of every character and escape, decoded as Go strings are kept', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const lit = `"${pieces.join('')}"`;
        expect(unquote(lit)).toBe(referenceUnquote(lit));
      }),
      { numRuns: 3000, seed: 19 },
    );
  });

  it('decodes any bytes as the definition does', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x80, 0xbf, 0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0xa0, 0x90, 0x8f)), { maxLength: 16 }), (bytes) => {
        expect(fromGoBytes(bytes)).toBe(referenceFromGoBytes(bytes));
      }),
      { numRuns: 5000, seed: 19 },
    );
  });

  it('reads raw strings and runes', () => {
    for (const lit of ['`a\r\nb`', "'a'", "'\\n'", "'\\xff'", "'€'", '"plain"', '""']) expect(unquote(lit)).toBe(referenceUnquote(lit));
  });
});
