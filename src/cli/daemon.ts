// The resident goesc: a process that stays after a command-line run and answers the next
// ones, so that a fresh `goesc -m -l small.go` costs a small client's start-up, not node's
// start-up plus a cold analysis. Measured on a small file (npm run bench:startup), a fresh
// process spends about as long deserialising its start-up snapshot and running the analysis
// on code without type feedback (V8 clears it in snapshots) as node itself takes to start;
// a warm process analyses the same file in a tenth of that. Build tools answer the same way
// (Gradle's daemon, gopls -remote=auto, Bazel's server).
//
// How: bin/goesc.js's shell part knows this build's socket (in the result cache's folder,
// named for the build, goesc's folder and node by scripts/build-snapshot.mjs). When it
// exists, bin/daemon-client.cjs sends the command there: the arguments, the working
// directory, the environment and whether stdout/stderr are terminals. Otherwise the
// ordinary run starts a daemon for the next commands (startDaemon) and answers itself. The
// daemon first analyses a small program of its own (so that the first command it answers
// runs on warm code too), then listens, and runs one command at a time through the very
// `main` a process runs, inside the client's working directory and environment, with
// process.stdout/stderr writes sent back as frames (one JSON object per line: {o}/{e} text,
// {ob}/{eb} bytes as base64, {x} the exit status). goesc keeps no process-wide state
// (pipeline/context.ts), so a command's answer is the one a fresh process gives. The daemon
// leaves after GOESC_DAEMON_IDLE seconds without a command (default 300), after a command
// that left it above 2 GiB of memory, or when its build's folder is gone; GOESC_NO_DAEMON=1
// neither uses nor starts one.

import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect, createServer, type Socket } from 'node:net';
import { dirname, join, resolve } from 'node:path';

/** What the client sends: one JSON line. */
export interface DaemonRequest {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly stdoutTTY: boolean;
  readonly stderrTTY: boolean;
  readonly columns?: number;
}

type Main = (argv: readonly string[]) => Promise<number>;

const defaultIdleSeconds = 300;
const maxResidentBytes = 2 * 1024 ** 3;

/**
 * Starts the daemon for `socket` as a detached process of its own (the same node, flags and
 * snapshot as this one), which outlives this run; this run does not wait for it.
 */
export function startDaemon(socket: string): void {
  try {
    // The same node options, with the snapshot's path made absolute: the daemon runs in /.
    const nodeArgs = process.execArgv.map((arg, i, all) => (all[i - 1] === '--snapshot-blob' ? resolve(arg) : arg));
    const child = spawn(process.execPath, [...nodeArgs, '--', '--goesc-daemon', socket], {
      detached: true,
      stdio: 'ignore',
      cwd: '/',
      env: { ...process.env, GOESC_DAEMON_SOCKET: undefined },
    });
    child.on('error', () => {});
    child.unref();
  } catch {
    // an accelerator: without it every run starts fresh
  }
}

/** Serves commands on `socket` until idle; resolves with the daemon's exit status. */
export async function serveDaemon(socket: string, main: Main): Promise<number> {
  if (!ownFolder(dirname(socket))) return 1;
  const idleMs = 1000 * (Number(process.env['GOESC_DAEMON_IDLE']) || defaultIdleSeconds);
  // Before listening: one small analysis, output discarded, so that the first command a
  // user waits for here does not run on code without type feedback either (until then,
  // commands run in their own processes).
  await warmUp(main);
  const server = createServer();
  if (!(await listen(server, socket))) return 0;
  const own = inode(socket);
  return new Promise<number>((resolve) => {
    let queue = Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    // No new command from here on; those already queued are answered first.
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      server.close();
      try {
        // Its own socket only: the path may be another daemon's by now.
        if (inode(socket) === own) unlinkSync(socket);
      } catch {
        // gone already
      }
      void queue.then(() => {
        resolve(0);
        // Nothing of a finished command holds the event loop, but a daemon must not outstay.
        setTimeout(() => process.exit(0), 1000).unref();
      });
    };
    const idle = () => {
      clearTimeout(timer);
      timer = setTimeout(leave, idleMs);
    };
    idle();
    // A socket file removed or replaced (goesc cache clean, a removed cache folder) is no
    // way in any more: the daemon leaves rather than idle on unreachable.
    setInterval(() => {
      if (inode(socket) !== own) leave();
    }, 10_000).unref();
    server.on('connection', (conn) => {
      readRequest(conn, (req) => {
        clearTimeout(timer);
        queue = queue
          .then(async () => {
            await answer(conn, req, main);
            if (process.memoryUsage().rss > maxResidentBytes) leave();
            else idle();
          })
          // One command's failure must not stop the queue: the next ones are answered.
          .catch(() => {
            conn.destroy();
            idle();
          });
      });
    });
  });
}

/** A small program of the common constructs, analysed once by warmUp. */
const warmUpSource = `package warm

import (
	"fmt"
	"strings"
)

type point struct{ x, y int }

type shape interface{ area() int }

func (p *point) area() int { return p.x * p.y }

var keep []*point

func build(n int) []*point {
	out := make([]*point, 0, n)
	for i := 0; i < n; i++ {
		p := &point{i, i + 1}
		out = append(out, p)
	}
	keep = out
	return out
}

func describe(s shape, names map[string]int) string {
	var b strings.Builder
	for k, v := range names {
		b.WriteString(fmt.Sprintf("%s=%d;", k, v+s.area()))
	}
	f := func() int { return len(names) }
	defer func() { _ = f() }()
	return b.String()
}
`;

/** Runs warmUpSource through main in a folder of its own, its output discarded. */
async function warmUp(main: Main): Promise<void> {
  let dir = '';
  const discard = () => {};
  const restoreOut = redirect(process.stdout, 'o', discard, false, undefined);
  const restoreErr = redirect(process.stderr, 'e', discard, false, undefined);
  try {
    dir = mkdtempSync(join(tmpdir(), 'goesc-daemon-warm-'));
    const file = join(dir, 'warm.go');
    writeFileSync(file, warmUpSource);
    for (const level of ['-m', '-m=2']) await main([level, '-l', '--cache=off', file]);
  } catch {
    // a warm-up only
  } finally {
    restoreOut();
    restoreErr();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

function inode(path: string): number | undefined {
  try {
    return statSync(path).ino;
  } catch {
    return undefined;
  }
}

/** The socket's folder is the user's own and private (made so when missing). */
function ownFolder(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    return st.isDirectory() && st.uid === process.getuid?.() && (st.mode & 0o077) === 0;
  } catch {
    return false;
  }
}

/**
 * Listens on `socket`; false when another daemon already does. A socket file nobody answers
 * on (a daemon that was killed) is removed and listened on again.
 */
async function listen(server: ReturnType<typeof createServer>, socket: string): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      server.once('error', resolve);
      server.listen(socket, () => resolve(null));
    });
    if (!err) return true;
    if (err.code !== 'EADDRINUSE' || (await answers(socket))) return false;
    try {
      unlinkSync(socket);
    } catch {
      return false;
    }
  }
  return false;
}

function answers(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(socket);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

function readRequest(conn: Socket, then: (req: DaemonRequest) => void): void {
  let text = '';
  conn.setEncoding('utf8');
  conn.on('error', () => {});
  const onData = (chunk: string) => {
    text += chunk;
    const end = text.indexOf('\n');
    if (end < 0) return;
    conn.off('data', onData);
    try {
      then(JSON.parse(text.slice(0, end)) as DaemonRequest);
    } catch {
      conn.destroy();
    }
  };
  conn.on('data', onData);
}

/** Runs one command as a fresh process would, in the client's directory and environment. */
async function answer(conn: Socket, req: DaemonRequest, main: Main): Promise<void> {
  const send = (frame: object) => {
    if (!conn.destroyed) conn.write(JSON.stringify(frame) + '\n');
  };
  const saved = { cwd: process.cwd(), env: process.env };
  try {
    // goesc's own folder gone (the daemon's code and models with it): a fresh process answers.
    if (!existsSync(ownBlob())) throw new Error('goesc is gone');
    process.chdir(req.cwd);
  } catch {
    // Or a folder gone since the client started: the client runs the command itself.
    send({ fresh: true });
    conn.end();
    return;
  }
  process.env = { ...req.env };
  const restoreOut = redirect(process.stdout, 'o', send, req.stdoutTTY, req.columns);
  const restoreErr = redirect(process.stderr, 'e', send, req.stderrTTY, req.columns);
  let status: number;
  try {
    status = await main(req.argv);
  } catch (err) {
    process.stderr.write(`goesc: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    status = 1;
  } finally {
    restoreOut();
    restoreErr();
    process.env = saved.env;
    process.chdir(saved.cwd);
  }
  send({ x: status });
  conn.end();
}

/** The start-up snapshot this process runs from (its path made absolute by startDaemon). */
function ownBlob(): string {
  const at = process.execArgv.indexOf('--snapshot-blob');
  return at >= 0 ? process.execArgv[at + 1]! : process.execPath;
}

/** Sends a stream's writes as frames and shows the client's terminal; returns the undo. */
function redirect(stream: NodeJS.WriteStream, key: 'o' | 'e', send: (frame: object) => void, tty: boolean, columns: number | undefined): () => void {
  const own = Object.getOwnPropertyDescriptors(stream);
  const names = ['write', 'isTTY', 'columns'] as const;
  Object.defineProperty(stream, 'write', {
    configurable: true,
    writable: true,
    value: (chunk: string | Uint8Array, encoding?: unknown, done?: unknown) => {
      if (typeof chunk === 'string') send({ [key]: chunk });
      else send({ [`${key}b`]: Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('base64') });
      const cb = typeof encoding === 'function' ? encoding : done;
      if (typeof cb === 'function') process.nextTick(cb as () => void);
      return true;
    },
  });
  Object.defineProperty(stream, 'isTTY', { configurable: true, writable: true, value: tty || undefined });
  Object.defineProperty(stream, 'columns', { configurable: true, writable: true, value: tty ? columns : undefined });
  return () => {
    for (const name of names) {
      if (own[name]) Object.defineProperty(stream, name, own[name]);
      else delete (stream as unknown as Record<string, unknown>)[name];
    }
  };
}
