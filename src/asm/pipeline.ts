// From source files to predicted allocation code: parse, type-check, lower, run escape
// analysis, then the allocation lowering of this module. The stages are the library's
// (src/syntax, src/types, src/ir, src/escape); this file only wires them for one package,
// the way `go tool compile -p=p file.go...` sees it. Never starts the Go toolchain.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile, type File } from '../syntax/index.js';
import { checkPackage, modelImporter, type Importer } from '../types/index.js';
import { lower } from '../ir/lower.js';
import type { IrPackage } from '../ir/ir.js';
import { escapePackage } from '../escape/escape.js';
import { fromModel } from '../escape/utils.js';
import { gcNodeFormatter, toDiagnostics } from '../diag/index.js';
import { loadModel, type Model } from '../models/index.js';
import type { GoError } from '../errors.js';
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

/** The .go files a path stands for (a file, or a directory's non-test files). */
export function goFilesOf(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UserError(`goesc: no such file or directory: ${p}`);
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.endsWith('.go') && !name.endsWith('_test.go')) out.push(join(p, name));
      }
    } else out.push(p);
  }
  if (out.length === 0) throw new UserError(`goesc: no Go files in ${paths.join(' ')}`);
  return out;
}

/** Syntax and type errors become a UserError printed as gc prints them (exit 2). */
export function predictFiles(paths: readonly string[], options: AsmOptions = {}): AsmPrediction {
  const files = goFilesOf(paths);
  const parsed: File[] = [];
  const errors: GoError[] = [];
  for (const f of files) {
    const r = parseFile(f, readFileSync(f));
    errors.push(...r.errors);
    if (r.file) parsed.push(r.file);
  }
  if (errors.length) throw new UserError(errors.map(formatGoError));
  const model = options.model ?? loadModel(options.go, { smallframes: options.smallframes ?? false });
  // Imports resolve to the model's standard-library stubs (models/<go>/std), as in api.ts.
  const importer = options.importer ?? modelImporter({ goVersion: model.version });
  const checked = checkPackage(parsed, { importer, path: 'p' });
  if (checked.errors.length) throw new UserError(checked.errors.map(formatGoError));
  const ir = lower({ files: parsed, pkg: checked.pkg, info: checked.info });
  const escape = escapePackage(ir, { m: 1, model: fromModel(model), fmt: gcNodeFormatter });
  const diags = toDiagnostics(escape.messages, 1);
  const placementOf = options.placement ?? ((file: string) => placementFromEscape(escape, diags.filter((d) => d.file === file)));
  return { files, ir, funcs: predictPackage(ir, placementOf, asmRulesOf(model)) };
}
