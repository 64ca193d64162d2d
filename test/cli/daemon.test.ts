// The resident goesc (src/cli/daemon.ts, bin/daemon-client.cjs): the first run of a build
// starts it, the next ones are answered by it, and every answer is the one a fresh process
// gives: output, errors, exit status, the user's working directory and environment. A
// daemon that is gone never costs an answer. Needs `npm run build` (the daemon runs from
// the start-up snapshot, which the build makes when it can).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = resolve('bin/goesc.js');
const client = resolve('bin/daemon-client.cjs');
const blob = resolve('dist/bundle/goesc.blob');
const why = !existsSync(resolve('dist/cli/main.js'))
  ? 'dist/ is not built (npm run build)'
  : !existsSync(blob) || statSync(blob).mtimeMs < statSync(resolve('dist/cli/main.js')).mtimeMs
    ? 'no current start-up snapshot (dist/bundle/goesc.blob), which the daemon runs from'
    : '';
if (why) console.log(`daemon tests skipped: ${why}`);

let dir = '';
let cacheDir = '';
const files: Record<string, string> = {
  'a.go': 'package p\n\nvar sink any\n\nfunc A() { x := 1; sink = &x }\n',
  'b.go': 'package p\n\nimport "strings"\n\nfunc B(s string) string { return strings.ToUpper(s) + "!" }\n',
  'sub/c.go': 'package c\n\ntype T struct{ a, b int }\n\nfunc C() *T { return &T{1, 2} }\n',
  'bad/d.go': 'package d\n\nfunc D() { undefined() }\n',
};

function run(args: string[], env: NodeJS.ProcessEnv = {}, cwd = dir) {
  const r = spawnSync(bin, args, { cwd, encoding: 'utf8', env: { ...process.env, GOESC_CACHE: cacheDir, GOESC_DAEMON_IDLE: '20', ...env } });
  return { status: r.status, out: r.stdout, err: r.stderr };
}
const fresh = (args: string[], env: NodeJS.ProcessEnv = {}, cwd = dir) => run(args, { ...env, GOESC_NO_DAEMON: '1' }, cwd);

/** The daemon socket in a cache folder, once it listens (bin/goesc.js: $cache/daemon/KEY.sock). */
function waitForSocket(cache = cacheDir): string {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const sock = existsSync(join(cache, 'daemon')) ? readdirSync(join(cache, 'daemon')).find((f) => f.endsWith('.sock')) : undefined;
    if (sock) return join(cache, 'daemon', sock);
    if (Date.now() > deadline) throw new Error('no daemon socket after 20 s');
    spawnSync('sleep', ['0.1']);
  }
}

/**
 * Starts a daemon as a user's short run does (one under two seconds, main.ts: on a machine
 * loaded enough to make a small file's run longer, the next run tries again).
 */
function startDaemonLikeAUser(run: () => void, cache = cacheDir): string {
  for (let attempt = 0; attempt < 3; attempt++) {
    run();
    try {
      return waitForSocket(cache);
    } catch {
      // a run too slow to start one
    }
  }
  return waitForSocket(cache);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'goesc-daemon-'));
  cacheDir = join(dir, 'cache');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(why === '')('the resident goesc', () => {
  const commands = [
    ['-m=2', '--cache=off', 'a.go', 'b.go'],
    ['-m', '-l', '--cache=off', './...'],
    ['-m', '--cache=off', './bad'],
    ['-m', 'missing.go'],
    ['explain', '--chain', 'a.go:5'],
    ['graph', '--format', 'svg', 'a.go'],
    ['--version'],
    ['--help'],
  ];

  it('is started by a first run and answers the next ones as a fresh process does', () => {
    const sock = startDaemonLikeAUser(() => expect(run(commands[0]!)).toEqual(fresh(commands[0]!)));
    for (const args of commands) {
      const want = fresh(args);
      // Through the client itself (so the daemon answered), and as the user starts goesc.
      const r = spawnSync(process.execPath, [client, sock, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, GOESC_CACHE: cacheDir } });
      expect({ status: r.status, out: r.stdout, err: r.stderr }, args.join(' ')).toEqual(want);
      expect(run(args), args.join(' ')).toEqual(want);
    }
    expect(fresh(['-m', 'missing.go']).status).toBe(2);
  });

  it("runs in the user's folder and environment", () => {
    const sock = waitForSocket();
    const cache = join(dir, 'own-cache');
    const sub = join(dir, 'sub');
    const r = spawnSync(process.execPath, [client, sock, '-m', '.'], { cwd: sub, encoding: 'utf8', env: { ...process.env, GOESC_CACHE: cache } });
    expect({ status: r.status, out: r.stdout, err: r.stderr }).toEqual(fresh(['-m', '.', '--cache=off'], {}, sub));
    expect(readdirSync(cache, { recursive: true }).some((f) => String(f).endsWith('.run.json'))).toBe(true);
  });

  it('is never needed for an answer: a socket nobody listens on, or none at all', () => {
    const gone = join(dir, 'no-such.sock');
    const r = spawnSync(process.execPath, [client, gone, '-m=2', '--cache=off', 'a.go'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GOESC_NO_DAEMON: '1' } });
    expect({ status: r.status, out: r.stdout, err: r.stderr }).toEqual(fresh(['-m=2', '--cache=off', 'a.go']));
    const stale = join(dir, 'stale.sock');
    writeFileSync(stale, '');
    const s = spawnSync(process.execPath, [client, stale, '-m', 'missing.go'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GOESC_NO_DAEMON: '1' } });
    expect({ status: s.status, out: s.stdout, err: s.stderr }).toEqual(fresh(['-m', 'missing.go']));
  });

  it('leaves when its socket is removed (goesc cache clean)', () => {
    const own = join(dir, 'clean-cache');
    const sock = startDaemonLikeAUser(() => {
      spawnSync(bin, ['-m', '--cache=off', 'a.go'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GOESC_CACHE: own, GOESC_DAEMON_IDLE: '300' } });
    }, own);
    const alive = () =>
      readdirSync('/proc').some((pid) => {
        try {
          return /^\d+$/.test(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(sock);
        } catch {
          return false;
        }
      });
    expect(alive()).toBe(true);
    expect(spawnSync(bin, ['cache', 'clean'], { env: { ...process.env, GOESC_CACHE: own } }).status).toBe(0);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && alive()) spawnSync('sleep', ['0.2']);
    expect(alive()).toBe(false);
  });

  it('leaves when idle, taking its socket along', () => {
    const own = join(dir, 'idle-cache');
    // It appears (the run started it) and then goes (a second without a command).
    const sock = startDaemonLikeAUser(() => {
      const r = spawnSync(bin, ['-m', '--cache=off', 'a.go'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GOESC_CACHE: own, GOESC_DAEMON_IDLE: '1' } });
      expect(r.status).toBe(0);
    }, own);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && existsSync(sock)) spawnSync('sleep', ['0.1']);
    expect(existsSync(sock)).toBe(false);
    expect(readFileSync(join(dir, 'a.go'), 'utf8')).toBe(files['a.go']);
  });
});
