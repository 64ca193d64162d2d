// A what-if session: the program is loaded, parsed, type-checked and lowered once
// (prepare), then escape analysis is solved once per rule model (solve). The IR is immutable
// and escape analysis keeps its results in side tables, so one prepared program serves any
// number of models; a what-if run costs one solve, not a full analysis.
// The stages are those of src/api.ts analyzePackages, split at the point where the rule
// model first matters (the escape stage: src/escape reads every rule from the model).

import { performance } from 'node:perf_hooks';
import { loadSources, type Diagnostic } from '../api.js';
import type { GoError } from '../errors.js';
import { lowerSourcePackage, type SourcePackage } from '../frontend.js';
import { modelImporter, type Importer } from '../types/index.js';
import type { IrPackage } from '../ir/ir.js';
import { escapePackage } from '../escape/escape.js';
import { fromModel, type EscapeModel } from '../escape/utils.js';
import { gcNodeFormatter, toDiagnostics } from '../diag/index.js';
import type { Model } from '../models/index.js';
import { inlinePackage, inlineParams, loadStdInlineFacts } from '../inline/index.js';

export interface PreparedPackage {
  readonly dir: string;
  readonly ir: IrPackage;
}

/** A program ready for escape analysis under any model of its Go version. */
export interface Prepared {
  readonly packages: readonly PreparedPackage[];
  /** Syntax and type errors; the packages that have them are left out. */
  readonly errors: readonly GoError[];
  /** Wall time of load + parse + check + lower. */
  readonly seconds: number;
}

export interface PrepareOptions {
  /** Model version whose standard-library stubs resolve imports; default the newest. */
  readonly go?: string;
  readonly importer?: Importer;
}

/** Load, parse, type-check and lower the packages named by `paths` (as analyzeFiles does). */
export async function prepare(paths: readonly string[], options: PrepareOptions = {}): Promise<Prepared> {
  const start = performance.now();
  const sources = await loadSources(paths);
  return prepareSources(sources, options, start);
}

/** Parse, type-check and lower already loaded packages. */
export function prepareSources(sources: readonly SourcePackage[], options: PrepareOptions = {}, start = performance.now()): Prepared {
  const importer = options.importer ?? modelImporter(options.go ? { goVersion: options.go } : {});
  const packages: PreparedPackage[] = [];
  const errors: GoError[] = [];
  for (const sp of sources) {
    const lowered = lowerSourcePackage(sp, importer);
    if (lowered.ok) packages.push({ dir: sp.dir, ir: lowered.ir });
    else errors.push(...lowered.errors);
  }
  return { packages, errors, seconds: (performance.now() - start) / 1000 };
}

/**
 * One package's solve, with the model parameters it read. Escape analysis reads parameters
 * lazily (a package without closures never asks for the by-value capture limit), so the
 * package's lines stay valid for any model that agrees on the parameters it read: a what-if
 * run re-solves only the packages whose decisions the change can touch. Exact by
 * construction, with no knowledge of the rules here.
 */
interface SolvedPackage {
  readonly m: number;
  /** The inliner's parameters the solve ran with (JSON), or null for -l. */
  readonly inline: string | null;
  readonly view: EscapeModel;
  readonly reads: ReadonlySet<keyof EscapeModel>;
  readonly diagnostics: readonly Diagnostic[];
}

const solved = new WeakMap<PreparedPackage, SolvedPackage[]>();

/** How many package solves the last solve() call reused (for the benchmark). */
export const solveStats = { reused: 0, solved: 0 };

/**
 * gc's -m lines (at level m) for a prepared program under one rule model; with `inline`,
 * as the default build (gc's inliner first, under the model's inline parameters), else as -l.
 */
export function solve(prepared: Prepared, model: Model, m = 1, inline = false): Diagnostic[] {
  const view = fromModel(model);
  const out: Diagnostic[] = [];
  solveStats.reused = 0;
  solveStats.solved = 0;
  const inlining = inline ? { model, key: JSON.stringify(model.inline) } : null;
  for (const p of prepared.packages) out.push(...solvePackage(p, view, m, inlining));
  return out;
}

/** Forget every cached package solve except those made under `model` (for repeat timings). */
export function forgetSolvesExcept(prepared: Prepared, model: Model, m = 1): void {
  const view = fromModel(model);
  const keys = Object.keys(view) as (keyof EscapeModel)[];
  for (const p of prepared.packages) {
    const kept = (solved.get(p) ?? []).filter((h) => h.m === m && h.inline === null && keys.every((k) => h.view[k] === view[k]));
    solved.set(p, kept);
  }
}

function solvePackage(p: PreparedPackage, view: EscapeModel, m: number, inlining: { model: Model; key: string } | null): readonly Diagnostic[] {
  const history = solved.get(p) ?? [];
  const inlineKey = inlining?.key ?? null;
  for (const h of history) {
    if (h.m === m && h.inline === inlineKey && [...h.reads].every((k) => h.view[k] === view[k])) {
      solveStats.reused++;
      return h.diagnostics;
    }
  }
  const reads = new Set<keyof EscapeModel>();
  const watched = new Proxy(view, {
    get(target, key, receiver) {
      reads.add(key as keyof EscapeModel);
      return Reflect.get(target, key, receiver);
    },
  });
  const inlined = inlining
    ? inlinePackage(p.ir, { params: inlineParams(inlining.model), m, std: loadStdInlineFacts(inlining.model.version) })
    : null;
  const result = escapePackage(inlined?.ir ?? p.ir, { m, model: watched, fmt: gcNodeFormatter });
  const note = (n: { file: string; pos: { line: number; col: number }; message: string; func: string }): Diagnostic =>
    ({ file: n.file, line: n.pos.line, col: n.pos.col, message: n.message, kind: 'other', func: n.func });
  const diagnostics = [
    ...(inlined ? inlined.canInlineNotes.map(note) : []),
    ...(inlined ? inlined.inlineNotes.map(note) : []),
    ...toDiagnostics(result.messages, m),
  ];
  // A few entries per package suffice: the base model and the latest changes.
  solved.set(p, [...history.slice(-7), { m, inline: inlineKey, view, reads, diagnostics }]);
  solveStats.solved++;
  return diagnostics;
}
