#!/usr/bin/env node
// npm run scoreboard [-- --jobs N] [--out docs/SCOREBOARD.md] [--go go1.27.3] [FILTER...]
//
// --go RELEASE: the installed Go's test files, compiled by that release (GOTOOLCHAIN; the
// go command fetches it) and analysed by goesc under its model (--go goX.Y); the default
// output is then docs/SCOREBOARD.goX.Y.md.
// Holds goesc against the Go team's own escape-analysis tests, run in place (never
// copied): every $GOROOT/test/**/*.go whose recipe is `// errorcheck ... -m ...` (the
// testdir harness's directories), measured two ways:
//  (a) the errorcheck rules (scripts/lib/errorcheck.mjs, after cmd/internal/testdir): each
//      `// ERROR "regexp"` matched on its line, no output line left unmatched: pass/fail;
//  (b) line for line against the real compiler on the same file with the same flags, as
//      multisets of `file:line:col: message`: precision and recall.
// The real compiler is also errorchecked, as a sanity check of the harness. goesc runs as
// a user would (node bin/goesc.js -m[=2] [-l] [--smallframes] FILE, in the file's folder;
// build first: npm run scoreboard does), with the build-mode flags it models (-race,
// -d=checkptr, -d=inlfuncswithclosures). Flags goesc does not model (other -d keys, -N,
// -live, -std) are passed to the compiler only and shown in the table. Writes docs/SCOREBOARD.md.

import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, relative, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, defaultJobs, diagnosticLines, goEnv, hasGo, makeStdImportcfg, pool } from './lib/gotool.mjs';
import { dropColumns, errorCheck } from './lib/errorcheck.mjs';
import { buildConstraint, evalBuildExpr } from './lib/buildtags.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The directories cmd/internal/testdir walks.
const testDirs = ['.', 'ken', 'chan', 'interface', 'syntax', 'dwarf', 'fixedbugs', 'codegen', 'abi', 'typeparam', 'typeparam/mdempsky', 'arenas', 'simd'];
const goescFlags = new Set(['-m', '-l', '-smallframes', '-race']);
/** The -d keys goesc models (its -d flag); a -d list passes only when it holds nothing else. */
const goescDebugKeys = new Set(['checkptr', 'inlfuncswithclosures']);
const modelledFlag = (f) =>
  goescFlags.has(f) || /^-m(=\d+)?$/.test(f) || (f.startsWith('-d=') && f.slice(3).split(',').every((kv) => goescDebugKeys.has(kv.split('=')[0])));

function parseArgs(argv) {
  const opts = { jobs: defaultJobs(), out: undefined, filters: [], go: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--jobs') opts.jobs = Number(argv[++i]);
    else if (a === '--out') opts.out = resolve(argv[++i]);
    else if (a === '--go') opts.go = argv[++i];
    else if (a.startsWith('-')) throw new Error(`unknown flag ${a}`);
    else opts.filters.push(a);
  }
  opts.model = opts.go ? `go${opts.go.slice(2).split('.').slice(0, 2).join('.')}` : undefined;
  opts.out ??= join(root, 'docs', opts.model ? `SCOREBOARD.${opts.model}.md` : 'SCOREBOARD.md');
  return opts;
}

/** The recipe of a Go test: first non-empty line that is not a build constraint. */
function recipeOf(src) {
  for (const line of src.split('\n')) {
    if (/^\/\/(go:build|\s*\+build)/.test(line)) continue;
    if (line.trim() === '') continue;
    return line.replace(/^\/\//, '').trim();
  }
  return '';
}

/** The escape tests: errorcheck recipes using -m, with harness and compiler flags apart. */
function findTests(testRoot, tags) {
  const tests = [];
  for (const dir of testDirs) {
    const abs = join(testRoot, dir);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs).sort()) {
      if (!name.endsWith('.go')) continue;
      const file = join(abs, name);
      const src = readFileSync(file, 'utf8');
      const [action, ...args] = recipeOf(src).split(/\s+/);
      if (action !== 'errorcheck' && action !== 'errorcheckwithauto') continue;
      if (!args.some((a) => a === '-m' || a.startsWith('-m='))) continue;
      const test = { file, id: relative(testRoot, file), src, wantAuto: action === 'errorcheckwithauto', flags: [], skip: undefined };
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '-0' || a === '-1' || a === '-s') continue;
        if (a === '-t') i++;
        else if (['-goexperiment', '-godebug', '-gomodversion'].includes(a)) test.skip = `harness flag ${a} ${args[++i]}`;
        else test.flags.push(a);
      }
      const constraint = buildConstraint(src);
      if (constraint && !evalBuildExpr(constraint, tags)) test.skip = `//go:build ${constraint}`;
      tests.push(test);
    }
  }
  return tests;
}

function runGoesc(test, model) {
  // gc adds up repeated -m flags (`-m -m` is -m=2).
  const level = test.flags.reduce((n, f) => (f === '-m' ? n + 1 : /^-m=\d+$/.test(f) ? Math.max(n, Number(f.slice(3))) : n), 0);
  // Without -l in the recipe, gc inlines, and so does goesc.
  const args = [join(root, 'bin', 'goesc.js'), `-m=${Math.max(1, level)}`, ...(test.flags.includes('-l') ? ['-l'] : [])];
  if (test.flags.includes('-smallframes')) args.push('--smallframes');
  for (const f of test.flags) if (f === '-race' || (f.startsWith('-d=') && modelledFlag(f))) args.push(f);
  if (model) args.push('--go', model);
  args.push(basename(test.file));
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd: dirname(test.file), timeout: 180_000, maxBuffer: 256 << 20, encoding: 'utf8' }, (err, stdout, stderr) => {
      const status = err ? (typeof err.code === 'number' ? err.code : 'timeout') : 0;
      done({ status, stdout, stderr });
    });
  });
}

async function score(test, env, check) {
  const dir = dirname(test.file);
  const file = basename(test.file);
  const scratch = mkdtempSync(join(tmpdir(), 'goesc-score-'));
  try {
    const harness = ['-d=panic', '-e'];
    const gcC = await compile({ dir, file, flags: [...harness, '-C', ...test.flags], importcfg: env.importcfg, out: join(scratch, 'a.o') });
    const gc = await compile({ dir, file, flags: [...harness, ...test.flags], importcfg: env.importcfg, out: join(scratch, 'a.o') });
    const goesc = await runGoesc(test, env.model);
    const gcLines = diagnosticLines(gc.stdout);
    const goescLines = diagnosticLines(goesc.stdout);
    const gcCheck = errorCheck(gcC.stdout, test.src, file, test.wantAuto);
    // Both checks read the whole output, as testdir does: `<autogenerated>` lines included
    // (errorcheckwithauto matches them; splitOutput drops them otherwise).
    const goescCheck = errorCheck(dropColumns(goesc.stdout.split('\n')).join('\n'), test.src, file, test.wantAuto);
    const diff = check.diffLines(gcLines, goescLines);
    const notes = [];
    if (gc.status !== 0) notes.push(`compiler exit ${gc.status}`);
    if (goesc.status !== 0) {
      const lines = goesc.stderr.split('\n').filter((l) => l.trim());
      const why = lines.find((l) => /error/i.test(l)) ?? lines[0] ?? '';
      notes.push(`goesc exit ${goesc.status}: ${why.replaceAll('|', '\\|').slice(0, 120)}`);
    }
    const unmodelled = test.flags.filter((f) => !modelledFlag(f));
    return { test, gcCheck, goescCheck, diff, tally: check.tallyOf(diff), unmodelled, notes };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function pct(check, r) {
  return check.formatRatio(r);
}

function markdown(results, skipped, env, check, started) {
  const total = results.reduce((t, r) => check.addTally(t, r.tally), check.emptyTally);
  const primary = results.filter((r) => r.test.flags.join(' ') === '-m -l');
  const primaryTally = primary.reduce((t, r) => check.addTally(t, r.tally), check.emptyTally);
  const pass = (rs, key) => rs.filter((r) => r[key].errors.length === 0).length;
  const lines = [
    '# goesc scoreboard: the Go team\'s escape tests',
    '',
    `Generated by \`npm run scoreboard\` (scripts/scoreboard.mjs) on ${new Date().toISOString().slice(0, 19).replace('T', ' ')} UTC`,
    `with ${env.version} (${env.goroot}/test, run in place) and goesc${env.model ? ` --go ${env.model}` : ""} at commit ${env.commit}. Do not edit: regenerate.`,
    '',
    'Files: every `$GOROOT/test/**/*.go` (the testdir harness\'s folders) whose recipe is `// errorcheck` with `-m`.',
    '(a) errorcheck: the Go team\'s rules (every `// ERROR "re"` matched on its line, no output line left',
    'unmatched) applied to goesc\'s output, pass/fail per file; the real compiler\'s pass count checks the harness.',
    '(b) lines: goesc\'s `file:line:col: message` lines against the real compiler\'s with the same flags, as',
    'multisets: precision = found / goesc lines, recall = found / compiler lines.',
    '',
    '## Summary',
    '',
    '| set | files | errorcheck pass (goesc) | errorcheck pass (gc) | gc lines | goesc lines | found | precision | recall |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| all -m errorcheck tests | ${results.length} | ${pass(results, 'goescCheck')} | ${pass(results, 'gcCheck')} | ${total.expected} | ${total.printed} | ${total.found} | ${pct(check, check.precision(total))} | ${pct(check, check.recall(total))} |`,
    `| recipe exactly \`-0 -m -l\` | ${primary.length} | ${pass(primary, 'goescCheck')} | ${pass(primary, 'gcCheck')} | ${primaryTally.expected} | ${primaryTally.printed} | ${primaryTally.found} | ${pct(check, check.precision(primaryTally))} | ${pct(check, check.recall(primaryTally))} |`,
    '',
    `Skipped (the harness would skip them on ${env.goos}/${env.goarch}): ${skipped.length ? skipped.map((t) => `\`${t.id}\` (${t.skip})`).join(', ') : 'none'}.`,
    '',
    '## Per file',
    '',
    '| file | flags | goesc errorcheck | gc errorcheck | gc lines | goesc lines | found | precision | recall | notes |',
    '|---|---|---|---|---:|---:|---:|---:|---:|---|',
  ];
  const verdict = (c) => (c.errors.length === 0 ? 'pass' : `FAIL (${c.missing} missing, ${c.mismatched} no match, ${c.unmatched.length} unmatched)`);
  for (const r of results) {
    const notes = [...r.notes, ...(r.unmodelled.length ? [`not modelled: ${r.unmodelled.join(' ')}`] : [])];
    lines.push(
      `| ${r.test.id} | \`${r.test.flags.join(' ')}\` | ${verdict(r.goescCheck)} | ${verdict(r.gcCheck)} | ${r.tally.expected} | ${r.tally.printed} | ${r.tally.found} | ${pct(check, check.precision(r.tally))} | ${pct(check, check.recall(r.tally))} | ${notes.join('; ')} |`,
    );
  }
  lines.push('', `Run time: ${((Date.now() - started) / 1000).toFixed(0)} s with ${env.jobs} jobs.`, '');
  return lines.join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!hasGo()) {
    console.error('scoreboard: `go` is not on PATH; the scoreboard compares with the real compiler');
    return 2;
  }
  const checkModule = join(root, 'dist', 'check', 'index.js');
  if (!existsSync(join(root, 'dist', 'cli', 'main.js')) || !existsSync(checkModule)) {
    console.error('scoreboard: dist/ is missing; run npm run build first (npm run scoreboard does)');
    return 2;
  }
  const check = await import(checkModule);
  // The test files are always the installed Go's; --go changes the compiler that judges.
  const goroot = goEnv('GOROOT');
  if (opts.go) {
    process.env.GOTOOLCHAIN = opts.go;
    const got = goEnv('GOVERSION');
    if (got !== opts.go) throw new Error(`GOTOOLCHAIN=${opts.go} gave ${got}; cannot fetch that release`);
  }
  // The compile binary runs without the go command (lib/gotool.mjs compile): a release built
  // with -trimpath then prints std positions as `$GOROOT/src/...` unless GOROOT is set. Set
  // it, as the go command would, so std lines name the real files, as goesc (which reads the
  // same variable) names them.
  process.env.GOROOT = goEnv('GOROOT');
  const env = {
    model: opts.model,
    goroot,
    version: goEnv('GOVERSION'),
    goos: goEnv('GOOS'),
    goarch: goEnv('GOARCH'),
    jobs: opts.jobs,
    commit: spawnSync('git', ['describe', '--always', '--dirty'], { cwd: root, encoding: 'utf8' }).stdout.trim() || 'unknown',
  };
  const experiments = goEnv('GOEXPERIMENT').split(',').filter(Boolean).map((e) => `goexperiment.${e}`);
  const tags = new Set([env.goos, env.goarch, 'unix', 'gc', ...experiments]);
  let tests = findTests(join(goroot, 'test'), tags);
  if (opts.filters.length) tests = tests.filter((t) => opts.filters.some((f) => t.id.includes(f)));
  const skipped = tests.filter((t) => t.skip);
  const runnable = tests.filter((t) => !t.skip);
  const cfg = makeStdImportcfg();
  const started = Date.now();
  try {
    env.importcfg = cfg.path;
    const results = await pool(runnable, opts.jobs, async (t) => {
      const r = await score(t, env, check);
      console.log(`${r.goescCheck.errors.length ? 'FAIL' : 'pass'}  ${t.id}  recall ${pct(check, check.recall(r.tally))}`);
      return r;
    });
    mkdirSync(dirname(opts.out), { recursive: true });
    writeFileSync(opts.out, markdown(results, skipped, env, check, started));
    console.log(`scoreboard: ${results.length} files (${skipped.length} skipped) written to ${relative(process.cwd(), opts.out)}`);
    return 0;
  } finally {
    cfg.cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`scoreboard: ${e.stack ?? e.message}`);
    process.exit(1);
  },
);
