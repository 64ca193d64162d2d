// The shape every command module exports: yargs names and options, and a run function
// that returns the exit status (0 ok, 1 internal failure or regression, 2 bad input).

import type { Argv } from 'yargs';

export interface Command<A = Record<string, unknown>> {
  readonly names: readonly string[];
  readonly describe: string;
  readonly builder: (y: Argv) => Argv<unknown>;
  /**
   * `argv` is the command line as main normalised it (cli/argv.ts), for keys of whole runs;
   * `typed` as the user typed it (the shell's re-run records, pipeline/fast-record.ts).
   */
  readonly run: (args: A, argv: readonly string[], typed: readonly string[]) => Promise<number>;
}

export function notYet(name: string): never {
  throw new Error(`${name} is not implemented yet`);
}

/**
 * The `[paths..]` positional of the analysis commands: strings whatever they look like (a
 * folder named `2024` is a path, not a number), and `.` when none is given, as `go build`.
 */
export function pathsPositional(y: Argv): Argv {
  return y.positional('paths', {
    type: 'string',
    array: true,
    default: ['.'],
    defaultDescription: '.',
    describe: '.go files of one package, directories, DIR/..., or import paths',
  });
}
