// `npm run bench:analyze`: goesc's whole analysis against the real compiler, side by side.
//
// goesc runs as its npm bin starts (bin/goesc.js executed: from the start-up snapshot when the
// build made one), in a process of its own (GOESC_NO_DAEMON=1: the resident goesc, which a
// user's later runs would reach, is timed by bench:startup). Each $GOROOT/test/escape*.go whose header is `// errorcheck -0 -m -l` is placed in its own
// package folder of a temporary tree (the files are read from GOROOT at run time, never
// stored in the project). Then, in the same run, best of three each:
//   - goesc: one process, `goesc -m -l TMP/...` (load, parse, check, lower, escape, print),
//            from a cache holding only std stubs' parses (gc reads prebuilt std too);
//   - gc:    `go tool compile -p=P -importcfg=CFG -m -l FILE` for every package, one after
//            the other (what `go build -gcflags=-m -l` does per package, minus the go command).
// Wall and CPU time (user+sys, from /usr/bin/time) and goesc's peak RSS are printed, with the
// ratio goesc/gc (target <= 2, goal 0.5). Then the latency of one small file
// (examples/seed.go) in a fresh process for both. Needs `npm run build` first.
//
// `--default` measures the default build instead, inlining on: the same packages with `-m`
// and no `-l` on both sides (issue 14's speed check, target <= 1.5x).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { keepStdParses } from './lib/stdcache.mjs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const inlining = process.argv.includes('--default');
const flags = inlining ? ['-m'] : ['-m', '-l'];
const flagText = flags.join(' ');
const root = resolve(new URL('..', import.meta.url).pathname);
const goesc = join(root, 'bin', 'goesc.js');
const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
const testDir = join(goroot, 'test');
const files = readdirSync(testDir)
  .filter((f) => /^escape.*\.go$/.test(f))
  .filter((f) => readFileSync(join(testDir, f), 'utf8').startsWith('// errorcheck -0 -m -l'))
  .sort();

const work = mkdtempSync(join(tmpdir(), 'goesc-bench-'));
const tree = join(work, 'pkgs');
const packages = files.map((f, i) => {
  const dir = join(tree, `p${String(i).padStart(2, '0')}`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(testDir, f), join(dir, f));
  return { dir, file: f, name: `p${i}` };
});
const cfg = join(work, 'importcfg');
writeFileSync(cfg, execFileSync('go', ['list', '-export', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', 'std'], { encoding: 'utf8' }));
const lines = packages.reduce((n, p) => n + readFileSync(join(p.dir, p.file), 'utf8').split('\n').length, 0);

/** Runs argv under /usr/bin/time; returns wall, cpu seconds and max RSS in KiB. */
function timed(argv, cwd) {
  const r = spawnSync('/usr/bin/time', ['-f', 'GOESC_TIME %e %U %S %M', ...argv], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, GOESC_NO_DAEMON: '1' } });
  const m = /GOESC_TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`no timing for ${argv.join(' ')}: ${r.stderr.slice(-300)}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssKiB: Number(m[4]), status: r.status };
}

// goesc's counterpart of gc's prebuilt std: a cache holding only std stubs' parses (one
// untimed run, then the package entries removed); each timed run starts from a fresh copy,
// so the analysis itself is measured every time. `--cache=off` (no cache at all, std stubs
// parsed too) is timed beside it.
const stdCache = join(work, 'std-cache');
execFileSync(goesc, [...flags, './...'], { cwd: tree, env: { ...process.env, GOESC_CACHE: stdCache }, stdio: 'ignore' });
keepStdParses(stdCache);
let runNo = 0;
function goescRun() {
  const cache = join(work, `cache-${runNo++}`);
  cpSync(stdCache, cache, { recursive: true });
  return timed(['env', `GOESC_CACHE=${cache}`, goesc, ...flags, './...'], tree);
}
function goescNoCacheRun() {
  return timed([goesc, ...flags, '--cache=off', './...'], tree);
}

function gcRun() {
  const total = { wall: 0, cpu: 0, rssKiB: 0 };
  for (const p of packages) {
    const t = timed(['go', 'tool', 'compile', `-p=${p.name}`, `-importcfg=${cfg}`, '-o', join(work, 'x.o'), ...flags, p.file], p.dir);
    total.wall += t.wall;
    total.cpu += t.cpu;
    total.rssKiB = Math.max(total.rssKiB, t.rssKiB);
  }
  return total;
}

const best = (runs) => runs.reduce((a, b) => (b.wall < a.wall ? b : a));
const bestOf3 = (run) => best([run(), run(), run()]);

const ours = bestOf3(goescRun);
const oursNoCache = bestOf3(goescNoCacheRun);
const theirs = bestOf3(gcRun);
const f = (x, d = 2) => x.toFixed(d);
console.log(`sample: ${packages.length} packages, ${lines} lines ($GOROOT/test/escape*.go with '// errorcheck -0 -m -l', one package each)`);
console.log(`goesc ${flagText} ./... : wall ${f(ours.wall)} s, cpu ${f(ours.cpu)} s, peak RSS ${Math.round(ours.rssKiB / 1024)} MiB`);
console.log(`go tool compile   : wall ${f(theirs.wall)} s, cpu ${f(theirs.cpu)} s (sum over packages), peak RSS ${Math.round(theirs.rssKiB / 1024)} MiB`);
console.log(`ratio goesc/gc    : wall ${f(ours.wall / theirs.wall)}x, cpu ${f(ours.cpu / theirs.cpu)}x (target ${inlining ? '<= 1.5x with inlining on' : '<= 2x, goal 0.5x'})`);
console.log(`goesc --cache=off : wall ${f(oursNoCache.wall)} s, cpu ${f(oursNoCache.cpu)} s (std stubs parsed too): ${f(oursNoCache.wall / theirs.wall)}x gc's wall`);

const seedDir = join(root, 'examples');
const seedOurs = best(Array.from({ length: 5 }, () => timed([goesc, ...flags, 'seed.go'], seedDir)));
const seedGc = best(Array.from({ length: 5 }, () => timed(['go', 'tool', 'compile', '-p=main', `-importcfg=${cfg}`, '-o', join(work, 'x.o'), ...flags, 'seed.go'], seedDir)));
console.log(`one small file (examples/seed.go), fresh process, best of 5: goesc ${Math.round(seedOurs.wall * 1000)} ms (peak RSS ${Math.round(seedOurs.rssKiB / 1024)} MiB), gc ${Math.round(seedGc.wall * 1000)} ms`);
