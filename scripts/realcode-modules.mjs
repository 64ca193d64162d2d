#!/usr/bin/env node
// Real projects (issue 13's "How to measure"): goesc on a module that uses eleven popular
// modules, against the real go command, package by package.
//
// 1. In a temporary module it requires the eleven modules, blank-imports one package of each
//    from main.go, runs `go mod tidy` (the Go module proxy must be reachable) and lists the
//    non-std packages with `go list -deps` (CGO_ENABLED=0: goesc models cgo off).
// 2. The loader alone: loadGraph(['.']) from dist/ (no go command) against `go list -deps`:
//    the package set and, per package, the file set must be identical; its time is printed.
// 3. Per package: `goesc -m -l PKG` run from the module root with no go on PATH, against
//    `go build -gcflags=PKG=-m -l PKG` (gc's lines on stderr, `# pkg` headers dropped), as
//    multisets: matched, precision, recall per package and in total.
// 4. Timing: a cold goesc run over all packages against go build of the main package with
//    -m -l on every non-std package, each from a fresh copy of a cache in which only std was
//    made first, so that only the project's packages are analysed: go's $GOCACHE with std
//    built, goesc's $GOESC_CACHE with the std stubs' parses (made by one goesc run over the
//    packages, whose package entries are then removed; pipeline/prepare.ts StubParses); and
//    goesc from an empty cache too ("cold, empty"). Then both again warm, and both again with
//    main.go edited (its imports' results cached: go links again, goesc reads the imports'
//    declarations); runs alternate
//    (default 3 rounds, --runs=N), each round on fresh caches; medians
//    of wall time, CPU time and peak RSS (from /usr/bin/time -v when present), and the medians of the
//    pairwise ratios goesc/go, which are the figures to quote (issue 13: cold <= 1x, warm
//    <= 0.5x).
//
// Usage: npm run realcode:modules -- [--m=2] [--default] [--keep] [--no-timing] [--diff]
//                                      [--loader-only] [--timing-only] [--runs=N]
//                                      [--require=PATH@VERSION ...] [--import=PKG ...]
//   --m=2      compare -m=2 -l output      --default  without -l (inlining on)
//   --keep     keep the temporary module   --diff     print unmatched lines per package
//   --loader-only  steps 1 and 2 only      --require  other modules instead of the eleven
//   --import   a package to import from a required module (instead of its root package)
//   --timing-only  steps 1, 2 and 4                   (VERSION may be `latest`)
//   --baseline=DIR  also time the goesc of another checkout (built, e.g. a copy of main) in
//                   the same rounds, for a before/after measured side by side
// Third-party code stays in the module cache; nothing here is committed.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { minus } from './lib/multiset.mjs';
import { keepStdParses } from './lib/stdcache.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const m2 = args.includes('--m=2');
const noL = args.includes('--default');
const keep = args.includes('--keep');
const timing = !args.includes('--no-timing');
const showDiff = args.includes('--diff');
const loaderOnly = args.includes('--loader-only');
const timingOnly = args.includes('--timing-only');
const rounds = Number(args.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 3);
const required = args.filter((a) => a.startsWith('--require=')).map((a) => a.slice('--require='.length));
const imported = args.filter((a) => a.startsWith('--import=')).map((a) => a.slice('--import='.length));
const baseline = args.find((a) => a.startsWith('--baseline='))?.slice('--baseline='.length);
const gcFlags = [m2 ? '-m=2' : '-m', ...(noL ? [] : ['-l'])].join(' ');
const goescFlags = [m2 ? '-m=2' : '-m', ...(noL ? [] : ['-l'])];

const modules = {
  'github.com/BurntSushi/toml': 'v1.4.0',
  'github.com/cespare/xxhash/v2': 'v2.3.0',
  'github.com/go-chi/chi/v5': 'v5.1.0',
  'github.com/golang/snappy': 'v0.0.4',
  'github.com/google/uuid': 'v1.6.0',
  'github.com/gorilla/mux': 'v1.8.1',
  'github.com/pkg/errors': 'v0.9.1',
  'github.com/sirupsen/logrus': 'v1.9.3',
  'github.com/valyala/fastjson': 'v1.6.4',
  'go.uber.org/zap': 'v1.27.0',
  'gopkg.in/yaml.v3': 'v3.0.1',
};

if (required.length > 0) {
  for (const k of Object.keys(modules)) delete modules[k];
  for (const r of required) {
    const at = r.lastIndexOf('@');
    modules[at < 0 ? r : r.slice(0, at)] = at < 0 ? 'latest' : r.slice(at + 1);
  }
}

const goEnv = { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod', GOWORK: 'off', GOTOOLCHAIN: 'local' };

function run(cmd, argv, opts = {}) {
  return spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
}

class StepFailed extends Error {}

/** r, when its command succeeded; else a StepFailed (the temporary module is still removed). */
function must(r, what) {
  if (r.status !== 0) throw new StepFailed(`realcode-modules: ${what} failed (exit ${r.status}):\n${(r.stderr || '').slice(0, 4000)}`);
  return r;
}

if (run('go', ['version']).status !== 0) {
  console.error('realcode-modules: skipped: the go command is not on PATH (needed for the reference)');
  process.exit(0);
}
if (!existsSync(join(repo, 'dist', 'load', 'index.js')) && run('npm', ['run', 'build', '--silent'], { cwd: repo }).status !== 0) {
  console.error('realcode-modules: npm run build failed');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'goesc-realmod-'));
console.log(`module: ${work}${keep ? ' (kept)' : ''}`);
try {
  main();
} catch (e) {
  if (!(e instanceof StepFailed)) throw e;
  console.error(e.message);
  process.exitCode = 1;
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}

function main() {
  // ---- 1. the module ----
  const pinned = Object.entries(modules).filter(([, v]) => v !== 'latest');
  writeFileSync(join(work, 'go.mod'), `module example.com/realcode\n\ngo 1.26\n\nrequire (\n${pinned.map(([p, v]) => `\t${p} ${v}`).join('\n')}\n)\n`);
  for (const [p, v] of Object.entries(modules)) {
    if (v === 'latest') must(run('go', ['get', `${p}@latest`], { cwd: work, env: goEnv }), `go get ${p}@latest`);
  }
  // Each module's root package, unless --import names packages of it instead.
  const imports = [...Object.keys(modules).filter((m) => !imported.some((i) => i === m || i.startsWith(m + '/'))), ...imported];
  writeFileSync(join(work, 'main.go'), `package main\n\nimport (\n${imports.map((p) => `\t_ "${p}"`).join('\n')}\n)\n\nfunc main() {}\n`);
  must(run('go', ['mod', 'tidy'], { cwd: work, env: goEnv }), 'go mod tidy');
  const listed = must(run('go', ['list', '-deps', '-f', '{{if not .Standard}}{{.ImportPath}}\t{{.Dir}}\t{{join .GoFiles " "}}{{end}}', '.'], { cwd: work, env: goEnv }), 'go list -deps')
    .stdout.split('\n').filter(Boolean).map((l) => {
      const [importPath, dir, files] = l.split('\t');
      return { importPath, dir, files: files ? files.split(' ').map((f) => join(dir, f)) : [] };
    });
  console.log(`go list -deps: ${listed.length} non-std packages`);

  // ---- 2. the loader alone ----
  loaderCheck(listed);
  if (loaderOnly) return;

  const noGoPath = (process.env.PATH ?? '').split(delimiter).filter((d) => d && !existsSync(join(d, 'go'))).join(delimiter);
  const goescEnv = { ...process.env, PATH: noGoPath, GOESC_CACHE: join(work, '.goesc-cache-compare') };
  if (timingOnly) {
    timeBoth(listed, goescEnv);
    return;
  }

  // ---- 3. per package ----
  const lineRE = /^[^\s:][^:]*\.go:\d+(?::\d+)?: /;
  let tp = 0, nOurs = 0, nGc = 0, refused = 0, exact = 0;
  console.log(`\n${'package'.padEnd(44)} ${'gc'.padStart(5)} ${'goesc'.padStart(5)} ${'match'.padStart(5)}  prec   recall`);
  for (const { importPath } of listed) {
    const gc = run('go', ['build', `-gcflags=${importPath}=${gcFlags}`, '-o', join(work, 'out.bin'), importPath], { cwd: work, env: goEnv });
    const gcLines = (gc.stderr + gc.stdout).split('\n').filter((l) => lineRE.test(l));
    const r = run(process.execPath, [join(repo, 'bin', 'goesc.js'), ...goescFlags, importPath], { cwd: work, env: goescEnv });
    const ours = (r.stdout + r.stderr).split('\n').filter((l) => lineRE.test(l));
    const missing = minus(gcLines, ours);
    const extra = minus(ours, gcLines);
    const matched = gcLines.length - missing.length;
    tp += matched;
    nOurs += ours.length;
    nGc += gcLines.length;
    if (r.status !== 0) refused++;
    if (r.status === 0 && missing.length === 0 && extra.length === 0) exact++;
    const why = r.status !== 0 ? ` exit ${r.status}: ${(r.stderr.split('\n').find(Boolean) ?? '').slice(0, 120)}` : '';
    const ratio = (a, b) => (b === 0 ? '  -  ' : (a / b).toFixed(3));
    console.log(`${importPath.padEnd(44)} ${String(gcLines.length).padStart(5)} ${String(ours.length).padStart(5)} ${String(matched).padStart(5)}  ${ratio(matched, ours.length)}  ${ratio(matched, gcLines.length)}${why}`);
    if (showDiff) {
      for (const l of missing) console.log(`    - ${l}`);
      for (const l of extra) console.log(`    + ${l}`);
    }
  }
  console.log(`TOTAL flags=${goescFlags.join(' ')} packages=${listed.length} refused=${refused} exact=${exact} gc=${nGc} goesc=${nOurs} match=${tp} precision=${(tp / Math.max(1, nOurs)).toFixed(4)} recall=${(tp / Math.max(1, nGc)).toFixed(4)}`);

  // ---- 4. timing ----
  if (timing) timeBoth(listed, goescEnv);
}


function loaderCheck(listed) {
  // dist/ is ESM; a synchronous child keeps this script simple and times the loader cold.
  const probe = `
    const { loadGraph } = await import(${JSON.stringify(pathToFileURL(join(repo, 'dist', 'load', 'index.js')).href)});
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const g = loadGraph(['.'], { cwd: ${JSON.stringify(work)}, env: process.env });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.log(JSON.stringify({ ms, cpuMs, packages: g.packages.map((p) => ({ importPath: p.importPath, dir: p.dir, files: p.files.map((f) => f.absPath) })) }));
  `;
  const r = run(process.execPath, ['--input-type=module', '-e', probe], { cwd: work, env: { ...goEnv, PATH: '' } });
  if (r.status !== 0) {
    console.log(`loader: FAILED (exit ${r.status}): ${r.stderr.split('\n').slice(0, 5).join(' | ')}`);
    return;
  }
  const { ms, cpuMs, packages } = JSON.parse(r.stdout);
  const ours = new Map(packages.map((p) => [p.importPath, p]));
  const theirs = new Map(listed.map((p) => [p.importPath, p]));
  const onlyGo = [...theirs.keys()].filter((k) => !ours.has(k));
  const onlyUs = [...ours.keys()].filter((k) => !theirs.has(k));
  let sameFiles = 0;
  const fileDiffs = [];
  for (const [k, p] of theirs) {
    const q = ours.get(k);
    if (!q) continue;
    const a = [...p.files].sort().join('\n');
    const b = [...q.files].sort().join('\n');
    if (a === b) sameFiles++;
    else fileDiffs.push(`${k}: go=${p.files.map((f) => f.slice(p.dir.length + 1)).join(',')} goesc=${q.files.map((f) => f.slice(q.dir.length + 1)).join(',')}`);
  }
  const orderSame = packages.map((p) => p.importPath).join(' ') === listed.map((p) => p.importPath).join(' ');
  console.log(`loader: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU, packages go=${theirs.size} goesc=${ours.size} common=${theirs.size - onlyGo.length}, identical file sets ${sameFiles}/${theirs.size}, same order as go list -deps: ${orderSame}`);
  for (const k of onlyGo) console.log(`  only go: ${k}`);
  for (const k of onlyUs) console.log(`  only goesc: ${k}`);
  for (const d of fileDiffs) console.log(`  files differ: ${d}`);
}

/** Run a command under /usr/bin/time -v when present: wall seconds and peak RSS in MiB. */
function measured(cmd, argv, opts) {
  const t0 = process.hrtime.bigint();
  const timeBin = '/usr/bin/time';
  const useTime = existsSync(timeBin);
  const r = useTime ? run(timeBin, ['-v', cmd, ...argv], opts) : run(cmd, argv, opts);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = useTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024 : NaN;
  // CPU time (user + system, children included): steadier than wall time on a shared machine.
  const field = (name) => Number(new RegExp(`${name} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr)?.[1] ?? NaN);
  const cpu = useTime ? field('User') + field('System') : NaN;
  return { secs, rss, cpu, status: r.status, stderr: r.stderr };
}

function timeBoth(listed, goescEnv) {
  const hosts = [...new Set(listed.map((p) => p.importPath.split('/')[0]))];
  const gcflagArgs = hosts.map((h) => `-gcflags=${h}/...=${gcFlags}`);
  const stdCache = join(work, '.gocache-std');
  console.log(`\ntiming: building std into a fresh GOCACHE first (${stdCache}), then ${rounds} rounds`);
  must(run('go', ['build', 'std'], { cwd: work, env: { ...goEnv, GOCACHE: stdCache } }), 'go build std');
  const gocache = join(work, '.gocache');
  const env = { ...goEnv, GOCACHE: gocache };
  const goArgs = ['build', ...gcflagArgs, '-o', join(work, 'out.bin'), '.'];
  const goescArgs = [join(repo, 'bin', 'goesc.js'), ...goescFlags, ...listed.map((p) => p.importPath)];
  const cacheDir = join(work, '.goesc-cache-timing');
  const genv = { ...goescEnv, GOESC_CACHE: cacheDir };
  const names = ['go build, cold', 'goesc, cold', 'go build, warm', 'goesc, warm', 'goesc, cold, empty'];
  const baseArgs = baseline ? [join(baseline, 'bin', 'goesc.js'), ...goescArgs.slice(1)] : null;
  const baseCache = join(work, '.goesc-cache-baseline');
  const benv = { ...goescEnv, GOESC_CACHE: baseCache };
  if (baseArgs) names.push('baseline, cold', 'baseline, warm');
  // After the warm runs, main.go edited (a comment appended): go build compiles it again and
  // links; goesc analyses it again, its imports read from the cache (their declarations).
  const edited = names.push('go build, edited', 'goesc, edited') - 2;
  const mainFile = join(work, 'main.go');
  const mainText = readFileSync(mainFile, 'utf8');
  // goesc's std-only caches: one run each, then every entry but the stub parses removed
  const stdOnly = (args, dir) => {
    rmSync(dir, { recursive: true, force: true });
    must(run(process.execPath, args, { cwd: work, env: { ...goescEnv, GOESC_CACHE: dir } }), 'goesc (std stub parses)');
    keepStdParses(dir);
  };
  const goescStd = join(work, '.goesc-cache-std');
  const baseStd = join(work, '.goesc-cache-baseline-std');
  stdOnly(goescArgs, goescStd);
  if (baseArgs) stdOnly(baseArgs, baseStd);
  const rows = names.map(() => []);
  // goesc as its npm bin starts: bin/goesc.js executed (the start-up snapshot when built).
  // Each round's caches are fresh folders, so no resident goesc (src/cli/daemon.ts) listens
  // in them: every run is its own process, and a run this long starts none.
  const goesc = (args, env) => measured(args[0], args.slice(1), { cwd: work, env });
  for (let r = 0; r < rounds; r++) {
    // fresh caches, not timed: go's and goesc's with std only
    rmSync(gocache, { recursive: true, force: true });
    cpSync(stdCache, gocache, { recursive: true });
    rmSync(cacheDir, { recursive: true, force: true });
    cpSync(goescStd, cacheDir, { recursive: true });
    rmSync(baseCache, { recursive: true, force: true });
    if (baseArgs) cpSync(baseStd, baseCache, { recursive: true });
    rows[0].push(measured('go', goArgs, { cwd: work, env }));
    rows[1].push(goesc(goescArgs, genv));
    if (baseArgs) rows[5].push(goesc(baseArgs, benv));
    rows[2].push(measured('go', goArgs, { cwd: work, env }));
    rows[3].push(goesc(goescArgs, genv));
    if (baseArgs) rows[6].push(goesc(baseArgs, benv));
    writeFileSync(mainFile, `${mainText}\n// edit ${r}\n`);
    rows[edited].push(measured('go', goArgs, { cwd: work, env }));
    rows[edited + 1].push(goesc(goescArgs, genv));
    writeFileSync(mainFile, mainText);
    const empty = join(work, '.goesc-cache-empty');
    rmSync(empty, { recursive: true, force: true });
    rows[4].push(goesc(goescArgs, { ...goescEnv, GOESC_CACHE: empty }));
  }
  const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
  names.forEach((name, i) => {
    const ms = rows[i];
    const rss = median(ms.map((m) => m.rss));
    const failed = ms.filter((m) => m.status !== 0).length;
    const cpu = median(ms.map((m) => m.cpu));
    console.log(`${name.padEnd(16)} ${median(ms.map((m) => m.secs)).toFixed(2).padStart(7)} s  CPU ${Number.isNaN(cpu) ? '?' : cpu.toFixed(2)} s  peak RSS ${Number.isNaN(rss) ? '?' : rss.toFixed(0)} MiB  (median of ${ms.length}${failed ? `, ${failed} failed` : ''})`);
    const bad = ms.find((m) => m.status !== 0);
    if (bad) console.log(`  ${name} failed, so its time means little: ${(bad.stderr.split('\n').find((l) => l && !/^\s/.test(l) && !l.startsWith('Command')) ?? '').slice(0, 160)}`);
  });
  const ratio = (a, b) => median(rows[a].map((m, k) => m.secs / rows[b][k].secs));
  console.log(`ratio goesc/go (median of pairs): cold ${ratio(1, 0).toFixed(2)}x, warm ${ratio(3, 2).toFixed(2)}x, cold from an empty cache ${ratio(4, 0).toFixed(2)}x`);
  if (baseArgs) console.log(`ratio baseline/go (median of pairs): cold ${ratio(5, 0).toFixed(2)}x, warm ${ratio(6, 2).toFixed(2)}x (baseline: ${baseline})`);
  console.log(`ratio goesc/go (median of pairs) with main.go edited after a warm run: ${ratio(edited + 1, edited).toFixed(2)}x`);
  const cpuRatio = (a, b) => median(rows[a].map((m, k) => m.cpu / rows[b][k].cpu));
  if (!Number.isNaN(cpuRatio(1, 0))) {
    console.log(`CPU-time ratio goesc/go (median of pairs): cold ${cpuRatio(1, 0).toFixed(2)}x, warm ${cpuRatio(3, 2).toFixed(2)}x, cold from an empty cache ${cpuRatio(4, 0).toFixed(2)}x` +
      (baseArgs ? `; baseline/go: cold ${cpuRatio(5, 0).toFixed(2)}x, warm ${cpuRatio(6, 2).toFixed(2)}x` : ''));
  }
}
