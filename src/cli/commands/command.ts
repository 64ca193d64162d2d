// The shape every command module exports: yargs names and options, and a run function
// that returns the exit status (0 ok, 1 internal failure or regression, 2 bad input).

import type { Argv } from 'yargs';

export interface Command<A = Record<string, unknown>> {
  readonly names: readonly string[];
  readonly describe: string;
  readonly builder: (y: Argv) => Argv<unknown>;
  readonly run: (args: A) => Promise<number>;
}

export function notYet(name: string): never {
  throw new Error(`${name} is not implemented yet`);
}
