// Package loading: command-line PATH arguments → packages of Go source files.
//
// Two entry points. loadGraph (graph.ts) is the go command's view: inside a module it takes
// patterns and import paths, resolves imports through go.mod/go.work, vendor/ and the module
// cache (modules.ts), and returns every non-std package the named ones need, in dependency
// order; outside a module it falls back on loadPackages. loadPackages, below, is the
// module-less view of a PATH list, with the rules that follow.
//
// As the go command reads them (docs/CLI.md): `.go` files name one package (taken as
// given, as `go tool compile` takes them); a directory is the package in it; `DIR/...` is
// every package beneath DIR, skipping `testdata`, `vendor` and dot- or underscore-named
// folders. In a directory, files are chosen for the target (target.ts) as go/build does:
// `_test.go` and `_`/`.`-prefixed names left out, `_GOOS`/`_GOARCH` suffixes and
// `//go:build` lines evaluated. File names keep the user's spelling (relative paths
// stay relative) because gc prints them so. Every source file is read through
// readSourceFile, which refuses a file over maxSourceBytes before reading it (see there).

import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UserError } from '../errors.js';
import { constraintsHold, goodOSArchFile } from './constraint.js';
import { linuxAmd64, type BuildTarget } from './target.js';

export { linuxAmd64, type BuildTarget } from './target.js';
export { evalConstraint, goodOSArchFile, goBuildLine, constraintsHold, plusBuildLines, evalPlusBuild } from './constraint.js';

export interface SourceFile {
  /** As the user named it (directory arguments joined with the file's base name). */
  readonly filename: string;
  readonly bytes: Uint8Array;
}

export interface Package {
  readonly dir: string;
  readonly files: readonly SourceFile[];
}

export function loadPackages(args: readonly string[], target: BuildTarget = linuxAmd64): Package[] {
  if (args.length === 0) throw new UserError('goesc: no Go files or directories given');
  const goFiles = args.filter((a) => a.endsWith('.go'));
  if (goFiles.length > 0 && goFiles.length !== args.length) {
    throw new UserError('goesc: named files must all be .go files of one package, not mixed with directories');
  }
  if (goFiles.length > 0) {
    const files = goFiles.map((f) => ({ filename: f, bytes: readExisting(f) }));
    return [{ dir: dirOf(goFiles[0]!), files }];
  }
  const packages: Package[] = [];
  for (const arg of args) {
    if (arg === '...' || arg.endsWith('/...')) {
      const root = arg === '...' ? '.' : arg.slice(0, -4) || '/';
      requireDir(root);
      const found = walk(root, target);
      if (found.length === 0) throw new UserError(`goesc: pattern ${arg}: no Go packages found`);
      packages.push(...found);
      continue;
    }
    requireDir(arg);
    const pkg = loadDir(arg, target);
    if (!pkg) throw new UserError(`goesc: no Go files in ${arg}`);
    packages.push(pkg);
  }
  return packages;
}

/** The buildable Go files of one directory, or null when there are none. */
export function loadDir(dir: string, target: BuildTarget = linuxAmd64): Package | null {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.isDirectory() && e.name.endsWith('.go'))
    .map((e) => e.name)
    .sort();
  const files: SourceFile[] = [];
  for (const name of names) {
    if (!chosen(name, target)) continue;
    const filename = join(dir, name);
    const bytes = readSourceFile(filename, dir === '.' ? name : filename);
    if (!constraintsHold(bytes, target)) continue;
    // go/build with CgoEnabled false: a file that imports "C" is a cgo file and left out.
    if (importsC(bytes)) continue;
    files.push({ filename: dir === '.' ? name : filename, bytes });
  }
  // As the go command: one directory, one package.
  const clauses = files.map((f) => ({ file: basename(f.filename), name: packageClauseName(f.bytes) }));
  const first = clauses.find((c) => c.name !== null);
  const other = first && clauses.find((c) => c.name !== null && c.name !== first.name);
  if (first && other) {
    throw new UserError(`goesc: found packages ${first.name} (${first.file}) and ${other.name} (${other.file}) in ${dir}`);
  }
  return files.length > 0 ? { dir, files } : null;
}

/**
 * The name in a file's package clause, read past leading comments without parsing; null
 * when there is none to read (the parser will then say what is wrong).
 */
function packageClauseName(bytes: Uint8Array): string | null {
  const head = new TextDecoder().decode(bytes.subarray(0, 64 * 1024));
  const code = head.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ' ');
  const m = /^\s*package\s+([\p{L}_][\p{L}\p{N}_]*)/u.exec(code);
  return m ? m[1]! : null;
}

/**
 * Whether the file's import section names "C" (go/build's isCgo), read without parsing:
 * comments are blanked first (cgo's preamble is one), then the imports between the package
 * clause and the first other declaration are matched.
 */
function importsC(bytes: Uint8Array): boolean {
  const raw = bytes.subarray(0, 256 * 1024);
  if (Buffer.from(raw.buffer, raw.byteOffset, raw.length).indexOf('"C"') < 0) return false;
  const head = new TextDecoder().decode(raw);
  const code = head.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ' ');
  const imports = /^\s*package\s+\S+([\s\S]*?)(?=^(?:func|type|var|const)\b|$(?![\s\S]))/m.exec(code)?.[1] ?? '';
  return /\bimport\s*(?:[\p{L}_.][\p{L}\p{N}_]*\s*)?"C"|\bimport\s*\([^)]*"C"/u.test(imports);
}

function chosen(name: string, target: BuildTarget): boolean {
  if (name.startsWith('_') || name.startsWith('.')) return false;
  if (name.endsWith('_test.go')) return false;
  return goodOSArchFile(name, target);
}

function walk(root: string, target: BuildTarget): Package[] {
  const out: Package[] = [];
  const visit = (dir: string) => {
    const pkg = loadDir(dir, target);
    if (pkg) out.push(pkg);
    const subdirs = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !skipDir(e.name))
      .map((e) => e.name)
      .sort();
    for (const d of subdirs) visit(dir === '.' ? d : join(dir, d));
  };
  visit(root);
  return out;
}

function skipDir(name: string): boolean {
  return name === 'testdata' || name === 'vendor' || name.startsWith('.') || name.startsWith('_');
}

function readExisting(path: string): Uint8Array {
  try {
    return readSourceFile(path);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`goesc: open ${path}: ${reason(err)}`);
  }
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

/**
 * A source file's bytes, refused with `NAME: file too large (N bytes; limit M bytes)` (exit 2)
 * when it is over maxSourceBytes. A regular file is refused from its size before anything is
 * read; anything else (a pipe, a device) is read up to one byte past the limit, so an endless
 * stream is refused too rather than filling memory. `name` is how messages spell the file.
 * System errors (ENOENT, EISDIR, ...) are thrown as they are, for the caller to word.
 */
export function readSourceFile(path: string, name: string = path): Uint8Array {
  const tooLarge = (size: string) => new UserError(`${name}: file too large (${size}; limit ${maxSourceBytes} bytes)`);
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
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

function requireDir(path: string): void {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch (err) {
    throw new UserError(`goesc: stat ${path}: ${reason(err)}`);
  }
  if (!isDir) throw new UserError(`goesc: ${path} is not a directory or a .go file`);
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (err as Error).message;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : path.slice(0, i) || '/';
}

export { loadGraph, findMainModules, type LoadedPackage, type LoadedFile, type ImportRef, type PackageGraph, type LoadGraphOptions } from './graph.js';
export type { ModuleRef, MainModule } from './modules.js';
export { displayFileName, shortPath } from './paths.js';
