// Whole-run reuse: a re-run with nothing changed prints what the last one printed, without
// loading, hashing or reading a single package entry. The package entries (cache.ts) already
// make a warm run parse nothing, but it still loads the graph and hashes every file of it
// to find their keys; for a project's 150 packages that is most of a warm run.
//
// A run's record is keyed by everything outside the disk that its output depends on: goesc's
// build (which hashes the models), the working directory, the command line, and the
// environment the loader reads (GO*, HOME). What it read from the disk is its load's stamp
// (load/disk.ts: each file's size, times and inode, each directory's entries, each module of
// the cache present); a later run uses the record only while the disk shows the same stamp.
// As the go command's test cache does, a run whose files were modified less than two
// seconds before it read them is not recorded: a file system's clock ticks coarsely, and a
// file written again within the same tick would show the same times.
//
// A recorded run is also written in the form the shell part of bin/goesc.js checks before
// node starts (fast-record.ts), keyed by the command line as typed.

import { resolve } from 'node:path';
import { Disk, stampHolds, type DiskStamp } from '../load/disk.js';
import { moduleCacheRoot } from '../load/modcache.js';
import type { ResultCache, RunRecord } from './cache.js';
import { fastRecordKey, fastRecordText } from './fast-record.js';
import type { Env } from './context.js';

/** Files modified this recently (ms) before a run read them keep it from being recorded. */
const settleMs = 2000;

export class RunMemo {
  private constructor(
    private readonly cache: ResultCache,
    private readonly key: string,
    private readonly env: Env,
    private readonly fastKey: string | null,
  ) {}

  /**
   * The memo of one run: `options` say what was asked (JSON-serialisable: the command line);
   * `typed`, when given, is the build's line and the command line as typed, for the shell's
   * record (fast-record.ts).
   */
  static of(cache: ResultCache, buildId: string, cwd: string, env: Env, options: unknown, typed?: { buildLine: string; argv: readonly string[] }): RunMemo {
    const environment = Object.keys(env)
      .filter((k) => k.startsWith('GO') || k === 'HOME')
      .sort()
      .map((k) => `${k}=${env[k]}`);
    const key = cache.hash(['run', buildId, resolve(cwd), JSON.stringify(options), ...environment]);
    return new RunMemo(cache, key, env, typed ? fastRecordKey(typed.buildLine, resolve(cwd), typed.argv, environment) : null);
  }

  /** The recorded output, when there is one and the disk still shows what its run read. */
  reuse(): RunRecord | undefined {
    const record = this.cache.getRun(this.key);
    return record && stampHolds(record.stamp) ? record : undefined;
  }

  /** A Disk for the run's load, recording its stamp. */
  disk(): Disk {
    return new Disk({ record: true, immutableRoot: moduleCacheRoot(this.env) });
  }

  /** Records a successful run's output, read through `disk`. */
  remember(disk: Disk, output: { stdout: string; stderr: string }): void {
    const stamp = disk.stamp();
    if (stamp.taken - stamp.newest < settleMs) return;
    this.cache.putRun(this.key, { stamp, stdout: output.stdout, stderr: output.stderr });
    this.rememberForShell(stamp, output);
  }

  /**
   * Writes the shell's record of a run (fast-record.ts), after the run and after every
   * reuse: node reuses a run only when the shell found no record it could check, or found
   * one that no longer holds (say a directory's times moved), so the next re-run is the
   * shell's again.
   */
  rememberForShell(stamp: DiskStamp, output: { stdout: string; stderr: string }): void {
    if (this.fastKey === null) return;
    const text = fastRecordText(stamp, output);
    if (text !== null) this.cache.putFast(this.fastKey, text);
  }
}
