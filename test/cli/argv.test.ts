import { describe, expect, it } from 'vitest';
import { normalizeArgv } from '../../src/cli/argv.js';

describe('compiler-style flags', () => {
  it('rewrites -m, -m=2, -l and -json=0,DIR to unambiguous long options', () => {
    expect(normalizeArgv(['-m', '-l', 'a.go'])).toEqual(['--m=1', '--l', 'a.go']);
    expect(normalizeArgv(['-m=2', 'a.go'])).toEqual(['--m=2', 'a.go']);
    expect(normalizeArgv(['-json=0,/tmp/d', 'x.go'])).toEqual(['--json-log=0,/tmp/d', 'x.go']);
    expect(normalizeArgv(['--', '-m'])).toEqual(['--', '-m']);
  });
});
