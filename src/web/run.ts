// One playground run, synchronous, over model files already loaded (models.ts): the
// editor's text as prog.go, named on a command line outside any module, analysed by the
// CLI's own path after loading (load/outside.ts for the package and its import errors,
// pipeline/analyze-graph.ts for the analysis, format/output.ts for the text), so the output
// pane holds what `goesc FLAGS prog.go` prints. The extras (hover flows and why-chains, the
// flow graphs, the allocation calls) are the explain, graph and asm commands' views of the
// same program.

import { UserError } from '../errors.js';
import type { Diagnostic } from '../diag/index.js';
import type { AnalysisContext } from '../pipeline/context.js';
import { analyzeGraph } from '../pipeline/analyze-graph.js';
import { prepare } from '../pipeline/prepare.js';
import { analyzedPackage, solve } from '../pipeline/solve.js';
import { sourceOf } from '../pipeline/build.js';
import type { LoadedPackage, PackageGraph } from '../load/graph.js';
import { outsideModulePackage } from '../load/outside.js';
import { textOutput } from '../format/output.js';
import { explanationFor, explanationText, groupExplanations, lineSubject } from '../format/explain.js';
import { buildChain, chainContext, formatChain } from '../format/chain.js';
import { withSettings, type Model } from '../models/index.js';
import { predictAnalyzed, formatListing } from '../asm/index.js';
import { packageFlowGraph } from '../report/locations.js';
import { toDot } from '../report/graph.js';
import type { AnalysisResult } from '../api.js';
import type { Flags } from './flags.js';
import type { FuncGraph, HoverInfo, Mark, ParamInfo } from './protocol.js';
import { kindRules } from '../format/kinds.js';

export const FILE = 'prog.go';

export interface Program {
  readonly graph: PackageGraph;
  readonly pkg: LoadedPackage;
  /** The go command's errors for the imports (a non-std import). */
  readonly loadErrors: readonly string[];
}

/** prog.go as the loader makes it of a file named outside a module. */
export function programOf(source: Uint8Array, flags: Flags): Program {
  const files = [{ filename: FILE, absPath: `/playground/${FILE}`, bytes: source }];
  const { pkg, errors } = outsideModulePackage(files, '/playground', flags.packagePath ?? 'p');
  return { pkg, loadErrors: errors, graph: { mainModules: [], workFile: null, vendorMode: false, moduleCache: null, packages: [pkg], filesNamed: true } };
}

/** The model of the run: the version's, -smallframes, then the what-if settings. */
export function modelOf(ctx: AnalysisContext, version: string, flags: Flags, settings: Readonly<Record<string, string>>): Model {
  const model = ctx.model(version, flags.smallframes);
  return Object.keys(settings).length > 0 ? withSettings(model, settings) : model;
}

export interface MainRun {
  readonly output: string;
  readonly failed: boolean;
  readonly notes: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly errors: readonly { line: number; col: number; message: string }[];
}

/** What `goesc FLAGS prog.go` prints (stdout, or stderr when it fails) and the lines for the marks. */
export function mainRun(ctx: AnalysisContext, program: Program, model: Model, flags: Flags): MainRun {
  if (program.loadErrors.length > 0) return failure(program.loadErrors);
  const level = flags.m > 0 ? flags.m : 1;
  const result = analyzeGraph(ctx, program.graph, { m: level, model, inline: flags.inline, cache: null, buildId: 'web', moduleNaming: false });
  const text = textOutput(result, flags.m);
  if (text.exitCode !== 0) return failure(result.errors, result.notes);
  return { output: text.stdout, failed: false, notes: result.notes, diagnostics: result.diagnostics.filter((d) => d.file === FILE), errors: [] };
}

/** A UserError's lines (as the CLI prints them on stderr) as a run's output. */
export function failure(lines: readonly string[], notes: readonly string[] = []): MainRun {
  const errors = lines.flatMap((l) => {
    const m = /^prog\.go:(\d+):(\d+): (.*)$/.exec(l);
    return m ? [{ line: Number(m[1]), col: Number(m[2]), message: m[3]! }] : [];
  });
  return { output: lines.map((l) => l + '\n').join(''), failed: true, notes, diagnostics: [], errors };
}

export function userErrorLines(err: unknown): string[] | null {
  return err instanceof UserError ? [...err.lines] : null;
}

/** The decisions of the lines, to mark in the editor. */
export function marksOf(diagnostics: readonly Diagnostic[]): Mark[] {
  const heap = new Set(kindRules.filter((r) => r.heap).map((r) => r.kind));
  return diagnostics.flatMap((d): Mark[] => {
    const place = heap.has(d.kind) ? 'heap' : d.kind === 'does-not-escape' ? 'stack' : /^(leaking-param|param-does-not-escape)/.test(d.kind) ? 'param' : null;
    if (!place) return [];
    const subject = lineSubject(d);
    return [{ line: d.line, col: d.col, ...(subject !== undefined ? { subject } : {}), message: d.message, kind: d.kind, place }];
  });
}

/** The model's parameters for the what-if controls. */
export function paramsOf(model: Model): ParamInfo[] {
  return Object.values(model.parameters)
    .filter((p) => !/^(messages|flowReasons)\./.test(p.key))
    .map((p) => ({ key: p.key, type: p.type, value: String(p.default), doc: p.doc, ...(p.compilerFlag ? { compilerFlag: p.compilerFlag } : {}) }));
}

export interface Extras {
  readonly hovers: HoverInfo[];
  readonly graphs: FuncGraph[];
  readonly asm: string;
}

/**
 * The views: hover texts from the -m=2 lines of the run's own build (the explain command's
 * flows and chains), the flow graph of each function and the allocation calls (the graph
 * and asm commands: -m=2 and -m=1 without the inliner).
 */
export function extrasRun(ctx: AnalysisContext, program: Program, model: Model, flags: Flags, main: MainRun, source: string): Extras {
  if (main.failed) return { hovers: [], graphs: [], asm: '' };
  const explained = flags.m >= 2 ? main.diagnostics : analyzeGraph(ctx, program.graph, { m: 2, model, inline: flags.inline, cache: null, buildId: 'web', moduleNaming: false }).diagnostics;
  const prepared = prepare(ctx, [sourceOf(program.pkg, false)], { go: model.version });
  const noInline2 = solve(prepared, model, 2);
  const pkg2 = noInline2.packages[0];
  const asPackages = noInline2.packages.map(analyzedPackage);
  const chains = chainContext({ diagnostics: explained, errors: [], packages: asPackages, model }, () => source, model.version, ctx.models);
  const { explanations } = groupExplanations(explained);
  const hovers: HoverInfo[] = main.diagnostics
    .filter((d) => d.kind !== 'flow' && d.line > 0)
    .map((d) => {
      const e = explanationFor(d, explanations);
      const chain = e ? buildChain(e, chains) : null;
      const subject = lineSubject(d);
      return {
        line: d.line,
        col: d.col,
        ...(subject !== undefined ? { subject } : {}),
        message: d.message,
        kind: d.kind,
        flow: e ? explanationText(e) : [],
        chain: chain && chain.steps.some((s) => s.callee !== undefined) ? formatChain(chain) : [],
      };
    });
  const graphs: FuncGraph[] = [];
  if (pkg2) {
    const locations = pkg2.escape.locations;
    for (const f of pkg2.ir.funcs) {
      if (f.file !== FILE || !f.body) continue;
      const name = f.name.startsWith(pkg2.ir.path + '.') ? f.name.slice(pkg2.ir.path.length + 1) : f.name;
      const g = packageFlowGraph(locations, f.name);
      graphs.push({ name, line: f.pos.line, dot: toDot(g), nodes: g.nodes.length });
    }
  }
  const noInline1 = solve(prepared, model, 1);
  const pkg1 = noInline1.packages[0];
  const asm = pkg1 ? formatListing(predictAnalyzed(pkg1, model)) : '';
  return { hovers, graphs, asm };
}
