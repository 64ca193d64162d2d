#!/usr/bin/env node
// `npm run bench:scale [-- --lines N --seed S --runs R]`: one large generated file, goesc
// against the real compiler, side by side (issue 9, item 2: 30,000 lines within a minute).
//
// The file comes from src/reliability/scale.ts (through dist: run `npm run build` first): a
// deterministic, valid Go package of structs, methods, interfaces, closures, slices, maps and
// calls across the file, written to a fresh temp directory. Both tools run as fresh
// processes under /usr/bin/time (wall, user+sys CPU, peak RSS): `goesc -m -l big.go` and
// `go tool compile -p=p -m -l big.go`; with --runs R the best wall time of R is kept. Their
// -m lines are compared as multisets, so the timing is of a correct analysis. Exit 1 when
// goesc fails, disagrees with gc, or takes longer than the budget (--budget, seconds).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { minus } from './lib/multiset.mjs';

const argv = yargs(hideBin(process.argv))
  .option('lines', { type: 'number', default: 30000, describe: 'size of the generated file' })
  .option('seed', { type: 'number', default: 1 })
  .option('runs', { type: 'number', default: 1, describe: 'runs per tool; the best wall time is kept' })
  .option('budget', { type: 'number', default: 60, describe: "seconds goesc may take (issue 9's minute)" })
  .option('keep', { type: 'boolean', default: false, describe: 'keep the temp directory' })
  .strict()
  .parseSync();

const root = resolve(new URL('..', import.meta.url).pathname);
const dist = join(root, 'dist', 'reliability', 'scale.js');
if (!existsSync(dist)) {
  console.error('bench:scale: dist/reliability/scale.js missing; run `npm run build` first');
  process.exit(2);
}
const { generateLargeFile } = await import(dist);

const work = mkdtempSync(join(tmpdir(), 'goesc-scale-'));
const src = generateLargeFile(argv.lines, argv.seed);
writeFileSync(join(work, 'big.go'), src);
const lines = src.split('\n').length - (src.endsWith('\n') ? 1 : 0);
const bytes = statSync(join(work, 'big.go')).size;

/** Runs argv under /usr/bin/time in the temp dir: wall and CPU seconds, peak RSS in KiB, stdout. */
function timed(cmd) {
  const r = spawnSync('/usr/bin/time', ['-f', 'GOESC_TIME %e %U %S %M', ...cmd], { cwd: work, encoding: 'utf8', maxBuffer: 1 << 30 });
  const m = /GOESC_TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`no timing for ${cmd.join(' ')}: ${r.stderr.slice(-300)}`);
  const stderr = r.stderr.replace(/^.*GOESC_TIME.*$/m, '').trim();
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssKiB: Number(m[4]), status: r.status, stdout: r.stdout, stderr };
}
const best = (run) => Array.from({ length: Math.max(1, argv.runs) }, run).reduce((a, b) => (b.wall < a.wall ? b : a));

const goesc = join(root, 'bin', 'goesc.js');
const ours = best(() => timed([process.execPath, goesc, '-m', '-l', 'big.go']));
const theirs = best(() =>
  timed(['go', 'tool', 'compile', '-p=p', '-o', join(work, 'big.o'), `-trimpath=${work}=>`, '-m', '-l', 'big.go']),
);

const toLines = (s) => s.split('\n').filter((l) => l !== '');
const gcOut = toLines(theirs.stdout + theirs.stderr);
const ourOut = toLines(ours.stdout);
const missing = minus(gcOut, ourOut);
const extra = minus(ourOut, gcOut);

const f = (x, d = 2) => x.toFixed(d);
const mib = (k) => Math.round(k / 1024);
let version = '';
try {
  version = execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim();
} catch {}
console.log(`file: ${lines} lines, ${(bytes / 1024).toFixed(0)} KiB (generated, seed ${argv.seed}; best of ${argv.runs})`);
console.log(`goesc -m -l big.go            : wall ${f(ours.wall)} s, cpu ${f(ours.cpu)} s, ${Math.round(lines / ours.wall)} lines/s, peak RSS ${mib(ours.rssKiB)} MiB (exit ${ours.status})`);
console.log(`go tool compile -m -l big.go  : wall ${f(theirs.wall)} s, cpu ${f(theirs.cpu)} s, ${Math.round(lines / theirs.wall)} lines/s, peak RSS ${mib(theirs.rssKiB)} MiB (${version}, exit ${theirs.status})`);
console.log(`ratio goesc/gc                : wall ${f(ours.wall / theirs.wall)}x, cpu ${f(ours.cpu / theirs.cpu)}x, peak RSS ${f(ours.rssKiB / theirs.rssKiB)}x`);
console.log(`-m lines: gc ${gcOut.length}, goesc ${ourOut.length}; gc only ${missing.length}, goesc only ${extra.length}`);
for (const l of missing.slice(0, 5)) console.log(`  gc only:    ${l}`);
for (const l of extra.slice(0, 5)) console.log(`  goesc only: ${l}`);
if (argv.keep) console.log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });

const problems = [];
if (ours.status !== 0) problems.push(`goesc exited ${ours.status}: ${ours.stderr.split('\n')[0]}`);
if (missing.length + extra.length > 0) problems.push('goesc disagrees with gc');
if (ours.wall > argv.budget) problems.push(`goesc took ${f(ours.wall)} s, over the ${argv.budget} s budget`);
for (const p of problems) console.log(`bench:scale: ${p}`);
process.exit(problems.length > 0 ? 1 : 0);
