// goesc asm [--json] [--compare] PATH: the predicted amd64 allocation code (src/asm).
// --compare shows the prediction next to the real compiler's -S (or a stored fixture when
// Go is absent); only that view may run the toolchain.

import type { Command } from './command.js';
import { UserError } from '../../errors.js';
import { formatListing, toJson, compareFuncs, formatComparison } from '../../asm/index.js';
import { predictPaths } from '../../asm/pipeline.js';
import { fixtureListing, goAvailable, realListing } from '../../asm/realcompiler.js';
import { loadModel } from '../../models/index.js';

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
    y
      .option('json', { type: 'boolean', describe: 'one JSON record per function' })
      .option('compare', { type: 'boolean', describe: 'show the prediction next to the real compiler -S (runs Go; a fixture when Go is absent)' })
      .option('go', { type: 'string', describe: 'model version (default: the newest)' })
      .option('smallframes', { type: 'boolean', describe: "the compiler's -smallframes limits" }),
  run: async (args) => {
    const paths = args.paths ?? [];
    if (paths.length === 0) throw new UserError('goesc asm: no path given');
    const preds = predictPaths(paths, {
      ...(args.go ? { go: args.go } : {}),
      smallframes: args.smallframes ?? false,
    });
    if (args.compare) {
      const useGo = goAvailable();
      // The real side is the model's own release (or its fixture): go1.27.3 for --go go1.27.
      const model = loadModel(args.go);
      for (const pred of preds) {
        let real;
        if (useGo) real = realListing(pred.files, pred.ir.path, model.compiler);
        else {
          real = pred.files.length === 1 ? fixtureListing(pred.files[0]!, pred.ir.path, model.version) : null;
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
