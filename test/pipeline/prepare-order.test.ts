// The order prepare() takes packages in with a parse pool (lightFirst): every package after
// the packages it imports, and among the ready ones the smallest first, so that the
// workers get ahead before a large package is needed.
import { describe, expect, it } from 'vitest';
import { lightFirst, type SourcePackage } from '../../src/pipeline/prepare.js';

function pkg(path: string, bytes: number, imports: string[] = []): SourcePackage {
  return { dir: path, path, imports, files: [{ filename: `${path}/a.go`, bytes: new Uint8Array(bytes) }] };
}

describe('lightFirst', () => {
  it('takes the smallest ready package first, each after its imports', () => {
    const sources = [
      pkg('big', 1000),
      pkg('small', 10),
      pkg('huge', 5000),
      pkg('onHuge', 1, ['huge']),
      pkg('mid', 100, ['small']),
      pkg('main', 1, ['big', 'onHuge', 'mid']),
    ];
    expect(lightFirst(sources).map((i) => sources[i]!.path)).toEqual(['small', 'mid', 'big', 'huge', 'onHuge', 'main']);
  });

  it('keeps the given order among packages of one size, and ignores imports not among the sources', () => {
    const sources = [pkg('a', 5, ['fmt']), pkg('b', 5), pkg('c', 5, ['a'])];
    expect(lightFirst(sources)).toEqual([0, 1, 2]);
  });

  it('still lists every package when imports form a cycle', () => {
    const sources = [pkg('x', 1, ['y']), pkg('y', 1, ['x']), pkg('z', 1)];
    expect(lightFirst(sources).sort()).toEqual([0, 1, 2]);
  });
});
