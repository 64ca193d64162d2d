// Helpers for asking the real Go toolchain, shared by scripts/fixtures.mjs, the scoreboard
// and the other scripts. They live in src/check/record.ts (goesc fixtures uses them too);
// this module re-exports them from the build (dist/, made by npm ci / npm run build) under
// the names the scripts use.

import { cpus } from 'node:os';
import {
  allocationCalls,
  compileCase,
  diagnosticLines,
  goAvailable,
  goEnv,
  pool,
  recordedCommand,
  stableJson,
  stdImportcfg,
} from '../../dist/check/record.js';

export { allocationCalls, diagnosticLines, goEnv, pool, recordedCommand, stableJson };
export const hasGo = goAvailable;
export const makeStdImportcfg = stdImportcfg;
export const compile = compileCase;

export function defaultJobs() {
  return Math.max(1, cpus().length);
}
