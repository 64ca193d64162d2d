// Shared by the type checker's tests: parse and check Go source with the std models.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseFile } from '../../src/syntax/index.js';
import { checkPackage, modelImporter, type CheckResult } from '../../src/types/index.js';
import { formatGoError } from '../../src/errors.js';

export const hasGo = spawnSync('go', ['version']).status === 0;
if (!hasGo) console.log('go is not on PATH: the checks against the real compiler and go/types are skipped');

export const importer = modelImporter();

export function checkSource(filename: string, src: string | Uint8Array): CheckResult {
  const bytes = typeof src === 'string' ? new TextEncoder().encode(src) : src;
  const parsed = parseFile(filename, bytes);
  if (!parsed.file) throw new Error(`parse failed: ${parsed.errors.map(formatGoError).join('; ')}`);
  return checkPackage([parsed.file], { importer });
}

export function checkFile(path: string, shownAs = path): CheckResult {
  return checkSource(shownAs, readFileSync(path));
}

/** gc's error listing (checkPackage already limits and sorts as gc does). */
export function gcErrorText(r: CheckResult): string {
  return r.errors.map(formatGoError).join('\n');
}
