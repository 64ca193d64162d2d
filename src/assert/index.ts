// `goesc assert`: allocation assertions checked without building. The stage reads the
// directives of every file of the named packages (directives.ts), analyses the packages as
// `goesc -m` does under default flags (src/api.ts), and judges each directive against the
// -m lines (judge.ts). The output follows gcassert: one line per violation,
// `file:line: source text: reason`, the source text being the judged line, trimmed.

import { readFileSync } from 'node:fs';
import { analyzeFiles, loadSources, type Diagnostic } from '../api.js';
import type { GoError } from '../errors.js';
import type { CallExpr, File } from '../syntax/ast.js';
import { parseFile } from '../syntax/index.js';
import { forEachNode } from '../syntax/walk.js';
import { findDirectives, funcsByLine, type Directive, type DirectiveError } from './directives.js';
import { judge, type Verdict } from './judge.js';

export { directiveNames, type Directive } from './directives.js';
export { isHeapDecision, inliningModelled, type Status, type Verdict } from './judge.js';

export interface AssertResult {
  readonly verdicts: readonly Verdict[];
  /** Syntax and type errors, and malformed directives: bad input. */
  readonly errors: readonly (GoError | DirectiveError)[];
  /** The trimmed text of a line of an analysed file. */
  readonly sourceLine: (file: string, line: number) => string;
}

export interface AssertOptions {
  readonly go?: string;
  /**
   * The -m lines to judge by instead of goesc's analysis: scripts/assert-vs-gc.mjs passes the
   * real compiler's, so that gc's verdicts come from the very same directive reading.
   */
  readonly diagnostics?: readonly Diagnostic[];
}

export async function assertPaths(paths: readonly string[], options: AssertOptions = {}): Promise<AssertResult> {
  const packages = await loadSources(paths);
  const texts = new Map<string, string[]>();
  const directives: Directive[] = [];
  const errors: (GoError | DirectiveError)[] = [];
  const parsed: { filename: string; file: File }[] = [];
  for (const pkg of packages) {
    for (const f of pkg.files) {
      const text = new TextDecoder().decode(f.bytes);
      texts.set(f.filename, text.split('\n'));
      const r = parseFile(f.filename, f.bytes);
      if (r.file) parsed.push({ filename: f.filename, file: r.file });
      const found = findDirectives(f.filename, text, funcsByLine(r.file));
      directives.push(...found.directives);
      errors.push(...found.errors);
    }
  }
  const sourceLine = (file: string, line: number): string => {
    const lines = texts.get(file) ?? readLines(file);
    return (lines[line - 1] ?? '').trim().replace(/\s*\/\/\s?(gcassert|goesc):[\w,]*\s*$/, '');
  };
  if (errors.length > 0) return { verdicts: [], errors, sourceLine };
  let diagnostics = options.diagnostics;
  if (!diagnostics) {
    const result = await analyzeFiles(paths, { m: 1, ...(options.go ? { go: options.go } : {}) });
    if (result.errors.length > 0) return { verdicts: [], errors: result.errors, sourceLine };
    diagnostics = result.diagnostics;
  }
  const callSites = (d: Directive) => (d.func ? callsTo(parsed, d.func.name, d.func.method) : []);
  const verdicts = judge(directives, diagnostics, callSites).sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line),
  );
  return { verdicts, errors: [], sourceLine };
}

/** The lines calling a function (by name) or a method (by selector name), in every file. */
function callsTo(files: readonly { filename: string; file: File }[], name: string, method: boolean): { file: string; line: number }[] {
  const out: { file: string; line: number }[] = [];
  for (const { filename, file } of files) {
    forEachNode(file, (n) => {
      if (n.kind !== 'CallExpr') return;
      const fun = (n as CallExpr).fun;
      const hit = method ? fun.kind === 'SelectorExpr' && fun.sel.value === name : fun.kind === 'Name' && fun.value === name;
      if (hit && !out.some((o) => o.file === filename && o.line === n.line)) out.push({ file: filename, line: n.line });
    });
  }
  return out;
}

function readLines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n');
  } catch {
    return [];
  }
}
