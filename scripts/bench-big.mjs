#!/usr/bin/env node
// `npm run bench:big [-- --shape S --kib N --runs R --nistec --crosscheck]`: big literals and
// long lines must cost time and memory in proportion to their bytes (issue 19, item 8).
//
// Shapes: a generated one-line file of about --kib KiB holding one table literal (ints,
// strings, struct literals `{1, "a"}`, keyed elements `K: V`, a []byte of hex bytes like an
// embedded asset) plus a function with an escaping local. Both tools run as fresh processes
// under /usr/bin/time (wall, peak RSS): `goesc --cache off -m -l big.go` and `go tool compile
// -p big -m -l big.go`; the best wall time of --runs is kept, and the -m lines are compared
// (shape `stmts` is a function of that many bytes of statements on its one line instead)
// as multisets. --nistec times std's crypto/internal/fips140/nistec (p256_table.go is one
// 523 KB literal): goesc on its directory against gc compiling that package alone, with
// the flags `go build` gives it (importcfg from `go list -export`, -c=2). Budgets (exit 1
// when over): time 5x gc's, peak RSS 10x gc's (4x for nistec).
//
// --crosscheck parses every .go file under GOROOT/src twice, once with every composite
// literal read outside Ohm (src/syntax/big-literals.ts, threshold 0) and once with none,
// and reports any file whose AST or errors differ (needs `npm run build`).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { minus } from './lib/multiset.mjs';

const shapes = {
  ints: { head: 'var table = []int{', elem: (i) => String((i * 7919) % 1000003) },
  strings: { head: 'var table = []string{', elem: (i) => JSON.stringify(`s${(i * 7919) % 1000003}`) },
  structs: { head: 'type T struct {\n\ta int\n\tb string\n}\n\nvar table = []T{', elem: (i) => `{${i}, "a"}` },
  keyed: { head: 'var table = map[int]int{', elem: (i) => `${i}: ${(i * 31) % 1000}` },
  bytes: { head: 'var table = []byte{', elem: (i) => `0x${((i * 37) & 255).toString(16).padStart(2, '0')}` },
  // not a literal: one function of as many statements, on the same one line
  stmts: { head: 'var sink *int\n\nfunc g() { var a int; ', elem: (i) => (i % 10 === 0 ? `if a > ${i} { a-- }` : `a = ${i} + a`), sep: '; ', tail: 'sink = &a ' },
};

const argv = yargs(hideBin(process.argv))
  .option('shape', { type: 'array', string: true, default: Object.keys(shapes), describe: `shapes to run: ${Object.keys(shapes).join(', ')}` })
  .option('kib', { type: 'number', default: 1024, describe: 'size of each generated file' })
  .option('runs', { type: 'number', default: 1, describe: 'runs per tool; the best wall time is kept' })
  .option('nistec', { type: 'boolean', default: false, describe: "time std's crypto/internal/fips140/nistec instead of the shapes" })
  .option('crosscheck', { type: 'boolean', default: false, describe: 'compare the fast literal path with Ohm on all of GOROOT/src' })
  .option('keep', { type: 'boolean', default: false, describe: 'keep the temp directory' })
  .strict()
  .parseSync();

const root = resolve(new URL('..', import.meta.url).pathname);
const goesc = join(root, 'bin', 'goesc.js');
const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
const work = mkdtempSync(join(tmpdir(), 'goesc-big-'));

/** Runs argv under /usr/bin/time: wall seconds, peak RSS in KiB, output. */
function timed(cmd, cwd = work) {
  const r = spawnSync('/usr/bin/time', ['-f', 'GOESC_TIME %e %M', ...cmd], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const m = /GOESC_TIME ([\d.]+) (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`no timing for ${cmd.join(' ')}: ${r.stderr.slice(-300)}`);
  const stderr = r.stderr.replace(/^.*GOESC_TIME.*$/m, '').trim();
  return { wall: Number(m[1]), rssKiB: Number(m[2]), status: r.status, stdout: r.stdout, stderr };
}
const best = (run) => Array.from({ length: Math.max(1, argv.runs) }, run).reduce((a, b) => (b.wall < a.wall ? b : a));
const f = (x, d = 2) => x.toFixed(d);
const mib = (k) => Math.round(k / 1024);
const toLines = (s) => s.split('\n').filter((l) => l !== '');

const problems = [];

/** Times both tools and prints one comparison; `norm` maps gc's lines to goesc's spelling. */
function compare(label, ours, theirs, rssBudget, norm = (l) => l) {
  const gcOut = toLines(theirs.stdout + theirs.stderr).map(norm);
  const ourOut = toLines(ours.stdout);
  const missing = minus(gcOut, ourOut);
  const extra = minus(ourOut, gcOut);
  const wallRatio = ours.wall / theirs.wall;
  const rssRatio = ours.rssKiB / theirs.rssKiB;
  console.log(
    `${label.padEnd(8)} goesc ${f(ours.wall)} s ${String(mib(ours.rssKiB)).padStart(4)} MiB | gc ${f(theirs.wall)} s ${String(mib(theirs.rssKiB)).padStart(4)} MiB | ` +
      `ratio time ${f(wallRatio)}x, RSS ${f(rssRatio)}x | -m lines ${ourOut.length}, gc only ${missing.length}, goesc only ${extra.length}`,
  );
  for (const l of missing.slice(0, 3)) console.log(`  gc only:    ${l}`);
  for (const l of extra.slice(0, 3)) console.log(`  goesc only: ${l}`);
  if (ours.status !== 0) problems.push(`${label}: goesc exited ${ours.status}: ${ours.stderr.split('\n')[0]}`);
  if (missing.length + extra.length > 0) problems.push(`${label}: goesc disagrees with gc`);
  if (wallRatio > 5) problems.push(`${label}: time ${f(wallRatio)}x gc's, over 5x`);
  if (rssRatio > rssBudget) problems.push(`${label}: peak RSS ${f(rssRatio)}x gc's, over ${rssBudget}x`);
}

if (argv.crosscheck) {
  const dist = join(root, 'dist', 'syntax');
  if (!existsSync(join(dist, 'big-literals.js'))) {
    console.error('bench:big: dist/syntax missing; run `npm run build` first');
    process.exit(2);
  }
  const { parseFile } = await import(join(dist, 'index.js'));
  const parseWith = (threshold, path, src) => JSON.stringify(parseFile(path, src, undefined, { bigLiteralTokens: threshold }));
  let files = 0;
  let differ = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.go')) {
        const src = readFileSync(p);
        files++;
        if (parseWith(0, p, src) !== parseWith(1 << 30, p, src)) {
          differ++;
          console.log(`differs: ${p}`);
        }
      }
    }
  };
  walk(join(goroot, 'src'));
  console.log(`crosscheck: ${files} files under ${goroot}/src, ${differ} differ`);
  if (differ > 0) problems.push(`${differ} files parse differently with the fast literal path`);
} else if (argv.nistec) {
  const pkg = 'crypto/internal/fips140/nistec';
  const dir = join(goroot, 'src', pkg);
  const cfg = join(work, 'importcfg');
  writeFileSync(cfg, execFileSync('go', ['list', '-export', '-deps', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', pkg], { encoding: 'utf8' }));
  const files = execFileSync('go', ['list', '-f', '{{join .GoFiles "\\n"}}', pkg], { encoding: 'utf8' }).trim().split('\n');
  const version = execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim();
  const lang = version.replace(/^(go\d+\.\d+).*/, '$1');
  const ours = best(() => timed([process.execPath, goesc, '--cache', 'off', '-m', '-l', '-p', pkg, dir]));
  const theirs = best(() =>
    timed(['go', 'tool', 'compile', '-o', join(work, 'pkg.a'), '-p', pkg, `-lang=${lang}`, '-std', '-c=2', '-m', '-l', '-importcfg', cfg, ...files.map((x) => join(dir, x))]),
  );
  console.log(`${pkg} (${files.length} files; best of ${argv.runs}; ${version})`);
  // goesc names the files as given (dir/...), gc too: same spelling
  compare('nistec', ours, theirs, 4);
} else {
  console.log(`one-line files of ${argv.kib} KiB (best of ${argv.runs})`);
  for (const name of argv.shape) {
    const shape = shapes[name];
    if (!shape) throw new Error(`unknown shape ${name}`);
    const parts = ['package big\n\n', shape.head];
    let size = 0;
    for (let i = 0; size < argv.kib * 1024; i++) {
      const e = `${shape.elem(i)}${shape.sep ?? ', '}`;
      parts.push(e);
      size += e.length;
    }
    parts.push(shape.tail ?? '', '}\n\nfunc f() *int {\n\tx := 3\n\treturn &x\n}\n');
    const file = `${name}.go`;
    writeFileSync(join(work, file), parts.join(''));
    const ours = best(() => timed([process.execPath, goesc, '--cache', 'off', '-m', '-l', file]));
    const theirs = best(() => timed(['go', 'tool', 'compile', '-p', 'big', '-o', join(work, 'big.o'), `-trimpath=${work}=>`, '-m', '-l', file]));
    compare(name, ours, theirs, 10);
  }
}

if (argv.keep) console.log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
for (const p of problems) console.log(`bench:big: ${p}`);
process.exit(problems.length > 0 ? 1 : 0);
