// goesc's AST against go/parser (scripts/goparser-check): the positions of identifiers,
// calls, composite literals, function literals and unary & must agree, over features.go
// and a fixed sample of $(go env GOROOT)/src (every 300th file by path). The full-GOROOT
// measurement is `node scripts/goparser-check/compare.mjs`.
import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFile } from '../../src/syntax/index.js';
import { crossCheckLines } from '../../src/syntax/walk.js';

const hasGo = spawnSync('go', ['version']).status === 0;
if (!hasGo) console.log('crosscheck.test: go not on PATH, skipping the go/parser cross-check');

function goParserLines(files: string[]): Map<string, string[]> {
  const checker = fileURLToPath(new URL('../../scripts/goparser-check/', import.meta.url));
  const bin = join(mkdtempSync(join(tmpdir(), 'goesc-gpc-')), 'goparser-check');
  execFileSync('go', ['build', '-o', bin, '.'], { cwd: checker });
  const out = execFileSync(bin, files, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const result = new Map<string, string[]>();
  let cur: string[] | null = null;
  for (const line of out.split('\n')) {
    if (line.startsWith('== ')) result.set(line.slice(3), (cur = []));
    else if (line.startsWith('!! ')) cur = null;
    else if (line && cur) cur.push(line);
  }
  return result;
}

describe.runIf(hasGo)('go/parser cross-check', () => {
  it('agrees on features.go and a GOROOT sample', () => {
    const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
    const all = execFileSync('find', [`${goroot}/src`, '-name', '*.go', '-not', '-path', '*/testdata/*'], { encoding: 'utf8', maxBuffer: 1 << 26 })
      .split('\n').filter(Boolean).sort();
    const sample = [fileURLToPath(new URL('./testdata/good/features.go', import.meta.url)), ...all.filter((_, i) => i % 300 === 0)];
    const want = goParserLines(sample);
    const disagree: string[] = [];
    for (const f of sample) {
      const w = want.get(f);
      if (!w) continue;
      const { file, errors } = parseFile(f, readFileSync(f));
      if (!file) {
        disagree.push(`${f}: ${errors[0]?.message}`);
        continue;
      }
      const got = crossCheckLines(file).sort();
      if (got.join('\n') !== [...w].sort().join('\n')) disagree.push(f);
    }
    expect(disagree).toEqual([]);
  });
});
