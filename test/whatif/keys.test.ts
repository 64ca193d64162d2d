// Every parameter `goesc whatif --list` offers acts (issue 19.2): for each there is a case
// test/whatif/testdata/keys/<key>.go whose header names the change (`// whatif: --set K=V`)
// and one line it flips (`// flips: + :LINE:COL: message`, the path left out). Escape
// parameters flip a gc -m=2 line; parameters of the allocation lowering alone flip a
// predicted `CALL runtime.*` line. A key without a case, or a case without a key, fails.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';

const dir = 'test/whatif/testdata/keys';
const cases = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.go'))
  .sort()
  .map((f) => {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const set = /^\/\/ whatif: (.*)$/m.exec(text)![1]!.split(' ');
    const flips = /^\/\/ flips: ([-+]) (.*)$/m.exec(text)!;
    return { key: f.slice(0, -3), file: path.join(dir, f), set, sign: flips[1]!, line: flips[2]! };
  });

describe('whatif --list', () => {
  it('lists exactly the keys that have a case here', async () => {
    const r = await runCli(['whatif', '--list', '--json']);
    expect(r.status).toBe(0);
    const keys = (JSON.parse(r.out) as { key: string }[]).map((s) => s.key).sort();
    expect(keys).toEqual(cases.map((c) => c.key));
  });
  it('refuses to --set gc spellings, which no rule reads', async () => {
    const r = await runCli(['whatif', '--set', 'messages.movedToHeap=x', `${dir}/limits.maxStackVarSize.go`]);
    expect(r.status).toBe(2);
    expect(r.err).toContain('not a rule parameter');
  });
});

describe('every key flips a line', () => {
  for (const c of cases) {
    it(c.key, async () => {
      const r = await runCli(['whatif', '-m=2', ...c.set, c.file]);
      expect(r.err).toBe('');
      expect(r.status).toBe(0);
      const want = `${c.sign} ${c.file}${c.line}`;
      expect(r.out.split('\n').filter((l) => l.startsWith(want)), r.out).not.toHaveLength(0);
    });
  }
});

describe('no change', () => {
  it('a what-if that changes nothing says `no change` on stderr, exit 0', async () => {
    const r = await runCli(['whatif', '--set', 'limits.maxStackVarSize=256k', `${dir}/limits.maxImplicitStackVarSize.go`]);
    expect(r.status).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toBe('no change\n');
  });
});
