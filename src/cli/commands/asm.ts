// goesc asm [--json] [--compare] PATH: the predicted amd64 allocation code (src/asm).
// --compare shows the prediction next to the real compiler's -S (or a stored fixture when
// Go is absent); only that view may run the toolchain.

import type { Command } from './command.js';
import { pathsPositional } from './command.js';
import { UserError } from '../../errors.js';
import { formatListing, toJson, compareFuncs, formatComparison } from '../../asm/index.js';
import { predictPaths } from '../../asm/pipeline.js';
import { fixtureListing, goAvailable, realListing } from '../../asm/realcompiler.js';

interface AsmArgs {
  paths?: string[];
  json?: boolean;
  compare?: boolean;
  go?: string;
  smallframes?: boolean;
}

export const asmCommand: Command<AsmArgs> = {
  names: ['asm [paths..]'],
  describe: 'the predicted amd64 allocation code',
  builder: (y) =>
    pathsPositional(y)
      .option('json', { type: 'boolean', describe: 'one JSON record per function' })
      .option('compare', { type: 'boolean', describe: 'show the prediction next to the real compiler -S (runs Go; a fixture when Go is absent)' })
      .option('go', { type: 'string', describe: 'model version (default: the newest)' })
      .option('smallframes', { type: 'boolean', describe: "the compiler's -smallframes limits" })
      .example('$0 asm main.go', 'the allocation calls gc would emit, per function')
      .example('$0 asm --compare main.go', 'next to the installed compiler -S (runs Go)'),
  run: async (args) => {
    const paths = args.paths && args.paths.length > 0 ? args.paths : ['.'];
    const preds = predictPaths(paths, {
      ...(args.go ? { go: args.go } : {}),
      smallframes: args.smallframes ?? false,
    });
    if (args.compare) {
      const useGo = goAvailable();
      for (const pred of preds) {
        let real;
        if (useGo) real = realListing(pred.files, pred.ir.path);
        else {
          real = pred.files.length === 1 ? fixtureListing(pred.files[0]!, pred.ir.path) : null;
          if (!real) throw new UserError('goesc asm --compare: Go is not installed and no fixture is stored for these files');
        }
        process.stdout.write(formatComparison(compareFuncs(pred.funcs, real.funcs), pred.files.join(' '), real.source));
      }
      return 0;
    }
    const funcs = preds.flatMap((p) => p.funcs);
    if (args.json) process.stdout.write(JSON.stringify(toJson(funcs), null, 2) + '\n');
    else process.stdout.write(formatListing(funcs));
    return 0;
  },
};
