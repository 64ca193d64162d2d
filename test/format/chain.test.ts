// Why-chains across calls (src/format/chain.ts): from a decision through each callee's own
// leak explanation down to the heap, through two user functions and into a std function's
// leak tag; also `goesc explain --chain` (text and --json) through the real CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../src/api.js';
import { buildChain, chainContext, formatChain, importsOf, parseCall } from '../../src/format/chain.js';
import { explanationFor } from '../../src/format/explain.js';

const why = `package p

import (
	f "fmt"
	"strings"
)

var global *int

func store(p *int) {
	global = p
}

func pass(q *int) {
	store(q)
}

func show(v *int) {
	f.Println(v)
}

func main() {
	x := 0
	pass(&x)
	y := 1
	show(&y)
	_ = strings.ToUpper("a")
}
`;

let dir = '';
let file = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'goesc-chain-test-'));
  file = join(dir, 'why.go');
  writeFileSync(file, why);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function chainAt(line: number) {
  const result = await analyzeFiles([file], { m: 2 });
  expect(result.errors).toEqual([]);
  const ctx = chainContext(result, () => why, 'go1.26');
  const d = result.diagnostics.find((x) => x.line === line && x.message.startsWith('moved to heap'))!;
  return buildChain(explanationFor(d, ctx.explanations)!, ctx);
}

describe('why-chains', () => {
  it('reach the heap through two user functions', async () => {
    const chain = await chainAt(23);
    expect(chain.reachesHeap).toBe(true);
    expect(formatChain(chain)).toEqual([
      `x escapes: &x is passed to pass at ${file}:24`,
      `  pass leaks q: passed to store at ${file}:15`,
      `    store leaks p: assigned to global at ${file}:11`,
    ]);
    expect(chain.steps.map((s) => [s.func, s.subject, s.callee, s.param])).toEqual([
      ['main', 'x', 'pass', 'q'],
      ['pass', 'q', 'store', 'p'],
      ['store', 'p', undefined, undefined],
    ]);
    expect(chain.steps[1]!.subjectAt).toEqual({ file, line: 14, col: 11 });
  });

  it('name a std function and its leak tag, through an import alias', async () => {
    const chain = await chainAt(25);
    expect(chain.reachesHeap).toBe(true);
    const last = chain.steps[chain.steps.length - 1]!;
    expect(last).toMatchObject({ func: 'fmt.Println', subject: 'a', std: { path: 'fmt', tag: 'heap:1' } });
    // The stub, or the body file when gc can inline it (fmt.Println is, in src/print.go).
    expect(last.at.file).toMatch(/models\/go1\.26\/std\/fmt\/(api\.go|src\/print\.go)$/);
    expect(last.at.line).toBeGreaterThan(0);
    // gc names the package, not the file's alias for it.
    expect(formatChain(chain)[1]).toBe(`  show leaks v: passed to fmt.Println at ${file}:19`);
  });

  it('parse calls and imports as gc and Go spell them', () => {
    expect(parseCall('pass(&x)')).toEqual({ callee: 'pass', args: ['&x'] });
    expect(parseCall('(*sync.Mutex).Lock(s.mu)')).toEqual({ callee: '(*sync.Mutex).Lock', args: ['s.mu'] });
    expect(parseCall('g(h(a, b), c[1:2])')).toEqual({ callee: 'g', args: ['h(a, b)', 'c[1:2]'] });
    expect(parseCall('global = p')).toBeNull();
    expect(importsOf(why)).toEqual(new Map([['fmt', 'fmt'], ['strings', 'strings']]));
    expect(importsOf('import (\n\tr "math/rand"\n)\nimport "net/http"').get('rand')).toBe('math/rand');
  });
});

describe('goesc explain --chain (CLI)', () => {
  const bin = resolve('bin/goesc.js');
  it('prints the chain as text and as JSON steps', () => {
    if (!existsSync(resolve('dist/cli/main.js'))) {
      console.log('test/format/chain: dist/ is not built; the CLI run is skipped (npm run build)');
      return;
    }
    const text = spawnSync(process.execPath, [bin, 'explain', '--chain', `${file}:23`], { encoding: 'utf8' });
    expect(text.stderr).toBe('');
    expect(text.stdout.split('\n')[2]).toBe(`    store leaks p: assigned to global at ${file}:11`);
    const json = spawnSync(process.execPath, [bin, 'explain', '--chain', '--json', `${file}:25:2`], { encoding: 'utf8' });
    const out = JSON.parse(json.stdout) as { decision: string; reachesHeap: boolean; steps: { func: string; at: { line: number } }[] }[];
    expect(out).toHaveLength(1);
    expect(out[0]!.decision).toBe(`${file}:25:2: moved to heap: y`);
    expect(out[0]!.steps.map((s) => s.func)).toEqual(['main', 'show', 'fmt.Println']);
  });
});
