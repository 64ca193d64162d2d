// A parse pool's worker thread (pool.ts): claims jobs, parses them with the same parseFile as
// the calling thread, posts each ParseResult back. Synchronous throughout: jobs are read
// from the port with receiveMessageOnPort, and an idle worker sleeps on Atomics.wait until
// more jobs are submitted or the pool closes. Started from dist/syntax/parse-worker.js, or
// from its bundle (dist/bundle/parse-worker.cjs, scripts/build-bundle.mjs).

import { isMainThread, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { parseFile, type ParseResult } from './index.js';
import type { DeclarationsParse } from './declarations.js';
import { claimNext, Ctl, parseJob, type JobMessage, type ResultMessage, type WorkerInit } from './pool.js';

function serve({ port, control, claimed }: WorkerInit): void {
  const jobs = new Map<number, JobMessage>();
  const take = (id: number): JobMessage => {
    // The job was submitted (the counter says so), so its message is on the port.
    for (let j = jobs.get(id); ; j = jobs.get(id)) {
      if (j !== undefined) {
        jobs.delete(id);
        return j;
      }
      const m = receiveMessageOnPort(port);
      if (m === undefined) Atomics.wait(control, Ctl.Closed, 0, 5);
      else {
        const job = m.message as JobMessage;
        jobs.set(job.id, job);
      }
    }
  };
  for (;;) {
    if (Atomics.load(control, Ctl.Closed) !== 0) return;
    const submitted = Atomics.load(control, Ctl.Submitted);
    const next = claimNext(control, claimed);
    if (next < 0) {
      Atomics.wait(control, Ctl.Submitted, submitted);
      continue;
    }
    const job = take(next);
    let result: ParseResult | DeclarationsParse;
    try {
      result = parseJob(job);
    } catch (err) {
      const failed: ParseResult = { file: null, errors: [{ file: job.filename, line: 1, col: 1, message: `internal error while parsing: ${err instanceof Error ? err.message : String(err)}` }] };
      result = job.declarations ? { result: failed, whole: true } : failed;
    }
    const msg: ResultMessage = { id: next, json: JSON.stringify(result) };
    port.postMessage(msg);
    Atomics.add(control, Ctl.Done, 1);
    Atomics.notify(control, Ctl.Done);
  }
}

/** Parses `src` once, so that a code cache made after it holds the parser compiled. */
export function warmUp(src: Uint8Array): void {
  parseFile('warm.go', src);
}

if (!isMainThread && workerData && (workerData as Partial<WorkerInit>).control instanceof Int32Array) serve(workerData as WorkerInit);
