// Gathering the report's input from paths: goesc's own analysis at -m=2 (decisions and
// explanations), its predicted allocation code (src/asm), the flow graph per function, the
// real `-S` for the comparison column (the installed compiler when present, otherwise a
// corpus fixture beside the file; the page names its source), and, when a model change is
// asked for, the what-if diff. Everything here feeds the pure renderReport.

import { solvePrepared } from '../api.js';
import { prepareSources } from '../whatif/session.js';
import { formatGoError, UserError } from '../errors.js';
import { loadPackages } from '../load/index.js';
import { loadModel, parseSettings, withSettings, type Model } from '../models/index.js';
import { asmRulesOf, placementFromEscape, predictPackage } from '../asm/index.js';
import { fixtureListing, goAvailable, realListing, type RealListing } from '../check/realasm.js';
import { diffDiagnostics } from '../whatif/diff.js';
import { functionFlowGraph } from './locations.js';
import { toSvg } from './graph.js';
import type { ReportFunction, ReportInput } from './html.js';

export interface GatherOptions {
  readonly go?: string;
  /** What-if: the compiler's -smallframes limits. */
  readonly smallframes?: boolean;
  /** What-if: model parameters as KEY=VALUE. */
  readonly set?: readonly string[];
  /** Real `-S` column: `auto` (compiler, else fixture), `fixture` only, or `none`. */
  readonly real?: 'auto' | 'fixture' | 'none';
  /** Graphs with more nodes are listed, not drawn (Graphviz time grows fast). */
  readonly maxGraphNodes?: number;
  readonly onProgress?: (done: number, total: number, what: string) => void;
}

export async function gatherReport(paths: readonly string[], options: GatherOptions = {}): Promise<ReportInput> {
  const packages = loadPackages(paths);
  const base = loadModel(options.go, { smallframes: false });
  // Prepared once: the analysis and the what-if solves share it.
  const session = prepareSources(packages, { go: base.version });
  const analysis = solvePrepared(session.prepared, base, 2, session.memo);
  if (analysis.errors.length > 0) throw new UserError(analysis.errors.map(formatGoError));
  const notes: string[] = [];

  let whatif: ReportInput['whatif'];
  if (options.smallframes || (options.set && options.set.length > 0)) {
    const changed = withSettings(loadModel(options.go, { smallframes: !!options.smallframes }), parseSettings(options.set ?? []));
    const label = [...(options.smallframes ? ['--smallframes'] : []), ...(options.set ?? []).map((s) => `--set ${s}`)].join(' ');
    const before = session.solve(base, 1);
    const after = session.solve(changed, 1);
    whatif = { label, changes: diffDiagnostics(before, after) };
  }

  const files = packages.flatMap((p) => p.files.map((f) => ({ path: f.filename, text: Buffer.from(f.bytes).toString('utf8') })));
  const functions: ReportFunction[] = [];
  let realSource: string | undefined;
  const total = analysis.packages.length;
  for (const [i, pkg] of analysis.packages.entries()) {
    options.onProgress?.(i, total, pkg.dir);
    const diags = analysis.diagnostics;
    const predicted = predictPackage(
      pkg.ir,
      (file) => placementFromEscape(pkg.escape, diags.filter((d) => d.file === file)),
      asmRulesOf(base),
    );
    const pkgFiles = [...new Set(predicted.map((f) => f.file))];
    // gc's symbols carry the -p path; goesc names functions after the package clause.
    const pkgPath = predicted[0]?.function.split('.')[0] ?? 'p';
    const real = realFor(pkgFiles, pkgPath, options.real ?? 'auto', notes, base);
    if (real) realSource = real.source;
    for (const fn of predicted) {
      const graph = functionFlowGraph(pkg.escape.locations, fn.function);
      let graphSvg: string | undefined;
      if (graph && graph.nodes.length <= (options.maxGraphNodes ?? 60)) graphSvg = await toSvg(graph);
      else if (graph) notes.push(`${fn.function}: flow graph of ${graph.nodes.length} locations not drawn`);
      const realFn = real?.funcs.find((r) => r.function === fn.function);
      functions.push({
        name: fn.function,
        file: fn.file,
        line: fn.line,
        ...(graphSvg ? { graphSvg } : {}),
        predicted: fn.allocs,
        stack: fn.stack,
        ...(real ? { real: realFn ? realFn.allocs : [] } : {}),
      });
    }
  }
  options.onProgress?.(total, total, '');
  return {
    title: `goesc report: ${paths.join(' ')}`,
    tool: `goesc 0.1.0, model ${base.version}${realSource ? '' : ', no real -S (Go not installed and no fixture)'}`,
    files,
    diagnostics: analysis.diagnostics,
    functions,
    ...(realSource ? { realSource } : {}),
    ...(whatif ? { whatif } : {}),
    notes,
  };
}

function realFor(files: readonly string[], pkgPath: string, mode: 'auto' | 'fixture' | 'none', notes: string[], model: Model): RealListing | null {
  if (mode === 'none' || files.length === 0) return null;
  if (mode === 'auto' && goAvailable()) {
    try {
      return realListing(files, pkgPath, model.compiler);
    } catch (e) {
      notes.push(`the real compiler failed, no -S column: ${(e as Error).message.split('\n')[0]}`);
      return null;
    }
  }
  if (files.length === 1) return fixtureListing(files[0]!, pkgPath, model.version);
  return null;
}

