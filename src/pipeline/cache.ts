// The result cache: one entry per package, so that a re-run over unchanged code reads its
// answers instead of computing them (a warm run parses nothing).
//
// An entry's key is a hash of everything its answers depend on: goesc's build, the rule
// model (every value of it), the flags that change facts, the package's path and files (names
// and bytes), and the keys of the packages it imports, so a change anywhere below a package
// changes its key. An entry holds the package's facts (what its importers need) and the
// lines it prints, per -m level asked so far.
//
// An entry's file is three lines: a header {format, key, facts, lines}, the facts' JSON and
// the lines' JSON, `facts` and `lines` the SHA-256 of those two lines' bytes as written. A
// reader verifies what it uses, by hashing the text read (not by serialising the parsed
// value again): a warm run whose named packages all have their lines reads and checks only
// the lines, which are most of an entry's bytes but cheap to check, and never the facts.
// Lines are kept compact (each file and function name once per entry, a line as a row),
// since a warm run reads all of them. Entries are written atomically (a temporary file in
// the same folder, then a rename), so a run never reads half an entry, also with two runs
// at once; the CLI's writes go on in the background while it computes (CacheOptions). An
// entry that does not parse, does not carry its own key, or whose checksum does not match
// is ignored (and rewritten by the run that needed it), never trusted. The folder is kept
// under a size bound by removing the least recently written entries.
//
// Beside the packages' entries, the cache keeps parses (getParse, putParse): the std stubs'
// (pipeline/prepare.ts), which the models fix, so a run parses them once per build of goesc
// rather than once per run; and whole runs' outputs with the stamp of the disk they were
// computed from (getRun, putRun; pipeline/run-memo.ts), also as records the shell part of
// bin/goesc.js checks and prints itself (putFast; pipeline/fast-record.ts). They live in the same folders under
// the same rules. The size bound is enforced by a scan of the folder at most once an hour
// (the time of the last one kept in trim.txt), as the go command trims its cache at most
// once a day: a scan stats every entry, which costs more than a warm run itself.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../diag/index.js';
import type { PackageFacts } from './facts.js';
import type { ParseResult } from '../syntax/index.js';
import { decodeDeferred, encodeDeferred } from '../syntax/deferred.js';
import type { Env } from './context.js';
import type { DiskStamp } from '../load/disk.js';

const FORMAT = 3;

/** What one entry holds. */
export interface CacheEntry {
  readonly facts: PackageFacts;
  /** The package's lines by -m level ("1", "2"), as far as asked. */
  readonly lines: Readonly<Record<string, readonly Diagnostic[]>>;
}

export interface CacheOptions {
  /** Total bytes kept; older entries go past it (default 256 MiB). */
  readonly maxBytes?: number;
  /** Least time between two scans for the size bound, in ms (default an hour). */
  readonly trimIntervalMs?: number;
  /**
   * Writes go on in the background (node's thread pool) while the run computes, each still
   * a temporary file renamed into place; `flushed()` waits for them. Otherwise (the
   * default) each write is done when put returns.
   */
  readonly background?: boolean;
}

/** A whole run's output, and what the disk showed its load (load/disk.ts). */
export interface RunRecord {
  readonly stamp: DiskStamp;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where the cache lives: $GOESC_CACHE, else $XDG_CACHE_HOME/goesc, else ~/.cache/goesc. */
export function cacheDir(env: Env): string | null {
  if (env['GOESC_CACHE']) return env['GOESC_CACHE'];
  if (env['XDG_CACHE_HOME']) return join(env['XDG_CACHE_HOME'], 'goesc');
  if (env['HOME']) return join(env['HOME'], '.cache', 'goesc');
  return null;
}

/** A hash of parts, for keys. */
export function hashParts(parts: readonly (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    const bytes = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
    h.update(String(bytes.length));
    h.update(':');
    h.update(bytes);
  }
  return h.digest('hex');
}

export class ResultCache {
  private written = 0;
  /** The background writes not done yet (CacheOptions.background). */
  private readonly pending = new Set<Promise<unknown>>();

  /** The hash keys are made with (hashParts). */
  hash(parts: readonly (string | Uint8Array)[]): string {
    return hashParts(parts);
  }

  constructor(
    readonly dir: string,
    private readonly options: CacheOptions = {},
  ) {}

  /** Where the entry of one kind (a package's, a parse's, a run's) stored under key lives. */
  private file(key: string, kind: '' | '.parse' | '.run' = ''): string {
    return join(this.dir, key.slice(0, 2), `${key}${kind}.json`);
  }

  /**
   * The entry stored under key, or undefined when absent or not to be trusted. With
   * `linesOnly`, only its lines are read and verified (its facts are then empty).
   */
  get(key: string, linesOnly = false): CacheEntry | undefined {
    const read = this.read(this.file(key), key);
    if (!read) return undefined;
    try {
      const nl = read.body.indexOf('\n');
      if (nl < 0) return undefined;
      const linesText = read.body.slice(nl + 1);
      if (read.header.lines !== checksum(linesText)) return undefined;
      const lines = decodeLines(JSON.parse(linesText) as CompactLines);
      if (!lines) return undefined;
      if (linesOnly) return { facts: { path: '', tags: {} }, lines };
      const factsText = read.body.slice(0, nl);
      if (read.header.facts !== checksum(factsText)) return undefined;
      const facts = JSON.parse(factsText) as PackageFacts;
      if (typeof facts?.path !== 'string' || typeof facts.tags !== 'object' || facts.tags === null) return undefined;
      return { facts, lines };
    } catch {
      return undefined;
    }
  }

  /** Stores an entry atomically: a temporary file beside it, then a rename. */
  put(key: string, entry: CacheEntry): void {
    const facts = JSON.stringify(entry.facts);
    const lines = JSON.stringify(encodeLines(entry.lines));
    this.write(this.file(key), `${JSON.stringify({ format: FORMAT, key, facts: checksum(facts), lines: checksum(lines) })}\n${facts}\n${lines}`);
  }

  /**
   * A parse stored under key (putParse), or undefined when absent or not to be trusted. Its
   * file is a header line {format, key, parse} and the ParseResult as syntax/deferred.ts
   * writes it (its declarations' types decoded when first read), `parse` the SHA-256 of that
   * text, verified on every read.
   */
  getParse(key: string): ParseResult | undefined {
    const read = this.read(this.file(key, '.parse'), key);
    if (!read || read.header.parse !== checksum(read.body)) return undefined;
    try {
      const r = decodeDeferred(read.body);
      if (typeof r?.file !== 'object' || !Array.isArray(r.errors)) return undefined;
      return r;
    } catch {
      return undefined;
    }
  }

  /** A run stored under key (putRun), or undefined when absent or not to be trusted. */
  getRun(key: string): RunRecord | undefined {
    const read = this.read(this.file(key, '.run'), key);
    if (!read || read.header.run !== checksum(read.body)) return undefined;
    try {
      const r = JSON.parse(read.body) as RunRecord;
      if (typeof r?.stdout !== 'string' || typeof r.stderr !== 'string' || !Array.isArray(r.stamp?.seen)) return undefined;
      return r;
    } catch {
      return undefined;
    }
  }

  /** Stores a run atomically, as put does: a header {format, key, run} and the record's JSON. */
  putRun(key: string, record: RunRecord): void {
    const body = JSON.stringify(record);
    this.write(this.file(key, '.run'), `${JSON.stringify({ format: FORMAT, key, run: checksum(body) })}\n${body}`);
  }

  /**
   * Stores a shell-checked run record (fast-record.ts) atomically as `<key>.fast`: text the
   * shell part of bin/goesc.js reads, whose first line carries the checksum of the rest.
   */
  putFast(key: string, text: string): void {
    this.write(join(this.dir, key.slice(0, 2), `${key}.fast`), text);
  }

  /**
   * A stored file's header line (parsed, of this format and key) and the text after it, or
   * undefined when the file is absent or its header is not one; the caller verifies the
   * rest against the header's checksums.
   */
  private read(file: string, key: string): { header: Readonly<Record<string, unknown>>; body: string } | undefined {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const nl = text.indexOf('\n');
    if (nl < 0) return undefined;
    try {
      const header = JSON.parse(text.slice(0, nl)) as Record<string, unknown> | null;
      if (header?.format !== FORMAT || header.key !== key) return undefined;
      return { header, body: text.slice(nl + 1) };
    } catch {
      return undefined;
    }
  }

  /** Whether a parse is stored under key (not read, so not verified: a hint). */
  hasParse(key: string): boolean {
    return existsSync(this.file(key, '.parse'));
  }

  /**
   * Stores a parse atomically, as put does. A ParseResult is plain data (syntax/ast.ts: no
   * node reached twice, no property undefined), which JSON carries exactly, as the parse
   * pool's results already do; syntax/deferred.ts sets its declarations' types apart.
   */
  putParse(key: string, result: ParseResult): void {
    const body = encodeDeferred(result);
    this.write(this.file(key, '.parse'), `${JSON.stringify({ format: FORMAT, key, parse: checksum(body) })}\n${body}`);
  }

  private write(file: string, text: string): void {
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch {
      return;
    }
    this.written++;
    if (this.options.background) {
      // A cold run wrote its entries on its main thread, and a busy disk made that costly:
      // a quarter to three quarters of a second over 169 packages (cpu profiles, the same
      // run on the same machine minutes apart).
      const done = writeFile(tmp, text)
        .then(() => rename(tmp, file))
        .catch(() => unlink(tmp).catch(() => {}))
        .finally(() => this.pending.delete(done));
      this.pending.add(done);
      return;
    }
    try {
      writeFileSync(tmp, text);
      renameSync(tmp, file);
    } catch {
      // A cache that cannot be written is no cache: the run's answers do not depend on it.
      try {
        unlinkSync(tmp);
      } catch {
        /* never created */
      }
    }
  }

  /** Resolves once every write asked for so far is done (renamed into place, or given up). */
  async flushed(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /**
   * After a run that wrote entries, unless the last scan was less than trimIntervalMs ago:
   * remove the oldest entries past the size bound.
   */
  trim(): void {
    if (this.written === 0) return;
    const stampFile = join(this.dir, 'trim.txt');
    const interval = this.options.trimIntervalMs ?? 60 * 60 * 1000;
    try {
      if (Date.now() - statSync(stampFile).mtimeMs < interval) return;
    } catch {
      /* never trimmed */
    }
    this.write(stampFile, `${Date.now()}\n`);
    const max = this.options.maxBytes ?? 256 * 1024 * 1024;
    const files: { path: string; size: number; mtime: number }[] = [];
    let total = 0;
    for (const sub of safeReaddir(this.dir)) {
      for (const name of safeReaddir(join(this.dir, sub))) {
        const path = join(this.dir, sub, name);
        try {
          const st = statSync(path);
          // Entries only: not the resident goesc's socket (cli/daemon.ts) in daemon/.
          if (!st.isFile()) continue;
          files.push({ path, size: st.size, mtime: st.mtimeMs });
          total += st.size;
        } catch {
          /* removed by another run */
        }
      }
    }
    if (total <= max) return;
    files.sort((a, b) => a.mtime - b.mtime);
    for (const f of files) {
      if (total <= max * 0.8) break;
      try {
        unlinkSync(f.path);
        total -= f.size;
      } catch {
        /* removed by another run */
      }
    }
  }

  /** Removes every entry (`goesc cache clean`). */
  clean(): void {
    for (const sub of safeReaddir(this.dir)) rmSync(join(this.dir, sub), { recursive: true, force: true });
  }
}

/**
 * An entry's lines as stored: each file and function name once, each line a row
 * [file, line, col, message, kind, func] (func -1 when none).
 */
interface CompactLines {
  readonly files: readonly string[];
  readonly funcs: readonly string[];
  readonly levels: Readonly<Record<string, readonly (readonly [number, number, number, string, string, number])[]>>;
}

function encodeLines(lines: CacheEntry['lines']): CompactLines {
  const files = new Map<string, number>();
  const funcs = new Map<string, number>();
  const index = (m: Map<string, number>, s: string) => {
    let i = m.get(s);
    if (i === undefined) m.set(s, (i = m.size));
    return i;
  };
  const levels: Record<string, (readonly [number, number, number, string, string, number])[]> = {};
  for (const [level, diags] of Object.entries(lines)) {
    levels[level] = diags.map((d) => [index(files, d.file), d.line, d.col, d.message, d.kind, d.func === undefined ? -1 : index(funcs, d.func)] as const);
  }
  return { files: [...files.keys()], funcs: [...funcs.keys()], levels };
}

/** The lines back from their stored form; undefined when it is not one. */
function decodeLines(c: CompactLines): CacheEntry['lines'] | undefined {
  if (!Array.isArray(c?.files) || !Array.isArray(c.funcs) || typeof c.levels !== 'object' || c.levels === null) return undefined;
  const out: Record<string, Diagnostic[]> = {};
  for (const [level, rows] of Object.entries(c.levels)) {
    if (!Array.isArray(rows)) return undefined;
    const diags: Diagnostic[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const [f, line, col, message, kind, fn] = rows[i]!;
      const file = c.files[f];
      if (typeof file !== 'string' || typeof message !== 'string') return undefined;
      diags[i] = fn >= 0 ? { file, line, col, message, kind: kind as Diagnostic['kind'], func: c.funcs[fn]! } : { file, line, col, message, kind: kind as Diagnostic['kind'] };
    }
    out[level] = diags;
  }
  return out;
}

/** The checksum of an entry's JSON text (JSON never holds a raw newline: one line). */
function checksum(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * goesc's build (dist/build-id.json, written by the build), read once: `id`, part of every
 * key (a run from the sources, as in tests, has none and gets a key of its own that no build
 * shares), and `line`, the file's first line as the shell part of bin/goesc.js reads it for
 * its re-run key (fast-record.ts; null when not built).
 */
export function readBuild(distDir: string): { readonly id: string; readonly line: string | null } {
  let line: string | null = null;
  try {
    line = readFileSync(join(distDir, 'build-id.json'), 'utf8').split('\n')[0]! || null;
    const b = JSON.parse(line ?? '') as { version?: string; id?: string };
    if (b.id) return { id: `${b.version ?? ''}+${b.id}`, line };
  } catch {
    /* not built */
  }
  return { id: `source+${process.pid}+${Date.now()}`, line };
}
