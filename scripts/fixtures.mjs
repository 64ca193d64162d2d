#!/usr/bin/env node
// npm run fixtures [-- --check] [--go go1.27.3] [--jobs N] [--shard K/N] [FILTER...]
//
// Asks the installed Go compiler about every corpus case (testdata/cases/<rule>/<name>.go)
// and stores its answers beside the case as <name>.fixture.json (pretty, keys sorted, so
// diffs read well): the -m -l lines, the -m=2 -l lines, the -m -l -smallframes lines, the
// -S -l listing reduced to allocation calls, the -json=0 optimisation log, and the go/types
// layout of the case's named types (scripts/layout); and the default build's (no -l: gc's
// inliner on) -m, -m=2 and -S allocation calls. Every run records its exact command
// and the fixture the Go version, so a fixture says what made it.
//
// --go RELEASE asks another Go release instead of the installed one: the go command fetches
// it (GOTOOLCHAIN=RELEASE, from the module proxy on first use) and the answers go to
// <name>.fixture.goX.Y.json beside the base <name>.fixture.json (go1.26.8's), so the corpus
// holds each version's outputs side by side; `goesc check --go goX.Y` compares with them.
// --check regenerates into a temporary folder and compares with the committed fixtures:
// exit 0 when all are current, else exit 1 listing the stale, missing and orphan ones.
// --shard K/N restricts the work to the cases whose index mod N is K (used by the test
// suite to check a deterministic share within its time budget). FILTERs keep only the
// cases whose path contains one of them.

import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, dirname, basename, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  compile,
  defaultJobs,
  diagnosticLines,
  goEnv,
  hasGo,
  makeStdImportcfg,
  pool,
  recordedCommand,
  stableJson,
} from './lib/gotool.mjs';
import { allocationCalls } from './lib/asm.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const casesDir = join(root, 'testdata', 'cases');

/** The compiler runs stored per case; the key is the fixture field. */
const runs = {
  m: ['-m', '-l'],
  m2: ['-m=2', '-l'],
  smallframes: ['-m', '-l', '-smallframes'],
  asm: ['-S', '-l'],
  jsonlog: ['-m', '-l', '-json=0,JSONDIR'],
  // The default build (inlining on), as `go build -gcflags=-m` compiles.
  mDefault: ['-m'],
  m2Default: ['-m=2'],
  asmDefault: ['-S'],
};

/** The model version whose compiler made the unversioned fixtures (src/check/fixture.ts). */
const baseVersion = 'go1.26';

/** `go1.27.3` → `go1.27`. */
function modelVersionOf(release) {
  const m = /^go(\d+)\.(\d+)/.exec(release);
  if (!m) throw new Error(`--go wants a Go release like go1.27.3, got ${release}`);
  return `go${m[1]}.${m[2]}`;
}

/** A case's fixture for a model version (default the base one). */
export function fixturePathOf(casePath, version = baseVersion) {
  return casePath.replace(/\.go$/, version === baseVersion ? '.fixture.json' : `.fixture.${version}.json`);
}

const fixtureName = /\.fixture(?:\.go\d+\.\d+)?\.json$/;

/** Case files (absolute), sorted, and fixture files that have no case. */
export function listCorpus(dir = casesDir) {
  const cases = [];
  const fixtures = [];
  for (const rule of readdirSync(dir).sort()) {
    const ruleDir = join(dir, rule);
    if (!statSync(ruleDir).isDirectory()) continue;
    for (const name of readdirSync(ruleDir).sort()) {
      if (fixtureName.test(name)) fixtures.push(join(ruleDir, name));
      else if (name.endsWith('.go')) cases.push(join(ruleDir, name));
    }
  }
  const caseSet = new Set(cases);
  return { cases, orphans: fixtures.filter((f) => !caseSet.has(f.replace(fixtureName, '.go'))) };
}

function parseArgs(argv) {
  const opts = { check: false, jobs: defaultJobs(), shard: undefined, filters: [], go: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') opts.check = true;
    else if (a === '--go') opts.go = argv[++i];
    else if (a.startsWith('--go=')) opts.go = a.slice(5);
    else if (a === '--jobs') opts.jobs = Number(argv[++i]);
    else if (a.startsWith('--jobs=')) opts.jobs = Number(a.slice(7));
    else if (a === '--shard' || a.startsWith('--shard=')) {
      const v = a === '--shard' ? argv[++i] : a.slice(8);
      const m = /^(\d+)\/(\d+)$/.exec(v ?? '');
      if (!m || Number(m[1]) >= Number(m[2])) throw new Error(`--shard wants K/N with K < N, got ${v}`);
      opts.shard = { k: Number(m[1]), n: Number(m[2]) };
    } else if (a.startsWith('-')) throw new Error(`unknown flag ${a}`);
    else opts.filters.push(a);
  }
  return opts;
}

function buildLayoutTool(tmp) {
  const exe = join(tmp, 'layout');
  const r = spawnSync('go', ['build', '-o', exe, '.'], { cwd: join(root, 'scripts', 'layout'), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building scripts/layout failed:\n${r.stderr}`);
  return exe;
}

function layouts(exe, importcfg, cases) {
  if (cases.length === 0) return {};
  const r = spawnSync(exe, ['-importcfg', importcfg, ...cases], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`scripts/layout failed:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

function readJsonLog(dir) {
  const files = {};
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const text = readFileSync(p, 'utf8');
        files[relative(dir, p)] = text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}

async function fixtureFor(casePath, env) {
  const dir = dirname(casePath);
  const file = basename(casePath);
  const scratch = mkdtempSync(join(tmpdir(), 'goesc-case-'));
  try {
    const fixture = {
      case: relative(casesDir, casePath),
      go: env.go,
      generator: 'npm run fixtures (scripts/fixtures.mjs); do not edit',
    };
    for (const [key, template] of Object.entries(runs)) {
      const jsonDir = join(scratch, 'json');
      const flags = template.map((f) => f.replace('JSONDIR', jsonDir));
      const res = await compile({ dir, file, flags, importcfg: env.importcfg, out: join(scratch, 'x.o') });
      if (res.status !== 0) {
        throw new Error(`${fixture.case}: go tool compile ${flags.join(' ')} failed:\n${res.stdout}${res.stderr}`);
      }
      const command = recordedCommand(template.map((f) => f.replace('JSONDIR', '<dir>')));
      if (key === 'asm' || key === 'asmDefault') fixture[key] = { command, allocs: allocationCalls(res.stdout) };
      else if (key === 'jsonlog') fixture.jsonlog = { command, files: readJsonLog(jsonDir) };
      else fixture[key] = { command, lines: diagnosticLines(res.stdout) };
    }
    fixture.layout = {
      reference: 'go/types with types.SizesFor("gc", "amd64") (scripts/layout)',
      types: env.layouts[casePath] ?? [],
    };
    return stableJson(fixture);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!hasGo()) {
    console.error('fixtures: `go` is not on PATH; fixtures can only be made by the real compiler');
    return 2;
  }
  let version = baseVersion;
  if (opts.go) {
    // Every go command below (go list, go tool compile, go build of scripts/layout)
    // inherits this and runs the requested release.
    process.env.GOTOOLCHAIN = opts.go;
    version = modelVersionOf(opts.go);
    const got = goEnv('GOVERSION');
    if (got !== opts.go) throw new Error(`GOTOOLCHAIN=${opts.go} gave ${got}; is the release available from the module proxy?`);
    console.log(`fixtures: running ${got} (GOTOOLCHAIN=${opts.go}), writing <name>${fixturePathOf('x.go', version).slice(1)}`);
  }
  const { cases: all, orphans } = listCorpus();
  let cases = all;
  if (opts.filters.length) cases = cases.filter((c) => opts.filters.some((f) => relative(root, c).includes(f)));
  if (opts.shard) cases = cases.filter((_, i) => i % opts.shard.n === opts.shard.k);

  const cfg = makeStdImportcfg();
  const started = Date.now();
  try {
    const env = {
      importcfg: cfg.path,
      go: { version: goEnv('GOVERSION'), goos: goEnv('GOOS'), goarch: goEnv('GOARCH') },
      layouts: layouts(buildLayoutTool(cfg.dir), cfg.path, cases),
    };
    const failures = [];
    const stale = [];
    let written = 0;
    await pool(cases, opts.jobs, async (c) => {
      let text;
      try {
        text = await fixtureFor(c, env);
      } catch (e) {
        failures.push(e.message);
        return;
      }
      const target = fixturePathOf(c, version);
      const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
      if (current === text) return;
      if (opts.check) stale.push(`${current === undefined ? 'missing' : 'stale'}: ${relative(root, target)}`);
      else {
        writeFileSync(target, text);
        written++;
      }
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    for (const f of failures) console.error(f);
    if (opts.check) {
      const orphanLines = opts.filters.length || opts.shard ? [] : orphans.map((o) => `orphan: ${relative(root, o)}`);
      const problems = [...stale.sort(), ...orphanLines];
      for (const p of problems) console.log(p);
      console.log(
        `fixtures --check: ${cases.length} cases with ${env.go.version}, ${problems.length} not current, ` +
          `${failures.length} failed to compile (${seconds}s)`,
      );
      return problems.length || failures.length ? 1 : 0;
    }
    for (const o of orphans) console.log(`orphan (no case): ${relative(root, o)}`);
    console.log(`fixtures: ${cases.length} cases with ${env.go.version}, ${written} written, ${failures.length} failed (${seconds}s)`);
    return failures.length ? 1 : 0;
  } finally {
    cfg.cleanup();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(`fixtures: ${e.message}`);
      process.exit(1);
    },
  );
}
