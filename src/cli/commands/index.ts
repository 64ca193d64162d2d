// Every command, in the order `goesc --help` lists them.
import type { Command } from './command.js';
import { analyzeCommand } from './analyze.js';
import { parseCommand } from './parse.js';
import { typesCommand } from './types.js';
import { whatifCommand } from './whatif.js';
import { asmCommand } from './asm.js';
import { explainCommand } from './explain.js';
import { graphCommand } from './graph.js';
import { checkCommand } from './check.js';
import { reportCommand } from './report.js';
import { assertCommand } from './assert.js';
import { fixturesCommand } from './fixtures.js';
import { lspCommand } from './lsp.js';
import { cacheCommand } from './cache.js';

export const commands: readonly Command<never>[] = [
  analyzeCommand,
  parseCommand,
  typesCommand,
  whatifCommand,
  asmCommand,
  explainCommand,
  graphCommand,
  checkCommand,
  reportCommand,
  assertCommand,
  fixturesCommand,
  lspCommand,
  cacheCommand,
];
