// Directory listings memoized for the duration of one load. Resolving an import looks at
// the same directories again and again (does it hold .go files, is there a go.mod between
// it and its module's root, then the package scan itself); one readdir per directory per
// load keeps a 150-package graph to a few hundred system calls. Each load makes its own
// DirCache and drops it when done, so a long-running process (the LSP) always sees the
// disk as it is now.

import { readdirSync, type Dirent } from 'node:fs';

export class DirCache {
  private readonly memo = new Map<string, Dirent[] | null>();

  /** The entries of `dir`, or null when it cannot be read (missing, not a directory). */
  list(dir: string): Dirent[] | null {
    const hit = this.memo.get(dir);
    if (hit !== undefined) return hit;
    let entries: Dirent[] | null;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      entries = null;
    }
    this.memo.set(dir, entries);
    return entries;
  }
}
