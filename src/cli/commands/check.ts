import type { Command } from './command.js';
import { notYet } from './command.js';

export const checkCommand: Command = {
  names: ['check <dir>'],
  describe: 'regression check of a folder of cases against stored compiler fixtures',
  builder: (y) => y,
  run: async () => notYet('goesc check'),
};
