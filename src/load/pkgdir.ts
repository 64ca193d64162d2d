// One package directory, its files chosen as go/build chooses them (go/build/build.go
// Context.Import with CgoEnabled false, Compiler "gc"): `.go` files whose names do not start
// with `_` or `.`, are not `_test.go`, pass the `_GOOS`/`_GOARCH` name rule and whose build
// constraints hold; a file that imports "C" is a cgo file and, cgo being off, left out (its
// name is kept so that the caller can say so); files of `package documentation` are left
// out, as go/build does. `.s`/`.S` (or `.syso`) files chosen by the same rules make hasAsm:
// gc then accepts function declarations without bodies (go build leaves out -complete).

import type { Disk } from './disk.js';
import { join } from 'node:path';
import { constraintsHold, goodOSArchFile } from './constraint.js';
import { readHeader, type FileHeader } from './header.js';
import type { BuildTarget } from './target.js';

export interface ScannedFile {
  readonly absPath: string;
  readonly bytes: Uint8Array;
  readonly header: FileHeader;
}

export type ScanResult =
  | {
      readonly kind: 'ok';
      readonly name: string;
      readonly files: readonly ScannedFile[];
      readonly hasAsm: boolean;
      /** Base names of the cgo files left out, sorted. */
      readonly cgoFilesOmitted: readonly string[];
    }
  /** No `.go` file at all (go/build's NoGoError without ignored files). */
  | { readonly kind: 'no-go-files' }
  /** `.go` files, but none chosen. */
  | { readonly kind: 'excluded' }
  /** Two package clauses (go/build's MultiplePackageError). */
  | { readonly kind: 'mixed'; readonly message: string };

function nameChosen(name: string, target: BuildTarget): boolean {
  if (name.startsWith('_') || name.startsWith('.')) return false;
  if (name.endsWith('_test.go')) return false;
  return goodOSArchFile(name.replace(/\.(s|S)$/, '.go'), target);
}

/** Choose and read the files of the package in `dir` (absolute) for `target`. */
export function scanPackageDir(dir: string, target: BuildTarget, disk: Disk): ScanResult {
  const listing = disk.list(dir);
  if (!listing) return { kind: 'no-go-files' };
  const entries = listing.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name).sort();
  const goNames = entries.filter((n) => n.endsWith('.go'));
  if (goNames.length === 0) return { kind: 'no-go-files' };
  const files: ScannedFile[] = [];
  const cgo: string[] = [];
  let pkgName: string | null = null;
  let pkgFile = '';
  for (const name of goNames) {
    if (!nameChosen(name, target)) continue;
    const absPath = join(dir, name);
    const bytes = disk.readSource(absPath);
    if (!constraintsHold(bytes, target)) continue;
    const header = readHeader(bytes);
    if (header.imports.some((i) => i.path === 'C')) {
      cgo.push(name);
      continue;
    }
    if (header.packageName === 'documentation') continue;
    if (header.packageName !== null) {
      if (pkgName === null) {
        pkgName = header.packageName;
        pkgFile = name;
      } else if (header.packageName !== pkgName) {
        return { kind: 'mixed', message: `found packages ${pkgName} (${pkgFile}) and ${header.packageName} (${name}) in ${dir}` };
      }
    }
    files.push({ absPath, bytes, header });
  }
  if (files.length === 0) return { kind: 'excluded' };
  // go build passes gc -complete (every function has a body) unless the package has
  // non-Go files to link: .s/.S (their build constraints read like .go files') or .syso
  // (binary; only the name rule applies). cgo's .c files do not count with cgo off.
  const hasAsm = entries.some((n) => {
    if (/\.syso$/.test(n)) return nameChosen(n.replace(/\.syso$/, '.go'), target);
    if (!/\.(s|S)$/.test(n) || !nameChosen(n, target)) return false;
    return constraintsHold(disk.readSource(join(dir, n)), target);
  });
  return { kind: 'ok', name: pkgName ?? '', files, hasAsm, cgoFilesOmitted: cgo };
}
