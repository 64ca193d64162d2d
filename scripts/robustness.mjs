#!/usr/bin/env node
// node scripts/robustness.mjs [--jobs N] [--timeout SECONDS] [--limit K] [--pattern 'std cmd']
//
// Whole-corpus robustness (issue 9, item 5): runs `goesc -m -l DIR` (the built CLI, one
// process per package, so that one crash cannot hide another) over every package the go
// command lists for PATTERN (default `std cmd`: every package under $(go env GOROOT)/src).
// A package whose imports do not all resolve through goesc's std models
// (models/<go>/std/<path>/api.go; cmd/internal/... has none) is skipped without running:
// goesc could only say "could not import". Each run is sorted into
//   analysed  exit 0
//   failed    exit 2 with gc-shaped or one-line messages and no stack trace (a clear error)
//   hung      killed at the timeout
//   crashed   exit 1, any other status, a signal, or a stack trace on stderr
// Prints the counts, the crashed and hung packages with the first line of their stderr, and
// the failure messages grouped by cause (most common first). Exit 1 when anything crashed
// or hung.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';

const argv = yargs(hideBin(process.argv))
  .option('jobs', { type: 'number', default: 2 })
  .option('timeout', { type: 'number', default: 120, describe: 'seconds per package' })
  .option('limit', { type: 'number', default: 0, describe: 'only K packages, evenly spread over the list (0: all)' })
  .option('pattern', { type: 'string', default: 'std cmd', describe: 'go list patterns, space-separated' })
  .option('go', { type: 'string', default: '', describe: 'model version under models/ (default: the newest)' })
  .strict()
  .parseSync();

const listed = spawnSync('go', ['list', '-e', '-f', '{{.Dir}}\t{{.ImportPath}}\t{{len .GoFiles}}\t{{join .Imports " "}}', ...argv.pattern.split(/\s+/).filter((p) => p !== '')], {
  encoding: 'utf8',
  maxBuffer: 64 << 20,
});
if (listed.status !== 0) {
  console.error(`robustness: go list ${argv.pattern} failed: ${listed.stderr.split('\n')[0]}`);
  process.exit(2);
}
const goroot = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).stdout.trim();
const modelsDir = resolve('models');
const goVersion = argv.go || readdirSync(modelsDir).filter((d) => /^go\d/.test(d)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).pop();
const stdModels = join(modelsDir, goVersion, 'std');
const modelled = (path) => path === 'unsafe' || path === 'C' || existsSync(join(stdModels, path, 'api.go'));
const skipped = [];
let testOnly = 0;
let dirs = [];
for (const line of listed.stdout.split('\n').filter((l) => l !== '')) {
  const [dir, importPath, goFiles, imports = ''] = line.split('\t');
  // Only _test.go files (or only cgo ones): there is no package for gc to compile either.
  if (goFiles === '0') {
    testOnly++;
    continue;
  }
  const missing = imports.split(' ').filter((i) => i !== '' && !modelled(i));
  if (missing.length > 0) skipped.push({ dir, importPath, missing });
  else dirs.push(dir);
}
const listedCount = dirs.length + skipped.length + testOnly;
if (argv.limit > 0 && argv.limit < dirs.length) {
  const all = dirs;
  dirs = Array.from({ length: argv.limit }, (_, i) => all[Math.floor((i * all.length) / argv.limit)]);
}

const goesc = resolve('bin/goesc.js');
const stackTrace = /^\s+at .+(\(.*:\d+:\d+\)|:\d+:\d+)$/m;

function run(dir) {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(process.execPath, [goesc, '-m', '-l', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      if (stderr.length < 1 << 16) stderr += d.toString();
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, argv.timeout * 1000);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      done({ dir, status, signal, stderr, timedOut, seconds: (Date.now() - started) / 1000 });
    });
  });
}

function classify(r) {
  if (r.timedOut) return 'hung';
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
    if (r.kind === 'hung') console.log(`HUNG ${dir}: killed after ${argv.timeout} s`);
    if (r.kind === 'crashed') console.log(`CRASH ${dir}: ${r.signal ?? `exit ${r.status}`} ${r.stderr.split('\n')[0]}`);
    if (results.length % 25 === 0) console.error(`robustness: ${results.length}/${dirs.length}`);
  }
}
const started = Date.now();
await Promise.all(Array.from({ length: argv.jobs }, worker));

const count = (k) => results.filter((r) => r.kind === k).length;
// A cause is the first message with its file position and quoted names left out, so that
// "could not import X" or "undefined: Y" group across packages; one example is kept.
const causeOf = (msg) => msg.replace(/\b(undefined|could not import) \S+/, '$1 …').replace(/\((variable|value) of type [^)]*\)/g, '(… of type …)');
const failures = new Map();
for (const r of results.filter((x) => x.kind === 'failed')) {
  const msg = r.stderr.split('\n')[0].replace(/^.*?:\d+:\d+: /, '').replace(/^goesc: /, '');
  const cause = causeOf(msg);
  const g = failures.get(cause) ?? { n: 0, example: r.stderr.split('\n')[0].replaceAll(`${goroot}/src/`, '') };
  g.n++;
  failures.set(cause, g);
}
const skippedBy = new Map();
for (const s of skipped) for (const m of s.missing) skippedBy.set(m, (skippedBy.get(m) ?? 0) + 1);
console.log(`\nrobustness over go list ${argv.pattern}: ${listedCount} packages listed, ${results.length} run in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(
  `  analysed ${count('analysed')}  failed with a clear error ${count('failed')}  crashed ${count('crashed')}  hung ${count('hung')}  ` +
    `skipped: imports without a model ${skipped.length}, no non-test Go files ${testOnly}`,
);
const slowest = [...results].sort((a, b) => b.seconds - a.seconds).slice(0, 3);
console.log(`  slowest: ${slowest.map((r) => `${r.dir.replace(/^.*\/src\//, '')} ${r.seconds.toFixed(1)} s`).join(', ')}`);
if (failures.size > 0) {
  console.log('  clear errors by cause, most common first (one example each):');
  for (const [m, g] of [...failures].sort((a, b) => b[1].n - a[1].n)) console.log(`    ${g.n}× ${m}\n        e.g. ${g.example}`);
}
if (skipped.length > 0) {
  const top = [...skippedBy].sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(`  skipped: imports without a model, most common: ${top.map(([m, n]) => `${m} (${n})`).join(', ')}`);
}
for (const r of results.filter((x) => x.kind === 'crashed' || x.kind === 'hung')) {
  console.log(`  ${r.kind}: ${r.dir} (${r.timedOut ? 'timeout' : r.signal ?? `exit ${r.status}`}, ${r.seconds.toFixed(1)} s) ${r.stderr.split('\n')[0]}`);
}
process.exit(count('crashed') + count('hung') > 0 ? 1 : 0);
