// The parse pool (src/syntax/pool.ts) gives what parseFile gives on this thread, whoever
// parses a file and in whatever order results are asked for. Worker threads run the built
// parser (dist/syntax/parse-worker.js): needs `npm run build`; skipped with a printed reason
// when dist/ is missing.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFile } from '../../src/syntax/index.js';
import type { ParsePool } from '../../src/syntax/pool.js';

const dist = resolve('dist/syntax/pool.js');

function sampleFiles(): { filename: string; bytes: Uint8Array }[] {
  const dir = resolve('testdata/cases');
  const out: { filename: string; bytes: Uint8Array }[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.go') && out.length < 40) out.push({ filename: p, bytes: readFileSync(p) });
    }
  };
  walk(dir);
  out.push({ filename: 'bad.go', bytes: new TextEncoder().encode('package p\n\nfunc f() {\n\tx := \n}\n') });
  out.push({ filename: 'lex.go', bytes: new TextEncoder().encode('package p\n\nvar s = "unterminated\n') });
  return out;
}

/** Paths of objects reached a second time, and of properties holding undefined. */
function reachedTwiceOrUndefined(root: unknown): string[] {
  const seen = new Set<object>();
  const out: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (v === undefined) out.push(`${path} undefined`);
    if (v === null || typeof v !== 'object') return;
    if (seen.has(v)) {
      out.push(`${path} reached twice`);
      return;
    }
    seen.add(v);
    for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(root, '');
  return out;
}

/**
 * Runs `body` on a pool of `workers` threads from dist/ (the workers run the built code) and
 * the sample files, and closes the pool after; skipped with a printed reason when dist/ is
 * not built.
 */
async function withBuiltPool(
  workers: number,
  body: (pool: ParsePool, files: ReturnType<typeof sampleFiles>) => void,
): Promise<void> {
  if (!existsSync(dist)) {
    console.log('test/syntax/pool: dist/ is not built; skipped (npm run build)');
    return;
  }
  const { startParsePool } = (await import(pathToFileURL(dist).href)) as typeof import('../../src/syntax/pool.js');
  const pool = startParsePool(workers);
  expect(pool).not.toBeNull();
  try {
    body(pool!, sampleFiles());
  } finally {
    pool!.close();
  }
}

describe('parse pool', () => {
  it('returns parseFile results for every job, asked for in any order', () =>
    withBuiltPool(2, (pool, files) => {
      const ids = files.map((f) => pool.submit(f.filename, f.bytes));
      // odd jobs first, backwards, then the even ones: some are parsed here on demand,
      // some taken from the workers
      const order = [...ids.filter((_, i) => i % 2 === 1).reverse(), ...ids.filter((_, i) => i % 2 === 0)];
      const got = new Map(order.map((id) => [id, pool.result(id)]));
      files.forEach((f, i) => {
        expect(JSON.stringify(got.get(ids[i]!)), f.filename).toBe(JSON.stringify(parseFile(f.filename, f.bytes)));
      });
      expect(got.get(ids[ids.length - 2]!)!.errors.length).toBeGreaterThan(0);
      // What the pool's JSON transport relies on: a parse is a tree of plain data.
      for (const f of files) expect(reachedTwiceOrUndefined(parseFile(f.filename, f.bytes)), f.filename).toEqual([]);
    }), 60_000);

  it('does idle work while it waits, and its results stay those of parseFile under a reach', () =>
    withBuiltPool(1, (pool, files) => {
      const ids = files.map((f) => pool.submit(f.filename, f.bytes));
      let idle = 3;
      const idleWork = () => idle > 0 && idle-- > 0;
      // Each result equals parseFile's, whoever parsed it; the idle work is bounded and
      // runs only while a worker holds the wanted job.
      for (const [i, id] of ids.entries()) {
        const r = pool.result(id, id + 1, idleWork);
        expect(JSON.stringify(r), files[i]!.filename).toBe(JSON.stringify(parseFile(files[i]!.filename, files[i]!.bytes)));
      }
      expect(idle).toBeGreaterThanOrEqual(0);
    }), 60_000);

  // The start-up snapshot is made from the loaded bundle, and a process started from a
  // snapshot whose builder had loaded node:worker_threads cannot start a worker (node 20):
  // every pool's worker died at once and the calling thread parsed every file.
  it('is not loaded with the bundle: node:worker_threads is loaded when a pool starts', () => {
    const bundle = resolve('dist/bundle/goesc.cjs');
    if (!existsSync(bundle)) {
      console.log('test/syntax/pool: dist/bundle is not built; skipped (npm run build)');
      return;
    }
    const script = `require(${JSON.stringify(resolve('bin/bundle-loader.cjs'))}).loadBundle(${JSON.stringify(bundle)});` +
      `process.stdout.write(String(process.moduleLoadList.includes('NativeModule worker_threads')))`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('false');
  }, 60_000);
});
