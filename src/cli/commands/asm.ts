import type { Command } from './command.js';
import { notYet } from './command.js';

export const asmCommand: Command = {
  names: ['asm [paths..]'],
  describe: 'the predicted amd64 allocation code',
  builder: (y) => y,
  run: async () => notYet('goesc asm'),
};
