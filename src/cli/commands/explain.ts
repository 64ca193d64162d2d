// `goesc explain FILE:LINE[:COL]`: why the locations at that position are placed where
// they are — gc's -m=2 explanation lines for them, plus their -m decisions.

import { dirname } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import type { Command } from './command.js';
import { analyzeFiles, formatDiagnostic } from '../../api.js';
import { formatGoError, UserError } from '../../errors.js';

interface ExplainArgs {
  readonly position: string;
  readonly smallframes?: boolean;
  readonly go?: string;
}

export const explainCommand: Command<ExplainArgs> = {
  names: ['explain <position>'],
  describe: 'why the locations at FILE:LINE[:COL] are placed where they are',
  builder: (y) =>
    y
      .positional('position', { type: 'string', describe: 'FILE.go:LINE or FILE.go:LINE:COL' })
      .option('smallframes', { type: 'boolean' })
      .option('go', { type: 'string', describe: 'model version (models/)' })
      .example('$0 explain main.go:12', 'the -m=2 flow of every decision on line 12')
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
    const result = await analyzeFiles(paths, { m: 2, smallframes: !!args.smallframes, ...(args.go ? { go: args.go } : {}) });
    if (result.errors.length > 0) throw new UserError(result.errors.map(formatGoError));
    const same = (f: string) => f === file || f.replace(/^\.\//, '') === file.replace(/^\.\//, '');
    const hits = result.diagnostics.filter((d) => same(d.file) && d.line === line && (col === null || d.col === col));
    if (hits.length === 0) {
      process.stdout.write(`${args.position}: no escape analysis decision here\n`);
      return 0;
    }
    process.stdout.write(hits.map((d) => formatDiagnostic(d) + '\n').join(''));
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
