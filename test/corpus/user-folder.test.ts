// Regression checks on a user's own folder of cases (issue 19.6): `goesc fixtures DIR`
// records the installed compiler's answers and a baseline, `goesc check DIR` compares
// offline and fails when a case that matched stops matching; a folder without fixtures is
// exit 2 with a hint; fixtures are compared with the model of the Go that recorded them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { hasGo } from '../format/gc.js';

function userFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-user-cases-'));
  fs.mkdirSync(path.join(dir, 'heap'));
  fs.writeFileSync(path.join(dir, 'heap', 'moved.go'), 'package p\n\nfunc f() *int {\n\tx := 1\n\treturn &x\n}\n');
  fs.writeFileSync(path.join(dir, 'stack.go'), 'package p\n\nfunc g() int {\n\ty := []int{1, 2}\n\treturn y[0]\n}\n');
  return dir;
}

describe('goesc check on a folder without fixtures', () => {
  it('is exit 2 with the command that records them', async () => {
    const dir = userFolder();
    const r = await runCli(['check', dir]);
    expect(r.status).toBe(2);
    expect(r.err).toContain('has no fixtures');
    expect(r.err).toContain(`goesc fixtures ${dir}`);
  });
  it('an empty folder is exit 2 too', async () => {
    const r = await runCli(['check', fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-empty-'))]);
    expect(r.status).toBe(2);
    expect(r.err).toContain('no .go cases');
  });
});

describe.runIf(hasGo)('goesc fixtures, then goesc check', () => {
  it('records every case with the compiler version, passes, and fails when a matching case stops matching', async () => {
    const dir = userFolder();
    const rec = await runCli(['fixtures', dir]);
    expect(rec.status).toBe(0);
    expect(rec.err).toMatch(/running the installed Go compiler \(go1\.\d+/);
    expect(rec.out).toContain('fixtures: 2 cases with go1.');
    expect(fs.existsSync(path.join(dir, 'baseline.json'))).toBe(true);
    const fixture = JSON.parse(fs.readFileSync(path.join(dir, 'heap', 'moved.fixture.json'), 'utf8'));
    expect(fixture.m.lines).toEqual(['moved.go:4:2: moved to heap: x']);
    expect(fixture.asm.allocs.map((a: { call: string }) => a.call)).toEqual(['runtime.newobject']);

    const ok = await runCli(['check', '--verbose', dir]);
    expect(ok.status).toBe(0);
    expect(ok.out).toContain('heap/moved.go');
    expect(ok.out).toContain('stack.go');

    // The compiler's answer changes under goesc's feet: a regression, exit 1.
    fixture.m.lines = ['moved.go:4:2: moved to heap: y'];
    fs.writeFileSync(path.join(dir, 'heap', 'moved.fixture.json'), JSON.stringify(fixture));
    const bad = await runCli(['check', dir]);
    expect(bad.status).toBe(1);
    expect(bad.out).toContain('heap/moved.go');

    // Recorded by a Go that goesc has no model for: exit 2, not a silent comparison.
    fixture.go.version = 'go1.99.1';
    fs.writeFileSync(path.join(dir, 'heap', 'moved.fixture.json'), JSON.stringify(fixture));
    const other = await runCli(['check', dir]);
    expect(other.status).toBe(2);
    expect(other.err).toContain('recorded by go1.99.1, and goesc has no go1.99 model');
  });
});
