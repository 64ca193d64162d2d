#!/usr/bin/env node
// node scripts/robustness.mjs [--jobs N] [--timeout SECONDS] [--limit K] [--pattern std]
//
// Whole-corpus robustness (issue 9, item 5): runs `goesc -m -l DIR` (the built CLI, one
// process per package, so that one crash cannot hide another) over every package the go
// command lists for PATTERN (default `std`: the packages under $(go env GOROOT)/src whose
// imports resolve), and sorts each run into
//   analysed  exit 0
//   failed    exit 2 with gc-shaped or one-line messages and no stack trace (a clear error)
//   crashed   exit 1, any other status, a signal, a timeout, or a stack trace on stderr
// Prints the counts, the crashed packages with the first line of their stderr, and the
// failure messages grouped (most common first). Exit 1 when anything crashed.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';

const argv = yargs(hideBin(process.argv))
  .option('jobs', { type: 'number', default: 2 })
  .option('timeout', { type: 'number', default: 120, describe: 'seconds per package' })
  .option('limit', { type: 'number', default: 0, describe: 'only K packages, evenly spread over the list (0: all)' })
  .option('pattern', { type: 'string', default: 'std' })
  .strict()
  .parseSync();

const listed = spawnSync('go', ['list', '-e', '-f', '{{.Dir}}', argv.pattern], { encoding: 'utf8', maxBuffer: 64 << 20 });
if (listed.status !== 0) {
  console.error(`robustness: go list ${argv.pattern} failed: ${listed.stderr.split('\n')[0]}`);
  process.exit(2);
}
let dirs = listed.stdout.split('\n').filter((d) => d !== '');
if (argv.limit > 0 && argv.limit < dirs.length) {
  const all = dirs;
  dirs = Array.from({ length: argv.limit }, (_, i) => all[Math.floor((i * all.length) / argv.limit)]);
}

const goesc = resolve('bin/goesc.js');
const stackTrace = /^\s+at .+(\(.*:\d+:\d+\)|:\d+:\d+)$/m;

function run(dir) {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(process.execPath, [goesc, '-m', '-l', dir], { timeout: argv.timeout * 1000, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      if (stderr.length < 1 << 16) stderr += d.toString();
    });
    child.on('close', (status, signal) => done({ dir, status, signal, stderr, seconds: (Date.now() - started) / 1000 }));
  });
}

function classify(r) {
  if (r.signal !== null || stackTrace.test(r.stderr)) return 'crashed';
  if (r.status === 0) return 'analysed';
  if (r.status === 2) return 'failed';
  return 'crashed';
}

const results = [];
let next = 0;
async function worker() {
  while (next < dirs.length) {
    const dir = dirs[next++];
    const r = await run(dir);
    r.kind = classify(r);
    results.push(r);
    if (r.kind === 'crashed') console.log(`CRASH ${dir}: ${r.signal ?? `exit ${r.status}`} ${r.stderr.split('\n')[0]}`);
    if (results.length % 25 === 0) console.error(`robustness: ${results.length}/${dirs.length}`);
  }
}
const started = Date.now();
await Promise.all(Array.from({ length: argv.jobs }, worker));

const count = (k) => results.filter((r) => r.kind === k).length;
const failures = new Map();
for (const r of results.filter((x) => x.kind === 'failed')) {
  const msg = r.stderr.split('\n')[0].replace(/^.*?:\d+:\d+: /, '').replace(/^goesc: /, '');
  failures.set(msg, (failures.get(msg) ?? 0) + 1);
}
console.log(`\nrobustness over go list ${argv.pattern}: ${results.length} packages in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`  analysed ${count('analysed')}  failed with a clear error ${count('failed')}  crashed ${count('crashed')}`);
const slowest = [...results].sort((a, b) => b.seconds - a.seconds).slice(0, 3);
console.log(`  slowest: ${slowest.map((r) => `${r.dir.replace(/^.*\/src\//, '')} ${r.seconds.toFixed(1)} s`).join(', ')}`);
if (failures.size > 0) {
  console.log('  clear errors, most common first:');
  for (const [m, n] of [...failures].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${n}× ${m}`);
}
for (const r of results.filter((x) => x.kind === 'crashed')) {
  console.log(`  crashed: ${r.dir} (${r.signal ?? `exit ${r.status}`}, ${r.seconds.toFixed(1)} s) ${r.stderr.split('\n')[0]}`);
}
process.exit(count('crashed') > 0 ? 1 : 0);
