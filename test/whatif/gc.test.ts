// goesc whatif against the real compiler: for each rule change that gc can also make with a
// flag (rules.json compilerFlag), the lines goesc says change must be exactly the lines that
// differ between two runs of `go tool compile -m -l` with and without that flag.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatChanges, whatif, type WhatifOptions } from '../../src/whatif/index.js';

const root = path.resolve(__dirname, '../..');
const hasGo = spawnSync('go', ['version']).status === 0;
if (!hasGo) console.log('test/whatif/gc.test.ts: go is not on PATH; skipping the comparison with the real compiler');

let importcfg = '';
function gcLines(file: string, flags: readonly string[]): string[] {
  if (!importcfg) {
    const dir = mkdtempSync(path.join(tmpdir(), 'goesc-whatif-'));
    importcfg = path.join(dir, 'importcfg');
    const list = spawnSync('go', ['list', '-export', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', 'std'], { encoding: 'utf8' });
    writeFileSync(importcfg, list.stdout);
  }
  const r = spawnSync(
    'go',
    ['tool', 'compile', '-p=p', `-importcfg=${importcfg}`, '-o', path.join(path.dirname(importcfg), 'x.o'), `-trimpath=${root}=>`, '-m', '-l', ...flags, file],
    { cwd: root, encoding: 'utf8' },
  );
  // Debug-hash flags print bisect chatter; keep gc's diagnostic lines only.
  return (r.stdout + r.stderr).split('\n').filter((l) => /^[^\s:]+\.go:\d+:\d+: /.test(l));
}

/** gc's own what-if: the multiset difference of two runs, as `- `/`+ ` lines, sorted. */
function gcDiff(file: string, flags: readonly string[]): string[] {
  const before = gcLines(file, []);
  const after = gcLines(file, flags);
  const count = new Map<string, number>();
  for (const l of after) count.set(l, (count.get(l) ?? 0) + 1);
  const removed: string[] = [];
  for (const l of before) {
    const n = count.get(l) ?? 0;
    if (n > 0) count.set(l, n - 1);
    else removed.push('- ' + l);
  }
  const added = [...count].flatMap(([l, n]) => Array<string>(n).fill('+ ' + l));
  return [...removed, ...added].sort();
}

const changes: ReadonlyArray<[string, WhatifOptions, readonly string[]]> = [
  ['--smallframes', { smallframes: true }, ['-smallframes']],
  ['zero-copy off', { settings: { 'optimizations.zeroCopyStringToBytes': 'off' } }, ['-d=zerocopy=0']],
  [
    'literal rewrites off',
    { settings: { 'rewrites.convIfaceConst': 'off', 'rewrites.makeSliceConstSize': 'off', 'ifaceConversions.zeroValue': 'off' } },
    ['-d=literalallochash=n'],
  ],
];

const files = ['test/whatif/testdata/frames.go', 'test/whatif/testdata/rewrites.go'];

describe.runIf(hasGo)('goesc whatif agrees with the real compiler flag', () => {
  for (const [name, options, flags] of changes) {
    for (const file of files) {
      it(`${name} on ${path.basename(file)}`, async () => {
        const cwd = process.cwd();
        process.chdir(root);
        try {
          const result = await whatif([file], options);
          expect(result.errors).toEqual([]);
          const ours = formatChanges(result.changes).split('\n').filter(Boolean).sort();
          expect(ours).toEqual(gcDiff(file, flags));
        } finally {
          process.chdir(cwd);
        }
      });
    }
  }
});

describe.runIf(hasGo)('goesc whatif on the command line', () => {
  it('prints - / + lines and exits 0; bad keys exit 2 with the allowed list', () => {
    const bin = path.join(root, 'bin/goesc.js');
    const ok = spawnSync('node', [bin, 'whatif', '--smallframes', 'test/whatif/testdata/frames.go'], { cwd: root, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('+ test/whatif/testdata/frames.go:10:6: moved to heap: m');
    const bad = spawnSync('node', [bin, 'whatif', '--set', 'limits.bogus=1', 'test/whatif/testdata/frames.go'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown model parameter "limits.bogus"[\s\S]*limits\.maxStackVarSize/);
  });
});
