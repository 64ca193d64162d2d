// No state outlives a run unless the caller shares it on purpose: two packages analysed in
// one run print what each prints alone (the shape table is per package, not per process),
// and a package re-analysed after an edit in the same context (as the server does) prints
// what a fresh analysis prints.
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzePackages, createContext, formatDiagnostic, type SourcePackage } from '../../src/api.js';
import { gcPackageLines, hasGo } from '../escape/gc.js';

/** A package whose generic body holds a variable of a struct holding a T of `size` ints. */
function shapePackage(size: number): string {
  return `package p

type T [${size}]int

type S struct{ x T }

func g[X any]() {
	var x X
	_ = x
}

func use() { g[S]() }
`;
}

function source(dir: string, file: string, text: string): SourcePackage {
  return { dir, files: [{ filename: `${dir}/${file}`, bytes: new TextEncoder().encode(text) }] };
}

const lines = (pkgs: readonly SourcePackage[], context = createContext()) =>
  analyzePackages(pkgs, { m: 1, context }).diagnostics.map(formatDiagnostic);

describe('state per run', () => {
  const a = source('a', 'a.go', shapePackage(1));
  const b = source('b', 'b.go', shapePackage(100000));

  it('two packages of one run print what each prints alone (shape tables are per package)', () => {
    const alone = [...lines([a]), ...lines([b])];
    expect(alone.some((l) => l.startsWith('b/b.go:') && l.endsWith('moved to heap: x'))).toBe(true);
    expect(lines([a, b])).toEqual(alone);
    // And in one shared context, as a server keeps it.
    const shared = createContext();
    expect(lines([a, b], shared)).toEqual(alone);
  });

  it('a package edited in memory and analysed again in the same context prints what a fresh run prints', () => {
    const context = createContext();
    const small = lines([source('p', 'p.go', shapePackage(1))], context);
    const edited = source('p', 'p.go', shapePackage(100000));
    const again = lines([edited], context);
    expect(again).toEqual(lines([edited]));
    expect(again).not.toEqual(small);
  });

  it.skipIf(!hasGo)('agrees with gc on both sizes', () => {
    for (const size of [1, 100000]) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-state-'));
      const cwd = process.cwd();
      try {
        process.chdir(dir);
        const ours = lines([source('.', 'x.go', shapePackage(size))]).map((l) => l.replace(/^\.\//, ''));
        expect(ours).toEqual(gcPackageLines({ 'x.go': shapePackage(size) }));
      } finally {
        process.chdir(cwd);
      }
    }
  });
});
