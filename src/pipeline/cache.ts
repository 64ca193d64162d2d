// The result cache: one entry per package, so that a re-run over unchanged code reads its
// answers instead of computing them (a warm run parses nothing).
//
// An entry's key is a hash of everything its answers depend on: goesc's build, the rule
// model (every value of it), the flags that change facts, the package's path and files (names
// and bytes), and the keys of the packages it imports, so a change anywhere below a package
// changes its key. An entry holds the package's facts (what its importers need) and the
// lines it prints, per -m level asked so far.
//
// An entry's file is two lines: a header {format, key, sum} and the entry's JSON, `sum`
// the SHA-256 of that second line's bytes as written, so checking it hashes the text read
// (a warm run checks every entry it uses) instead of serialising the parsed entry again.
// Entries are written atomically (a temporary file in the same folder, then a rename), so a
// run never reads half an entry, also with two runs at once. An entry that does not parse,
// does not carry its own key, or whose checksum does not match is ignored (and rewritten by
// the run that needed it), never trusted. The folder is kept under a size bound by removing
// the least recently written entries.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diag/index.js';
import type { PackageFacts } from './facts.js';
import type { Env } from './context.js';

const FORMAT = 2;

/** What one entry holds. */
export interface CacheEntry {
  readonly facts: PackageFacts;
  /** The package's lines by -m level ("1", "2"), as far as asked. */
  readonly lines: Readonly<Record<string, readonly Diagnostic[]>>;
}

export interface CacheOptions {
  /** Total bytes kept; older entries go past it (default 256 MiB). */
  readonly maxBytes?: number;
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

  /** The hash keys are made with (hashParts). */
  hash(parts: readonly (string | Uint8Array)[]): string {
    return hashParts(parts);
  }

  constructor(
    readonly dir: string,
    private readonly options: CacheOptions = {},
  ) {}

  private file(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The entry stored under key, or undefined when absent or not to be trusted. */
  get(key: string): CacheEntry | undefined {
    let text: string;
    try {
      text = readFileSync(this.file(key), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const nl = text.indexOf('\n');
      if (nl < 0) return undefined;
      const header = JSON.parse(text.slice(0, nl)) as { format?: number; key?: string; sum?: string };
      if (header.format !== FORMAT || header.key !== key) return undefined;
      const body = text.slice(nl + 1);
      if (header.sum !== checksum(body)) return undefined;
      const e = JSON.parse(body) as CacheEntry;
      if (typeof e.facts?.path !== 'string' || typeof e.facts.tags !== 'object' || typeof e.lines !== 'object') return undefined;
      return e;
    } catch {
      return undefined;
    }
  }

  /** Stores an entry atomically: a temporary file beside it, then a rename. */
  put(key: string, entry: CacheEntry): void {
    const file = this.file(key);
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
      const body = JSON.stringify(entry);
      writeFileSync(tmp, `${JSON.stringify({ format: FORMAT, key, sum: checksum(body) })}\n${body}`);
      renameSync(tmp, file);
      this.written++;
    } catch {
      // A cache that cannot be written is no cache: the run's answers do not depend on it.
      try {
        unlinkSync(tmp);
      } catch {
        /* never created */
      }
    }
  }

  /** After a run that wrote entries: remove the oldest ones past the size bound. */
  trim(): void {
    if (this.written === 0) return;
    const max = this.options.maxBytes ?? 256 * 1024 * 1024;
    const files: { path: string; size: number; mtime: number }[] = [];
    let total = 0;
    for (const sub of safeReaddir(this.dir)) {
      for (const name of safeReaddir(join(this.dir, sub))) {
        const path = join(this.dir, sub, name);
        try {
          const st = statSync(path);
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
 * goesc's build id (dist/build-id.json, written by the build), part of every key; a run
 * from the sources (tests) has none and gets a key of its own that no build shares.
 */
export function readBuildId(distDir: string): string {
  try {
    const b = JSON.parse(readFileSync(join(distDir, 'build-id.json'), 'utf8')) as { version?: string; id?: string };
    if (b.id) return `${b.version ?? ''}+${b.id}`;
  } catch {
    /* not built */
  }
  return `source+${process.pid}+${Date.now()}`;
}
