// Recording fixtures: the installed compiler's answers for every case of a folder, stored
// beside each case as <name>.fixture.json (src/check/fixture.ts reads them). This is one
// of the few places goesc runs Go (`goesc fixtures DIR`, scripts/fixtures.mjs for the
// corpus). Each case is compiled alone, as the package `p`, in its own folder with
// -trimpath, by the compile binary itself (`go tool compile` minus the go command's
// start-up): -m -l, -m=2 -l, -m -l -smallframes, and -S -l reduced to the runtime
// allocation calls. Every run's command and the Go version are recorded in the fixture, so
// that `goesc check` compares it with the model of that version.

import { once } from '../util/once.js';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';

/** The runs stored per case: fixture field → compiler flags. */
export const recordedRuns: Readonly<Record<'m' | 'm2' | 'smallframes' | 'asm', readonly string[]>> = {
  m: ['-m', '-l'],
  m2: ['-m=2', '-l'],
  smallframes: ['-m', '-l', '-smallframes'],
  asm: ['-S', '-l'],
};

export function goAvailable(): boolean {
  return spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
}

export function goEnv(name: string): string {
  const r = spawnSync('go', ['env', name], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`go env ${name} failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** An importcfg for the standard library's export data (`go list -export std`). */
export function stdImportcfg(): { dir: string; path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'goesc-go-'));
  const r = spawnSync('go', ['list', '-export', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', 'std'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`go list -export std failed: ${r.stderr}`);
  const path = join(dir, 'importcfg');
  writeFileSync(path, r.stdout);
  return { dir, path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The installed compiler (`go env GOTOOLDIR`/compile), looked up once. */
const compilerPath = once(() => join(goEnv('GOTOOLDIR'), 'compile'));

/** One compile of `file` in `dir`; never writes next to the sources (the object goes to `out`). */
export function compileCase(opts: { dir: string; file: string; flags: readonly string[]; importcfg: string; out: string }): Promise<{
  status: number;
  stdout: string;
  stderr: string;
}> {
  const args = ['-p=p', `-importcfg=${opts.importcfg}`, '-o', opts.out, `-trimpath=${opts.dir}=>`, ...opts.flags, opts.file];
  return new Promise((done) => {
    execFile(compilerPath(), args, { cwd: opts.dir, maxBuffer: 256 << 20, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
      done({ status: code, stdout, stderr });
    });
  });
}

/** The command as recorded in a fixture (temporary paths as placeholders). */
export function recordedCommand(flags: readonly string[]): string {
  return ['go tool compile -p=p -importcfg=<std export cfg> -o <tmp>.o -trimpath=<case dir>=>', ...flags, '<case>.go'].join(' ');
}

/** gc's positioned diagnostic lines (`file:line:col: message`), in its order. */
export function diagnosticLines(text: string): string[] {
  return text.split('\n').filter((l) => /^[^\s:][^:]*:\d+:\d+: /.test(l));
}

/** JSON with sorted keys and two-space indent, so that fixtures diff well. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sort(value), null, 2) + '\n';
}

const allocRoutine =
  /^(newobject|mallocgc\w*|makeslice\w*|growslice\w*|makemap\w*|makechan\w*|convT\w*|concatstring\w*|concatbyte\w*|slicebytetostring\w*|slicerunetostring|stringtoslicebyte|stringtoslicerune|intstring|rawstring\w*|newproc\w*|deferproc\w*|move2heap\w*)$/;

export interface RecordedAlloc {
  func: string;
  file: string;
  line: number;
  call: string;
  type?: string;
}

/**
 * `go tool compile -S` reduced to what escape analysis decides: the CALLs of runtime
 * allocation routines (walk/ lowers allocations to these entry points), per function and
 * line, in listing order; for newobject the type its `LEAQ type:T(SB), AX` loads.
 */
export function allocationCalls(listing: string): RecordedAlloc[] {
  const allocs: RecordedAlloc[] = [];
  let func = '';
  let lastType: string | undefined;
  for (const line of listing.split('\n')) {
    const text = /^(\S+) STEXT/.exec(line);
    if (text) {
      func = text[1]!;
      lastType = undefined;
      continue;
    }
    const ins = /^\t0x[0-9a-f]+ \d+ \(([^)]*):(\d+)\)\t(\S+)\t(.*)$/.exec(line);
    if (!ins) continue;
    const [, file, lineNo, op, operands] = ins;
    if (op === 'LEAQ') {
      const t = /^type:(.+)\(SB\), AX$/.exec(operands!);
      if (t) lastType = t[1];
      continue;
    }
    if (op !== 'CALL') continue;
    const callee = /^runtime\.(\w+)\(SB\)$/.exec(operands!);
    if (!callee || !allocRoutine.test(callee[1]!)) continue;
    const entry: RecordedAlloc = { func, file: file!, line: Number(lineNo), call: `runtime.${callee[1]}` };
    if (callee[1] === 'newobject' && lastType !== undefined) entry.type = lastType;
    allocs.push(entry);
    lastType = undefined;
  }
  return allocs;
}

export interface RecordEnv {
  readonly importcfg: string;
  readonly go: { readonly version: string; readonly goos: string; readonly goarch: string };
}

/** The fixture text for one case, `root` being the folder the case id is relative to. */
export async function recordCase(goFile: string, root: string, env: RecordEnv): Promise<string> {
  const dir = resolve(dirname(goFile));
  const file = basename(goFile);
  const scratch = mkdtempSync(join(tmpdir(), 'goesc-case-'));
  try {
    const fixture: Record<string, unknown> = {
      case: relative(root, goFile).split(sep).join('/'),
      go: env.go,
      generator: 'goesc fixtures (src/check/record.ts); do not edit',
    };
    for (const [key, flags] of Object.entries(recordedRuns)) {
      const r = await compileCase({ dir, file, flags, importcfg: env.importcfg, out: join(scratch, 'x.o') });
      if (r.status !== 0) {
        throw new UserError(`${goFile}: go tool compile ${flags.join(' ')} failed:\n${(r.stdout + r.stderr).trimEnd()}`);
      }
      const command = recordedCommand(flags);
      fixture[key] = key === 'asm' ? { command, allocs: allocationCalls(r.stdout) } : { command, lines: diagnosticLines(r.stdout) };
    }
    fixture.layout = { reference: 'not recorded by goesc fixtures', types: [] };
    return stableJson(fixture);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Whether a stored fixture already says what recording would write. */
export function fixtureIsCurrent(path: string, text: string): boolean {
  try {
    return readFileSync(path, 'utf8') === text;
  } catch {
    return false;
  }
}

/** Runs `work` over `items` with at most `jobs` at a time (the machine may have 2 cores). */
export async function pool<T, R>(items: readonly T[], jobs: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
  return results;
}
