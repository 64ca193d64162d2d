// `npm run bench:startup`: what one fresh process costs on a small file. Runs, alternately
// and N times each (default 20; `node scripts/bench-startup.mjs N`):
//   goesc              bin/goesc.js -m -l testdata/startup/small.go, started as an npm bin
//                      starts it (its shell part), with a result cache of its own (a
//                      temporary GOESC_CACHE) made by the untimed first round, which also
//                      started the resident goesc (src/cli/daemon.ts): a re-run, answered
//                      from its record by the resident goesc through its client
//   goesc, re-run by the shell   that with GOESC_NO_DAEMON=1: the shell part prints the
//                      recorded output without starting node (pipeline/fast-record.ts)
//   goesc, re-run by node   that with GOESC_NO_FAST_RERUN=1 too: node starts from the V8
//                      start-up snapshot and prints the recorded output (pipeline/run-memo.ts)
//   goesc, analysing   the first with --cache=off: the file parsed and analysed every time,
//                      as gc does, by the resident goesc
//   goesc, analysing, no daemon   that with GOESC_NO_DAEMON=1: node starts from the
//                      snapshot and analyses the file itself
//   goesc, a new file  the first on a copy of the file never seen before (another name and
//                      one more comment line each run), with the cache on: what a user's
//                      next file costs
//   goesc, no snapshot the re-run by node with GOESC_NO_SNAPSHOT=1 (the bundle + code cache)
//   node bin/goesc.js  the JavaScript entry started by node itself (node reads
//                      NODE_EXTRA_CA_CERTS's file when it is set: 50-100 ms measured here)
//   unbundled          that with GOESC_NO_BUNDLE=1 (dist/'s modules loaded one by one)
//   node               node -e 0 (the floor: node's own start-up), and without
//                      NODE_EXTRA_CA_CERTS when it is set
//   gc                 go tool compile -p=small -m -l small.go (skipped when go is missing)
// and prints medians of wall time and the ratios to gc. Alternating keeps a shared, loaded
// machine's noise spread evenly over all of them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const n = Number(process.argv[2] ?? 20);
const file = join(root, 'testdata/startup/small.go');
const dir = mkdtempSync(join(tmpdir(), 'goesc-bench-startup-'));
const obj = join(dir, 'small.o'); // never /dev/null: gc removes its output on error
const hasGo = spawnSync('go', ['version']).status === 0;

const withoutCerts = { ...process.env };
delete withoutCerts.NODE_EXTRA_CA_CERTS;
const certs = process.env.NODE_EXTRA_CA_CERTS !== undefined;
const bin = join(root, 'bin/goesc.js');
const cacheEnv = { ...process.env, GOESC_CACHE: join(dir, 'cache') };
const goesc = (env = cacheEnv, extra = [], path = () => file) => () => spawnSync(bin, ['-m', '-l', ...extra, path()], { encoding: 'utf8', env });
const goescByNode = (env = cacheEnv) => () => spawnSync(process.execPath, [bin, '-m', '-l', file], { encoding: 'utf8', env });
const node = (env = process.env) => () => spawnSync(process.execPath, ['-e', '0'], { encoding: 'utf8', env });
const source = readFileSync(file, 'utf8');
let newFiles = 0;
const runs = {
  goesc: goesc(),
  'goesc, re-run by the shell': goesc({ ...cacheEnv, GOESC_NO_DAEMON: '1' }),
  'goesc, re-run by node': goesc({ ...cacheEnv, GOESC_NO_DAEMON: '1', GOESC_NO_FAST_RERUN: '1' }),
  'goesc, analysing': goesc(cacheEnv, ['--cache=off']),
  'goesc, analysing, no daemon': goesc({ ...cacheEnv, GOESC_NO_DAEMON: '1' }, ['--cache=off']),
  'goesc, a new file': goesc(cacheEnv, [], () => {
    const copy = join(dir, `new${newFiles++}.go`);
    writeFileSync(copy, `${source}// ${newFiles}\n`);
    return copy;
  }),
  'goesc, no snapshot': goesc({ ...cacheEnv, GOESC_NO_DAEMON: '1', GOESC_NO_FAST_RERUN: '1', GOESC_NO_SNAPSHOT: '1' }),
  'node bin/goesc.js': goescByNode(),
  unbundled: goescByNode({ ...cacheEnv, GOESC_NO_BUNDLE: '1' }),
  node: node(),
  ...(certs ? { 'node, no extra CA certs': node(withoutCerts) } : {}),
  ...(hasGo ? { gc: () => spawnSync('go', ['tool', 'compile', '-p=small', '-o', obj, '-m', '-l', file], { encoding: 'utf8' }) } : {}),
};
const times = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];

try {
  // One untimed round warms the file system cache.
  for (const run of Object.values(runs)) run();
  const lines = {};
  for (let i = 0; i < n; i++) {
    for (const [name, run] of Object.entries(runs)) {
      const t0 = performance.now();
      const r = run();
      times[name].push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`${name} failed (${r.status}): ${r.stderr}`);
      if (!name.startsWith('node')) lines[name] = r.stdout.split('\n').filter(Boolean).length + r.stderr.split('\n').filter(Boolean).length;
    }
  }
  if (lines.gc !== undefined && lines.goesc !== lines.gc) console.log(`note: goesc printed ${lines.goesc} lines, gc ${lines.gc}`);
  const gc = times.gc ? median(times.gc) : null;
  console.log(`fresh process on testdata/startup/small.go, medians of ${n} runs:`);
  for (const [name, t] of Object.entries(times)) {
    const m = median(t);
    console.log(`  ${name.padEnd(26)} ${m.toFixed(1).padStart(7)} ms${gc ? `  ${(m / gc).toFixed(2)}x gc` : ''}`);
  }
  if (!gc) console.log('  gc: skipped (go is not on PATH)');
  else {
    const r = (name) => (median(times[name]) / gc).toFixed(2);
    console.log(`ratio goesc / gc (target <= 3x): re-run ${r('goesc')}x (by the shell ${r('goesc, re-run by the shell')}x, by node ${r('goesc, re-run by node')}x), analysing ${r('goesc, analysing')}x (no daemon ${r('goesc, analysing, no daemon')}x), a new file ${r('goesc, a new file')}x; node bin/goesc.js / gc: ${r('node bin/goesc.js')}x`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
