// goesc whatif against the real compiler: for each rule change that gc can also make with a
// flag (rules.json compilerFlag), the lines goesc says change must be exactly the lines that
// differ between two runs of `go tool compile -m -l` with and without that flag.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatChanges, whatif, type WhatifOptions } from '../../src/whatif/index.js';
import { whatifCommand } from '../../src/cli/commands/whatif.js';

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
    { settings: { 'rewrites.convIfaceConst': 'off', 'rewrites.makeSliceConstSize': 'off' } },
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

describe('goesc whatif command', () => {
  // The command module itself (src/cli/commands/whatif.ts), run in-process.
  async function run(args: Record<string, unknown>): Promise<{ status: number; stdout: string }> {
    let stdout = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const status = await whatifCommand.run(args);
      return { status, stdout };
    } finally {
      process.stdout.write = write;
      process.chdir(cwd);
    }
  }

  it('prints - / + lines and exits 0, --json too', async () => {
    const ok = await run({ paths: ['test/whatif/testdata/frames.go'], smallframes: true });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('+ test/whatif/testdata/frames.go:10:6: moved to heap: m\n');
    expect(ok.stdout.split('\n').filter(Boolean).every((l) => /^[-+] test\/whatif\/testdata\/frames\.go:\d+:\d+: /.test(l))).toBe(true);
    const json = await run({ paths: ['test/whatif/testdata/frames.go'], set: ['limits.maxStackVarSize=64k'], json: true });
    const parsed = JSON.parse(json.stdout);
    expect(parsed.parameters).toEqual([{ key: 'limits.maxStackVarSize', from: 131072, to: 65536 }]);
    expect(parsed.added.map((d: { line: number; message: string }) => `${d.line}: ${d.message}`)).toEqual(['10: moved to heap: m']);
    expect(parsed.removed).toEqual([]);
  });

  it('exits 0 with no output when nothing changes', async () => {
    const r = await run({ paths: ['test/whatif/testdata/rewrites.go'], set: 'limits.maxStackVarSize=256k' });
    expect(r).toEqual({ status: 0, stdout: '' });
  });

  it('refuses bad keys and values, listing what is allowed', async () => {
    await expect(run({ paths: ['test/whatif/testdata/frames.go'], set: ['limits.bogus=1'] })).rejects.toThrow(
      /unknown model parameter "limits.bogus"[\s\S]*limits\.maxStackVarSize/,
    );
    await expect(run({ paths: ['test/whatif/testdata/frames.go'], set: ['optimizations.zeroCopyStringToBytes=perhaps'] })).rejects.toThrow(
      /allowed: true or false/,
    );
  });
});
