// Cross-package inlining in a module (the default build): a dependency's inlinable functions
// inline into its importer from the dependency's facts (their cost) and its source (their
// body), std's from the models' inline bodies, as `go build -gcflags=-m` does. The expected
// lines come from the real go command, run here on a temporary module.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, formatDiagnostic } from '../../src/api.js';
import { analyzeProgram } from '../../src/pipeline/program.js';
import { ResultCache } from '../../src/pipeline/cache.js';

const hasGo = spawnSync('go', ['version']).status === 0;

const files: Record<string, string> = {
  'go.mod': 'module example.com/m\n\ngo 1.26\n',
  'inner/inner.go': `package inner

import "errors"

type T struct {
	buf []byte
	n   int
}

func New(n int) *T { return &T{buf: make([]byte, 0, n)} }

func (t *T) Add(b byte) { t.buf = append(t.buf, b); t.n++ }

func (t *T) Len() int { return t.n }

var errBad = errors.New("bad")

func Check(x int) error {
	if x < 0 {
		return errBad
	}
	return nil
}

func wrap(s string) error { return errors.New("inner: " + s) }

func Wrap(s string) error { return wrap(s) }
`,
  'cmd/main.go': `package main

import (
	"strings"

	"example.com/m/inner"
)

func main() {
	t := inner.New(10)
	t.Add(1)
	println(t.Len())
	_ = inner.Check(3)
	_ = inner.Wrap("x")
	var b strings.Builder
	b.WriteString("x")
	println(b.String())
}
`,
};

describe('cross-package inlining (default build)', () => {
  it.runIf(hasGo)('matches go build -gcflags=-m, the dependency\'s facts read from the result cache', () => {
    const dir = mkdtempSync(join(tmpdir(), 'goesc-xinl-'));
    try {
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      const gc = spawnSync('go', ['build', '-gcflags=-m', './...'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GOFLAGS: '', GOTOOLCHAIN: 'local' } });
      const want = gc.stderr.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.replace(/^\.\//, '')).sort();
      expect(want.some((l) => l.includes('inlining call to inner.Wrap'))).toBe(true);
      const ctx = createContext({ cwd: dir, env: { ...process.env } });
      const model = ctx.model('go1.26', false);
      const cache = new ResultCache(join(dir, '.cache'));
      // First the dependency alone, then everything: the importer reads its facts (inline
      // costs included) from the cache, and its bodies from its source.
      for (const [round, pattern, prefix] of [['dependency', './inner', 'inner/'], ['importer', './...', '']] as const) {
        const r = analyzeProgram(ctx, [pattern], { m: 1, model, cache, buildId: 'test', inline: true });
        expect(r.errors, round).toEqual([]);
        const ours = r.diagnostics.map(formatDiagnostic).map((l) => l.replace(`${dir}/`, '')).sort();
        expect(ours, round).toEqual(want.filter((l) => l.startsWith(prefix)));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
