// goesc asm [-l] [--json] [--compare] PATH: the predicted amd64 allocation code (src/asm),
// of the default build (inlining on, as `go build`) or with -l of the program as written.
// --compare shows the prediction next to the real compiler's -S with the same -l (or a
// stored fixture when Go is absent); only that view may run the toolchain.

import { chooseModel } from '../model.js';
import type { Command } from './command.js';
import { pathsPositional } from './command.js';
import { UserError } from '../../errors.js';
import { formatListing, toJson, compareFuncs, formatComparison } from '../../asm/index.js';
import type { FuncAsm } from '../../asm/result.js';
import { predictPaths } from '../../asm/pipeline.js';
import { fixtureListing, goAvailable, realListing } from '../../check/realasm.js';
import { loadModel } from '../../models/index.js';

interface AsmArgs {
  paths?: string[];
  json?: boolean;
  compare?: boolean;
  go?: string;
  smallframes?: boolean;
  p?: string;
  l?: boolean;
}

export const asmCommand: Command<AsmArgs> = {
  names: ['asm [paths..]'],
  describe: 'the predicted amd64 allocation code',
  builder: (y) =>
    pathsPositional(y)
      .option('json', { type: 'boolean', describe: 'one JSON record per function' })
      .option('compare', { type: 'boolean', describe: 'show the prediction next to the real compiler -S (runs Go; a fixture when Go is absent)' })
      .option('go', { type: 'string', describe: 'model version (default: go.mod\'s, else the installed Go\'s, else the newest)' })
      .option('smallframes', { type: 'boolean', describe: "the compiler's -smallframes limits" })
      .option('p', { type: 'string', describe: "the package's import path, as go tool compile -p (default main for package main, as go build; else p)" })
      .option('l', { type: 'boolean', describe: "disable inlining, as the compiler's -l (default: inlining on, as go build)" })
      .example('$0 asm main.go', 'the allocation calls gc would emit, per function')
      .example('$0 asm --compare main.go', 'next to the installed compiler -S (runs Go)')
      .example('$0 asm -l main.go', 'the calls of the program as written, without inlining'),
  run: async (args) => {
    const paths = args.paths && args.paths.length > 0 ? args.paths : ['.'];
    const go = chooseModel(args.go);
    const inline = !args.l;
    const preds = predictPaths(paths, {
      go,
      smallframes: args.smallframes ?? false,
      inline,
    }).map((pred) => (args.p && args.p !== pred.ir.path ? { ...pred, funcs: renamePackage(pred.funcs, pred.ir.path, args.p) } : pred));
    if (args.compare) {
      const useGo = goAvailable();
      // The real side is the model's own release (or its fixture): go1.27.3 for --go go1.27.
      const model = loadModel(go);
      for (const pred of preds) {
        let real;
        const pkgPath = args.p ?? pred.ir.path;
        if (useGo) real = realListing(pred.files, pkgPath, model.compiler, inline);
        else {
          real = pred.files.length === 1 ? fixtureListing(pred.files[0]!, pkgPath, model.version, inline) : null;
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

/**
 * The prediction's symbols under another import path (`-p`): goesc predicts a package as
 * `p` (`main` for a command); gc prefixes functions and the package's types with -p's value.
 */
function renamePackage(funcs: readonly FuncAsm[], from: string, to: string): FuncAsm[] {
  const prefix = new RegExp(`(^|[^\\w./])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`, 'g');
  const rename = (s: string) => s.replace(prefix, (_, before: string) => `${before}${to}.`);
  return funcs.map((f) => ({
    ...f,
    function: rename(f.function),
    allocs: f.allocs.map((a) => (a.type === undefined ? a : { ...a, type: rename(a.type) })),
  }));
}
