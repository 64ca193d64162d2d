import type { Command } from './command.js';
import { notYet } from './command.js';

export const explainCommand: Command = {
  names: ['explain <position>'],
  describe: 'why the locations at FILE:LINE[:COL] are placed where they are',
  builder: (y) => y,
  run: async () => notYet('goesc explain'),
};
