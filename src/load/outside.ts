// Files named outside any module (`goesc -m prog.go` in a folder without go.mod), as the go
// command takes them: the package is the files, its imports are read from their headers
// (header.ts), std imports are left to the models, and any other import is the go command's
// error (no module to provide it). The loader (graph.ts) uses it for files it read from the
// disk; the browser playground for its editor's one file, so both print the same errors.
// Reads nothing itself.

import type { ImportRef, LoadedFile, LoadedPackage } from './graph.js';
import { readHeader } from './header.js';

/** search.IsStandardImportPath: no dot in the first path element. */
export function isStandardImportPath(path: string): boolean {
  const i = path.indexOf('/');
  const first = i < 0 ? path : path.slice(0, i);
  return !first.includes('.');
}

/** The imports of the files (first use of each path, sorted by path) and the errors of non-std ones. */
export function outsideModuleImports(files: readonly LoadedFile[]): { imports: ImportRef[]; errors: string[] } {
  const errors: string[] = [];
  const firstUse = new Map<string, ImportRef>();
  for (const f of files) {
    for (const imp of readHeader(f.bytes).imports) {
      if (firstUse.has(imp.path) || imp.path === 'C') continue;
      const std = isStandardImportPath(imp.path);
      const pos = { file: f.filename, line: imp.line, col: imp.col };
      firstUse.set(imp.path, { path: imp.path, std, pos });
      if (!std) {
        errors.push(`${f.filename}:${imp.line}:${imp.col}: no required module provides package ${imp.path}: go.mod file not found in current directory or any parent directory; see 'go help modules'`);
      }
    }
  }
  return { imports: [...firstUse.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), errors };
}

/** The package of files named outside a module, compiled as `-p importPath` (no asm, no cgo files left out). */
export function outsideModulePackage(files: readonly LoadedFile[], dir: string, importPath: string): { pkg: LoadedPackage; errors: string[] } {
  const { imports, errors } = outsideModuleImports(files);
  return {
    pkg: {
      importPath,
      name: files.length > 0 ? (readHeader(files[0]!.bytes).packageName ?? '') : '',
      dir,
      files,
      imports,
      module: null,
      hasAsm: false,
      cgoFilesOmitted: [],
      named: true,
    },
    errors,
  };
}
