#!/usr/bin/env node
// npm run fuzz -- [--minutes N] [--seed S] [--out testdata/fuzz] [--max-functions K] [--m 1|2]
//
// Differential fuzzing of goesc against the installed Go compiler (issue 9, item 4).
// Programs come from the generator in src/reliability/generator.ts (through dist: run
// `npm run build` first). Each one is compiled by `compile -p=p -m -l` and analysed by goesc's
// library at -m (the same as `goesc -m -l`); the two sets of lines must be equal. The search is
// a fast-check property, so the first disagreement of a round is shrunk to a minimal program;
// it is saved as testdata/fuzz/<hash>.go with <hash>.diff.txt (gc's lines and goesc's that
// differ), unless a case with the same differing messages (line numbers left out) was already
// saved. Rounds continue with new seeds until the time is up. A goesc exception counts as a
// disagreement too.
//
// Promoting a finding into the corpus: copy testdata/fuzz/<hash>.go to
// testdata/cases/<rule>/<name>.go and run `npm run fixtures -- <name>` (the corpus owner's
// script makes the fixture from the real compiler), then `goesc check --update` as the corpus
// baseline requires.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { goEnv, hasGo, makeStdImportcfg } from './lib/gotool.mjs';

const argv = yargs(hideBin(process.argv))
  .option('minutes', { type: 'number', default: 5, describe: 'how long to fuzz' })
  .option('seed', { type: 'number', default: Date.now() % 2 ** 31, describe: 'first round seed' })
  .option('out', { type: 'string', default: 'testdata/fuzz', describe: 'where findings go' })
  .option('max-functions', { type: 'number', default: 5 })
  .option('m', { type: 'number', default: 1, describe: 'compare at -m (1) or -m=2 (2), always with -l' })
  .strict()
  .parseSync();

if (!hasGo()) {
  console.error('fuzz: go is not on PATH; differential fuzzing needs the real compiler');
  process.exit(2);
}
const dist = resolve('dist');
if (!existsSync(join(dist, 'reliability/generator.js'))) {
  console.error('fuzz: dist/reliability/generator.js missing; run `npm run build` first');
  process.exit(2);
}
const { goProgramArb, renderFile } = await import(join(dist, 'reliability/generator.js'));
const { analyzePackages, formatDiagnostic } = await import(join(dist, 'api.js'));
const { formatGoError } = await import(join(dist, 'errors.js'));

const work = makeStdImportcfg();
const compiler = join(goEnv('GOTOOLDIR'), 'compile');
const outDir = resolve(argv.out);
mkdirSync(outDir, { recursive: true });

function gcLines(src) {
  writeFileSync(join(work.dir, 'a.go'), src);
  const r = spawnSync(compiler, ['-p=p', `-importcfg=${work.path}`, '-o', join(work.dir, 'a.o'), `-trimpath=${work.dir}=>`, `-m=${argv.m}`, '-l', 'a.go'], {
    cwd: work.dir,
    encoding: 'utf8',
  });
  return (r.stdout + r.stderr).split('\n').filter((l) => l !== '');
}

function goescLines(src) {
  try {
    const r = analyzePackages([{ dir: '.', files: [{ filename: 'a.go', bytes: new TextEncoder().encode(src) }] }], { m: argv.m });
    return [...r.errors.map(formatGoError), ...r.diagnostics.map(formatDiagnostic)];
  } catch (e) {
    return [`goesc crashed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`];
  }
}

/** Lines of `a` not matched in `b`, as multisets. */
function minus(a, b) {
  const left = new Map();
  for (const l of b) left.set(l, (left.get(l) ?? 0) + 1);
  return a.filter((l) => {
    const n = left.get(l) ?? 0;
    if (n === 0) return true;
    left.set(l, n - 1);
    return false;
  });
}

function compare(src) {
  const gc = gcLines(src);
  const ours = goescLines(src);
  return { gc, ours, missing: minus(gc, ours), extra: minus(ours, gc) };
}

/** What a finding is about, independent of where: the differing messages without positions. */
const signature = (d) =>
  [...d.missing.map((l) => `-${l.replace(/^a\.go:\d+:\d+: /, '')}`), ...d.extra.map((l) => `+${l.replace(/^a\.go:\d+:\d+: /, '')}`)]
    .sort()
    .join('\n');

const known = new Set(
  existsSync(outDir)
    ? readdirSync(outDir)
        .filter((f) => f.endsWith('.diff.txt'))
        .map((f) => readFileSync(join(outDir, f), 'utf8').split('\n--- signature\n')[1] ?? '')
    : [],
);

const deadline = Date.now() + argv.minutes * 60_000;
let seed = argv.seed;
let programs = 0;
let rounds = 0;
let saved = 0;
let duplicates = 0;
while (Date.now() < deadline) {
  rounds++;
  const result = fc.check(
    fc.property(goProgramArb(argv['max-functions']), (p) => {
      programs++;
      const d = compare(renderFile(p));
      return d.missing.length === 0 && d.extra.length === 0;
    }),
    { seed, numRuns: 1_000_000, interruptAfterTimeLimit: Math.max(1000, deadline - Date.now()), maxSkipsPerRun: 0 },
  );
  seed = (seed + 7919) % 2 ** 31;
  if (!result.failed) continue;
  const src = renderFile(result.counterexample[0]);
  const d = compare(src);
  const sig = signature(d);
  if (sig === '' || known.has(sig)) {
    duplicates++;
    continue;
  }
  known.add(sig);
  const hash = createHash('sha256').update(src).digest('hex').slice(0, 12);
  writeFileSync(join(outDir, `${hash}.go`), src);
  writeFileSync(
    join(outDir, `${hash}.diff.txt`),
    [
      `# goesc -m=${argv.m} -l vs go tool compile -m=${argv.m} -l (seed ${result.seed}, ${result.numShrinks} shrinks)`,
      '# gc only:',
      ...d.missing,
      '# goesc only:',
      ...d.extra,
      '--- signature',
      sig,
    ].join('\n') + '\n',
  );
  saved++;
  console.log(`fuzz: ${argv.out}/${hash}.go (${d.missing.length} missing, ${d.extra.length} extra, ${result.numShrinks} shrinks)`);
}
work.cleanup();
console.log(
  `fuzz: ${argv.minutes} min, ${programs} programs checked (shrinking included), ${rounds} rounds, ${saved} new findings, ${duplicates} duplicates`,
);
