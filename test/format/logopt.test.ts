import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/api.js';
import { parseGcOutput } from '../../src/format/gcline.js';
import {
  fileUri,
  goJson,
  goPathEscape,
  logDirectory,
  parseJsonLogFlag,
  renderOptLog,
  writeOptLog,
} from '../../src/format/logopt.js';
import { compile, goVersion, hasGo, programs, programsDir } from './gc.js';

const escapeCodes = new Set(['escape', 'escapes', 'leak']);

/** The compiler's log files under dir, keyed by relative path. */
function readLog(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pkg of fs.readdirSync(dir)) {
    for (const f of fs.readdirSync(path.join(dir, pkg))) out.set(`${pkg}/${f}`, fs.readFileSync(path.join(dir, pkg, f), 'utf8'));
  }
  return out;
}

/** Only the escape-analysis records (gc also logs inlining, nil and bounds checks). */
function escapeLines(text: string): string[] {
  const [header, ...rest] = text.split('\n').filter((l) => l !== '');
  return [header!, ...rest.filter((l) => escapeCodes.has(JSON.parse(l).code))];
}

describe('gc -json=0,DIR encoding', () => {
  it('escapes like encoding/json and net/url', () => {
    expect(goJson({ a: '<&>\u2028\b\f\u0001é"\\' })).toBe('{"a":"\\u003c\\u0026\\u003e\\u2028\\b\\f\\u0001é\\"\\\\"}\n');
    expect(goPathEscape('a b/c;d')).toBe('a%20b%2Fc%3Bd');
    expect(goPathEscape('example.com/x@v1')).toBe('example.com%2Fx@v1');
    expect(fileUri('/tmp/a b/ü.go')).toBe('file:///tmp/a%20b/%C3%BC.go');
    expect(fileUri('x.go')).toBe('file://x.go');
    expect(logDirectory('file:///tmp/out')).toBe('/tmp/out');
    expect(logDirectory('/tmp/out/')).toBe('/tmp/out/');
    expect(parseJsonLogFlag('0,/tmp/d')).toBe('/tmp/d');
    expect(() => parseJsonLogFlag('1,/tmp/d')).toThrow(/version must be 0/);
    expect(() => logDirectory('rel/dir')).toThrow(/neither/);
  });

  it('writes one folder per package and one file per source file, records sorted by position', () => {
    const diags: Diagnostic[] = [
      { file: 'b.go', line: 9, col: 2, message: 'make([]int, n) escapes to heap', kind: 'escapes' },
      { file: 'a.go', line: 4, col: 7, message: 'parameter p leaks to {heap} for f with derefs=0:', kind: 'flow' },
      { file: 'a.go', line: 4, col: 7, message: '  flow: {heap} ← p:', kind: 'flow' },
      { file: 'a.go', line: 4, col: 7, message: '    from g = p (assign) at a.go:5:4', kind: 'flow' },
      { file: 'a.go', line: 4, col: 7, message: 'leaking param: p', kind: 'leaking-param' },
      { file: 'a.go', line: 2, col: 1, message: '&T{} escapes to heap', kind: 'escapes' },
    ];
    const files = renderOptLog(diags, { pkgPath: 'ex.com/m', gcVersion: 'go1.26.8', fileName: (f) => `/src/${f}` });
    expect([...files.keys()]).toEqual(['ex.com%2Fm/a.json', 'ex.com%2Fm/b.json']);
    const a = files.get('ex.com%2Fm/a.json')!.split('\n');
    expect(a[0]).toBe('{"version":0,"package":"ex.com/m","goos":"linux","goarch":"amd64","gc_version":"go1.26.8","file":"/src/a.go"}');
    expect(a[1]).toBe(
      '{"range":{"start":{"line":2,"character":1},"end":{"line":2,"character":1}},"severity":3,"code":"escape","source":"go compiler","message":""}',
    );
    expect(JSON.parse(a[2]!)).toMatchObject({ code: 'leak', message: 'parameter p leaks to {heap} with derefs=0' });
    expect(JSON.parse(a[2]!).relatedInformation.map((r: { message: string }) => r.message)).toEqual([
      'escflow:    flow: {heap} ← p:',
      'escflow:      from g = p (assign)',
    ]);
    expect(a).toHaveLength(4);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-log-'));
    const written = writeOptLog(`file://${out}`, diags, { pkgPath: '', gcVersion: 'go1.26.8' });
    expect(written.map((w) => path.relative(out, w))).toEqual(['%00/a.json', '%00/b.json']);
  });
});

describe.runIf(hasGo)('gc -json=0,DIR against the real compiler', () => {
  it('reproduces the escape records of the compiler for every test program (>= 95% of records, all files)', () => {
    const version = goVersion();
    let total = 0;
    let equal = 0;
    const mismatches: string[] = [];
    for (const name of programs) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-gclog-'));
      // absolute file names, as `go build` hands them to the compiler
      const text = compile([path.join(programsDir, name)], ['-m=2', `-json=0,file://${dir}`], programsDir, 'example.com/p');
      const real = readLog(dir);
      const ours = renderOptLog(parseGcOutput(text), { pkgPath: 'example.com/p', gcVersion: version });
      expect([...ours.keys()].sort()).toEqual([...real.keys()].sort());
      for (const [file, realText] of real) {
        const want = escapeLines(realText);
        const got = escapeLines(ours.get(file)!);
        expect(got[0]).toBe(want[0]);
        total += want.length - 1;
        for (let i = 1; i < want.length; i++) {
          if (got[i] === want[i]) equal++;
          else mismatches.push(`${file}#${i}\n  want ${want[i]}\n  got  ${got[i]}`);
        }
        expect(got.length).toBe(want.length);
      }
    }
    console.log(`-json log: ${equal}/${total} escape records byte-identical to gc's`);
    if (mismatches.length) console.log(mismatches.join('\n'));
    expect(total).toBeGreaterThan(15);
    expect(equal / total).toBeGreaterThanOrEqual(0.95);
  });
});
