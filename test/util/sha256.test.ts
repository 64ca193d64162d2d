import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hex, sha256 } from '../../src/util/sha256.js';

describe('sha256', () => {
  it('agrees with node:crypto on short, block-boundary and non-ASCII inputs', () => {
    const inputs = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(1000), 'interface { reflect.common() *internal/abi.Type; Align() int } ✓'];
    for (const text of inputs) {
      expect(hex(sha256(text)), JSON.stringify(text.slice(0, 20))).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});
