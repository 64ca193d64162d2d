// `goesc report --out DIR [--smallframes] [--set KEY=VALUE]... [--real auto|fixture|none] PATH...`:
// writes DIR/index.html, a self-contained page (src/report/html.ts), and nothing else.
// The real -S column is the only place the Go toolchain may run; the page names its source.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseModel } from '../model.js';
import type { Command } from './command.js';
import { pathsPositional } from './command.js';
import { settingsArg } from '../strict.js';
import { UserError } from '../../errors.js';
import { createProgress } from '../../format/progress.js';
import { gatherReport } from '../../report/gather.js';
import { renderReport } from '../../report/html.js';

interface ReportArgs {
  readonly paths?: string[];
  readonly out?: string;
  readonly go?: string;
  readonly smallframes?: boolean;
  readonly set?: string[] | string;
  readonly real?: 'auto' | 'fixture' | 'none';
}

export const reportCommand: Command<ReportArgs> = {
  names: ['report [paths..]'],
  describe: 'a self-contained HTML report (DIR/index.html)',
  builder: (y) =>
    pathsPositional(y)
      .option('out', { type: 'string', describe: 'directory to write index.html into' })
      .option('go', { type: 'string', describe: 'model version (models/), default the newest' })
      .option('smallframes', { type: 'boolean', describe: "what-if: mark what the compiler's -smallframes limits change" })
      .option('set', { type: 'string', nargs: 1, describe: 'what-if: a model parameter KEY=VALUE (repeat --set for more)' })
      .option('real', {
        type: 'string',
        choices: ['auto', 'fixture', 'none'],
        default: 'auto',
        describe: 'the real -S column: installed compiler, else fixture (auto), fixture only, or none',
      })
      .example('$0 report --out /tmp/r .', 'write /tmp/r/index.html for the package in .')
      .example('$0 report --out /tmp/r --set limits.maxStackVarSize=65536 main.go', 'mark what a what-if changes'),
  run: async (args) => {
    if (!args.out) throw new UserError('goesc report: --out DIR is required');
    const paths = args.paths && args.paths.length > 0 ? args.paths : ['.'];
    const set = settingsArg(args.set);
    const progress = createProgress('goesc report');
    const input = await gatherReport(paths, {
      go: chooseModel(args.go),
      smallframes: !!args.smallframes,
      set,
      real: args.real ?? 'auto',
      onProgress: (done, total, what) => progress.update(done, total, what),
    });
    progress.done();
    mkdirSync(args.out, { recursive: true });
    const target = join(args.out, 'index.html');
    writeFileSync(target, renderReport(input));
    process.stdout.write(`${target}\n`);
    return 0;
  },
};
