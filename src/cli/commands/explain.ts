// `goesc explain FILE:LINE[:COL] [--chain] [--json]`: why the locations at that position
// are placed where they are — gc's -m=2 explanation lines for them, plus their -m
// decisions. With --chain, the why-chain across calls (src/format/chain.ts): the flow
// followed through each callee's own explanation of its leak, down to the heap or into
// the standard library's leak tag. --json prints the chains as lists of steps.

import { dirname } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { chooseModel } from '../model.js';
import type { Command } from './command.js';
import { analyzeFiles, formatDiagnostic } from '../../api.js';
import { formatGoError, UserError } from '../../errors.js';
import { explanationFor } from '../../format/explain.js';
import { buildChain, chainContext, formatChain, type Chain } from '../../format/chain.js';
import { normalizeVersion } from '../../models/index.js';

interface ExplainArgs {
  readonly position: string;
  readonly smallframes?: boolean;
  readonly go?: string;
  readonly chain?: boolean;
  readonly json?: boolean;
}

export const explainCommand: Command<ExplainArgs> = {
  names: ['explain <position>'],
  describe: 'why the locations at FILE:LINE[:COL] are placed where they are',
  builder: (y) =>
    y
      .positional('position', { type: 'string', describe: 'FILE.go:LINE or FILE.go:LINE:COL' })
      .option('smallframes', { type: 'boolean' })
      .option('go', { type: 'string', describe: 'model version (models/)' })
      .option('chain', { type: 'boolean', describe: 'follow the flow through the calls that carry it to the heap' })
      .option('json', { type: 'boolean', describe: 'with --chain: the chains as JSON lists of steps' })
      .example('$0 explain main.go:12', 'the -m=2 flow of every decision on line 12')
      .example('$0 explain --chain main.go:12', 'why, across calls, down to the heap')
      .example('$0 explain main.go:12:7', 'only the decisions at column 7'),
  run: async (args) => {
    const m = /^(.*\.go):(\d+)(?::(\d+))?$/.exec(args.position);
    if (!m) throw new UserError(`goesc: explain: want FILE.go:LINE[:COL], got ${args.position}`);
    const file = m[1]!;
    const line = Number(m[2]);
    const col = m[3] ? Number(m[3]) : null;
    // The file's package: its directory when that holds other Go files, else the file alone.
    const dir = dirname(file);
    let paths = [file];
    try {
      if (readdirSync(dir).filter((f) => f.endsWith('.go') && !f.endsWith('_test.go')).length > 1) paths = [dir];
    } catch {
      throw new UserError(`goesc: open ${file}: no such file or directory`);
    }
    const lineCount = linesOf(file);
    if (line < 1 || line > lineCount) {
      throw new UserError(`${file}:${line}: outside the file (${file} has ${lineCount} line${lineCount === 1 ? '' : 's'})`);
    }
    const go = chooseModel(args.go);
    const result = await analyzeFiles(paths, { m: 2, smallframes: !!args.smallframes, go });
    if (result.errors.length > 0) throw new UserError(result.errors.map(formatGoError));
    const same = (f: string) => f === file || f.replace(/^\.\//, '') === file.replace(/^\.\//, '');
    const hits = result.diagnostics.filter((d) => same(d.file) && d.line === line && (col === null || d.col === col));
    if (!args.chain) {
      if (hits.length === 0) {
        process.stdout.write(`${args.position}: no escape analysis decision here\n`);
        return 0;
      }
      process.stdout.write(hits.map((d) => formatDiagnostic(d) + '\n').join(''));
      return 0;
    }
    const ctx = chainContext(result, (f) => readSource(f), normalizeVersion(go));
    const chains: { decision: string; chain: Chain }[] = [];
    for (const d of hits.filter((h) => h.kind !== 'flow')) {
      const e = explanationFor(d, ctx.explanations);
      if (e) chains.push({ decision: formatDiagnostic(d), chain: buildChain(e, ctx) });
    }
    if (args.json) {
      process.stdout.write(JSON.stringify(chains.map((c) => ({ decision: c.decision, reachesHeap: c.chain.reachesHeap, steps: c.chain.steps })), null, 2) + '\n');
      return 0;
    }
    if (chains.length === 0) {
      process.stdout.write(`${args.position}: no escape to explain here\n`);
      return 0;
    }
    process.stdout.write(chains.map((c) => formatChain(c.chain).join('\n') + '\n').join(''));
    return 0;
  },
};

/** The number of lines of `file`, as an editor counts them (a final newline ends the last). */
function linesOf(file: string): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`goesc: open ${file}: no such file or directory`);
  }
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') || text.length === 0 ? newlines : newlines + 1;
}

function readSource(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
