// The reproductions of issue 19.1 ("the command line trusts anything"), each with the
// answer it must give now.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';
import { nearestFlag } from '../../src/cli/strict.js';
import { commands } from '../../src/cli/commands/index.js';

const program = `package main

var sink any

func f(p *int) *int { return p }

func g() {
	x := 1
	sink = &x
}

type T struct {
	a int8
	b int64
}

func main() { g(); f(nil) }
`;

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-cli-'));
  fs.writeFileSync(path.join(dir, 'f.go'), program);
  fs.mkdirSync(path.join(dir, '2024'));
  fs.writeFileSync(path.join(dir, '2024', 'f.go'), program);
});

describe('unknown flags', () => {
  it('--bogus is an error naming the flag, exit 2', async () => {
    const r = await runCli(['--bogus', 'f.go'], dir);
    expect(r.status).toBe(2);
    expect(r.err).toBe('goesc: unknown flag --bogus (see goesc analyze --help)\n');
    expect(r.out).toBe('');
  });
  it('a slip of the keyboard gets the nearest flag, spelled as gc spells it', async () => {
    const r = await runCli(['-m2', 'f.go'], dir);
    expect(r.status).toBe(2);
    expect(r.err).toContain('did you mean -m=2?');
    expect(nearestFlag('--smalframes', ['smallframes', 'm'])).toBe('--smallframes');
    expect(nearestFlag('--bogus', ['smallframes', 'm', 'l', 'go'])).toBeUndefined();
  });
  it('-gcflags=-m says that goesc takes the compiler flags directly', async () => {
    const r = await runCli(['-gcflags=-m', 'f.go'], dir);
    expect(r.status).toBe(2);
    expect(r.err).toContain("goesc takes the compiler's flags directly (goesc -m PATH)");
  });
  it('asm --bogus names the flag instead of "no path given"', async () => {
    const r = await runCli(['asm', '--bogus', 'f.go'], dir);
    expect(r.status).toBe(2);
    expect(r.err).toBe('goesc: unknown flag --bogus (see goesc asm --help)\n');
  });
  it('an extra argument to a command with fixed positionals is an error', async () => {
    const r = await runCli(['explain', 'f.go:5', 'extra'], dir);
    expect(r.status).toBe(2);
    expect(r.err).toContain('unexpected argument extra');
  });
});

describe('paths', () => {
  it('a directory named 2024 is a path', async () => {
    const r = await runCli(['-m', '-l', '2024'], dir);
    expect(r.status).toBe(0);
    expect(r.out).toContain('2024/f.go:8:2: moved to heap: x\n');
  });
  it('-m 2 f.go reads 2 as a path (as gc does) and, since none exists, hints at -m=2', async () => {
    const r = await runCli(['-m', '2', 'f.go'], dir);
    expect(r.status).toBe(2);
    expect(r.err).toBe('goesc: open 2: no such file or directory (for flow explanations write -m=2)\n');
  });
  it('no PATH means .', async () => {
    const r = await runCli(['-m', '-l'], path.join(dir, '2024'));
    expect(r.status).toBe(0);
    expect(r.out).toContain('f.go:8:2: moved to heap: x\n');
  });
  it('report --set K=V . keeps . as the path (--set takes exactly one KEY=VALUE)', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-cli-report-'));
    const r = await runCli(['report', '--real', 'none', '--out', out, '--set', 'bogus.key=1', '.'], path.join(dir, '2024'));
    expect(r.err).not.toContain('no Go files or directories given');
    expect(r.err).toContain('bogus.key');
    expect(r.status).toBe(2);
  });
  it('--set without = is an error', async () => {
    const r = await runCli(['whatif', '--set', 'limits', 'f.go'], dir);
    expect(r.status).toBe(2);
    expect(r.err).toContain('--set wants KEY=VALUE, got "limits"');
  });
});

describe('what is printed', () => {
  it('a run without -m says once that nothing was asked for', async () => {
    const r = await runCli(['-l', 'f.go'], dir);
    expect(r.status).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toBe('goesc: no -m given: nothing to print (try -m or -m=2)\n');
  });
  it('types without --json prints a table', async () => {
    const r = await runCli(['types', 'f.go'], dir);
    expect(r.status).toBe(0);
    expect(r.out).toBe('TYPE  SIZE  ALIGN\nT       16      8\n');
  });
  it('explain outside the file says so, exit 2', async () => {
    const r = await runCli(['explain', 'f.go:999'], dir);
    expect(r.status).toBe(2);
    expect(r.err).toBe('f.go:999: outside the file (f.go has 17 lines)\n');
  });
  it('explain inside the file still explains', async () => {
    const r = await runCli(['explain', 'f.go:8'], dir);
    expect(r.status).toBe(0);
    expect(r.out).toContain('f.go:8:2: x escapes to heap');
  });
});

describe('--help', () => {
  it('shows -json=0,DIR as gc spells it, and no --json-log', async () => {
    const r = await runCli(['--help']);
    expect(r.out).toContain('-json=0,DIR');
    expect(r.out).not.toContain('--json-log');
  });
  it('every command has an example', async () => {
    for (const c of commands) {
      const word = c.names[0]!.split(' ')[0]!;
      const r = await runCli([word, '--help']);
      expect(r.out, word).toMatch(/Examples:\n {2}goesc /);
    }
  });
});
