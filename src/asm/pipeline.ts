// From source files to predicted allocation code: parse, type-check, lower, run escape
// analysis, then the allocation lowering of this module. The stages are the library's
// (src/syntax, src/types, src/ir, src/escape); this file only wires them for one package,
// the way `go tool compile -p=p file.go...` sees it. Never starts the Go toolchain.

import { loadPackages } from '../load/index.js';
import { lowerSourcePackage, type SourcePackage } from '../frontend.js';
import { modelImporter, type Importer } from '../types/index.js';
import type { IrPackage } from '../ir/ir.js';
import { escapePackage } from '../escape/escape.js';
import { fromModel } from '../escape/utils.js';
import { gcNodeFormatter, toDiagnostics } from '../diag/index.js';
import { loadModel, type Model } from '../models/index.js';
import { UserError, formatGoError } from '../errors.js';
import type { FuncAsm } from './result.js';
import { predictPackage } from './predict.js';
import { asmRulesOf } from './rules.js';
import { placementFromEscape } from './index.js';
import type { Placement } from './placement.js';

export interface AsmOptions {
  /** Model version (`go1.26`); default the newest. */
  readonly go?: string;
  readonly smallframes?: boolean;
  readonly model?: Model;
  readonly importer?: Importer;
  /**
   * Decisions to use instead of goesc's escape analysis, per file (measurements feed the
   * real compiler's -m lines here to test the lowering rules alone).
   */
  readonly placement?: (file: string) => Placement;
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
  const model = options.model ?? loadModel(options.go, { smallframes: options.smallframes ?? false });
  // Imports resolve to the model's standard-library stubs (models/<go>/std), as in api.ts.
  const importer = options.importer ?? modelImporter({ goVersion: model.version });
  const lowered = lowerSourcePackage(pkg, importer);
  if (!lowered.ok) throw new UserError(lowered.errors.map(formatGoError));
  const ir = lowered.ir;
  const escape = escapePackage(ir, { m: 1, model: fromModel(model), fmt: gcNodeFormatter });
  const diags = toDiagnostics(escape.messages, 1);
  const placementOf = options.placement ?? ((file: string) => placementFromEscape(escape, diags.filter((d) => d.file === file)));
  return { files, ir, funcs: predictPackage(ir, placementOf, asmRulesOf(model)) };
}
