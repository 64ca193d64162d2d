// The back half of the pipeline: the inliner (the default build, without -l) and escape
// analysis of prepared packages under one rule model,
// dependencies first, each package reading the facts (escape tags) of the packages before
// it, as gc reads its imports' export data. A named package's lines are gc's -m output in
// gc's order: the front end's (devirtualization), escape analysis's, then the walk phase's
// (bounds checks); with inlining, gc's `can inline` lines come first and its `inlining call
// to` lines after the front end's. A dependency is solved for its facts alone (no messages).
//
// A SolveMemo, when given, lets repeated solves (what-if runs) reuse a package's result
// under any model that agrees on the parameters that package read and on its imported
// facts: exact by construction, with no knowledge of the rules here.

import { escapePackage, type EscapeResult } from '../escape/escape.js';
import { fromModel, type EscapeModel } from '../escape/utils.js';
import { gcNodeFormatter, toDiagnostics, type Diagnostic } from '../diag/index.js';
import { boundsNotes } from '../diag/bounds.js';
import type { Model } from '../models/index.js';
import { factsOf, type PackageFacts } from './facts.js';
import type { Prepared, PreparedPackage } from './prepare.js';
import type { FrontEndNote, IrPackage } from '../ir/ir.js';
import { inlinePackage, inlineParams, loadStdInlineFacts, type InlineParams } from '../inline/index.js';
import { withoutDeadLocalsListed } from '../inline/deadlocals.js';
import type { StdInlineFacts } from '../inline/std.js';
import { relocator } from '../syntax/index.js';

export interface SolvedPackage {
  readonly prepared: PreparedPackage;
  /** The IR escape analysis saw: the prepared one, or the inliner's. */
  readonly ir: IrPackage;
  readonly escape: EscapeResult;
  /** Its lines (empty for a dependency that is not named). */
  readonly diagnostics: readonly Diagnostic[];
  readonly facts: PackageFacts;
}

/** What a solved package shows its readers (api.ts AnalysisResult.packages, the playground's views). */
export interface AnalyzedPackage {
  readonly dir: string;
  /** gc's -p of the package. */
  readonly path: string;
  /** Whether its lines are printed (a dependency analysed for facts is not). */
  readonly named: boolean;
  readonly ir: IrPackage;
  readonly escape: EscapeResult;
  readonly facts: PackageFacts;
  readonly diagnostics: readonly Diagnostic[];
}

export function analyzedPackage(s: SolvedPackage): AnalyzedPackage {
  return { dir: s.prepared.source.dir, path: s.prepared.path, named: s.prepared.named, ir: s.ir, escape: s.escape, facts: s.facts, diagnostics: s.diagnostics };
}

export interface Solved {
  readonly packages: readonly SolvedPackage[];
  /** The named packages' lines, package after package. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Earlier solves of the packages of one Prepared, for reuse (see the header). */
export class SolveMemo {
  private readonly history = new Map<PreparedPackage, MemoEntry[]>();
  /** How many package solves the last solve reused and made (for the benchmark). */
  reused = 0;
  solved = 0;

  private readonly stdInline = new Map<string, StdInlineFacts>();

  /** The inliner's run under `model`, std's inline facts read once per version for all solves. */
  inliningFor(model: Model): Inlining {
    let std = this.stdInline.get(model.version);
    if (!std) this.stdInline.set(model.version, (std = loadStdInlineFacts(model.version)));
    return inliningFor(model, std);
  }

  /** Forget every solve except those made under `model` at level m (for repeat timings). */
  keepOnly(model: Model, m: number): void {
    const view = fromModel(model);
    const keys = Object.keys(view) as (keyof EscapeModel)[];
    for (const [p, list] of this.history) {
      this.history.set(p, list.filter((h) => h.m === m && keys.every((k) => h.view[k] === view[k])));
    }
  }

  lookup(p: PreparedPackage, view: EscapeModel, m: number, imported: string): SolvedPackage | undefined {
    for (const h of this.history.get(p) ?? []) {
      if (h.m === m && h.imported === imported && [...h.reads].every((k) => h.view[k] === view[k])) return h.result;
    }
    return undefined;
  }

  record(p: PreparedPackage, entry: MemoEntry): void {
    // A few entries per package suffice: the base model and the latest changes.
    this.history.set(p, [...(this.history.get(p) ?? []).slice(-7), entry]);
  }
}

interface MemoEntry {
  readonly m: number;
  readonly view: EscapeModel;
  readonly reads: ReadonlySet<keyof EscapeModel>;
  readonly imported: string;
  readonly result: SolvedPackage;
}

/** Escape analysis of every prepared package under `model`, at -m level `m`. */
export function solve(prepared: Prepared, model: Model, m: number, memo?: SolveMemo, inline = false): Solved {
  const view = fromModel(model);
  const inlining = inline ? (memo ? memo.inliningFor(model) : inliningFor(model)) : null;
  const imported = new Map<string, readonly string[]>();
  const importedCosts = new Map<string, number>();
  const packages: SolvedPackage[] = [];
  const diagnostics: Diagnostic[] = [];
  if (memo) memo.reused = memo.solved = 0;
  for (const p of prepared.packages) {
    const level = p.named ? m : 0;
    const result = memo ? solveMemoized(p, view, level, imported, memo, inlining, importedCosts) : solvePackage(p, view, level, imported, inlining, importedCosts);
    packages.push(result);
    for (const d of result.diagnostics) diagnostics.push(d);
    for (const [name, tags] of Object.entries(result.facts.tags)) imported.set(name, tags);
    for (const [name, cost] of Object.entries(result.facts.inline ?? {})) importedCosts.set(name, cost);
  }
  return { packages, diagnostics };
}

function solveMemoized(
  p: PreparedPackage,
  view: EscapeModel,
  m: number,
  imported: ReadonlyMap<string, readonly string[]>,
  memo: SolveMemo,
  inlining: Inlining | null,
  importedCosts: ReadonlyMap<string, number>,
): SolvedPackage {
  // The facts a package can read are those of the packages before it, and the inliner's
  // parameters: their digest.
  const digest = (inlining?.key ?? '-l') + (p.source.imports?.length ? JSON.stringify([...imported]) + JSON.stringify([...importedCosts]) : '');
  const hit = memo.lookup(p, view, m, digest);
  if (hit) {
    memo.reused++;
    return hit;
  }
  const reads = new Set<keyof EscapeModel>();
  const watched = new Proxy(view, {
    get(target, key, receiver) {
      reads.add(key as keyof EscapeModel);
      return Reflect.get(target, key, receiver);
    },
  });
  const result = solvePackage(p, watched, m, imported, inlining, importedCosts);
  memo.record(p, { m, view, reads, imported: digest, result });
  memo.solved++;
  return result;
}

/** The inliner's run of a solve: its parameters (from the model) and std's inline facts. */
export interface Inlining {
  readonly params: InlineParams;
  readonly std: StdInlineFacts;
  /** The parameters as text, for the memo. */
  readonly key: string;
}

/** The inliner's run under a model: its parameters and the std inline facts of its version. */
export function inliningFor(model: Model, std: StdInlineFacts = loadStdInlineFacts(model.version)): Inlining {
  return { params: inlineParams(model), std, key: JSON.stringify(model.inline) };
}

/**
 * One package's solve: the inliner when asked (a new, inlined IR), its escape analysis at
 * level m, its lines, its facts. `last`: this is the prepared package's only (or last)
 * solve, so the passes after the inliner may edit its IR in place rather than copy it
 * first (a what-if keeps the prepared IR for the next model; a build does not).
 */
export function solvePackage(
  p: PreparedPackage,
  view: EscapeModel,
  m: number,
  imported: ReadonlyMap<string, readonly string[]>,
  inlining: Inlining | null = null,
  importedCosts: ReadonlyMap<string, number> = new Map(),
  last = false,
): SolvedPackage {
  const inlined = inlining
    ? inlinePackage(p.ir, { params: inlining.params, m, std: inlining.std, imported: importedCosts, directImports: p.pkg.imports.map((i) => i.path) })
    : null;
  // Escape analysis records its rewrites aside and never adds or drops a function, so the
  // functions the dead-locals pass listed are still the package's for boundsNotes.
  const { pkg: ir, funcs } = withoutDeadLocalsListed(inlined?.ir ?? p.ir, last || (inlined !== null && inlined.ir !== p.ir));
  // Positions print as the files' line directives say (none: as they are).
  const relocate = relocator(p.files);
  const escape = escapePackage(ir, { m, model: view, fmt: gcNodeFormatter, ...(imported.size > 0 ? { imported } : {}), ...(relocate ? { relocate } : {}) });
  const diagnostics: Diagnostic[] = [];
  if (m > 0) {
    const note = (n: FrontEndNote) => diagnostics.push({ file: n.file, line: n.pos.line, col: n.pos.col, message: n.message, kind: 'other', func: n.func });
    p.ir.readerNotes?.forEach(note);
    inlined?.canInlineNotes.forEach(note);
    p.ir.notes.forEach(note);
    inlined?.inlineNotes.forEach(note);
    // A loop, not a spread: -m=2 on a large package gives a few hundred thousand lines, more
    // than a call's arguments may number.
    for (const d of toDiagnostics(escape.messages, m)) diagnostics.push(d);
    for (const n of boundsNotes(ir, funcs ?? undefined)) {
      diagnostics.push({ file: n.file, line: n.line, col: n.col, message: 'index bounds check elided', kind: 'other', func: n.func });
    }
    if (relocate) {
      for (let i = 0; i < diagnostics.length; i++) {
        const d = diagnostics[i]!;
        if (d.file !== '') diagnostics[i] = { ...d, ...relocate(d.file, d.line, d.col) };
      }
    }
  }
  return { prepared: p, ir, escape, diagnostics, facts: factsOf(p.path, escape.tags, inlined?.inlinable) };
}
