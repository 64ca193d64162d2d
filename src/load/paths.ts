// File names as the go command prints them (cmd/go/internal/base/path.go ShortPath, and
// work.Shell.reportCmd's rewriting of the compiler's output).
//
// go build hands the compiler absolute file names and then rewrites its output: walking
// from the package directory up to `/`, each ancestor is replaced by its path relative to
// the working directory when that is shorter. The first (deepest) such ancestor decides:
//
//   cwd = module root, package in it        ./main.go:3:6
//   cwd = module root, package inner/       inner/x.go:3:6
//   cwd = cmd/, package inner/              ../inner/x.go:3:6
//   a dependency in the module cache        /root/go/pkg/mod/github.com/.../x.go:3:6
//
// (The go command caches a package's compiler output with the names of the run that
// compiled it, so a warm run from another directory replays the old names; goesc prints
// the names of the current run.)

import { dirname, relative } from 'node:path';

/** base.ShortPath: the relative path from cwd when shorter than the absolute one. */
export function shortPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs) || '.';
  return rel.length < abs.length ? rel : abs;
}

/**
 * How go build prints `absFile` in the compiler output of the package in `pkgDir`, run from
 * `cwd` (all absolute). The file need not be the package's own: a generic function
 * instantiated in the package is reported in its defining file, and that name goes through
 * the same rewriting, from the compiled package's directory up (so the package at the
 * module root prints `./inner/inner.go` for a body from inner/, while cmd/app prints it as
 * `./inner/inner.go` too, through the module root ancestor). As in replacePrefix, the
 * ancestor matches as a plain string prefix.
 */
export function displayFileName(absFile: string, pkgDir: string, cwd: string): string {
  return displayNamer(pkgDir, cwd)(absFile);
}

/** displayFileName for the files of one package, its ancestors' short paths computed once. */
export function displayNamer(pkgDir: string, cwd: string): (absFile: string) => string {
  const shorter: (readonly [dir: string, rel: string])[] = [];
  for (let dir = pkgDir; ; dir = dirname(dir)) {
    const rel = relative(cwd, dir) || '.';
    if (rel.length < dir.length) shorter.push([dir, rel]);
    if (dirname(dir) === dir) break;
  }
  return (absFile) => {
    for (const [dir, rel] of shorter) if (absFile.startsWith(dir)) return rel + absFile.slice(dir === '/' ? 1 : dir.length);
    return absFile;
  };
}
