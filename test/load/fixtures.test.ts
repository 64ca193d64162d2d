// The recorded go build outputs of testdata/modules (scripts/record-module-fixtures.mjs)
// against loadGraph run the same way: every package go build compiled with -m is in the
// graph, and every file name it printed is a name loadGraph gives a file. This pins the
// display-name rule and the package set to what the go command did, case by case.

import { describe, it, expect } from 'vitest';
import { displayFileName, loadGraph } from '../../src/load/index.js';
import { recordedBuilds } from './recorded.js';

const cases = recordedBuilds();

describe('loadGraph agrees with the go command\'s recorded builds', () => {
  it('has recorded builds to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const { name, text, cwd, env, patterns } of cases) {
    it(name, () => {
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
