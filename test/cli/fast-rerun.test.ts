// The shell's re-run (src/pipeline/fast-record.ts, bin/goesc.js, bin/fast-record.awk): a
// recorded run is printed without node only while every path it read is as recorded, the
// command line, directory and GO* environment are the same and the record verifies. Which
// side answered shows in the record file: node rewrites it (a new file, so a new inode)
// after every run it answers; the shell only reads it. Needs `npm run build` (dist/) and,
// as the shell side does, Linux with GNU stat, sha256sum, b2sum, sed and awk.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = resolve('bin/goesc.js');
const missing =
  process.platform !== 'linux'
    ? 'not Linux'
    : !existsSync(resolve('dist/build-id.json'))
      ? 'dist/ is not built (npm run build)'
      : ['stat', 'sha256sum', 'b2sum', 'sed', 'awk', 'sort', 'grep'].find((tool) => spawnSync(tool, ['--version']).error !== undefined) ??
        (spawnSync('stat', ['-L', '-c', '%Y', '.'], { encoding: 'utf8' }).status !== 0 ? 'stat is not GNU stat' : '');
if (missing) console.log(`shell re-run test skipped: ${missing}`);

let work = '';
let pkg = '';
let cache = '';
const files: Record<string, string> = {
  'a.go': 'package p\n\nvar sink any\n\nfunc A() { x := 1; sink = &x }\n',
  'b.go': 'package p\n\nfunc B(p *int) *int { return p }\n',
};

// Without the resident goesc, which answers re-runs itself when it listens (cli/daemon.ts).
function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(bin, args, { cwd: pkg, encoding: 'utf8', env: { ...process.env, GOESC_CACHE: cache, GOESC_NO_DAEMON: '1', ...env } });
  return { status: r.status, out: r.stdout, err: r.stderr };
}
/** The shell records in the cache: name → inode. */
function records(): Map<string, bigint> {
  const found = new Map<string, bigint>();
  for (const sub of existsSync(cache) ? readdirSync(cache) : []) {
    if (sub.endsWith('.txt')) continue;
    for (const name of readdirSync(join(cache, sub))) {
      if (name.endsWith('.fast')) found.set(name, statSync(join(cache, sub, name), { bigint: true }).ino);
    }
  }
  return found;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Paths changed less than two seconds ago are not recorded (whole-second times). */
const settle = () => sleep(2600);

beforeAll(async () => {
  if (missing) return;
  work = mkdtempSync(join(tmpdir(), 'goesc-fast-'));
  pkg = join(work, 'p');
  cache = join(work, 'cache');
  spawnSync('mkdir', [pkg]);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(pkg, name), text);
  await settle();
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(missing !== '')('a re-run answered by the shell', () => {
  it('prints the recorded output without node, and only while nothing changed', async () => {
    const args = ['-m', '-l', '.'];
    const fresh = run(args, { GOESC_NO_FAST_RERUN: '1' });
    expect(fresh.status).toBe(0);
    expect(fresh.out).toMatch(/moved to heap: x/);
    // The first run records; the second is the shell's: the same answer, the record untouched.
    expect(run(args)).toEqual(fresh);
    const recorded = records();
    expect(recorded.size).toBe(1);
    expect(run(args)).toEqual(fresh);
    expect(records()).toEqual(recorded);

    // Another command line, directory or GO* variable is another record.
    expect(run(['-m', '-l', './'])).toEqual(fresh);
    expect(run(args, { GOFLAGS: '-mod=mod' })).toEqual(fresh);
    expect(records().size).toBe(3);

    // A file rewritten with the same size and modification time: its change time differs.
    const a = join(pkg, 'a.go');
    const before = statSync(a);
    writeFileSync(a, files['a.go']!.replace('sink = &x', 'sink = x'));
    utimesSync(a, before.atime, before.mtime);
    const edited = run(args);
    expect(edited.status).toBe(0);
    expect(edited.out).not.toMatch(/moved to heap: x/);
    expect(edited).toEqual(run(args, { GOESC_NO_FAST_RERUN: '1', GOESC_CACHE: join(work, 'other-cache') }));

    // A file added to the package.
    writeFileSync(join(pkg, 'c.go'), 'package p\n\nfunc C() *int { return new(int) }\n');
    expect(run(args).out).toMatch(/new\(int\) escapes to heap/);
    await settle();
    run(args); // node answers and records the settled package
    const settled = records();
    expect(run(args).out).toMatch(/new\(int\) escapes to heap/);
    expect(records()).toEqual(settled);
  }, 30_000);

  it('never trusts a record that does not verify', () => {
    const args = ['-m=2', '-l', '.'];
    const fresh = run(args, { GOESC_NO_FAST_RERUN: '1' });
    const known = new Set(records().keys());
    run(args);
    const name = [...records().keys()].find((k) => !known.has(k))!;
    const file = join(cache, name.slice(0, 2), name);
    const text = readFileSync(file, 'utf8');
    // A changed line without its checksum, then with it: node answers both times, right.
    const forged = text.replace(/leaking param: p/, 'p does not escape');
    expect(forged).not.toBe(text);
    writeFileSync(file, forged);
    expect(run(args)).toEqual(fresh);
    // Stat lines that do not hold (a forged record with a valid checksum): node answers.
    const body = text.slice(text.indexOf('\n') + 1).replace(/^(.*\|)(\d+)$/m, (_, head: string, ino: string) => `${head}${BigInt(ino) + 1n}`);
    const sum = spawnSync('b2sum', { input: body, encoding: 'utf8' }).stdout.split(' ')[0];
    writeFileSync(file, `goesc-fast-2 ${sum}\n${body.replace(/leaking param: p/, 'p does not escape')}`);
    expect(run(args)).toEqual(fresh);
    // A truncated record.
    writeFileSync(file, text.slice(0, text.length - 10));
    expect(run(args)).toEqual(fresh);
  }, 30_000);
});
