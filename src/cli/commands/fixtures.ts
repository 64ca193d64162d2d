// `goesc fixtures [--jobs N] DIR` (docs/CLI.md): records, for every case under DIR (each
// `.go` file, compiled alone as package p), the installed compiler's -m -l, -m=2 -l,
// -m -l -smallframes lines and its -S allocation calls, with its version and flags, as
// DIR/.../<name>.fixture.json (src/check/record.ts). It runs Go, and says so. When DIR has
// no baseline.json yet, it records goesc's current agreement as the baseline, so that the
// next `goesc check DIR` fails when a matching case stops matching.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { UserError } from '../../errors.js';
import {
  baselineOf,
  baselinePath,
  defaultComparisons,
  discoverCorpus,
  readBaseline,
  runCheck,
  writeBaseline,
} from '../../check/index.js';
import { fixtureIsCurrent, goAvailable, goEnv, pool, recordCase, stdImportcfg } from '../../check/record.js';

interface FixturesArgs {
  readonly dir: string;
  readonly jobs?: number;
}

export const fixturesCommand: Command<FixturesArgs> = {
  names: ['fixtures <dir>'],
  describe: "record the installed compiler's answers for every case under DIR (runs Go)",
  builder: (y) =>
    y
      .positional('dir', { type: 'string', describe: 'folder of cases: each .go file is compiled alone as package p' })
      .option('jobs', { type: 'number', default: Math.max(1, cpus().length), describe: 'compiles at a time' })
      .example('$0 fixtures mycases && $0 check mycases', 'record, then compare goesc with the compiler offline'),
  run: async (args) => {
    const dir = args.dir;
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`goesc fixtures: ${dir}: no such directory`);
    if (!goAvailable()) {
      throw new UserError("goesc fixtures: needs the Go toolchain (go on PATH): fixtures are the real compiler's answers");
    }
    const corpus = discoverCorpus(dir);
    if (corpus.cases.length === 0) throw new UserError(`goesc fixtures: no .go files under ${dir}`);
    const go = { version: goEnv('GOVERSION'), goos: goEnv('GOOS'), goarch: goEnv('GOARCH') };
    process.stderr.write(
      `goesc fixtures: running the installed Go compiler (${go.version} ${go.goos}/${go.goarch}, go tool compile -m -l, -m=2 -l, -smallframes, -S) on ${corpus.cases.length} cases\n`,
    );
    const cfg = stdImportcfg();
    let written = 0;
    try {
      const root = resolve(dir);
      await pool(corpus.cases, args.jobs ?? 1, async (c) => {
        const text = await recordCase(resolve(c.goFile), root, { importcfg: cfg.path, go });
        if (fixtureIsCurrent(c.fixtureFile, text)) return;
        writeFileSync(c.fixtureFile, text);
        written++;
      });
    } finally {
      cfg.cleanup();
    }
    process.stdout.write(`fixtures: ${corpus.cases.length} cases with ${go.version}, ${written} written, ${corpus.cases.length - written} current\n`);
    if (!readBaseline(dir)) {
      const report = await runCheck({ root: dir, comparisons: defaultComparisons, baseline: undefined });
      writeBaseline(dir, baselineOf(report), report.goVersion);
      const matching = report.results.filter((r) => r.outcomes.every((o) => o.status === 'match')).length;
      process.stdout.write(`baseline written: ${baselinePath(dir)} (goesc matches ${matching}/${report.results.length} cases)\n`);
    }
    return 0;
  },
};
