// The analyze command's outputs end to end: --format json|sarif and -json=0,DIR as a user
// types them, checked against the corpus fixtures the real compiler made.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

async function run(args: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const w1 = process.stdout.write.bind(process.stdout);
  const w2 = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => (err.push(String(s)), true)) as typeof process.stderr.write;
  try {
    return { status: await main(args), out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = w1;
    process.stderr.write = w2;
  }
}

const caseDir = path.resolve('testdata/cases/seed');
const cases = fs.readdirSync(caseDir).filter((f) => f.endsWith('.go'));

describe('goesc analyze outputs', () => {
  it.each(cases)('-json=0,DIR for %s matches the compiler\u2019s log (absolute paths normalised)', async (name) => {
    const fx = JSON.parse(fs.readFileSync(path.join(caseDir, name.replace(/\.go$/, '.fixture.json')), 'utf8'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-jsonlog-'));
    const r = await run(['-m', '-l', `-json=0,file://${dir}`, path.join(caseDir, name)]);
    expect(r.status).toBe(0);
    const written: Record<string, unknown[]> = {};
    for (const pkg of fs.readdirSync(dir)) {
      for (const f of fs.readdirSync(path.join(dir, pkg))) {
        const text = fs.readFileSync(path.join(dir, pkg, f), 'utf8').split(`file://${caseDir}/`).join('file://').split(`"${caseDir}/`).join('"');
        written[`${pkg}/${f}`] = text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
      }
    }
    const escapeOnly = (recs: unknown[]) =>
      recs.filter((r, i) => i === 0 || ['escape', 'escapes', 'leak'].includes((r as { code: string }).code)).slice(1);
    const want = Object.fromEntries(Object.entries(fx.jsonlog.files as Record<string, unknown[]>).map(([k, v]) => [k, escapeOnly(v)]));
    const got = Object.fromEntries(Object.entries(written).map(([k, v]) => [k, escapeOnly(v)]));
    expect(got).toEqual(want);
  });

  it('--format json and sarif print one record per text line', async () => {
    const seed = path.join(caseDir, cases[0]!);
    const text = (await run(['-m=2', '-l', seed])).out.trimEnd().split('\n');
    const json = JSON.parse((await run(['-m=2', '-l', '--format', 'json', seed])).out);
    expect(json.diagnostics.map((d: { file: string; line: number; col: number; message: string }) => `${d.file}:${d.line}:${d.col}: ${d.message}`)).toEqual(text);
    const sarif = JSON.parse((await run(['-m=2', '-l', '--format', 'sarif', seed])).out);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(text.length);
  });

  it('--format json at -m still carries the -m=2 reason and flow of each heap decision', async () => {
    const file = path.join(caseDir, 'escape_to_heap.go');
    const json = JSON.parse((await run(['-m', '-l', '--format', 'json', file])).out);
    const moved = json.diagnostics.find((d: { kind: string }) => d.kind === 'moved-to-heap');
    expect(moved.reason).toBeDefined();
    expect(moved.flow.length).toBeGreaterThan(0);
    expect(json.diagnostics.every((d: { kind: string }) => d.kind !== 'flow')).toBe(true);
  });

  it('a malformed -json flag is one line and exit 2', async () => {
    const r = await run(['-m', '-l', '-json=1,/tmp/x', path.join(caseDir, cases[0]!)]);
    expect(r.status).toBe(2);
    expect(r.err.trim()).toBe('-json version must be 0');
  });
});
