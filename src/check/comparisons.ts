// What a check compares, one function each: the compiler's lines for a case (from its
// fixture) against goesc's lines for the same case (from the library API). Adding a view
// (the asm prediction, the layout of `goesc types`) is adding one Comparison here.

import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { analyzeFiles, formatDiagnostic, type AnalyzeOptions } from '../api.js';
import { toJson } from '../asm/index.js';
import { predictFiles } from '../asm/pipeline.js';
import { parseFile } from '../syntax/index.js';
import { checkPackage, modelImporter } from '../types/index.js';
import { typeLayouts } from '../types/describe.js';
import { formatGoError } from '../errors.js';
import { relativizeLines, type AllocationCall, type Fixture, type TypeLayout } from './fixture.js';

export interface Comparison {
  /** Key in the fixture and the baseline: `m`, `m2`, `smallframes`, `asm`. */
  readonly name: string;
  /** The compiler flags it mirrors, for tables. */
  readonly flags: string;
  readonly expected: (fixture: Fixture) => readonly string[];
  /** goesc's lines for the case at `goFile` (absolute), relative as in the fixture. */
  readonly actual: (goFile: string) => Promise<readonly string[]>;
}

/** The path a user in the current directory would type for the file. */
function pathAsGiven(goFile: string): string {
  const rel = relative(process.cwd(), goFile);
  return rel === '' || rel.startsWith('..') ? goFile : rel;
}

function diagnosticsComparison(name: string, flags: string, options: Partial<AnalyzeOptions>, pick: (f: Fixture) => readonly string[]): Comparison {
  return {
    name,
    flags,
    expected: pick,
    actual: async (goFile) => {
      const given = pathAsGiven(goFile);
      const result = await analyzeFiles([given], options);
      // Syntax or type errors are lines the compiler did not print: they count as extra.
      const lines = [...result.errors.map(formatGoError), ...result.diagnostics.map(formatDiagnostic)];
      return relativizeLines(lines, given);
    },
  };
}

export const escapeDecisions = diagnosticsComparison('m', '-m -l', { m: 1, smallframes: false }, (f) => f.m.lines);

export const escapeFlows = diagnosticsComparison('m2', '-m=2 -l', { m: 2, smallframes: false }, (f) => f.m2.lines);

/**
 * The -m=2 explanations as units: each header (`x escapes to heap in f:`, `parameter p leaks
 * to ... with derefs=0:`) joined with its indented flow lines. A location counts as explained
 * identically only if its whole block matches, which is what issue #5's 80% is about.
 */
export function explanationBlocks(lines: readonly string[]): string[] {
  const message = (line: string): string => line.replace(/^.*?:\d+:\d+: /, '');
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const next = lines[i + 1];
    if (message(lines[i]!).startsWith(' ') || next === undefined || !message(next).startsWith(' ')) continue;
    const block = [lines[i]!];
    while (i + 1 < lines.length && message(lines[i + 1]!).startsWith(' ')) block.push(lines[++i]!);
    blocks.push(block.join(' ⏎ '));
  }
  return blocks;
}

export const flowExplanations: Comparison = {
  name: 'explain',
  flags: '-m=2 -l (whole explanations)',
  expected: (f) => explanationBlocks(f.m2.lines),
  actual: async (goFile) => explanationBlocks(await escapeFlows.actual(goFile)),
};

export const smallFrames = diagnosticsComparison('smallframes', '-m -l -smallframes', { m: 1, smallframes: true }, (f) => f.smallframes.lines);

/** One allocation call as a comparable line: `file:line: func call [type]`. */
export function formatAllocation(a: AllocationCall): string {
  return `${a.file}:${a.line}: ${a.func} ${a.call}${a.type ? ' ' + a.type : ''}`;
}

/** The -S view, for when goesc predicts allocation calls (`goesc asm --json`). */
export function allocationComparison(predict: (goFile: string) => Promise<readonly AllocationCall[]>): Comparison {
  return {
    name: 'asm',
    flags: '-S -l (allocation calls)',
    expected: (f) => f.asm.allocs.map(formatAllocation),
    actual: async (goFile) => (await predict(goFile)).map(formatAllocation),
  };
}

/** goesc's allocation-call prediction (`goesc asm --json`), file names as in the fixture. */
export const allocationCalls = allocationComparison(async (goFile) =>
  toJson(predictFiles([pathAsGiven(goFile)]).funcs).flatMap((f) =>
    f.allocs.map((a): AllocationCall => ({ func: f.function, file: basename(f.file), line: a.line, call: a.call, ...('type' in a && a.type !== undefined ? { type: a.type } : {}) })),
  ),
);

function formatLayout(t: TypeLayout): string {
  return `${t.name} size=${t.size} align=${t.align}`;
}

/** The layout of the case's named types (`goesc types --json`) against go/types'. */
export const namedTypeLayouts: Comparison = {
  name: 'layout',
  flags: 'go/types SizesFor("gc", "amd64")',
  expected: (f) => f.layout.types.map(formatLayout),
  actual: async (goFile) => {
    const given = pathAsGiven(goFile);
    const parsed = parseFile(given, readFileSync(goFile));
    if (!parsed.file) return relativizeLines(parsed.errors.map(formatGoError), given);
    const checked = checkPackage([parsed.file], { importer: modelImporter({ goVersion: 'go1.26' }) });
    const errors = [...parsed.errors, ...checked.errors].map(formatGoError);
    return [...relativizeLines(errors, given), ...typeLayouts(checked).map(formatLayout)];
  },
};

export const availableComparisons: Readonly<Record<string, Comparison>> = {
  m: escapeDecisions,
  m2: escapeFlows,
  explain: flowExplanations,
  smallframes: smallFrames,
  asm: allocationCalls,
  layout: namedTypeLayouts,
};

/** The comparison the baseline gates by default: the -m -l decisions. */
export const defaultComparisons: readonly Comparison[] = [escapeDecisions];
