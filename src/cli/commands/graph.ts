import type { Command } from './command.js';
import { notYet } from './command.js';

export const graphCommand: Command = {
  names: ['graph [paths..]'],
  describe: 'the escape flow graph (dot, json or svg)',
  builder: (y) => y,
  run: async () => notYet('goesc graph'),
};
