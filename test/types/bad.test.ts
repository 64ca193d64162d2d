// Deliberately wrong programs (test/types/bad/*.go) must get the real compiler's messages at
// its positions. The expected outputs come from scripts/gotypes-check/bad-fixtures.sh.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile, gcErrorText } from './helpers.js';

const dir = join(import.meta.dirname, 'bad');
const programs = readdirSync(dir).filter((f) => f.endsWith('.go')).sort();

describe('type errors as gc prints them', () => {
  it('has at least ten programs with fixtures', () => {
    expect(programs.length).toBeGreaterThanOrEqual(10);
  });
  for (const f of programs) {
    it(f, () => {
      const expected = readFileSync(join(dir, f.replace(/\.go$/, '.expected')), 'utf8').trimEnd();
      const r = checkFile(join(dir, f), f);
      expect(gcErrorText(r)).toBe(expected);
    });
  }
});
