// `goesc assert [--format text|sarif] [PATH...]` (docs/CLI.md): gcassert's directives
// (`//gcassert:noescape`, `//gcassert:inline`, `//gcassert:bce`, and goesc's own spelling
// `//goesc:...`) checked against goesc's analysis, without building. Text: one line per
// violation on stdout, `file:line: source text: reason`; directives goesc cannot judge yet
// on stderr, in the same form, with a one-line summary. Exit 1 on any violation, 0 when
// all hold, 2 for bad input (syntax/type errors, an unknown directive).
import { chooseModel } from '../model.js';
import type { Command } from './command.js';
import { pathsPositional } from './command.js';
import { formatGoError } from '../../errors.js';
import { assertPaths } from '../../assert/index.js';
import { assertSarif } from '../../assert/sarif.js';

interface AssertArgs {
  readonly paths?: string[];
  readonly format?: string;
  readonly go?: string;
}

export const assertCommand: Command<AssertArgs> = {
  names: ['assert [paths..]'],
  describe: 'check //gcassert:noescape, inline and bce directives without building',
  builder: (y) =>
    pathsPositional(y)
      .option('format', { type: 'string', choices: ['text', 'sarif'], default: 'text' })
      .option('go', { type: 'string', describe: 'model version (models/), default the newest' })
      .example('$0 assert ./...', 'every directive beneath ., exit 1 on a violation')
      .example('$0 assert --format sarif . > assert.sarif', 'for code scanning')
      .epilogue(
        'Directives: //gcassert:noescape, //gcassert:inline, //gcassert:bce (comma-separated), or //goesc:noescape etc.\n' +
          'On the line, or alone on the line above it; above a func, about the whole function (inline: every call to it).',
      ),
  run: async (args) => {
    const paths = args.paths && args.paths.length > 0 ? args.paths : ['.'];
    const r = await assertPaths(paths, { go: chooseModel(args.go) });
    if (r.errors.length > 0) {
      for (const e of r.errors) process.stderr.write(formatGoError(e) + '\n');
      return 2;
    }
    const violated = r.verdicts.filter((v) => v.status === 'violated');
    if (args.format === 'sarif') {
      process.stdout.write(assertSarif(r.verdicts, r.sourceLine));
    } else {
      for (const v of violated) process.stdout.write(`${v.file}:${v.line}: ${r.sourceLine(v.file, v.line)}: ${v.reason}\n`);
      for (const v of r.verdicts.filter((x) => x.status === 'not checked')) {
        process.stderr.write(`${v.file}:${v.line}: ${r.sourceLine(v.file, v.line)}: ${v.reason}\n`);
      }
      const count = (s: string) => r.verdicts.filter((v) => v.status === s).length;
      process.stderr.write(
        r.verdicts.length === 0
          ? 'goesc assert: no //gcassert: or //goesc: directives found\n'
          : `goesc assert: ${r.verdicts.length} checks: ${count('holds')} hold, ${violated.length} violated, ${count('not checked')} not checked\n`,
      );
    }
    return violated.length > 0 ? 1 : 0;
  },
};
