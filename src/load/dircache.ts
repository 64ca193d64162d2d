// Directory listings memoized for the duration of one load. Resolving an import looks at
// the same directories again and again (does it hold .go files, is there a go.mod between
// it and its module's root, then the package scan itself); one readdir per directory per
// load keeps a 150-package graph to a few hundred system calls. The memo lives only while
// withDirCache's callback runs (loading is synchronous), so a long-running process (the LSP)
// always sees the disk as it is now.

import { readdirSync, type Dirent } from 'node:fs';

let memo: Map<string, Dirent[] | null> | null = null;

/** Run `fn` with listings memoized; nested calls share the outer memo. */
export function withDirCache<T>(fn: () => T): T {
  if (memo) return fn();
  memo = new Map();
  try {
    return fn();
  } finally {
    memo = null;
  }
}

/** The entries of `dir`, or null when it cannot be read (missing, not a directory). */
export function listDir(dir: string): Dirent[] | null {
  const hit = memo?.get(dir);
  if (hit !== undefined) return hit;
  let entries: Dirent[] | null;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    entries = null;
  }
  memo?.set(dir, entries);
  return entries;
}
