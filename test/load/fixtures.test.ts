// The recorded go build outputs of testdata/modules (scripts/record-module-fixtures.mjs)
// against loadGraph run the same way: every package go build compiled with -m is in the
// graph, and every file name it printed is a name loadGraph gives a file. This pins the
// display-name rule and the package set to what the go command did, case by case.

import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { displayFileName, loadGraph } from '../../src/load/index.js';

const testdata = join(import.meta.dirname, '../../testdata/modules');

function fixtures(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (e === 'modcache' || e === 'vendor') continue;
    if (statSync(p).isDirectory()) out.push(...fixtures(p));
    else if (/^expected.*\.txt$/.test(e)) out.push(p);
  }
  return out.sort();
}

const cases = fixtures(testdata).filter((f) => {
  const exit = /^#! exit (\d+)$/m.exec(readFileSync(f, 'utf8'));
  return exit?.[1] === '0';
});

describe('loadGraph agrees with the go command\'s recorded builds', () => {
  it('has recorded builds to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of cases) {
    it(relative(testdata, file), () => {
      const text = readFileSync(file, 'utf8');
      const cwd = join(testdata, /^#! cd testdata\/modules\/(\S+)$/m.exec(text)![1]!);
      const envLine = /^#! GOMODCACHE=\S+ \([^)]*\) (.*)$/m.exec(text)![1]!;
      const env: Record<string, string> = { GOMODCACHE: join(testdata, 'modcache'), HOME: '/nonexistent' };
      for (const kv of envLine.split(' ')) {
        const i = kv.indexOf('=');
        env[kv.slice(0, i)] = kv.slice(i + 1);
      }
      // The go build command's trailing arguments are its patterns.
      const command = /^#! go build (.*)$/m.exec(text)![1]!;
      const patterns = command.split(' ').filter((a) => !a.startsWith("'") && !a.endsWith("'") && !a.startsWith('-'));
      const g = loadGraph(patterns, { cwd, env });
      const byPath = new Map(g.packages.map((p) => [p.importPath, p]));
      const allFiles = g.packages.flatMap((p) => p.files.map((f) => f.absPath));
      // The names a package's compiler output may use: its own files' display names, and
      // (for generic bodies instantiated in it) any file's name seen from its directory.
      let names = new Set<string>();
      const body = text.split('\n').filter((l) => l && !l.startsWith('#!'));
      for (const l of body) {
        if (l.startsWith('# ')) {
          const pkg = byPath.get(l.slice(2));
          expect(pkg, l).toBeDefined();
          names = new Set(allFiles.map((f) => displayFileName(f, pkg!.dir, cwd)));
          for (const f of pkg!.files) expect(names).toContain(f.filename);
        } else if (/^\S+\.go:\d+:\d+: /.test(l)) {
          expect(names).toContain(l.slice(0, l.indexOf(':')));
        }
      }
    });
  }
});
