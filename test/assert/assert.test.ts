// `goesc assert` (issue 19.7) on testdata/assert: each verdict goesc checks equals the real
// compiler's (testdata/assert/gc-verdicts.json, written by `node scripts/assert-vs-gc.mjs
// --write` from gc's -m lines under default flags); inline is "not checked" until goesc
// prints inlining lines; the text and SARIF outputs and the exit codes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertPaths, inliningModelled } from '../../src/assert/index.js';
import { findDirectives } from '../../src/assert/directives.js';
import { analyzeFiles } from '../../src/api.js';
import { runCli } from '../cli/run.js';

interface GcVerdict {
  file: string;
  line: number;
  directive: string;
  status: string;
  reason: string;
}
const fixture = JSON.parse(fs.readFileSync('testdata/assert/gc-verdicts.json', 'utf8')) as { go: string; verdicts: GcVerdict[] };
const caseFiles = [...new Set(fixture.verdicts.map((v) => v.file))];

describe('goesc assert agrees with the compiler', () => {
  for (const file of caseFiles) {
    it(file, async () => {
      const inlining = inliningModelled((await analyzeFiles([file], { m: 1 })).diagnostics);
      const r = await assertPaths([file]);
      expect(r.errors).toEqual([]);
      const ours = r.verdicts.map((v) => ({ file: v.file, line: v.line, directive: v.directive.name, status: v.status }));
      const want = fixture.verdicts
        .filter((v) => v.file === file)
        .map((v) => ({
          file: v.file,
          line: v.line,
          directive: v.directive,
          status: v.directive === 'inline' && !inlining ? 'not checked' : v.status,
        }));
      expect(ours).toEqual(want);
    });
  }
});

describe('directives', () => {
  const funcs = new Map([[5, { name: 'f', method: false, firstLine: 5, lastLine: 7 }]]);
  it('apply to their own line when trailing, to the next code line when alone, to the function above a func', () => {
    const src = ['package p', '', 'var x = 1 //gcassert:noescape', '//goesc:inline,bce', 'func f() {', '\t// gcassert:noescape', '}'].join('\n');
    const { directives, errors } = findDirectives('a.go', src, funcs);
    expect(errors).toEqual([]);
    expect(directives.map((d) => [d.line, d.name, d.spelling, d.func?.name ?? null])).toEqual([
      [3, 'noescape', 'gcassert', null],
      [5, 'inline', 'goesc', 'f'],
      [5, 'bce', 'goesc', 'f'],
      [7, 'noescape', 'gcassert', null],
    ]);
  });
  it('an unknown directive is bad input', () => {
    const { errors } = findDirectives('a.go', 'package p\n//gcassert:noalloc\nvar x = 1\n', new Map());
    expect(errors).toEqual([{ file: 'a.go', line: 2, col: 1, message: 'unknown gcassert directive "noalloc" (want noescape, inline, bce)' }]);
  });
});

describe('goesc assert (CLI)', () => {
  it("prints gcassert's style of line per violation and exits 1", async () => {
    const r = await runCli(['assert', 'testdata/assert/noescape.go']);
    expect(r.status).toBe(1);
    expect(r.out.split('\n')).toContain('testdata/assert/noescape.go:19: p := &point{1, 2}: &point{...} escapes to heap');
    expect(r.out.split('\n')).toContain('testdata/assert/noescape.go:31: x := 1: moved to heap: x');
    expect(r.err).toMatch(/goesc assert: 8 checks: 4 hold, 4 violated, 0 not checked/);
  });
  it('exits 0 when all hold, reporting what it cannot check on stderr', async () => {
    const r = await runCli(['assert', 'testdata/assert/bce.go']);
    expect(r.status).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain('testdata/assert/bce.go:7: return xs[0]: bce not checked');
  });
  it('exits 2 on bad input', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-assert-'));
    fs.writeFileSync(path.join(dir, 'a.go'), 'package p\n\n//gcassert:noalloc\nvar x = 1\n');
    const bad = await runCli(['assert', path.join(dir, 'a.go')]);
    expect(bad.status).toBe(2);
    expect(bad.err).toContain('a.go:3:1: unknown gcassert directive "noalloc"');
    fs.writeFileSync(path.join(dir, 'a.go'), 'package p\n\nfunc f() { undefinedName() }\n');
    const typeErr = await runCli(['assert', path.join(dir, 'a.go')]);
    expect(typeErr.status).toBe(2);
    expect(typeErr.err).toContain('undefined: undefinedName');
  });
  it('--format sarif: a SARIF 2.1.0 log with a result per violation', async () => {
    const r = await runCli(['assert', '--format', 'sarif', 'testdata/assert/noescape.go']);
    expect(r.status).toBe(1);
    const log = JSON.parse(r.out);
    expect(log.version).toBe('2.1.0');
    const errors = log.runs[0].results.filter((x: { level: string }) => x.level === 'error');
    expect(errors).toHaveLength(4);
    expect(errors[0].ruleId).toBe('goesc-assert/noescape');
    expect(errors[0].locations[0].physicalLocation.region.startLine).toBe(19);
  });
});
