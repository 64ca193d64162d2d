// One load's view of the disk. Every directory listing, stat and file read of a load goes
// through its Disk, for two reasons:
//  - a directory is listed once per load: resolving an import looks at the same directories
//    again and again (does it hold .go files, is there a go.mod between it and its module's
//    root, then the package scan), and one readdir per directory keeps a 150-package graph
//    to a few hundred system calls. Each load makes its own Disk and drops it when done, so
//    a long-running process (the LSP) always sees the disk as it is now;
//  - when asked to record, it keeps what it saw of each path, which is the load's stamp:
//    a file's size, times and inode (taken before its bytes are read, so a write after the
//    stat shows as a change), a directory's entries, a path's absence. A later run whose
//    disk shows the same stamp (stampHolds) would load the same packages from the same
//    bytes, which is how a whole run's output may be reused (pipeline/run-memo.ts), as the go
//    command reuses a test result from the files' sizes and times.
//
// The module cache is read-only by the go command's contract (each extracted module is
// immutable, verified against go.sum when downloaded), so under it the stamp keeps only that
// each module directory, or each cached go.mod, is still there, not every file read in it.

import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync, type Dirent, type Stats } from 'node:fs';
import { UserError } from '../errors.js';

/**
 * What a load saw: [what, path, signature] rows, `what` one of `stat` (a file's or
 * directory's stat, `-` when missing), `list` (a directory's entries) and `here` (under the
 * module cache: `1` a module that is there, `0` a path that is not); `newest` the latest
 * modification time among the mutable files, and `taken` when the load began
 * (both in ms since the epoch).
 */
export interface DiskStamp {
  readonly seen: readonly (readonly [string, string, string])[];
  readonly newest: number;
  readonly taken: number;
}

export interface DiskOptions {
  /** Keep a stamp of what the load sees (stamp()). */
  readonly record?: boolean;
  /** The module cache's root, whose modules are immutable. */
  readonly immutableRoot?: string | null;
}

/**
 * The largest source file goesc reads, in bytes: 2 MiB. Measured with `npm run bench:scale`
 * on this project's 2-core machine: dense generated code costs about 11 CPU-s and 330 MiB of
 * peak RSS per MiB (2.1 MB: 24 s, 655 MiB), and a file of one big table literal costs about
 * 1.1 GiB per MiB (2 MB: 30 s, 2.2 GiB), so 2 MiB keeps the worst case within about a minute
 * and well within node's default 4 GiB heap. Every file of $GOROOT/src's std packages is
 * smaller (the largest, time/tzdata/zzipdata.go, is 1.37 MB).
 */
export const maxSourceBytes = 2 * 1024 * 1024;

export class Disk {
  private readonly listings = new Map<string, Dirent[] | null>();
  private readonly seen: Map<string, readonly [string, string, string]> | null;
  private newest = 0;
  private readonly taken = Date.now();
  private readonly immutablePrefix: string | null;

  constructor(options: DiskOptions = {}) {
    this.seen = options.record ? new Map() : null;
    this.immutablePrefix = options.immutableRoot ? options.immutableRoot.replace(/\/+$/, '') + '/' : null;
  }

  /** The entries of `dir`, or null when it cannot be read (missing, not a directory). */
  list(dir: string): Dirent[] | null {
    const hit = this.listings.get(dir);
    if (hit !== undefined) return hit;
    let entries: Dirent[] | null;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      entries = null;
    }
    this.listings.set(dir, entries);
    if (this.seen) {
      if (this.immutable(dir) !== null) this.noteImmutable(dir, entries !== null);
      else this.seen.set(`list ${dir}`, ['list', dir, listingSignature(entries)]);
    }
    return entries;
  }

  /** stat(2) of `path`, thrown as node throws it when missing. */
  stat(path: string): Stats {
    let st: Stats;
    try {
      st = statSync(path);
    } catch (e) {
      this.note(path, null);
      throw e;
    }
    this.note(path, st);
    return st;
  }

  isFile(path: string): boolean {
    try {
      return this.stat(path).isFile();
    } catch {
      return false;
    }
  }

  isDir(path: string): boolean {
    try {
      return this.stat(path).isDirectory();
    } catch {
      return false;
    }
  }

  /** A text file's contents (go.mod, go.work, vendor/modules.txt); throws as readFileSync. */
  readText(path: string): string {
    const bytes = this.readSource(path);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }

  /**
   * A source file's bytes, refused with `NAME: file too large (N bytes; limit M bytes)` (exit 2)
   * when it is over maxSourceBytes. A regular file is refused from its size before anything is
   * read; anything else (a pipe, a device) is read up to one byte past the limit, so an endless
   * stream is refused too rather than filling memory. `name` is how messages spell the file.
   * System errors (ENOENT, EISDIR, ...) are thrown as they are, for the caller to word.
   */
  readSource(path: string, name: string = path): Uint8Array {
    const tooLarge = (size: string) => new UserError(`${name}: file too large (${size}; limit ${maxSourceBytes} bytes)`);
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (e) {
      this.note(path, null);
      throw e;
    }
    try {
      const st = fstatSync(fd);
      this.note(path, st);
      if (st.isFile() && st.size > maxSourceBytes) throw tooLarge(`${st.size} bytes`);
      // Sized from stat for regular files (one read in the common case), growing otherwise.
      // Not zero-filled: only the bytes read are kept.
      let buf: Uint8Array = Buffer.allocUnsafe(st.isFile() ? st.size + 1 : 64 * 1024);
      let n = 0;
      for (;;) {
        if (n === buf.length) {
          if (n > maxSourceBytes) throw tooLarge(`more than ${maxSourceBytes} bytes`);
          const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxSourceBytes + 1));
          bigger.set(buf);
          buf = bigger;
        }
        const got = readSync(fd, buf, n, buf.length - n, null);
        if (got === 0) break;
        n += got;
      }
      if (n > maxSourceBytes) throw tooLarge(st.isFile() ? `${n} bytes` : `more than ${maxSourceBytes} bytes`);
      return Buffer.from(buf.buffer, buf.byteOffset, n);
    } finally {
      closeSync(fd);
    }
  }

  /** What this load saw (only with `record`). */
  stamp(): DiskStamp {
    if (!this.seen) throw new Error('Disk.stamp: not recording');
    return { seen: [...this.seen.values()], newest: this.newest, taken: this.taken };
  }

  private note(path: string, st: Stats | null): void {
    if (!this.seen) return;
    if (this.immutable(path) !== null) {
      this.noteImmutable(path, st !== null);
      return;
    }
    this.seen.set(`stat ${path}`, ['stat', path, statSignature(st)]);
    if (st && !st.isDirectory()) this.newest = Math.max(this.newest, st.mtimeMs);
  }

  /** Under the module cache: that the module is there, or that the path is not. */
  private noteImmutable(path: string, present: boolean): void {
    const at = present ? this.immutable(path)! : path;
    this.seen!.set(`here ${at}`, ['here', at, present ? '1' : '0']);
  }

  /**
   * For a path in the module cache: the immutable thing it belongs to (the extracted
   * module's directory, `<root>/<path>@<version>`, or the path itself below cache/download);
   * null elsewhere.
   */
  private immutable(path: string): string | null {
    const prefix = this.immutablePrefix;
    if (prefix === null || !path.startsWith(prefix)) return null;
    const rest = path.slice(prefix.length);
    if (rest.startsWith('cache/download/')) return path;
    const at = rest.indexOf('@');
    if (at < 0) return null;
    const end = rest.indexOf('/', at);
    return end < 0 ? path : prefix + rest.slice(0, end);
  }
}

/** Whether the disk still shows what `stamp` saw. */
export function stampHolds(stamp: DiskStamp): boolean {
  for (const [what, path, sig] of stamp.seen) {
    if (what === 'list') {
      let entries: Dirent[] | null;
      try {
        entries = readdirSync(path, { withFileTypes: true });
      } catch {
        entries = null;
      }
      if (listingSignature(entries) !== sig) return false;
    } else if (what === 'here') {
      let present = true;
      try {
        statSync(path);
      } catch {
        present = false;
      }
      if ((sig === '1') !== present) return false;
    } else {
      let st: Stats | null;
      try {
        st = statSync(path);
      } catch {
        st = null;
      }
      if (statSignature(st) !== sig) return false;
    }
  }
  return true;
}

function statSignature(st: Stats | null): string {
  if (!st) return '-';
  const kind = st.isFile() ? 'f' : st.isDirectory() ? 'd' : 'o';
  // A directory's size and times change with its entries, which `list` rows cover where
  // they matter; a directory that is only looked for (a pattern's base) counts as present.
  if (kind === 'd') return 'd';
  return `${kind} ${st.size} ${st.mtimeMs} ${st.ctimeMs} ${st.ino}`;
}

/**
 * A listing as a load can act on it: the source files (Go, assembly, .syso), go.mod and
 * go.work, and the directories a walk may enter (not `.`- or `_`-named); a build's output
 * or a dot-folder beside them does not change what a load sees.
 */
function listingSignature(entries: readonly Dirent[] | null): string {
  if (!entries) return '-';
  return entries
    .filter((e) => (e.isDirectory() ? !e.name.startsWith('.') && !e.name.startsWith('_') : /\.(go|s|S|syso)$|^go\.(mod|work)$/.test(e.name)))
    .map((e) => `${e.isDirectory() ? 'd' : e.isFile() ? 'f' : e.isSymbolicLink() ? 'l' : 'o'}${e.name}`)
    .sort()
    .join('/');
}
