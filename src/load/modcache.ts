// Where the go command keeps downloaded modules (cmd/go/internal/modfetch/cache.go) and how
// it spells module paths on disk (golang.org/x/mod/module.EscapePath): the cache is shared by
// case-insensitive file systems, so each upper-case letter is written as `!` and its lower
// case (`github.com/BurntSushi/toml` → `github.com/!burnt!sushi/toml`), in paths and versions.
//
//   $GOMODCACHE/<escaped path>@<escaped version>/            the extracted module
//   $GOMODCACHE/cache/download/<escaped path>/@v/<v>.mod     its go.mod, kept for every module
//                                                           of the graph, extracted or not

import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** module.EscapePath / EscapeVersion: `!` before each upper-case letter, which is lowered. */
export function escapeModulePath(p: string): string {
  return p.replace(/[A-Z]/g, (c) => '!' + c.toLowerCase());
}

/** The module cache root, as `go env GOMODCACHE` computes it, from the given environment. */
export function moduleCacheRoot(env: Readonly<Record<string, string | undefined>>): string {
  if (env.GOMODCACHE) return env.GOMODCACHE;
  const gopath = env.GOPATH?.split(delimiter).find((p) => p !== '');
  if (gopath) return join(gopath, 'pkg', 'mod');
  const home = env.HOME || homedir();
  return join(home, 'go', 'pkg', 'mod');
}

/** The directory of an extracted module version in the cache. */
export function moduleCacheDir(cacheRoot: string, path: string, version: string): string {
  return join(cacheRoot, `${escapeModulePath(path)}@${escapeModulePath(version)}`);
}

/** The cached go.mod of a module version (present for every module the graph needed). */
export function moduleCacheModFile(cacheRoot: string, path: string, version: string): string {
  return join(cacheRoot, 'cache', 'download', escapeModulePath(path), '@v', `${escapeModulePath(version)}.mod`);
}
