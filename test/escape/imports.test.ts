// Stage boundaries in the import graph: escape analysis talks to the rest only through the IR
// and the injected NodeFormatter (it once imported diag/nodefmt.ts, which imports escape back),
// and the stages (src/<stage>/, or a top-level src/*.ts file) import each other without a cycle. Type-only
// imports are left out: they vanish at run time and cannot form a loading cycle.

import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const src = path.resolve(__dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Each file's run-time imports of other project files. */
function importGraph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const f of sources(src)) {
    const deps: string[] = [];
    for (const m of readFileSync(f, 'utf8').matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'(\.[^']+)'/gm)) {
      if (!m[1]) deps.push(path.join(path.dirname(f), m[2]!.replace(/\.js$/, '.ts')));
    }
    g.set(f, deps);
  }
  return g;
}

const stageOf = (f: string): string => path.relative(src, f).split(path.sep)[0]!;

describe('the import graph', () => {
  const g = importGraph();

  it('has src/escape import only the IR and src/errors.ts at run time', () => {
    const outside = [...g]
      .filter(([f]) => stageOf(f) === 'escape')
      .flatMap(([f, ds]) => ds.filter((d) => !['escape', 'ir', 'errors.ts'].includes(stageOf(d))).map((d) => `${path.relative(src, f)} -> ${path.relative(src, d)}`));
    expect(outside).toEqual([]);
  });

  it('has no import cycle between stages', () => {
    const stages = new Map<string, Set<string>>();
    for (const [f, ds] of g) {
      for (const d of ds) {
        if (stageOf(f) === stageOf(d)) continue;
        if (!stages.has(stageOf(f))) stages.set(stageOf(f), new Set());
        stages.get(stageOf(f))!.add(stageOf(d));
      }
    }
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const cycles: string[] = [];
    const visit = (s: string): void => {
      state.set(s, 'open');
      stack.push(s);
      for (const d of stages.get(s) ?? []) {
        if (state.get(d) === 'open') cycles.push([...stack.slice(stack.indexOf(d)), d].join(' -> '));
        else if (!state.has(d)) visit(d);
      }
      stack.pop();
      state.set(s, 'done');
    };
    for (const s of stages.keys()) if (!state.has(s)) visit(s);
    expect(cycles).toEqual([]);
  });
});
