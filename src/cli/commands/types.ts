import type { Command } from './command.js';
import { notYet } from './command.js';

export const typesCommand: Command = {
  names: ['types [paths..]'],
  describe: 'sizes and alignments of the named types of a package',
  builder: (y) => y,
  run: async () => notYet('goesc types'),
};
