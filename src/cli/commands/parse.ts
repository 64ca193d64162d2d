import type { Command } from './command.js';
import { notYet } from './command.js';

export const parseCommand: Command = {
  names: ['parse [paths..]'],
  describe: 'parse only; --json prints a summary',
  builder: (y) => y,
  run: async () => notYet('goesc parse'),
};
