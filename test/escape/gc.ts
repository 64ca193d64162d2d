// The real compiler as the judge for the escape tests: expected lines are produced by
// `go tool compile -m -l`, never typed by hand. Skipped (with a printed reason) without Go.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const hasGo = spawnSync('go', ['version']).status === 0;
if (!hasGo) console.log('go is not on PATH: escape tests against the real compiler are skipped');

let cfg: string | undefined;
function importcfg(): string {
  if (cfg) return cfg;
  const r = spawnSync('go', ['list', '-export', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', 'std'], { encoding: 'utf8' });
  cfg = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-esc-')), 'importcfg');
  fs.writeFileSync(cfg, r.stdout);
  return cfg;
}

/** gc's -m lines for `source` saved as x.go (relative name), in gc's order. */
export function gcLines(source: string, flags: readonly string[] = ['-m']): string[] {
  return gcBuildLines(source, ['-l', ...flags]);
}

/** gc's lines for `source` saved as x.go with exactly these flags (no -l added: inlining on). */
export function gcBuildLines(source: string, flags: readonly string[]): string[] {
  return gcOutput(source, flags).filter((l) => /^x\.go:\d+:\d+: /.test(l));
}

/**
 * Every line gc prints for `source` saved as x.go, also those without a position (a
 * range-over-func's `moved to heap: #next`, `<unknown line number>: ...`).
 */
export function gcOutput(source: string, flags: readonly string[]): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-esc-'));
  fs.writeFileSync(path.join(dir, 'x.go'), source);
  const r = spawnSync('go', ['tool', 'compile', '-p=p', `-importcfg=${importcfg()}`, '-o', path.join(dir, 'x.o'), `-trimpath=${dir}=>`, ...flags, 'x.go'], {
    encoding: 'utf8',
    cwd: dir,
  });
  if (r.status !== 0) throw new Error('go tool compile failed: ' + r.stdout + r.stderr);
  return (r.stdout + r.stderr).split('\n').filter((l) => l !== '');
}

/** gc's -m lines for a package of several files (name → source), relative names, in gc's order. */
export function gcPackageLines(files: Readonly<Record<string, string>>, flags: readonly string[] = ['-m']): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-esc-'));
  for (const [name, source] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), source);
  const r = spawnSync('go', ['tool', 'compile', '-p=p', `-importcfg=${importcfg()}`, '-o', path.join(dir, 'x.o'), `-trimpath=${dir}=>`, '-l', ...flags, ...Object.keys(files)], {
    encoding: 'utf8',
    cwd: dir,
  });
  if (r.status !== 0) throw new Error('go tool compile failed: ' + r.stdout + r.stderr);
  return (r.stdout + r.stderr).split('\n').filter((l) => /^\w+\.go:\d+:\d+: /.test(l));
}
