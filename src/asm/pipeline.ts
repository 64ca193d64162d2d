// From source files to predicted allocation code: the library's one pipeline (src/api.ts:
// parse, type-check, lower, escape analysis), then the allocation lowering of this module,
// per package, the way `go tool compile -p=p file.go...` sees it. Never starts the Go
// toolchain.

import { loadPackages } from '../load/index.js';
import { analyzePackages, type AnalysisContext, type SourcePackage } from '../api.js';
import type { IrPackage } from '../ir/ir.js';
import type { Model } from '../models/index.js';
import { UserError, formatGoError } from '../errors.js';
import type { FuncAsm } from './result.js';
import { predictAnalyzed } from './index.js';
import type { Placement } from './placement.js';

export interface AsmOptions {
  /** Model version (`go1.26`); default the newest. */
  readonly go?: string;
  readonly smallframes?: boolean;
  readonly model?: Model;
  /** The run's shared state (std packages); default a new one. */
  readonly context?: AnalysisContext;
  /**
   * Decisions to use instead of goesc's escape analysis, per file (measurements feed the
   * real compiler's -m lines here to test the lowering rules alone).
   */
  readonly placement?: (file: string) => Placement;
  /** The default build (no -l): the allocation code of the inlined program. Default off. */
  readonly inline?: boolean;
}

export interface AsmPrediction {
  readonly files: readonly string[];
  readonly ir: IrPackage;
  readonly funcs: readonly FuncAsm[];
}

/**
 * One package's prediction: PATH is `.go` files of one package or a directory (the go
 * command's file selection for linux/amd64, src/load). Syntax and type errors become a
 * UserError printed as gc prints them (exit 2).
 */
export function predictFiles(paths: readonly string[], options: AsmOptions = {}): AsmPrediction {
  const pkgs = loadPackages(paths);
  if (pkgs.length !== 1) throw new UserError(`goesc: ${paths.join(' ')} names ${pkgs.length} packages; asm wants one`);
  return predictPackageFiles(pkgs[0]!, options);
}

/** Every package PATH names (files, directories, DIR/...), each predicted on its own. */
export function predictPaths(paths: readonly string[], options: AsmOptions = {}): AsmPrediction[] {
  return loadPackages(paths).map((p) => predictPackageFiles(p, options));
}

function predictPackageFiles(pkg: SourcePackage, options: AsmOptions): AsmPrediction {
  const files = pkg.files.map((f) => f.filename);
  const analysis = analyzePackages([pkg], {
    m: 1,
    smallframes: options.smallframes ?? false,
    ...(options.go ? { go: options.go } : {}),
    ...(options.model ? { model: options.model } : {}),
    ...(options.context ? { context: options.context } : {}),
    inline: options.inline ?? false,
  });
  if (analysis.errors.length > 0) throw new UserError(analysis.errors.map(formatGoError));
  const analysed = analysis.packages[0]!;
  return { files, ir: analysed.ir, funcs: predictAnalyzed(analysed, analysis.model, options.placement) };
}
