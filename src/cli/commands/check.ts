// goesc check [--update] [--compare m,order,mDefault,m2,m2Default,smallframes,asm,asmDefault,layout] [--go V] [--verbose] DIR [FILTER...]
// (docs/CLI.md): compares goesc with the stored compiler fixtures of every case under DIR,
// prints the cases that changed state and a precision/recall table per rule folder, and
// exits 1 when a case that matched per DIR/baseline.json no longer matches, or when a case
// lacks its fixture. --update records the current state as the new baseline. It never runs
// Go: the fixtures hold the compiler's answers.

import { existsSync, statSync } from 'node:fs';
import type { Command } from './command.js';
import { UserError } from '../../errors.js';
import { loadModel } from '../../models/index.js';
import {
  availableComparisons,
  baselineOf,
  baselinePath,
  checkPassed,
  discoverCorpus,
  formatCaseLines,
  formatSummary,
  readBaseline,
  runCheck,
  writeBaseline,
  type Comparison,
} from '../../check/index.js';

interface CheckArgs {
  dir: string;
  filter?: string[];
  update?: boolean;
  compare?: string;
  verbose?: boolean;
  go?: string;
}

function comparisonsNamed(list: string): Comparison[] {
  return list.split(',').map((name) => {
    const cmp = availableComparisons[name.trim()];
    if (!cmp) {
      throw new UserError(`goesc check: unknown comparison "${name}" (have: ${Object.keys(availableComparisons).join(', ')})`);
    }
    return cmp;
  });
}

export const checkCommand: Command<CheckArgs> = {
  names: ['check <dir> [filter..]'],
  describe: 'regression check of a folder of cases against stored compiler fixtures',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', describe: 'folder of cases (<rule>/<name>.go with <name>.fixture.json)' })
      .positional('filter', { type: 'string', array: true, describe: 'only cases whose path contains one of these' })
      .option('update', { type: 'boolean', default: false, describe: 'record the current state as DIR/baseline.json' })
      .option('compare', { type: 'string', default: 'm,order,mDefault', describe: 'comparisons to run: m, order (the -m lines in gc\'s order), m2, explain (whole -m=2 explanations), smallframes, asm, layout (all with -l); mDefault, m2Default, asmDefault (the default build, inlining on) (comma-separated)' })
      .option('verbose', { type: 'boolean', default: false, describe: 'list every case, not only changed ones' })
      .option('go', { type: 'string', describe: 'model version: compare with that compiler\'s fixtures (<name>.fixture.go1.27.json) under that model; default the base fixtures (go1.26)' })
      .example('$0 check testdata/cases', 'compare goesc with the stored fixtures, against baseline.json')
      .example('$0 check --go go1.27 testdata/cases', 'against go1.27.3\'s fixtures, under the go1.27 model')
      .example('$0 check --update testdata/cases', 'record the current state as the new baseline'),
  run: async (args) => {
    const dir = args.dir;
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`goesc check: ${dir}: no such directory`);
    const comparisons = comparisonsNamed(args.compare ?? 'm,order,mDefault');
    const go = args.go === undefined ? undefined : loadModel(args.go).version;
    const corpus = discoverCorpus(dir, go);
    if (corpus.cases.length === 0) throw new UserError(`goesc check: no .go cases under ${dir}`);
    if (corpus.missingFixtures.length === corpus.cases.length) {
      throw new UserError([
        `goesc check: ${dir} has no fixtures (none of its ${corpus.cases.length} cases has a <name>.fixture.json)`,
        `  record the compiler's answers first: goesc fixtures ${dir}   (runs Go)`,
      ]);
    }
    const baseline = readBaseline(dir, go);
    const report = await runCheck({ root: dir, comparisons, baseline, filters: args.filter ?? [], ...(go ? { go } : {}) });
    for (const line of formatCaseLines(report, { verbose: args.verbose ?? false })) console.log(line);
    for (const line of formatSummary(report)) console.log(line);
    if (args.update) {
      writeBaseline(dir, baselineOf(report, baseline), report.goVersion, go);
      console.log(`baseline written: ${baselinePath(dir, go)}`);
      return report.missingFixtures.length || report.orphanFixtures.length ? 1 : 0;
    }
    return checkPassed(report) ? 0 : 1;
  },
};
