// Which files a document is analysed with. As the go command builds it, a Go file belongs to
// the package of its directory when the file is one of that package's buildable files
// (src/load's choice for linux/amd64); the other files come from disk, or from the editor
// when it has them open (unsaved text wins). A file the package leaves out (a _test.go file,
// a file excluded by a build constraint, a directory holding two packages, an unsaved
// buffer with no directory) is analysed alone, as `goesc FILE` would. Only reads: nothing
// here writes to disk.

import { basename, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalConstraint, goBuildLine, goodOSArchFile, linuxAmd64, loadDir } from '../load/index.js';
import type { SourcePackage } from './analysis.js';

export interface OpenFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** A file: URI's path, or null for any other scheme or a malformed URI. */
export function uriPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

export function isGoFile(path: string): boolean {
  return path.endsWith('.go');
}

/** Whether `path` lies under one of the workspace roots (no roots: every file does). */
export function inWorkspace(path: string, roots: readonly string[]): boolean {
  if (roots.length === 0) return true;
  return roots.some((r) => path === r || path.startsWith(r.endsWith(sep) ? r : r + sep));
}

/**
 * The packages to analyse for the open files of one directory: the directory's package
 * (disk files with open ones laid over them) and every open file that it leaves out, alone.
 */
export function packagesOfDir(dir: string, open: readonly OpenFile[]): SourcePackage[] {
  const overlay = new Map(open.map((f) => [f.path, f.bytes]));
  let disk: { filename: string; bytes: Uint8Array }[] = [];
  try {
    disk = (loadDir(dir)?.files ?? []).map((f) => ({ filename: f.filename, bytes: overlay.get(f.filename) ?? f.bytes }));
  } catch {
    // No such directory, unreadable, or two packages in it: every open file stands alone.
    disk = [];
  }
  const members = new Set(disk.map((f) => f.filename));
  // An open file that is not (yet) on disk joins when go/build would choose it.
  for (const f of open) {
    if (!members.has(f.path) && disk.length > 0 && chosenByGoBuild(f) && samePackageClause(f.bytes, disk[0]!.bytes)) {
      disk.push({ filename: f.path, bytes: f.bytes });
      members.add(f.path);
    }
  }
  const out: SourcePackage[] = [];
  if (open.some((f) => members.has(f.path))) out.push({ dir, files: disk.sort((a, b) => (a.filename < b.filename ? -1 : 1)) });
  for (const f of open) if (!members.has(f.path)) out.push({ dir, files: [{ filename: f.path, bytes: f.bytes }] });
  return out;
}

export function dirOf(path: string): string {
  return dirname(path);
}

function chosenByGoBuild(f: OpenFile): boolean {
  const name = basename(f.path);
  if (name.startsWith('_') || name.startsWith('.') || name.endsWith('_test.go')) return false;
  if (!goodOSArchFile(name, linuxAmd64)) return false;
  const expr = goBuildLine(f.bytes);
  return expr === null || evalConstraint(expr, linuxAmd64);
}

function samePackageClause(a: Uint8Array, b: Uint8Array): boolean {
  return packageName(a) === packageName(b);
}

function packageName(bytes: Uint8Array): string | null {
  const head = new TextDecoder().decode(bytes.subarray(0, 16 * 1024)).replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ' ');
  return /^\s*package\s+([\p{L}_][\p{L}\p{N}_]*)/u.exec(head)?.[1] ?? null;
}

