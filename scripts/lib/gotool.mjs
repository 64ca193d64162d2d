// Helpers for asking the real Go toolchain, shared by scripts/fixtures.mjs and
// scripts/scoreboard.mjs: locating Go, the std importcfg (export data from `go list
// -export`, as DESIGN.md prescribes), running `go tool compile` with relative file names,
// a small job pool (the machine has 2 cores), and deterministic JSON for diff-friendly files.

import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';

export function hasGo() {
  return spawnSync('go', ['version']).status === 0;
}

export function goEnv(name) {
  const r = spawnSync('go', ['env', name], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`go env ${name} failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** A temp folder holding the std importcfg; call cleanup() when done. */
export function makeStdImportcfg() {
  const dir = mkdtempSync(join(tmpdir(), 'goesc-go-'));
  const r = spawnSync(
    'go',
    ['list', '-export', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', 'std'],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (r.status !== 0) throw new Error(`go list -export std failed: ${r.stderr}`);
  const path = join(dir, 'importcfg');
  writeFileSync(path, r.stdout);
  return { dir, path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

let compilerPath;

/**
 * Runs `go tool compile -p=p -importcfg=CFG -o OUT -trimpath=DIR=> FLAGS... FILE` in DIR,
 * so that positions print as `FILE:line:col`. Resolves {status, stdout, stderr}.
 */
export function compile({ dir, file, flags, importcfg, out }) {
  // The compile binary itself, not `go tool compile`: the same program without the go
  // command's start-up, which is most of the time on a small file.
  compilerPath ??= join(goEnv('GOTOOLDIR'), 'compile');
  const args = ['-p=p', `-importcfg=${importcfg}`, '-o', out, `-trimpath=${dir}=>`, ...flags, file];
  return new Promise((resolve) => {
    execFile(compilerPath, args, { cwd: dir, maxBuffer: 256 << 20, encoding: 'utf8' }, (err, stdout, stderr) => {
      const status = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}

/** The flags as recorded in fixtures: temporary paths replaced by what they stand for. */
export function recordedCommand(flags) {
  return ['go tool compile -p=p -importcfg=<std export cfg> -o <tmp>.o -trimpath=<case dir>=>', ...flags, '<case>.go'].join(' ');
}

/** Runs async `work(item)` over items with at most `jobs` in flight; results in order. */
export async function pool(items, jobs, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
  return results;
}

export function defaultJobs() {
  return Math.max(1, cpus().length);
}

/** JSON with object keys sorted at every level, two-space indent, final newline. */
export function stableJson(value) {
  const sortKeys = (v) => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
    }
    return v;
  };
  return JSON.stringify(sortKeys(value), null, 2) + '\n';
}

/** Lines of compiler output that are diagnostics (`file:line:col: ...`), in order. */
export function diagnosticLines(text) {
  return text.split('\n').filter((l) => /^[^\s:][^:]*:\d+:\d+: /.test(l));
}
