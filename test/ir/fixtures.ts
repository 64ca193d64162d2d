// Reading the real compiler's -m output stored by test/ir/gen-fixtures.sh.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const irTestDir = dirname(fileURLToPath(import.meta.url));

export interface GcLine {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

export function readFixture(name: string): GcLine[] {
  const text = readFileSync(join(irTestDir, 'fixtures', `${name}.m.txt`), 'utf8');
  const out: GcLine[] = [];
  for (const l of text.split('\n')) {
    const m = /^(.*?):(\d+):(\d+): (.*)$/.exec(l);
    if (m) out.push({ file: m[1]!, line: Number(m[2]), col: Number(m[3]), message: m[4]! });
  }
  return out;
}

/** The expressions gc names at line:col in "X escapes to heap" / "X does not escape" lines. */
export function exprsNamedAt(lines: readonly GcLine[], line: number, col: number): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (l.line !== line || l.col !== col) continue;
    const m = /^(.*) (?:escapes to heap|does not escape)$/.exec(l.message);
    if (m) out.push(m[1]!);
  }
  return out;
}
