// `goesc types --json PATH` (docs/CLI.md) prints every package-level, non-generic,
// non-alias named type with its amd64 size and alignment: compared with go/types.
import { describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { typesCommand } from '../../src/cli/commands/types.js';
import { hasGo } from './helpers.js';

async function runTypes(args: Record<string, unknown>): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true; });
  try {
    const status = await typesCommand.run(args);
    return { status, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('goesc types', () => {
  const file = join(import.meta.dirname, 'layout', 'edges.go');
  it.runIf(hasGo)('--json matches go/types SizesFor("gc", "amd64")', async () => {
    const r = await runTypes({ paths: [file], json: true });
    expect(r.status).toBe(0);
    const got = JSON.parse(r.out) as { types: { name: string; size: number; align: number }[] };
    const ref = spawnSync('go', ['run', '.', file], { cwd: join(import.meta.dirname, '..', '..', 'scripts', 'gotypes-check'), encoding: 'utf8' });
    expect(ref.status, ref.stderr).toBe(0);
    const want = (JSON.parse(ref.stdout) as { types: { name: string; size: number; align: number }[] }).types;
    expect(got.types).toEqual(want);
    expect(got.types.map((t) => t.name)).not.toContain('Generic');
    expect(got.types.map((t) => t.name)).not.toContain('Alias');
  }, 120_000);
  it('prints type errors as gc does and exits 2', async () => {
    const r = await runTypes({ paths: [join(import.meta.dirname, 'bad', 'undefined.go')], json: true });
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/undefined\.go:4:7: undefined: y\n$/);
  });
});
