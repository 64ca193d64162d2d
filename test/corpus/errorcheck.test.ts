// The scoreboard's port of the Go team's errorcheck rules and its build-constraint
// evaluator; with `go` present, the real compiler must pass errorcheck on one of the Go
// team's escape tests (the harness is right when the judge passes its own tests).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM script helpers without type declarations
import { dropColumns, errorCheck } from '../../scripts/lib/errorcheck.mjs';
// @ts-expect-error: plain ESM script helpers without type declarations
import { evalBuildExpr } from '../../scripts/lib/buildtags.mjs';

const hasGo = spawnSync('go', ['version']).status === 0;
if (!hasGo) console.log('errorcheck: `go` not on PATH, skipping the live harness check');

const src = [
  'package p',
  'func f(x *int) *int { // ERROR "leaking param: x to result ~r0 level=0$"',
  '\treturn x',
  '}',
  'func g() { // ERROR "moved to heap: y" "LINE+1: foo"',
  '}',
].join('\n');

describe('errorCheck', () => {
  it('passes when every expectation matches on its line and nothing is left', () => {
    const out = ['a.go:2: leaking param: x to result ~r0 level=0', 'a.go:5: moved to heap: y', 'a.go:5: a.go:6: foo'].join('\n');
    expect(errorCheck(out, src, 'a.go').errors).toEqual([]);
  });

  it('reports missing, unmatched and mismatching lines', () => {
    const r = errorCheck(['a.go:2: leaking param: x', 'a.go:3: extra'].join('\n'), src, 'a.go');
    expect(r.mismatched).toBe(1);
    expect(r.missing).toBe(2);
    expect(r.unmatched).toEqual(['a.go:3: extra', 'a.go:2: leaking param: x']);
  });

  it('drops columns as the compiler does under -C', () => {
    expect(dropColumns(['a.go:2:7: x does not escape'])).toEqual(['a.go:2: x does not escape']);
  });
});

describe('evalBuildExpr', () => {
  it('evaluates !, &&, || and parentheses', () => {
    const tags = new Set(['linux', 'amd64']);
    expect(evalBuildExpr('amd64 && !goexperiment.newinliner', tags)).toBe(true);
    expect(evalBuildExpr('!(386 || arm) && linux', tags)).toBe(true);
    expect(evalBuildExpr('(386 || arm64) && !gcflags_noopt', tags)).toBe(false);
  });
});

describe('errorcheck on the real compiler (needs go)', () => {
  it.runIf(hasGo)('passes $GOROOT/test/escape5.go', () => {
    const goroot = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).stdout.trim();
    const dir = join(goroot, 'test');
    const tmp = mkdtempSync(join(tmpdir(), 'goesc-ec-'));
    try {
      const cfg = spawnSync('go', ['list', '-export', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', 'std'], { encoding: 'utf8' });
      writeFileSync(join(tmp, 'cfg'), cfg.stdout);
      const r = spawnSync('go', ['tool', 'compile', '-p=p', '-d=panic', '-C', '-e', `-importcfg=${join(tmp, 'cfg')}`, '-o', join(tmp, 'a.o'), `-trimpath=${dir}=>`, '-m', '-l', 'escape5.go'], { cwd: dir, encoding: 'utf8' });
      expect(r.status).toBe(0);
      const result = errorCheck(r.stdout, readFileSync(join(dir, 'escape5.go'), 'utf8'), 'escape5.go');
      expect(result.errors).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
