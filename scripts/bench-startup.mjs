// `npm run bench:startup`: what one fresh process costs on a small file. Runs, alternately
// and N times each (default 20; `node scripts/bench-startup.mjs N`):
//   goesc      node bin/goesc.js -m -l testdata/startup/small.go   (the bundle + code cache)
//   unbundled  the same with GOESC_NO_BUNDLE=1 (dist/'s modules loaded one by one)
//   node       node -e 0 (the floor: node's own start-up)
//   gc         go tool compile -p=small -m -l small.go (skipped when go is missing)
// and, when NODE_EXTRA_CA_CERTS is set (node then reads that certificate file at every
// start, before any script: measured 50-100 ms here), goesc and node once more without it,
// so that node's own share of a start is visible.
// and prints medians of wall time and the ratios to gc. Alternating keeps a shared, loaded
// machine's noise spread evenly over all four.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
const goesc = (env = process.env) => () => spawnSync(process.execPath, [join(root, 'bin/goesc.js'), '-m', '-l', file], { encoding: 'utf8', env });
const node = (env = process.env) => () => spawnSync(process.execPath, ['-e', '0'], { encoding: 'utf8', env });
const runs = {
  goesc: goesc(),
  ...(certs ? { 'goesc, no extra CA certs': goesc(withoutCerts), 'node, no extra CA certs': node(withoutCerts) } : {}),
  unbundled: goesc({ ...process.env, GOESC_NO_BUNDLE: '1' }),
  node: node(),
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
  else console.log(`ratio goesc / gc: ${(median(times.goesc) / gc).toFixed(2)}x (target <= 3x)${certs ? `; without NODE_EXTRA_CA_CERTS ${(median(times['goesc, no extra CA certs']) / gc).toFixed(2)}x` : ''}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
