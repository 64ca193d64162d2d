// Lines about nodes without a position: a range-over-func loop whose body returns declares
// #next with none, and gc prints its warning bare (`moved to heap: #next`), its capture and
// -m=2 explanation after `<unknown line number>: `. goesc prints them where gc does, judged
// line for line by the real compiler (every line of its output, not only positioned ones).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFiles, formatDiagnostic } from '../../src/api.js';
import { gcOutput, hasGo } from './gc.js';

const source = `package p

import "iter"

func Seq(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func First(n int) int {
	for x := range Seq(n) {
		if x > 1 {
			return x
		}
	}
	return -1
}

func Nested(n int) (int, int) {
	for x := range Seq(n) {
		for y := range Seq(x) {
			if x+y > 3 {
				return x, y
			}
		}
	}
	return 0, 0
}
`;

async function ours(flags: { m: number }): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'goesc-unpos-'));
  writeFileSync(join(dir, 'x.go'), source);
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const result = await analyzeFiles(['x.go'], { m: flags.m, smallframes: false });
    return result.diagnostics.map(formatDiagnostic);
  } finally {
    process.chdir(cwd);
  }
}

describe.runIf(hasGo)('lines without a position, as gc prints them', () => {
  it('-m -l', async () => {
    const gc = gcOutput(source, ['-l', '-m']);
    expect(gc).toContain('moved to heap: #next');
    expect(await ours({ m: 1 })).toEqual(gc);
  });
  it('-m=2 -l', async () => {
    const gc = gcOutput(source, ['-l', '-m=2']);
    expect(gc.some((l) => l.startsWith('<unknown line number>: #next escapes to heap'))).toBe(true);
    expect(await ours({ m: 2 })).toEqual(gc);
  });
});
