// The real compiler for the format tests: ground truth, never typed by hand.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const hasGo = spawnSync('go', ['version']).status === 0;
if (!hasGo) console.log('go is not on PATH: the tests against the real compiler are skipped');

let importcfgPath: string | undefined;

/** importcfg for the standard library (go list -export), made once per process. */
export function importcfg(): string {
  if (importcfgPath) return importcfgPath;
  const r = spawnSync('go', ['list', '-export', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', 'std'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error('go list -export std failed: ' + r.stderr);
  importcfgPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-cfg-')), 'importcfg');
  fs.writeFileSync(importcfgPath, r.stdout);
  return importcfgPath;
}

export function goVersion(): string {
  return spawnSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).stdout.trim();
}

/** Runs `go tool compile -p=PKG -l FLAGS FILES` in cwd; returns what it printed. */
export function compile(files: readonly string[], flags: readonly string[], cwd: string, pkg = 'p'): string {
  const obj = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-obj-')), 'x.o');
  const r = spawnSync(
    'go',
    ['tool', 'compile', `-p=${pkg}`, `-importcfg=${importcfg()}`, '-o', obj, '-l', ...flags, ...files],
    { encoding: 'utf8', cwd },
  );
  if (r.status !== 0) throw new Error('go tool compile failed: ' + r.stdout + r.stderr);
  return r.stdout + r.stderr;
}

export const programsDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'programs');
export const programs = fs.readdirSync(programsDir).filter((f) => f.endsWith('.go')).sort();
