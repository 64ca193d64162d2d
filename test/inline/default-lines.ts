// goesc's lines for one source saved as x.go, inlining on (the default build), named as
// gcBuildLines (test/escape/gc.ts) names gc's, so the two compare line for line.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeFiles, formatDiagnostic } from '../../src/api.js';
import type { Model } from '../../src/models/index.js';

export async function goescBuildLines(source: string, m: number, model?: Model): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-default-'));
  const file = path.join(dir, 'x.go');
  fs.writeFileSync(file, source);
  const r = await analyzeFiles([file], { m, inline: true, ...(model ? { model } : {}) });
  return r.diagnostics.map(formatDiagnostic).map((l) => l.replace(file, 'x.go')).filter((l) => /^x\.go:\d+:\d+: /.test(l));
}
