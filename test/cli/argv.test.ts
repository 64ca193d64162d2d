import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { normalizeArgv } from '../../src/cli/argv.js';
import { runCli } from './run.js';

describe('compiler-style flags', () => {
  it('rewrites -m, -m=2, -l and -json=0,DIR to unambiguous long options', () => {
    expect(normalizeArgv(['-m', '-l', 'a.go'])).toEqual(['--m=1', '--l', 'a.go']);
    expect(normalizeArgv(['-m=2', 'a.go'])).toEqual(['--m=2', 'a.go']);
    expect(normalizeArgv(['-json=0,/tmp/d', 'x.go'])).toEqual(['--json-log=0,/tmp/d', 'x.go']);
    expect(normalizeArgv(['--', '-m'])).toEqual(['--', '-m']);
  });
});

describe('--version', () => {
  it("prints goesc's package.json version and nothing else", async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await runCli(['--version'])).toEqual({ status: 0, out: `${pkg.version}\n`, err: '' });
  });
});
