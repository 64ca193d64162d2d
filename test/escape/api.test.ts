// End to end through the library API (parse → check → lower → escape → diag), judged by the
// real compiler: the seed article's file exactly, at -m and -m=2, and a few rule programs.
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeFiles, formatDiagnostic } from '../../src/api.js';
import { gcLines, hasGo } from './gc.js';

async function ours(source: string, m: number): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-api-'));
  fs.writeFileSync(path.join(dir, 'x.go'), source);
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const r = await analyzeFiles(['x.go'], { m });
    expect(r.errors).toEqual([]);
    return r.diagnostics.map(formatDiagnostic);
  } finally {
    process.chdir(cwd);
  }
}

const seed = fs.readFileSync(new URL('../../examples/seed.go', import.meta.url), 'utf8');

const programs: Record<string, string> = {
  closures: `package p

var sink any

func byValue() func() int {
	x := 1
	return func() int { return x }
}

func byRef() func() int {
	x := 1
	f := func() int { x++; return x }
	return f
}

func direct() int {
	y := 0
	return func(p *int) int { return *p }(&y)
}
`,
  interfaces: `package p

import "fmt"

type S struct{ a, b int }

func show(n int, s string) {
	fmt.Println(n, s)
	var i any = S{1, 2}
	sink = i
	_ = fmt.Sprintf("%d", n)
}

var sink any
`,
  slices: `package p

func grow(xs []*int, p *int) []*int {
	return append(xs, p)
}

func local(n int) int {
	buf := make([]byte, n)
	s := []int{1, 2, 3}
	copy(buf, "abc")
	return len(buf) + len(s)
}

func str(b []byte) string {
	return string(b) + "x"
}
`,
};

describe('analyzeFiles against gc', () => {
  it.runIf(hasGo)('seed.go at -m', async () => {
    expect(await ours(seed, 1)).toEqual(gcLines(seed));
  });
  it.runIf(hasGo)('seed.go at -m=2', async () => {
    expect(await ours(seed, 2)).toEqual(gcLines(seed, ['-m=2']));
  });
  for (const [name, src] of Object.entries(programs)) {
    it.runIf(hasGo)(`${name} (as a multiset)`, async () => {
      expect((await ours(src, 1)).sort()).toEqual(gcLines(src).sort());
    });
  }
});
