// `goesc [analyze] [-m[=N]] [-l] [-p PATH] [--smallframes] [--go V] [--format F] [-json=0,DIR] PATH...`:
// gc's -m lines on stdout (CONTRACT.md), syntax and type errors on stderr with exit 2.

import type { Command } from './command.js';
import { analyzeFiles, formatDiagnostic } from '../../api.js';
import { formatGoError } from '../../errors.js';
import { formatJson } from '../../format/json.js';
import { formatSarif } from '../../format/sarif.js';
import { parseJsonLogFlag, writeOptLog } from '../../format/logopt.js';

interface AnalyzeArgs {
  readonly paths?: string[];
  readonly m?: number;
  readonly l?: boolean;
  readonly smallframes?: boolean;
  readonly go?: string;
  readonly format?: string;
  readonly jsonLog?: string;
  readonly p?: string;
}

export const analyzeCommand: Command<AnalyzeArgs> = {
  names: ['analyze [paths..]', '$0 [paths..]'],
  describe: 'escape decisions for the packages at PATH (the default command)',
  builder: (y) =>
    y
      .option('m', { type: 'number', describe: 'print escape decisions (-m), with flow explanations (-m=2)' })
      .option('l', { type: 'boolean', describe: 'no inlining, as go tool compile -l' })
      .option('smallframes', { type: 'boolean', describe: "the compiler's -smallframes limits" })
      .option('go', { type: 'string', describe: 'model version (models/), default the newest' })
      .option('format', { type: 'string', choices: ['text', 'json', 'sarif'], default: 'text' })
      .option('json-log', { type: 'string', describe: 'optimization log as -json=0,DIR' })
      .option('p', { type: 'string', describe: "the package's import path, as go tool compile -p (default p)" }),
  run: async (args) => {
    const paths = args.paths ?? [];
    const m = args.m ?? 0;
    const common = { inline: !args.l, smallframes: !!args.smallframes, ...(args.go ? { go: args.go } : {}), ...(args.p ? { packagePath: args.p } : {}) };
    const result = await analyzeFiles(paths, { ...common, m: m > 0 ? m : 1 });
    if (result.errors.length > 0) {
      for (const e of result.errors) process.stderr.write(formatGoError(e) + '\n');
      return 2;
    }
    const diags = m > 0 ? result.diagnostics : [];
    const format = args.format ?? 'text';
    // gc logs the -m=2 explanations whatever -m is, and the JSON/SARIF records carry them:
    // those outputs read the -m=2 lines of the same analysis.
    const explained =
      m >= 2 || (!args.jsonLog && format === 'text')
        ? result.diagnostics
        : (await analyzeFiles(paths, { ...common, m: 2 })).diagnostics;
    if (args.jsonLog) {
      writeOptLog(parseJsonLogFlag(args.jsonLog), explained, { pkgPath: args.p ?? 'p', gcVersion: 'go1.26' });
    }
    if (format === 'json') process.stdout.write(formatJson(diags, explained));
    else if (format === 'sarif') process.stdout.write(formatSarif(diags, { explained }));
    else process.stdout.write(diags.map((d) => formatDiagnostic(d) + '\n').join(''));
    return 0;
  },
};
