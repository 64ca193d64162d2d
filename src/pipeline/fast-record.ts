// A re-run answered before node starts: the shell part of bin/goesc.js (how an npm bin is
// started) prints a recorded run's output itself when nothing it read has changed, so a
// re-run costs a few short-lived programs (sha256sum, b2sum, awk, sed, stat) instead of
// node's own start-up (bench:startup: node's floor alone is about 1.6x a `go tool compile`
// of a small file, goesc's snapshot start-up 3x).
//
// It is the run memo (run-memo.ts) in a form a POSIX shell with GNU tools can check:
//  - the key is what the shell can see of a run: goesc's build (dist/build-id.json's line),
//    the physical working directory, the command line as typed (not normalised) and the
//    environment's GO* and HOME entries, NUL-separated and hashed with SHA-256; the run
//    memo's own key (normalised argv) stays the one node checks;
//  - the record is the load's stamp (load/disk.ts) restated for two programs: for every
//    path stat'ed, the line `stat -L -c '%n|%s|%Y|%Z|%i'` prints for it (a file's size,
//    times and inode; a directory or a module of the cache only its name, as the stamp
//    keeps only that it is there; a missing path no line, so one that appears differs),
//    and for every directory listed, the entries the stamp's listing keeps, as
//    `find -H DIR -mindepth 1 -maxdepth 1 -printf '%H/%y%f\n'` prints them;
//    bin/fast-record.awk runs both and prints the recorded stderr and stdout only when
//    they show the same;
//  - stat's times are whole seconds, so a run that read a file modified or changed within
//    two seconds of its start is not recorded for the shell (a later write could keep the
//    same second), as the run memo does with the files' millisecond times.
// A record is written atomically beside the other entries (cache.ts, trimmed with them), and
// its first line carries the BLAKE2b-512 of the rest, which the shell checks (b2sum) before
// reading it: a project's record holds its output, megabytes, and b2sum reads them about
// six times faster than sha256sum here (10 against 60 ms for the 6 MB of 165 packages'
// -m -l lines).
// Only on Linux (GNU stat and find); elsewhere the shell finds no record and starts node.

import { createHash } from 'node:crypto';
import type { DiskStamp } from '../load/disk.js';

/** The record format's first word; the shell part of bin/goesc.js checks the same. */
export const fastRecordMagic = 'goesc-fast-2';

/** Seconds a recorded path's times must lie before recording (stat prints whole seconds). */
const settleSeconds = 2;

/**
 * The key the shell computes for a command line: the SHA-256 of NUL-terminated parts (the
 * magic, the build line, the directory, the number of arguments, the arguments), then the
 * environment's entries the run memo keys on (`NAME=value`, run-memo.ts) in byte order,
 * NUL-terminated too.
 */
export function fastRecordKey(buildLine: string, cwd: string, rawArgv: readonly string[], environment: readonly string[]): string {
  const h = createHash('sha256');
  for (const part of [fastRecordMagic, buildLine, cwd, String(rawArgv.length), ...rawArgv]) h.update(part).update('\0');
  for (const e of environment.map((entry) => Buffer.from(entry)).sort(Buffer.compare)) h.update(e).update('\0');
  return h.digest('hex');
}

/**
 * The record of a run that read `stamp` and printed `output`, or null when the shell could
 * not replay it exactly (a path, entry or output it cannot carry line by line, a file
 * changed within two seconds of the run's start, not Linux).
 */
export function fastRecordText(stamp: DiskStamp, output: { stdout: string; stderr: string }): string | null {
  if (process.platform !== 'linux') return null;
  const lines = (text: string) => (text === '' ? [] : text.endsWith('\n') && !text.includes('\0') ? text.slice(0, -1).split('\n') : null);
  const stdout = lines(output.stdout);
  const stderr = lines(output.stderr);
  if (!stdout || !stderr) return null;
  const latest = Math.floor(stamp.taken / 1000) - settleSeconds;
  const paths: string[] = [];
  const expect: string[] = [];
  const dirs: string[] = [];
  const entries: string[] = [];
  for (const [what, path, sig] of stamp.seen) {
    if (path.includes('\n') || sig.includes('\n')) return null;
    if (what === 'list') {
      // a listing's directory must be there (its absence is a listing of `-`)
      paths.push(path);
      if (sig === '-') continue;
      expect.push(`E ${path}`);
      dirs.push(path);
      if (sig !== '') for (const entry of sig.split('/')) entries.push(`${path}/${entry}`);
      continue;
    }
    paths.push(path);
    if (sig === '-' || sig === '0') continue;
    if (what === 'here' || sig === 'd') {
      expect.push(`E ${path}`);
      continue;
    }
    const [, size, mtimeMs, ctimeMs, ino] = sig.split(' ');
    const mtime = Math.floor(Number(mtimeMs) / 1000);
    const ctime = Math.floor(Number(ctimeMs) / 1000);
    if (!(mtime <= latest && ctime <= latest)) return null;
    expect.push(`S ${path}|${size}|${mtime}|${ctime}|${ino}`);
  }
  const section = (name: string, rows: readonly string[]) => `${name} ${rows.length}\n${rows.map((r) => `${r}\n`).join('')}`;
  const body =
    section('paths', paths) + section('expect', expect) + section('dirs', dirs) + section('entries', entries) + section('stderr', stderr) + section('stdout', stdout) + 'end 0\n';
  return `${fastRecordMagic} ${createHash('blake2b512').update(body).digest('hex')}\n${body}`;
}
