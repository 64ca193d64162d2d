import type { Command } from './command.js';
import { notYet } from './command.js';

export const whatifCommand: Command = {
  names: ['whatif [paths..]'],
  describe: 'the diagnostics that a rule change adds or removes',
  builder: (y) => y,
  run: async () => notYet('goesc whatif'),
};
