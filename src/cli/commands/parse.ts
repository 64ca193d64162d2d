// `goesc parse [--json] PATH...` (docs/CLI.md): parse only. Text mode prints each failure
// as gc prints it (`file:line:col: message`) on stderr and a one-line summary on stdout;
// --json prints {"files","lines","failed":[{file,line,col,message}],"seconds"}. Exit 2 when
// any file failed.

import type { Command } from './command.js';
import { pathsPositional } from './command.js';
import { loadPackages } from '../../load/index.js';
import { parseFile } from '../../syntax/index.js';
import { formatGoError, type GoError } from '../../errors.js';

interface ParseArgs {
  paths?: string[];
  json?: boolean;
}

export const parseCommand: Command<ParseArgs> = {
  names: ['parse [paths..]'],
  describe: 'parse only; --json prints a summary',
  builder: (y) =>
    pathsPositional(y)
      .option('json', { type: 'boolean', default: false, describe: 'print a JSON summary' })
      .example('$0 parse --json ./...', 'parse every package beneath ., one JSON summary'),
  run: async (args) => {
    const start = performance.now();
    const packages = loadPackages(args.paths && args.paths.length > 0 ? args.paths : ['.']);
    let files = 0;
    let lines = 0;
    const failed: GoError[] = [];
    for (const pkg of packages) {
      for (const f of pkg.files) {
        files++;
        lines += countLines(f.bytes);
        const { errors } = parseFile(f.filename, f.bytes);
        if (errors.length > 0) {
          failed.push(errors[0]!);
          if (!args.json) for (const e of errors) process.stderr.write(formatGoError(e) + '\n');
        }
      }
    }
    const seconds = (performance.now() - start) / 1000;
    if (args.json) {
      const out = { files, lines, failed: failed.map(({ file, line, col, message }) => ({ file, line, col, message })), seconds };
      process.stdout.write(JSON.stringify(out) + '\n');
    } else {
      process.stdout.write(`parsed ${files} files, ${lines} lines in ${seconds.toFixed(2)}s; ${failed.length} failed\n`);
    }
    return failed.length > 0 ? 2 : 0;
  },
};

function countLines(b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i] === 10) n++;
  if (b.length > 0 && b[b.length - 1] !== 10) n++;
  return n;
}
