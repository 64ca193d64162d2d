import type { Command } from './command.js';
import { notYet } from './command.js';

export const reportCommand: Command = {
  names: ['report [paths..]'],
  describe: 'a self-contained HTML report',
  builder: (y) => y,
  run: async () => notYet('goesc report'),
};
