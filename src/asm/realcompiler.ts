// The real side of `goesc asm --compare`: the installed compiler's `-S -l` listing of the
// same files (run as scripts/lib/gotool.mjs does: -p=p, the std importcfg, -trimpath so
// positions print relative to the working directory), or, when Go is absent, the `-S`
// allocation calls stored in a corpus fixture beside the file. Only comparison views use
// this module; predictions never start Go (docs/CLI.md).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readListing, type RealFunc } from './gcasm.js';

export interface RealListing {
  /** Where the listing comes from, for the view's label. */
  readonly source: string;
  readonly funcs: readonly RealFunc[];
}

export function goAvailable(): boolean {
  return spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
}

function goOut(args: readonly string[]): string {
  const r = spawnSync('go', args as string[], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`go ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** The std importcfg, cached per Go version in the temp folder. */
function stdImportcfg(version: string): string {
  const path = join(tmpdir(), `goesc-importcfg-${version.replace(/[^\w.]/g, '_')}`);
  if (!existsSync(path)) {
    const cfg = goOut(['list', '-export', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', 'std']);
    writeFileSync(path, cfg + '\n');
  }
  return path;
}

/**
 * Runs the installed compiler: `go tool compile -p=PKG -S -l FILES` in the current directory
 * (PKG as the go command passes it: `main` for a command, else the path goesc names it by).
 */
export function realListing(files: readonly string[], pkgPath = 'p'): RealListing {
  const version = goOut(['env', 'GOVERSION']);
  const compile = join(goOut(['env', 'GOTOOLDIR']), 'compile');
  const out = mkdtempSync(join(tmpdir(), 'goesc-asm-'));
  try {
    const args = [`-p=${pkgPath}`, `-importcfg=${stdImportcfg(version)}`, '-o', join(out, 'x.o'), `-trimpath=${process.cwd()}=>`, '-S', '-l', ...files];
    const r = spawnSync(compile, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
    if (r.status !== 0) throw new Error(`go tool compile failed:\n${r.stderr}`);
    return { source: `the installed compiler (${version}, go tool compile -S -l)`, funcs: readListing(r.stdout) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

interface FixtureAlloc {
  readonly func: string;
  readonly file: string;
  readonly line: number;
  readonly call: string;
  readonly type?: string;
}

/**
 * The `-S` allocation calls of a corpus fixture (`<case>.fixture.json`), or null. Fixtures
 * are made with -p=p; symbols are renamed to `pkgPath`.
 */
export function fixtureListing(file: string, pkgPath = 'p'): RealListing | null {
  const asmFixture = asmTestFixture(file);
  if (asmFixture) return asmFixture;
  const path = file.replace(/\.go$/, '.fixture.json');
  if (!existsSync(path)) return null;
  const fx = JSON.parse(readFileSync(path, 'utf8')) as { asm?: { allocs?: FixtureAlloc[] }; go?: { version?: string } };
  const allocs = fx.asm?.allocs;
  if (!allocs) return null;
  const byFunc = new Map<string, RealFunc>();
  const rename = (sym: string) => (sym.startsWith('p.') ? `${pkgPath}.${sym.slice(2)}` : sym);
  for (const raw of allocs) {
    const a = { ...raw, func: rename(raw.func), ...(raw.type ? { type: raw.type.replace(/\bp\./g, `${pkgPath}.`) } : {}) };
    let f = byFunc.get(a.func);
    if (!f) byFunc.set(a.func, (f = { function: a.func, text: '', allocs: [] }));
    f.allocs.push({ func: a.func, file: a.file, line: a.line, call: a.call, ...(a.type ? { type: a.type } : {}) });
  }
  return { source: `the stored fixture ${path} (${fx.go?.version ?? 'go'}, -S -l)`, funcs: [...byFunc.values()] };
}

/** test/asm/fixtures/<name>.S.json (made by test/asm/gen-fixtures.mjs) for this very file. */
function asmTestFixture(file: string): RealListing | null {
  const path = join('test', 'asm', 'fixtures', basename(file).replace(/\.go$/, '.S.json'));
  if (!existsSync(path)) return null;
  const fx = JSON.parse(readFileSync(path, 'utf8')) as { program?: string; go?: string; funcs?: RealFunc[] };
  if (fx.program !== file.replace(/^\.\//, '') || !fx.funcs) return null;
  return { source: `the stored fixture ${path} (${fx.go ?? 'go'}, -S -l)`, funcs: fx.funcs };
}
