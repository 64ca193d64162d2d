#!/usr/bin/env node
// Records what the real go command prints for the test modules of testdata/modules, as the
// fixtures goesc's module loading is checked against (npm run fixtures:modules).
//
// testdata/modules is copied whole to a temporary directory (so that relative paths between
// the modules and the fake module cache are the ones a run inside the repository sees), the
// copy of modcache/ gets the .ziphash files and each module the go.sum lines the go command
// insists on (scripts/lib/fakemodcache.mjs), and for each case
//
//   cd <module>[/<subdir>] && go build -gcflags='<PATTERN>=<FLAGS>' <PATTERN...>
//
// runs offline (GOPROXY=off GOSUMDB=off GOFLAGS=-mod=mod CGO_ENABLED=0 GOTOOLCHAIN=local;
// without -mod=mod for the vendored module, with GOWORK for the workspace). Its stderr (where
// go build prints compiler output, `# pkg` headers included, and its errors) is written to
// testdata/modules/<case file>, after a header of `#!` lines giving the Go version, the
// directory, the environment, the command and its exit status. Absolute paths into the
// temporary copy are written as $TESTDATA (testdata/modules).
//
// Usage: node scripts/record-module-fixtures.mjs [--check]   (--check: compare, write nothing)

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeCacheEnv, prepareFakeCache } from './lib/fakemodcache.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const testdata = join(repo, 'testdata', 'modules');
const check = process.argv.includes('--check');

/**
 * The cases: module directory, working directory below it, go build patterns, the -gcflags
 * pattern(s, one -gcflags each), extra environment, and the fixture's name stem (`<stem>.m.txt`, `<stem>.m2.txt`;
 * with `inlining: ['-m', '-m=2']`, also `<stem>.m-inline.txt`, `<stem>.m2-inline.txt`, without -l).
 */
const cases = [
  { module: 'multi', patterns: ['./...'], gcPattern: './...', stem: 'expected' },
  { module: 'multi', cwd: 'cmd/app', patterns: ['example.com/multi/...'], gcPattern: 'example.com/multi/...', stem: 'expected.from-cmd-app' },
  { module: 'deps', patterns: ['.'], gcPattern: ['example.com/...', 'example.net/...', 'github.com/...'], stem: 'expected' },
  { module: 'oldmvs', patterns: ['.'], gcPattern: ['example.com/...', 'example.net/...', 'github.com/...'], stem: 'expected' },
  { module: 'vendored', patterns: ['.'], gcPattern: ['example.com/...', 'example.net/...', 'github.com/...'], stem: 'expected', env: { GOFLAGS: '' } },
  { module: 'replaced', patterns: ['./...'], gcPattern: ['example.com/...', 'example.net/...', 'github.com/...'], stem: 'expected' },
  { module: 'work', patterns: ['./a/...', './b/...'], gcPattern: ['example.com/...'], stem: 'expected', env: { GOWORK: '', GOFLAGS: '' }, noSum: true },
  { module: 'errs/cycle', patterns: ['./...'], gcPattern: './...', stem: 'expected', only: ['-m -l'], env: { GOFLAGS: '' } },
  { module: 'errs/missing', patterns: ['.'], gcPattern: '.', stem: 'expected', only: ['-m -l'], env: { GOFLAGS: '' } },
  { module: 'errs/noreq', patterns: ['.'], gcPattern: '.', stem: 'expected', only: ['-m -l'], env: { GOFLAGS: '' } },
  { module: 'errs/badmod', patterns: ['.'], gcPattern: '.', stem: 'expected', only: ['-m -l'], env: { GOFLAGS: '' } },
  { module: 'depflags', patterns: ['.'], gcPattern: '.', stem: 'expected' },
  { module: 'wrappers', patterns: ['./...'], gcPattern: './...', stem: 'expected' },
  // held unnamed: built with the inliner, so its inlinable methods have inline bodies
  { module: 'wrappers', patterns: ['./promoted'], gcPattern: './promoted', stem: 'expected.promoted' },
  { module: 'inlined', patterns: ['.'], gcPattern: ['example.com/...', 'example.net/...'], stem: 'expected', inlining: ['-m'] },
];
const flagSets = [
  { flags: '-m -l', suffix: 'm' },
  { flags: '-m=2 -l', suffix: 'm2' },
];
// A case with `inlining` (the flags) is recorded with the inliner on too.
const inliningFlagSets = [{ flags: '-m', suffix: 'm-inline' }, { flags: '-m=2', suffix: 'm2-inline' }];

const which = spawnSync('go', ['version'], { encoding: 'utf8' });
if (which.status !== 0) {
  console.error('record-module-fixtures: the go command is needed to record fixtures; not found on PATH');
  process.exit(1);
}
const goVersion = which.stdout.trim();

// go build replays a package's cached compiler output with the file names of the run that
// compiled it (another working directory gives other names), so every recorded command gets
// its own action IDs: a distinct `-c=N` (the backend's concurrency, which changes no line
// of -m output) in its -gcflags.
let cacheSalt = 0;

const tmp = mkdtempSync(join(tmpdir(), 'goesc-modfix-'));
let mismatches = 0;
try {
  const copy = join(tmp, 'modules');
  cpSync(testdata, copy, { recursive: true, filter: (src) => !/\/expected[^/]*\.txt$/.test(src) });
  rmSync(join(copy, 'modcache'), { recursive: true, force: true });
  const sums = prepareFakeCache(join(testdata, 'modcache'), join(copy, 'modcache'));
  const cache = join(copy, 'modcache');
  for (const c of cases) {
    const modDir = join(copy, c.module);
    if (!c.noSum && c.module !== 'vendored') writeFileSync(join(modDir, 'go.sum'), sums.join('\n') + '\n');
    const cwd = c.cwd ? join(modDir, c.cwd) : modDir;
    for (const { flags, suffix } of [...flagSets, ...inliningFlagSets.filter((f) => c.inlining?.includes(f.flags))]) {
      if (c.only && !c.only.includes(flags)) continue;
      const env = fakeCacheEnv(cache, c.env ?? {});
      const gcPatterns = Array.isArray(c.gcPattern) ? c.gcPattern : [c.gcPattern];
      const salt = ++cacheSalt;
      const args = ['build', ...gcPatterns.map((g) => `-gcflags=${g}=${flags} -c=${salt}`), ...c.patterns];
      // A fresh copy of go.mod each run: -mod=mod may rewrite it (oldmvs's MVS upgrade).
      const gomod = join(modDir, 'go.mod');
      const before = existsSync(gomod) ? readFileSync(gomod) : null;
      const r = spawnSync('go', args, { cwd, env, encoding: 'utf8' });
      if (before) writeFileSync(gomod, before);
      const shownEnv = ['GOPROXY', 'GOSUMDB', 'GOFLAGS', 'GOWORK', 'CGO_ENABLED', 'GOTOOLCHAIN'].map((k) => `${k}=${env[k] ?? ''}`).join(' ');
      const header = [
        `#! ${goVersion}`,
        `#! cd testdata/modules/${c.module}${c.cwd ? '/' + c.cwd : ''}`,
        `#! GOMODCACHE=$TESTDATA/modcache (plus .ziphash files; go.sum written) ${shownEnv}`,
        `#! go ${args.map((a) => (/[\s=]/.test(a) ? `'${a}'` : a)).join(' ')}`,
        `#! exit ${r.status}`,
        '#! (each `# package` block as go build printed it; blocks sorted by import path, since go build prints them as compiles finish)',
      ];
      const body = sortPackageBlocks((r.stderr + r.stdout).split(copy).join('$TESTDATA'));
      const text = header.join('\n') + '\n' + body;
      const out = join(testdata, c.module, `${c.stem}.${suffix}.txt`);
      if (check) {
        const old = existsSync(out) ? readFileSync(out, 'utf8') : '';
        if (old.split('\n').slice(1).join('\n') !== text.split('\n').slice(1).join('\n')) {
          mismatches++;
          console.log(`differs: ${out}`);
        }
      } else {
        writeFileSync(out, text);
        console.log(`${out.slice(repo.length + 1)}: ${body.split('\n').filter(Boolean).length} lines, exit ${r.status}`);
      }
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (check && mismatches > 0) process.exit(1);

/**
 * go build prints one block per package (`# path` then its lines) in the order compiles
 * finish, which varies from run to run; sorting the blocks by path makes the fixture stable.
 * Lines before the first block (the go command's own errors) stay first.
 */
function sortPackageBlocks(text) {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const head = [];
  const blocks = [];
  for (const l of lines) {
    if (l.startsWith('# ')) blocks.push([l]);
    else if (blocks.length > 0) blocks.at(-1).push(l);
    else head.push(l);
  }
  blocks.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out = [...head, ...blocks.flat()];
  return out.length > 0 ? out.join('\n') + '\n' : '';
}
