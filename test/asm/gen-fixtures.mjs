#!/usr/bin/env node
// node test/asm/gen-fixtures.mjs [--check]
//
// Asks the installed Go compiler for the `-S -l` listing of every asm test program
// (examples/seed.go and test/asm/cases/*.go, read in place) and stores it reduced to what
// the tests compare (per function: the TEXT directive and the runtime allocation calls with
// their lines and newobject types) as test/asm/fixtures/<name>.S.json, with the Go version
// and the exact command. Generated, never edited by hand. Needs `npm run build` first (it
// reads listings with dist/asm/gcasm.js, the reader the tests use).
// --check: exit 1 when a stored fixture differs from what the compiler says now.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goEnv, makeStdImportcfg, stableJson } from '../../scripts/lib/gotool.mjs';
import { readListing } from '../../dist/asm/gcasm.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixturesDir = join(root, 'test/asm/fixtures');

export function asmPrograms() {
  const cases = readdirSync(join(root, 'test/asm/cases')).filter((n) => n.endsWith('.go')).sort();
  return ['examples/seed.go', ...cases.map((n) => `test/asm/cases/${n}`)];
}

export function fixtureOf(program) {
  return join(fixturesDir, basename(program).replace(/\.go$/, '.S.json'));
}

function packagePath(program) {
  const m = /^package\s+(\w+)/m.exec(readFileSync(join(root, program), 'utf8'));
  return m && m[1] === 'main' ? 'main' : 'p';
}

const check = process.argv.includes('--check');
const cfg = makeStdImportcfg();
const out = mkdtempSync(join(tmpdir(), 'goesc-asmfx-'));
const compiler = join(goEnv('GOTOOLDIR'), 'compile');
const version = goEnv('GOVERSION');
let stale = 0;
try {
  for (const program of asmPrograms()) {
    const pkg = packagePath(program);
    const args = [`-p=${pkg}`, `-importcfg=${cfg.path}`, '-o', join(out, 'x.o'), `-trimpath=${root}=>`, '-S', '-l', program];
    const r = spawnSync(compiler, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 << 20 });
    if (r.status !== 0) throw new Error(`${program}: ${r.stderr}`);
    const fixture = {
      generator: 'node test/asm/gen-fixtures.mjs; do not edit',
      go: version,
      command: `go tool compile -p=${pkg} -importcfg=<std export cfg> -o <tmp>.o -trimpath=<repo>=> -S -l ${program}`,
      program,
      funcs: readListing(r.stdout),
    };
    const text = stableJson(fixture);
    const path = fixtureOf(program);
    if (check) {
      if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
        console.log(`stale: ${path}`);
        stale++;
      }
    } else writeFileSync(path, text);
  }
} finally {
  cfg.cleanup();
  rmSync(out, { recursive: true, force: true });
}
if (stale) process.exit(1);
