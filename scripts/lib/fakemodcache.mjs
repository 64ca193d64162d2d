// A copy of testdata/modules/modcache that the real go command accepts offline.
//
// The committed fake cache holds what goesc reads (extracted modules and
// cache/download/.../@v/V.mod). The go command also wants, per module version, a `.ziphash`
// beside the .mod (else it counts the module as not downloaded) and go.sum lines in the
// main module. Both carry golang.org/x/mod/sumdb/dirhash's Hash1: the SHA-256 of the lines
// `sha256(file) + "  " + name + "\n"` over the sorted file names (`path@version/rel`),
// base64-encoded after `h1:`. With GOPROXY=off, GOSUMDB=off and GOFLAGS=-mod=mod the go
// command then builds against the copy without a network.

import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const sha256 = (b) => createHash('sha256').update(b).digest();

/** dirhash.Hash1 over [name, bytes] pairs. */
export function hash1(files) {
  const sorted = [...files].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const lines = sorted.map(([name, bytes]) => `${sha256(bytes).toString('hex')}  ${name}\n`).join('');
  return 'h1:' + sha256(Buffer.from(lines)).toString('base64');
}

function walkFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walkFiles(p));
    else out.push(p);
  }
  return out;
}

/** module.UnescapePath: `!x` → `X`. */
const unescape = (s) => s.replace(/!([a-z])/g, (_, c) => c.toUpperCase());

/**
 * Copy the fake cache to `dst`, write a .ziphash for every extracted module, and return
 * the go.sum lines for every module version in it (zip and go.mod hashes).
 */
export function prepareFakeCache(src, dst) {
  cpSync(src, dst, { recursive: true });
  const sums = [];
  const visit = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const p = join(dir, e.name);
      if (p === join(dst, 'cache')) continue;
      const at = e.name.lastIndexOf('@');
      if (at < 0) {
        visit(p);
        continue;
      }
      const escPath = relative(dst, p).slice(0, relative(dst, p).lastIndexOf('@'));
      const escVersion = e.name.slice(at + 1);
      const modPath = unescape(escPath);
      const version = unescape(escVersion);
      const prefix = `${modPath}@${version}/`;
      const files = walkFiles(p).map((f) => [prefix + relative(p, f), readFileSync(f)]);
      const zipHash = hash1(files);
      const dl = join(dst, 'cache', 'download', escPath, '@v');
      writeFileSync(join(dl, `${escVersion}.ziphash`), zipHash);
      const modFile = join(dl, `${escVersion}.mod`);
      sums.push(`${modPath} ${version} ${zipHash}`);
      if (existsSync(modFile)) sums.push(`${modPath} ${version}/go.mod ${hash1([['go.mod', readFileSync(modFile)]])}`);
    }
  };
  visit(dst);
  return sums.sort();
}

/** The environment under which the go command builds offline against the prepared cache. */
export function fakeCacheEnv(cache, extra = {}) {
  return {
    ...process.env,
    GOMODCACHE: cache,
    GOPROXY: 'off',
    GOSUMDB: 'off',
    GOFLAGS: '-mod=mod',
    GOWORK: 'off',
    CGO_ENABLED: '0',
    GOTOOLCHAIN: 'local',
    ...extra,
  };
}

export const isDirectory = (p) => existsSync(p) && statSync(p).isDirectory();
