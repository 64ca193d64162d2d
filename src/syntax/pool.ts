// Parsing many files on every core: a pool of worker threads (node:worker_threads) that the
// calling thread shares the work with, synchronously.
//
// Why: parsing (Ohm) is about half of a cold run's CPU, and the rest of the pipeline (check,
// lower, solve) runs package after package on the main thread. The pool parses ahead while
// the main thread works on earlier packages, which is how the go command keeps every core
// busy (it compiles packages in parallel).
//
// How: every file submitted is a job with a number, in submission order. A job's bytes go to
// every worker in a SharedArrayBuffer (shared, not copied); each job has a shared claim
// flag, set once by compare-and-swap, so each job is parsed once, by a worker or by the
// calling thread. Workers claim the first unclaimed job. The calling thread asks for
// results in the order it needs them (`result(id)`): a job nobody has claimed yet it leaves
// to the workers while it has idle work of its own (work no worker can take: the workers
// have time to spare over a run, this thread has none), then parses it itself; otherwise
// it takes what the workers have posted back (read synchronously with
// receiveMessageOnPort, so the pipeline stays synchronous); while the one it wants is in a
// worker, it does the caller's idle work first, then
// parses the next unclaimed job it will soon need (below the caller's reach: later jobs
// are the workers', who would otherwise run out of work while it is still busy), and sleeps
// on Atomics.wait only when there is none. A result is the ParseResult the same parseFile
// makes on the calling thread, sent as JSON text: the AST is a tree of plain data (ast.ts:
// no node is reached twice, no property is undefined; test/syntax/pool.test.ts checks
// both), which JSON carries exactly, and JSON.parse on the receiving side measured 1.5-2x
// faster than a structured clone's deserialisation, which is on the main thread's critical
// path; the text is parsed when its result is asked for. So the output never depends on
// who parsed what, or when.
//
// Starting a worker costs a fresh V8 isolate and loading the parser (tens of milliseconds
// from the bundle with its code cache; more from dist/'s modules): callers start a pool only
// for enough work (shouldUsePool), never for one small file.

import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { setFlagsFromString, startupSnapshot } from 'node:v8';
import type { MessagePort, Worker } from 'node:worker_threads';
import { parseFile, type ParseResult } from './index.js';
import { parseDeclarations, type DeclarationsParse } from './declarations.js';

/** Cells of the shared control array (Int32). */
export const Ctl = {
  /** A job number below which every job is claimed (a hint: claims go by the flags). */
  Next: 0,
  /** Jobs submitted so far (workers wait on it). */
  Submitted: 1,
  /** Results posted by workers so far (the calling thread waits on it). */
  Done: 2,
  /** 1 when the pool is closed: workers leave. */
  Closed: 3,
  Size: 4,
} as const;

/** Jobs one pool takes at most (a claim flag each); more are parsed by the caller. */
export const poolCapacity = 1 << 16;

/**
 * Claims the first unclaimed job from the hint on, numbered below `end`: its number, or -1
 * when every such job is claimed. A job's flag goes from 0 to 1 once, by compare-and-swap,
 * so exactly one thread parses it.
 */
export function claimNext(control: Int32Array, claimed: Int32Array, end = Infinity): number {
  const submitted = Math.min(end, Atomics.load(control, Ctl.Submitted));
  for (let k = Atomics.load(control, Ctl.Next); k < submitted; k++) {
    if (Atomics.load(claimed, k) === 0 && Atomics.compareExchange(claimed, k, 0, 1) === 0) {
      // Every job before k is claimed (claims are never undone): move the hint. A race may
      // move it back, which costs a rescan, never a lost job.
      Atomics.store(control, Ctl.Next, k + 1);
      return k;
    }
  }
  return -1;
}

/** A job as posted to a worker. */
export interface JobMessage {
  readonly id: number;
  readonly filename: string;
  readonly bytes: Uint8Array;
  /** Its declarations alone (declarations.ts): a DeclarationsParse rather than a ParseResult. */
  readonly declarations?: boolean;
}

/** A job's parse, whoever makes it. */
export function parseJob(job: Pick<JobMessage, 'filename' | 'bytes' | 'declarations'>): ParseResult | DeclarationsParse {
  return job.declarations ? parseDeclarations(job.filename, job.bytes) : parseFile(job.filename, job.bytes);
}

/** A result as a worker posts it back: the ParseResult as JSON. */
export interface ResultMessage {
  readonly id: number;
  readonly json: string;
}

/** What a worker is started with. */
export interface WorkerInit {
  readonly port: MessagePort;
  readonly control: Int32Array;
  /** A claim flag per job number. */
  readonly claimed: Int32Array;
}

export interface ParsePool {
  /** Queues one file (its declarations alone: `declarations`); returns its job number, or -1 when the pool is full. */
  submit(filename: string, bytes: Uint8Array, declarations?: boolean): number;
  /**
   * The parse of job `id`: parsed here if no one has claimed it yet, else waited for,
   * meanwhile doing the caller's `idle` work (one step a call, false when there is none
   * left), then parsing the next queued jobs numbered below `reach` (default: any).
   */
  result(id: number, reach?: number, idle?: () => boolean): ParseResult;
  /** result() of a job submitted for its declarations. */
  declarations(id: number, reach?: number, idle?: () => boolean): DeclarationsParse;
  /** Stops the workers (queued jobs not yet parsed are dropped). */
  close(): void;
}

/** Bytes to parse from which a pool pays for its start-up (measured: see scripts/bench-parse.mjs). */
export const poolMinBytes = 256 * 1024;

/**
 * Whether `bytes` of source in `files` files, the largest of `largest` bytes, is worth a
 * pool on this machine. The largest file does not count: one thread parses it whichever it
 * is, so a pool can take only the rest off the calling thread. A package that is mostly
 * one file (std's nistec: a 523 KB table and 97 KB besides) measured slower and 45-75 MB
 * bigger with a pool: the table's AST crossing as JSON cost about what parsing it here
 * does (big-literals.ts), and the worker's heap kept the garbage of its parse.
 */
export function shouldUsePool(files: number, bytes: number, largest = 0): boolean {
  return files >= 4 && bytes - largest >= poolMinBytes && availableParallelism() > 1;
}

/** Set by the bundler (scripts/build-bundle.mjs): this code runs from dist/bundle/goesc.cjs. */
declare const GOESC_BUNDLED: boolean | undefined;

/**
 * How to start a worker: from the bundle, its own bundle (dist/bundle/parse-worker.cjs,
 * loaded with its code cache by bin/bundle-loader.cjs); otherwise dist/syntax/parse-worker.js
 * beside this module. Null when neither is there (running from src/ under vitest).
 */
function workerSource(): { code: string; eval: true } | { url: URL; eval: false } | null {
  if (typeof GOESC_BUNDLED !== 'undefined' && GOESC_BUNDLED) {
    // import.meta.url is this module's pre-bundle URL, dist/syntax/pool.js.
    const bundle = fileURLToPath(new URL('../bundle/parse-worker.cjs', import.meta.url));
    const loader = fileURLToPath(new URL('../../bin/bundle-loader.cjs', import.meta.url));
    if (!existsSync(bundle) || !existsSync(loader)) return null;
    return { code: `require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(bundle)})`, eval: true };
  }
  const url = new URL('./parse-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? { url, eval: false } : null;
}

/**
 * node:worker_threads, loaded when a pool starts rather than with this module: the start-up
 * snapshot (scripts/build-snapshot.mjs) is made from a heap that has loaded this module, and
 * node 20 does not restore worker_threads' state in a process started from a snapshot whose
 * builder loaded it (its shared cwd counter is lost): every worker then died at start, on
 * its first process.cwd(), silently (a worker's error only means its jobs are parsed here),
 * and the calling thread parsed every file itself.
 */
function workerThreads(): typeof import('node:worker_threads') {
  return createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
}

/**
 * Lets V8 run a function longer before it optimises it, for a run big enough for a parse
 * pool (and only in node: the browser's pool, src/web/pool.ts, parses on the page's thread): an interrupt budget 16x node 20's (67584 bytes of bytecode executed). A cold run
 * executes a large program (parser, checker, lowering, solver) for a few seconds, and with
 * the default budget V8 optimised (and deoptimised) so much of it that its compiler threads
 * took about as much CPU as the analysis: per-thread CPU of a cold -m -l over eleven
 * modules' 25 packages, about 5 of 11 s on V8's four background threads (which --no-opt
 * empties); with 8x the whole process took 6.5-9 s where it took 10.5-12.5 s. 16x measured
 * 1-3% faster again than 8x (wall and CPU, 31 paired runs); 4x and 32x slower.
 * V8's flags are the process's: the pool's workers, started next, run under it too. Never
 * while a start-up snapshot is built (it records its flags, and a process started without
 * them could not use it); the build's warm-ups are too small for a pool anyway, so the
 * snapshot and the code caches keep node's flags.
 */
function tierUpLater(): void {
  if (!startupSnapshot.isBuildingSnapshot()) setFlagsFromString('--interrupt-budget=1081344');
}

/**
 * A pool of `workers` threads (default: one less than the cores, the calling thread being
 * the last), or null when no worker can be started here.
 */
export function startParsePool(workers = Math.max(1, availableParallelism() - 1)): ParsePool | null {
  const source = workerSource();
  if (source === null) return null;
  tierUpLater();
  const { MessageChannel, receiveMessageOnPort, Worker } = workerThreads();
  const control = new Int32Array(new SharedArrayBuffer(Ctl.Size * 4));
  const claimed = new Int32Array(new SharedArrayBuffer(poolCapacity * 4));
  const ports: MessagePort[] = [];
  const threads: Worker[] = [];
  for (let i = 0; i < workers; i++) {
    const { port1, port2 } = new MessageChannel();
    const init: WorkerInit = { port: port2, control, claimed };
    const w = source.eval
      ? new Worker(source.code, { eval: true, workerData: init, transferList: [port2] })
      : new Worker(source.url, { workerData: init, transferList: [port2] });
    w.unref();
    // A worker that dies leaves its claimed job unanswered: result() then parses it here.
    w.on('error', () => {});
    ports.push(port1);
    threads.push(w);
  }
  const jobs: JobMessage[] = [];
  // A worker's result stays JSON text until asked for: the workers run ahead, and text is
  // one object to the garbage collector where the tree is thousands. Better still, it stays
  // in its port, outside the heap, until a result at or after it in that port is asked for
  // (a worker posts in the order it claims, lowest job first, which is the order they are
  // asked for): text taken early lives on, and the young generation's collector copies
  // what lives on twice (over eleven modules, node's sampling heap profiler: the received
  // text that survived a scavenge on this thread went from 17 to 5 MB; wall time the same
  // within the noise of paired runs).
  const results = new Map<number, ParseResult | DeclarationsParse | string>();
  let closed = false;

  const receiveUntil = (id: number): void => {
    for (const p of ports) {
      for (let m = receiveMessageOnPort(p); m !== undefined; m = receiveMessageOnPort(p)) {
        const r = m.message as ResultMessage;
        results.set(r.id, r.json);
        if (r.id === id) return;
      }
    }
  };

  const parseHere = (id: number): void => {
    results.set(id, parseJob(jobs[id]!));
  };

  return {
    submit(filename, bytes, declarations = false) {
      if (closed || jobs.length >= poolCapacity) return -1;
      const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
      shared.set(bytes);
      const job: JobMessage = { id: jobs.length, filename, bytes: shared, ...(declarations ? { declarations } : {}) };
      jobs.push(job);
      for (const p of ports) p.postMessage(job);
      Atomics.store(control, Ctl.Submitted, jobs.length);
      Atomics.notify(control, Ctl.Submitted);
      return job.id;
    },
    result: (id, reach, idle) => take(id, reach, idle) as ParseResult,
    declarations: (id, reach, idle) => take(id, reach, idle) as DeclarationsParse,
    close() {
      if (closed) return;
      closed = true;
      Atomics.store(control, Ctl.Closed, 1);
      Atomics.notify(control, Ctl.Submitted);
      for (const p of ports) p.close();
      for (const w of threads) void w.terminate();
    },
  };

  /** A job's parse (ParsePool.result), of whichever kind it was submitted as. */
  function take(id: number, reach = Infinity, idle?: () => boolean): ParseResult | DeclarationsParse {
    if (closed) throw new Error('goesc: parse pool used after close');
    let waited = 0;
    for (;;) {
      const r = results.get(id);
      if (r !== undefined) {
        results.delete(id);
        return typeof r === 'string' ? (JSON.parse(r) as ParseResult | DeclarationsParse) : r;
      }
      // Not yet claimed: the caller's idle work first, while there is some, so that a
      // worker parses it (workers claim the lowest job unclaimed, so this one next); then
      // this thread, which has nothing else to do.
      if (Atomics.load(claimed, id) === 0 && idle?.()) continue;
      if (Atomics.compareExchange(claimed, id, 0, 1) === 0) {
        parseHere(id);
        continue;
      }
      const seen = Atomics.load(control, Ctl.Done);
      receiveUntil(id);
      if (results.has(id)) continue;
      if (idle?.()) continue;
      const mine = claimNext(control, claimed, reach);
      if (mine >= 0) {
        parseHere(mine);
        continue;
      }
      // Every job is claimed and ours is in a worker: wait for a worker to post. A worker
      // that died never posts; after a long wait the job is parsed here (results are the
      // same whoever parses).
      if (Atomics.wait(control, Ctl.Done, seen, 2000) === 'timed-out' && ++waited >= 15) {
        parseHere(id);
      }
    }
  }
}
