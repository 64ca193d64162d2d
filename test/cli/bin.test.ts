// bin/goesc.js as an npm bin starts it: executed, so its shell part chooses between the V8
// start-up snapshot and node running the file, with NODE_EXTRA_CA_CERTS set aside. Every
// way in must print the same answer, keep the exit status, and give the programs goesc
// starts the environment the user gave it. Needs `npm run build` (dist/).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = resolve('bin/goesc.js');
const built = existsSync(resolve('dist/cli/main.js'));
const blob = resolve('dist/bundle/goesc.blob');
/** Why the snapshot cannot be tried here ('' when it can): the build makes it when it can. */
const snapshotWhy = !built
  ? ''
  : !existsSync(blob)
    ? 'no dist/bundle/goesc.blob (scripts/build-snapshot.mjs said why at build time)'
    : statSync(blob).mtimeMs < statSync(resolve('dist/cli/main.js')).mtimeMs
      ? 'dist/bundle/goesc.blob is older than dist/ (a tsc-only rebuild; npm run build makes it again)'
      : '';
if (snapshotWhy) console.log(`bin/goesc.js snapshot test skipped: ${snapshotWhy}`);

// Five files, so that a parse worker (src/syntax/pool.ts) is started from the snapshot too.
const files: Record<string, string> = {
  'a.go': 'package p\n\nvar sink any\n\nfunc A() { x := 1; sink = &x }\n',
  'b.go': 'package p\n\nfunc B(p *int) *int { return p }\n',
  'c.go': 'package p\n\nimport "strings"\n\nfunc C(s string) string { return strings.ToUpper(s) + "!" }\n',
  'd.go': 'package p\n\ntype T struct{ a, b int }\n\nfunc D() *T { return &T{1, 2} }\n',
  'e.go': 'package p\n\nfunc E(n int) []int { return make([]int, n) }\n',
};
let dir = '';

function run(args: string[], env: NodeJS.ProcessEnv = {}, viaNode = false) {
  const r = spawnSync(viaNode ? process.execPath : bin, viaNode ? [bin, ...args] : args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'goesc-bin-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(built)('bin/goesc.js started as a program', () => {
  it('prints what node bin/goesc.js prints, through a symlink too', () => {
    const byNode = run(['-m=2', '--cache=off', '.'], {}, true);
    expect(byNode.status).toBe(0);
    expect(byNode.out).toMatch(/moved to heap: x/);
    expect(run(['-m=2', '--cache=off', '.'])).toEqual(byNode);
    expect(run(['-m=2', '--cache=off', '.'], { GOESC_NO_SNAPSHOT: '1' })).toEqual(byNode);
    const link = join(dir, 'goesc-link');
    symlinkSync(bin, link);
    const r = spawnSync(link, ['-m=2', '--cache=off', '.'], { cwd: dir, encoding: 'utf8' });
    expect({ status: r.status, out: r.stdout, err: r.stderr }).toEqual(byNode);
  });

  it('ends quietly when its reader stops reading (goesc ... | head)', () => {
    // More lines than a pipe holds (64 KiB), so that goesc still writes after head is gone.
    const big = join(dir, 'big');
    mkdirSync(big, { recursive: true });
    const funcs = Array.from({ length: 3000 }, (_, i) => `func F${i}(p *int) *int { return p }`).join('\n');
    writeFileSync(join(big, 'big.go'), `package big\n\n${funcs}\n`);
    for (const env of [{}, { GOESC_NO_SNAPSHOT: '1' }]) {
      const r = spawnSync('sh', ['-c', '"$0" -m=2 --cache=off big 2>err.txt | head -c 100 >/dev/null; cat err.txt', bin], {
        cwd: dir, encoding: 'utf8', env: { ...process.env, GOESC_NO_DAEMON: '1', ...env },
      });
      expect(r.stdout).toBe('');
    }
  });

  it('keeps the exit status and the one-line error of bad input', () => {
    for (const env of [{}, { GOESC_NO_SNAPSHOT: '1' }]) {
      const r = run(['-m', 'missing.go'], env);
      expect(r.status).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('does not make node read NODE_EXTRA_CA_CERTS, and gives it back to what goesc starts', () => {
    // node warns on stderr when the file cannot be read: proof that it tried.
    const missing = join(dir, 'no-such-certs.pem');
    expect(run(['-m', 'a.go'], { NODE_EXTRA_CA_CERTS: missing }, true).err).toMatch(/extra certs/i);
    for (const env of [{}, { GOESC_NO_SNAPSHOT: '1' }]) {
      const r = run(['-m', 'a.go'], { ...env, NODE_EXTRA_CA_CERTS: missing });
      expect(r).toEqual({ status: 0, out: expect.stringMatching(/moved to heap: x/), err: '' });
    }
    const loader = createRequire(import.meta.url)(resolve('bin/bundle-loader.cjs')) as { restoreEnvironment(): void };
    const before = { ...process.env };
    try {
      process.env.GOESC_NODE_EXTRA_CA_CERTS = missing;
      delete process.env.NODE_EXTRA_CA_CERTS;
      loader.restoreEnvironment();
      expect(process.env.NODE_EXTRA_CA_CERTS).toBe(missing);
      expect(process.env.GOESC_NODE_EXTRA_CA_CERTS).toBeUndefined();
    } finally {
      for (const k of ['NODE_EXTRA_CA_CERTS', 'GOESC_NODE_EXTRA_CA_CERTS']) {
        if (before[k] === undefined) delete process.env[k];
        else process.env[k] = before[k];
      }
    }
  });

  it('prints a re-run from its record, and a changed file anew (pipeline/run-memo.ts)', () => {
    const cache = join(dir, 'memo-cache');
    const sub = join(dir, 'memo');
    mkdirSync(sub);
    const a = join(sub, 'a.go');
    const past = (Date.now() - 60_000) / 1000;
    writeFileSync(a, files['a.go']!);
    utimesSync(a, past, past);
    const args = ['-m', sub];
    const first = run(args, { GOESC_CACHE: cache });
    expect(first.out).toMatch(/moved to heap: x/);
    const records = () => readdirSync(cache, { recursive: true }).filter((f) => String(f).endsWith('.run.json'));
    expect(records()).toHaveLength(1);
    expect(run(args, { GOESC_CACHE: cache })).toEqual(first);
    writeFileSync(a, files['a.go']!.replace('sink = &x', 'sink = x'));
    utimesSync(a, past + 1, past + 1);
    const changed = run(args, { GOESC_CACHE: cache });
    expect(changed.out).not.toMatch(/moved to heap: x/);
    expect(changed).toEqual(run([...args, '--cache=off']));
  });

  it('draws a flow graph with Graphviz from every way in (its WebAssembly build is loaded on first use)', () => {
    const args = ['graph', '--format', 'svg', 'a.go'];
    const byNode = run(args, {}, true);
    expect(byNode.status).toBe(0);
    expect(byNode.out).toMatch(/^<svg/);
    for (const env of [{ GOESC_NO_DAEMON: '1' }, { GOESC_NO_SNAPSHOT: '1' }, { GOESC_NO_BUNDLE: '1' }]) expect(run(args, env, !!env.GOESC_NO_BUNDLE)).toEqual(byNode);
  });

  it.runIf(snapshotWhy === '')('answers from the snapshot as from the bundle', () => {
    // The V8 flags the blob was made with (goesc.blob.node's third line), which it needs again.
    const flags = (readFileSync(`${blob}.node`, 'utf8').split('\n')[2] ?? '').split(' ').filter(Boolean);
    const r = spawnSync(process.execPath, [...flags, '--snapshot-blob', blob, '--', '-m=2', '--cache=off', '.'], { cwd: dir, encoding: 'utf8' });
    expect({ status: r.status, out: r.stdout }).toEqual({ status: 0, out: run(['-m=2', '--cache=off', '.'], { GOESC_NO_SNAPSHOT: '1' }).out });
  });
});
if (!built) console.log('bin/goesc.js tests skipped: dist/ is not built (npm run build)');
