// The real side of `goesc asm --compare`: the installed compiler's `-S -l` listing of the
// same files (run as scripts/lib/gotool.mjs does: -p=p, the std importcfg, -trimpath so
// positions print relative to the working directory), or, when Go is absent, the `-S`
// allocation calls stored in a corpus fixture beside the file. Only comparison views use
// this module; predictions never start Go (docs/CLI.md). Under another model than the
// installed compiler's (`--go go1.27`), the real side is that model's release (the go command
// runs it with GOTOOLCHAIN, fetching it once) or its own fixture (<case>.fixture.go1.27.json).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readListing, type RealFunc } from '../asm/gcasm.js';
import { BASE_FIXTURE_VERSION, fixtureFileOf } from './fixture.js';

export interface RealListing {
  /** Where the listing comes from, for the view's label. */
  readonly source: string;
  readonly funcs: readonly RealFunc[];
}

export function goAvailable(): boolean {
  return spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
}

function goOut(args: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync('go', args as string[], { encoding: 'utf8', maxBuffer: 64 << 20, env });
  if (r.status !== 0) throw new Error(`go ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** The std importcfg, cached per Go version in the temp folder. */
function stdImportcfg(version: string, env: NodeJS.ProcessEnv): string {
  const path = join(tmpdir(), `goesc-importcfg-${version.replace(/[^\w.]/g, '_')}`);
  if (!existsSync(path)) {
    const cfg = goOut(['list', '-export', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', 'std'], env);
    writeFileSync(path, cfg + '\n');
  }
  return path;
}

/**
 * Runs the installed compiler: `go tool compile -p=PKG -S [-l] FILES` in the current directory
 * (PKG as the go command passes it: `main` for a command, else the path goesc names it by;
 * -l unless `inline`).
 * `release` (a model's compiler, `go1.27.3`) runs that release instead when the installed
 * one differs.
 */
export function realListing(files: readonly string[], pkgPath = 'p', release?: string, inline = false): RealListing {
  const installed = goOut(['env', 'GOVERSION']);
  const env = release && release !== installed ? { ...process.env, GOTOOLCHAIN: release } : process.env;
  const version = env === process.env ? installed : goOut(['env', 'GOVERSION'], env);
  // The compile binary run directly prints std positions as $GOROOT/src unless told GOROOT.
  const goroot = goOut(['env', 'GOROOT'], env);
  const compile = join(goOut(['env', 'GOTOOLDIR'], env), 'compile');
  const out = mkdtempSync(join(tmpdir(), 'goesc-asm-'));
  try {
    const args = [`-p=${pkgPath}`, `-importcfg=${stdImportcfg(version, env)}`, '-o', join(out, 'x.o'), `-trimpath=${process.cwd()}=>`, '-S', ...(inline ? [] : ['-l']), ...files];
    const r = spawnSync(compile, args, { encoding: 'utf8', maxBuffer: 256 << 20, env: { ...env, GOROOT: goroot } });
    if (r.status !== 0) throw new Error(`go tool compile failed:\n${r.stderr}`);
    const who = env === process.env ? 'the installed compiler' : `the model's release (GOTOOLCHAIN=${release})`;
    return { source: `${who} (${version}, go tool compile -S${inline ? '' : ' -l'})`, funcs: readListing(r.stdout) };
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
 * The `-S` allocation calls of a corpus fixture (`<case>.fixture.json`, or for a model
 * version `<case>.fixture.go1.27.json`), or null: its `-S -l` calls, or with `inline` its
 * default build's. Fixtures are made with -p=p; symbols are renamed to `pkgPath`.
 */
export function fixtureListing(file: string, pkgPath = 'p', version?: string, inline = false): RealListing | null {
  const asmFixture = inline || (version && version !== BASE_FIXTURE_VERSION) ? null : asmTestFixture(file);
  if (asmFixture) return asmFixture;
  const path = fixtureFileOf(file, version);
  if (!existsSync(path)) return null;
  type Listing = { allocs?: FixtureAlloc[] };
  const fx = JSON.parse(readFileSync(path, 'utf8')) as { asm?: Listing; asmDefault?: Listing; go?: { version?: string } };
  const allocs = (inline ? fx.asmDefault : fx.asm)?.allocs;
  if (!allocs) return null;
  const byFunc = new Map<string, RealFunc>();
  const rename = (sym: string) => (sym.startsWith('p.') ? `${pkgPath}.${sym.slice(2)}` : sym);
  for (const raw of allocs) {
    const a = { ...raw, func: rename(raw.func), ...(raw.type ? { type: raw.type.replace(/\bp\./g, `${pkgPath}.`) } : {}) };
    let f = byFunc.get(a.func);
    if (!f) byFunc.set(a.func, (f = { function: a.func, text: '', allocs: [] }));
    f.allocs.push({ func: a.func, file: a.file, line: a.line, call: a.call, ...(a.type ? { type: a.type } : {}) });
  }
  return { source: `the stored fixture ${path} (${fx.go?.version ?? 'go'}, -S${inline ? '' : ' -l'})`, funcs: [...byFunc.values()] };
}

/** test/asm/fixtures/<name>.S.json (made by test/asm/gen-fixtures.mjs) for this very file. */
function asmTestFixture(file: string): RealListing | null {
  const path = join('test', 'asm', 'fixtures', basename(file).replace(/\.go$/, '.S.json'));
  if (!existsSync(path)) return null;
  const fx = JSON.parse(readFileSync(path, 'utf8')) as { program?: string; go?: string; funcs?: RealFunc[] };
  if (fx.program !== file.replace(/^\.\//, '') || !fx.funcs) return null;
  return { source: `the stored fixture ${path} (${fx.go ?? 'go'}, -S -l)`, funcs: fx.funcs };
}
