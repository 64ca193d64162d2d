// `goesc whatif --from go1.26 --to go1.27` against the two real compilers, offline: for each
// case, the lines it removes and adds must be exactly the multiset difference between the
// stored go1.26.8 fixture (<name>.fixture.json) and the stored go1.27.3 one
// (<name>.fixture.go1.27.json), at -m -l and at -m=2 -l.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { whatifVersions, versionWhatifJson } from '../../src/whatif/versions.js';
import { formatDiagnostic } from '../../src/api.js';
import { relativizeLines } from '../../src/check/index.js';

const root = path.resolve(__dirname, '../..');
const casesDir = path.join(root, 'testdata', 'cases');

/** The version cases, and a few corpus cases where nothing may change. */
const cases = [
  ...readdirSync(path.join(casesDir, 'version')).filter((f) => f.endsWith('.go')).map((f) => `version/${f}`),
  'call/func_variable_known.go',
  'closure/closure_called_immediately.go',
  'std/slices_sort.go',
].filter((c) => readdirSync(path.join(casesDir, path.dirname(c))).includes(path.basename(c)));

function fixtureLines(c: string, version: '' | '.go1.27', key: 'm' | 'm2'): string[] {
  const file = path.join(casesDir, c.replace(/\.go$/, `.fixture${version}.json`));
  return (JSON.parse(readFileSync(file, 'utf8')) as Record<string, { lines: string[] }>)[key]!.lines;
}

/** gc's own version what-if: `- ` lines only go1.26.8 printed, `+ ` lines only go1.27.3 printed. */
function gcDiff(c: string, key: 'm' | 'm2'): string[] {
  const before = fixtureLines(c, '', key);
  const after = fixtureLines(c, '.go1.27', key);
  const left = new Map<string, number>();
  for (const l of after) left.set(l, (left.get(l) ?? 0) + 1);
  const removed: string[] = [];
  for (const l of before) {
    const n = left.get(l) ?? 0;
    if (n > 0) left.set(l, n - 1);
    else removed.push(`- ${l}`);
  }
  const added = [...left].flatMap(([l, n]) => Array<string>(n).fill(`+ ${l}`));
  return [...removed, ...added].sort();
}

describe('whatif --from go1.26 --to go1.27', () => {
  it('has version cases with real differences', () => {
    expect(cases.filter((c) => c.startsWith('version/')).length).toBeGreaterThanOrEqual(10);
    expect(cases.filter((c) => gcDiff(c, 'm').length > 0).length).toBeGreaterThanOrEqual(8);
  });

  for (const m of [1, 2] as const) {
    it.each(cases)(`%s at -m=${m} prints exactly what changes between the compilers`, async (c) => {
      const file = path.join(casesDir, c);
      const r = await whatifVersions([file], { from: 'go1.26', to: 'go1.27', m });
      expect(r.errors).toEqual([]);
      const ours = r.changes.map((ch) => {
        const [line] = relativizeLines([formatDiagnostic(ch.diagnostic)], file, 'go1.27');
        return `${ch.sign} ${line!.split(path.dirname(file) + '/').join('')}`;
      });
      expect(ours.sort()).toEqual(gcDiff(c, m === 1 ? 'm' : 'm2'));
    });
  }

  it('names both models in its JSON', async () => {
    const r = await whatifVersions([path.join(casesDir, 'version/if_reassigned.go')], { from: 'go1.26', to: 'go1.27' });
    const json = JSON.parse(versionWhatifJson(r)) as { from: { model: string; compiler: string }; to: { model: string; compiler: string }; changes: string[] };
    expect(json.from).toEqual({ model: 'go1.26', compiler: 'go1.26.8' });
    expect(json.to).toEqual({ model: 'go1.27', compiler: 'go1.27.3' });
    expect(json.changes).toEqual([expect.stringMatching(/^- .*if_reassigned\.go:16:2: moved to heap: y$/)]);
  });

  it('refuses an unknown version', async () => {
    await expect(whatifVersions([path.join(casesDir, 'version/if_reassigned.go')], { from: 'go1.26', to: 'go1.99' })).rejects.toThrow(/unknown Go version/);
  });
});

describe('goesc whatif --from --to (the command)', () => {
  async function run(args: Record<string, unknown>): Promise<{ status: number; stdout: string }> {
    const { whatifCommand } = await import('../../src/cli/commands/whatif.js');
    let stdout = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const status = await whatifCommand.run(args as never);
      return { status, stdout };
    } finally {
      process.stdout.write = write;
      process.chdir(cwd);
    }
  }

  it('prints the lines the upgrade removes and adds, with -l and -p', async () => {
    const r = await run({ paths: ['testdata/cases/version/param_tags.go'], from: 'go1.26', to: 'go1.27', l: true, p: 'example.com/enc' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      '- testdata/cases/version/param_tags.go:10:13: leaking param: rv\n' +
        '+ testdata/cases/version/param_tags.go:10:13: rv does not escape\n' +
        '- testdata/cases/version/param_tags.go:18:16: leaking param content: vs\n' +
        '+ testdata/cases/version/param_tags.go:18:16: vs does not escape\n',
    );
  });

  it('needs both --from and --to', async () => {
    await expect(run({ paths: ['testdata/cases/version/param_tags.go'], from: 'go1.26' })).rejects.toThrow(/--from and --to go together/);
  });
});
