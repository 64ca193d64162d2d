// loadGraph against the real go command (needs Go; skipped, with a note, when it is absent):
// `go list -deps` gives the same packages in the same order, and the same files in each, for
// the module of testdata/modules/multi and for $GOROOT/src/cmd/vet (module cmd, vendor/,
// packages full of build-constrained files); and the fixtures of testdata/modules are what
// the installed go command prints (scripts/record-module-fixtures.mjs --check).

import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadGraph } from '../../src/load/index.js';

const hasGo = spawnSync('go', ['version']).status === 0;
if (!hasGo) console.log('test/load/golist: go is not on PATH; the comparison with go list -deps is skipped');

const goEnv = { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod', GOPROXY: 'off', GOWORK: 'off', GOTOOLCHAIN: 'local' };

/** `go list -deps` of the patterns in cwd: the packages under `under`, with their files. */
function goList(cwd: string, patterns: string[], under: string, env: NodeJS.ProcessEnv): { importPath: string; files: string[] }[] {
  const r = spawnSync('go', ['list', '-deps', '-f', '{{.ImportPath}}|{{.Dir}}|{{join .GoFiles ","}}', ...patterns], { cwd, env, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim().split('\n').map((l) => l.split('|')).filter(([, dir]) => dir!.startsWith(under))
    .map(([importPath, dir, files]) => ({ importPath: importPath!, files: files!.split(',').filter(Boolean).map((f) => join(dir!, f)) }));
}

describe.skipIf(!hasGo)('the recorded fixtures of testdata/modules', () => {
  it('are what the installed go command prints now', () => {
    const script = join(import.meta.dirname, '../../scripts/record-module-fixtures.mjs');
    const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(r.stdout + r.stderr, 'run npm run fixtures:modules').toBe('');
    expect(r.status).toBe(0);
  }, 300_000);
});

describe.skipIf(!hasGo)('loadGraph and go list -deps', () => {
  it('agree on testdata/modules/multi', () => {
    const cwd = join(import.meta.dirname, '../../testdata/modules/multi');
    const theirs = goList(cwd, ['./...'], cwd, goEnv);
    const ours = loadGraph(['./...'], { cwd, env: {} }).packages.map((p) => ({ importPath: p.importPath, files: p.files.map((f) => f.absPath) }));
    expect(ours).toEqual(theirs);
  });

  it('agree on $GOROOT/src/cmd/vet (vendor/, build constraints)', () => {
    const goroot = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).stdout.trim();
    const cwd = join(goroot, 'src', 'cmd');
    const theirs = goList(cwd, ['./vet'], cwd + '/', { ...goEnv, GOFLAGS: '' });
    const ours = loadGraph(['./vet'], { cwd, env: {} }).packages.map((p) => ({ importPath: p.importPath, files: p.files.map((f) => f.absPath) }));
    expect(ours.length).toBeGreaterThan(50);
    expect(ours).toEqual(theirs);
  });
});
