import type { Command } from './command.js';
import { notYet } from './command.js';

export const analyzeCommand: Command = {
  names: ['analyze [paths..]', '$0 [paths..]'],
  describe: 'escape decisions for the packages at PATH (the default command)',
  builder: (y) => y,
  run: async () => notYet('goesc analyze'),
};
