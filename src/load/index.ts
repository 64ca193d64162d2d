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
// stay relative) because gc prints them so. Every file and directory is read through the
// load's Disk (disk.ts), which refuses a source file over maxSourceBytes before reading it.

import { basename, join } from 'node:path';
import { UserError } from '../errors.js';
import { constraintsHold, goodOSArchFile } from './constraint.js';
import { linuxAmd64, type BuildTarget } from './target.js';
import { Disk } from './disk.js';

export { linuxAmd64, type BuildTarget } from './target.js';
export { Disk, maxSourceBytes, stampHolds, type DiskStamp } from './disk.js';
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

export function loadPackages(args: readonly string[], target: BuildTarget = linuxAmd64, disk: Disk = new Disk()): Package[] {
  if (args.length === 0) throw new UserError('goesc: no Go files or directories given');
  const goFiles = args.filter((a) => a.endsWith('.go'));
  if (goFiles.length > 0 && goFiles.length !== args.length) {
    throw new UserError('goesc: named files must all be .go files of one package, not mixed with directories');
  }
  if (goFiles.length > 0) {
    const files = goFiles.map((f) => ({ filename: f, bytes: readExisting(f, disk) }));
    return [{ dir: dirOf(goFiles[0]!), files }];
  }
  const packages: Package[] = [];
  for (const arg of args) {
    if (arg === '...' || arg.endsWith('/...')) {
      const root = arg === '...' ? '.' : arg.slice(0, -4) || '/';
      requireDir(root, disk);
      const found = walk(root, target, disk);
      if (found.length === 0) throw new UserError(`goesc: pattern ${arg}: no Go packages found`);
      packages.push(...found);
      continue;
    }
    requireDir(arg, disk);
    const pkg = loadDir(arg, target, disk);
    if (!pkg) throw new UserError(`goesc: no Go files in ${arg}`);
    packages.push(pkg);
  }
  return packages;
}

/** The buildable Go files of one directory, or null when there are none. */
export function loadDir(dir: string, target: BuildTarget = linuxAmd64, disk: Disk = new Disk()): Package | null {
  const names = (disk.list(dir) ?? throwUnreadable(dir))
    .filter((e) => !e.isDirectory() && e.name.endsWith('.go'))
    .map((e) => e.name)
    .sort();
  const files: SourceFile[] = [];
  for (const name of names) {
    if (!chosen(name, target)) continue;
    const filename = join(dir, name);
    const bytes = disk.readSource(filename, dir === '.' ? name : filename);
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

function walk(root: string, target: BuildTarget, disk: Disk): Package[] {
  const out: Package[] = [];
  const visit = (dir: string) => {
    const pkg = loadDir(dir, target, disk);
    if (pkg) out.push(pkg);
    const subdirs = (disk.list(dir) ?? throwUnreadable(dir))
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

function readExisting(path: string, disk: Disk): Uint8Array {
  try {
    return disk.readSource(path);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`goesc: open ${path}: ${reason(err)}`);
  }
}

/** A source file's bytes, read as a load reads it (Disk.readSource), outside any load. */
export function readSourceFile(path: string, name: string = path): Uint8Array {
  return new Disk().readSource(path, name);
}

/** A directory that cannot be listed, though it was found to be one a moment before. */
function throwUnreadable(dir: string): never {
  throw new UserError(`goesc: open ${dir}: cannot read directory`);
}

function requireDir(path: string, disk: Disk): void {
  let isDir = false;
  try {
    isDir = disk.stat(path).isDirectory();
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
