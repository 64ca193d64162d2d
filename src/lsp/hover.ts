// Hover on a decision: gc's line, then its -m=2 flow (the explanation gc prints with -m=2,
// src/format/explain.ts), the lines of the path from the location to where it escapes, and
// the why-chain across calls (src/format/chain.ts) when the flow ends at a call.

import type { Hover, Position } from 'vscode-languageserver';
import type { AnalysisResult, Diagnostic } from '../api.js';
import { explanationFor, explanationText, type Explanation } from '../format/explain.js';
export { explanationText } from '../format/explain.js';
import { buildChain, chainContext, formatChain, type ChainContext } from '../format/chain.js';
import { normalizeVersion } from '../models/index.js';
import { lineSubject } from '../format/explain.js';
import type { FileAnalysis, PackageRun } from './server.js';

export function hoverFor(a: FileAnalysis, pos: Position, explain: (run: PackageRun) => AnalysisResult): Hover | null {
  const hits = a.diagnostics
    .filter((d) => d.kind !== 'flow')
    .map((d) => ({ d, range: a.lines.range(d.line, d.col, lineSubject(d)) }))
    .filter(({ range }) => contains(range, pos));
  if (hits.length === 0) return null;
  const ctx = (a.run.chains ??= runChainContext(a.run, explain(a.run), a.settings.go));
  const parts = hits.map(({ d }) => section(d, explanationFor(d, ctx.explanations), ctx));
  return {
    contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') },
    range: hits[0]!.range,
  };
}

function section(d: Diagnostic, e: Explanation | undefined, ctx: ChainContext): string {
  const out = [`**${escapeMarkdown(d.message)}** (goesc: ${d.kind})`];
  if (e) {
    out.push('```text\n' + explanationText(e).join('\n') + '\n```');
    const chain = buildChain(e, ctx);
    if (chain.steps.some((s) => s.callee !== undefined)) out.push('Why, across calls:\n\n```text\n' + formatChain(chain).join('\n') + '\n```');
  }
  return out.join('\n\n');
}

/** Chains over a run's -m=2 lines; imports read from the analysed text of each file. */
function runChainContext(run: PackageRun, explained: AnalysisResult, go: string): ChainContext {
  const text = new Map(run.pkg.files.map((f) => [f.filename, f.bytes]));
  const decoder = new TextDecoder();
  return chainContext(explained, (file) => {
    const bytes = text.get(file);
    return bytes ? decoder.decode(bytes) : undefined;
  }, normalizeVersion(go));
}

function contains(r: { start: Position; end: Position }, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_{}[\]()#+!|<>~])/g, '\\$1');
}
