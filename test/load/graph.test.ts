// loadGraph over the test modules of testdata/modules: packages, order, files, the names go
// build prints, module versions, and the errors, several checked against the fixtures the
// real go command produced (scripts/record-module-fixtures.mjs).

import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findMainModules, loadGraph, type PackageGraph } from '../../src/load/index.js';
import { UserError } from '../../src/errors.js';

const testdata = join(import.meta.dirname, '../../testdata/modules');
const modcache = join(testdata, 'modcache');
const env = { GOMODCACHE: modcache, HOME: '/nonexistent' };

const load = (patterns: string[], dir: string, e: Record<string, string | undefined> = env): PackageGraph =>
  loadGraph(patterns, { cwd: join(testdata, dir), env: e });

/** The message a load fails with (a UserError, exit 2). */
const failure = (patterns: string[], dir: string, e: Record<string, string | undefined> = env): string => {
  try {
    load(patterns, dir, e);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).exitCode).toBe(2);
    return (err as UserError).message;
  }
  throw new Error('expected the load to fail');
};

/** The go command's output in a recorded fixture, without its `#!` header. */
const fixture = (path: string) =>
  readFileSync(join(testdata, path), 'utf8').split('\n').filter((l) => !l.startsWith('#!')).join('\n').trimEnd();

const summary = (g: PackageGraph) => g.packages.map((p) => `${p.named ? '*' : ' '} ${p.importPath}`);

describe('loadGraph in a multi-package module', () => {
  it('loads ./... in dependency order with go build\'s file names', () => {
    const g = load(['./...'], 'multi');
    expect(g.mainModules).toEqual([{ path: 'example.com/multi', dir: join(testdata, 'multi'), goVersion: '1.22', toolchain: undefined }]);
    expect(summary(g)).toEqual([
      '* example.com/multi/asm',
      '* example.com/multi/cgopkg',
      '* example.com/multi/inner',
      '* example.com/multi',
      '* example.com/multi/cmd/app',
    ]);
    const byPath = new Map(g.packages.map((p) => [p.importPath, p]));
    const inner = byPath.get('example.com/multi/inner')!;
    // impl_gc.go needs the gc tag; plus_linux.go an old-style `// +build linux,!cgo`.
    expect(inner.files.map((f) => f.filename)).toEqual(['inner/impl_gc.go', 'inner/inner.go', 'inner/plus_linux.go']);
    expect(inner.files[0]!.absPath).toBe(join(testdata, 'multi/inner/impl_gc.go'));
    expect(inner.name).toBe('inner');
    expect(inner.module).toMatchObject({ path: 'example.com/multi', main: true, lang: 'go1.22' });
    expect(byPath.get('example.com/multi')!.files.map((f) => f.filename)).toEqual(['./main.go']);
    expect(byPath.get('example.com/multi/asm')!.hasAsm).toBe(true);
    expect(inner.hasAsm).toBe(false);
    expect(byPath.get('example.com/multi/cgopkg')!.cgoFilesOmitted).toEqual(['native.go']);
    expect(byPath.get('example.com/multi/cgopkg')!.files.map((f) => f.filename)).toEqual(['cgopkg/twice.go']);
    expect(byPath.get('example.com/multi/cmd/app')!.imports).toEqual([
      { path: 'example.com/multi/inner', std: false, pos: { file: 'cmd/app/main.go', line: 6, col: 2 }, packagePath: 'example.com/multi/inner' },
      { path: 'fmt', std: true, pos: { file: 'cmd/app/main.go', line: 4, col: 2 } },
    ]);
    // testdata/, _hidden/ and the nested module are not walked.
    expect(g.packages.some((p) => /ignored|hidden|nested/.test(p.importPath))).toBe(false);
  });

  it('names files from a subdirectory as go build does (../../main.go, ./main.go)', () => {
    const g = load(['example.com/multi/...'], 'multi/cmd/app');
    const names = Object.fromEntries(g.packages.map((p) => [p.importPath, p.files.map((f) => f.filename)]));
    expect(names['example.com/multi']).toEqual(['../../main.go']);
    expect(names['example.com/multi/cmd/app']).toEqual(['./main.go']);
    expect(names['example.com/multi/inner']).toEqual(['../../inner/impl_gc.go', '../../inner/inner.go', '../../inner/plus_linux.go']);
    // The recorded compiler output uses exactly these names.
    const printed = new Set(fixture('multi/expected.from-cmd-app.m.txt').split('\n').filter((l) => !l.startsWith('#')).map((l) => l.split(':')[0]));
    for (const f of printed) expect(Object.values(names).flat()).toContain(f);
  });

  it('takes ., ./dir, an import path and a bare directory', () => {
    expect(summary(load(['.'], 'multi')).filter((s) => s.startsWith('*'))).toEqual(['* example.com/multi']);
    expect(summary(load(['./inner'], 'multi'))).toEqual(['* example.com/multi/inner']);
    expect(summary(load(['example.com/multi/inner'], 'multi/cmd'))).toEqual(['* example.com/multi/inner']);
    expect(summary(load(['inner'], 'multi'))).toEqual(['* example.com/multi/inner']);
    expect(summary(load(['./cmd/...'], 'multi'))).toEqual(['  example.com/multi/inner', '* example.com/multi/cmd/app']);
  });

  it('takes .go files as command-line-arguments', () => {
    const g = load(['main.go'], 'multi/cmd/app');
    expect(g.packages.at(-1)).toMatchObject({ importPath: 'command-line-arguments', named: true, name: 'main' });
    expect(g.packages.at(-1)!.files.map((f) => f.filename)).toEqual(['./main.go']);
  });
});

describe('loadGraph with dependencies', () => {
  it('reads a dependency from the module cache, case-encoded, at the required version', () => {
    const g = load(['.'], 'deps');
    expect(summary(g)).toEqual(['  example.net/util', '  github.com/ExampleOrg/greet', '* example.com/deps']);
    const greet = g.packages[1]!;
    expect(greet.module).toEqual({
      path: 'github.com/ExampleOrg/greet', version: 'v1.2.0', dir: join(modcache, 'github.com/!example!org/greet@v1.2.0'),
      main: false, goVersion: '1.20', lang: 'go1.20',
    });
    // Shorter relative to the working directory than absolute, so relative (base.ShortPath).
    expect(greet.files.map((f) => f.filename)).toEqual(['../modcache/github.com/!example!org/greet@v1.2.0/greet.go']);
    expect(g.packages[0]!.module?.lang).toBe('go1.16');
    expect(g.moduleCache).toBe(modcache);
    // The compiler output the go command printed names the same files.
    const printed = fixture('deps/expected.m.txt').split('\n').filter((l) => !l.startsWith('#')).map((l) => l.split(':')[0]);
    const names = g.packages.flatMap((p) => p.files.map((f) => f.filename));
    for (const f of printed) expect(names).toContain(f);
  });

  it('runs MVS over the cached go.mod files for a go 1.16 module (util v0.2.0 → v0.3.0)', () => {
    const g = load(['.'], 'oldmvs');
    expect(g.packages.find((p) => p.importPath === 'example.net/util')!.module?.version).toBe('v0.3.0');
    expect(fixture('oldmvs/expected.m.txt')).toContain('example.net/util@v0.3.0/util.go');
  });

  it('applies exclude to the requirement graph', () => {
    const dir = mkdtempSync(join(tmpdir(), 'goesc-mvs-'));
    writeFileSync(join(dir, 'go.mod'), 'module example.com/x\n\ngo 1.16\n\nrequire (\n\tgithub.com/ExampleOrg/greet v1.2.0\n\texample.net/util v0.2.0\n)\n\nexclude example.net/util v0.3.0\n');
    writeFileSync(join(dir, 'x.go'), 'package x\n\nimport _ "example.net/util"\n');
    const g = loadGraph(['.'], { cwd: dir, env });
    expect(g.packages[0]!.module?.version).toBe('v0.2.0');
  });

  it('takes a dependency\'s import path and an import-path pattern over it', () => {
    expect(summary(load(['github.com/ExampleOrg/greet'], 'deps'))).toEqual(['  example.net/util', '* github.com/ExampleOrg/greet']);
    expect(summary(load(['github.com/ExampleOrg/...'], 'deps'))).toEqual(['  example.net/util', '* github.com/ExampleOrg/greet']);
  });

  it('reads vendor/ when vendor/modules.txt is there (go ≥ 1.14)', () => {
    const g = load(['.'], 'vendored');
    expect(g.vendorMode).toBe(true);
    expect(g.packages[0]!.files.map((f) => f.filename)).toEqual(['vendor/github.com/ExampleOrg/greet/greet.go']);
    expect(g.packages[0]!.module).toMatchObject({ path: 'github.com/ExampleOrg/greet', version: 'v1.1.0', goVersion: '1.20' });
    expect(fixture('vendored/expected.m.txt')).toContain('vendor/github.com/ExampleOrg/greet/greet.go:8:10');
    expect(summary(load(['github.com/ExampleOrg/...'], 'vendored'))).toEqual(['* github.com/ExampleOrg/greet']);
    // -mod=mod in GOFLAGS turns vendoring off.
    expect(load(['.'], 'vendored', { ...env, GOFLAGS: '-mod=mod' }).vendorMode).toBe(false);
  });

  it('applies replace to a directory and to another version', () => {
    const g = load(['./...'], 'replaced');
    expect(summary(g)).toEqual(['  example.net/local', '  github.com/ExampleOrg/greet', '* example.com/replaced']);
    expect(g.packages[0]!.files.map((f) => f.filename)).toEqual(['local/local.go']);
    expect(g.packages[0]!.module).toMatchObject({ path: 'example.net/local', version: undefined, dir: join(testdata, 'replaced/local'), lang: 'go1.21' });
    expect(g.packages[1]!.module?.dir).toBe(join(modcache, 'github.com/!example!org/greet@v1.1.0'));
    expect(fixture('replaced/expected.m.txt')).toContain('greet@v1.1.0/greet.go');
  });

  it('finds the main modules without loading packages', () => {
    expect(findMainModules({ cwd: join(testdata, 'multi/cmd/app'), env })).toEqual({
      mainModules: [{ path: 'example.com/multi', dir: join(testdata, 'multi'), goVersion: '1.22', toolchain: undefined }],
      workFile: null,
    });
    expect(findMainModules({ cwd: join(testdata, 'work/a'), env })?.mainModules.map((m) => m.path)).toEqual(['example.com/a', 'example.com/b']);
    expect(findMainModules({ cwd: tmpdir(), env })).toBeNull();
  });

  it('honours go.work and GOWORK=off', () => {
    const g = load(['./a/...', './b/...'], 'work');
    expect(g.mainModules.map((m) => m.path)).toEqual(['example.com/a', 'example.com/b']);
    expect(g.workFile).toBe(join(testdata, 'work/go.work'));
    expect(summary(g)).toEqual(['* example.com/b/lib', '* example.com/a']);
    expect(g.packages[0]!.files.map((f) => f.filename)).toEqual(['b/lib/lib.go']);
    expect(fixture('work/expected.m.txt')).toContain('b/lib/lib.go:5:41');
    // Without the workspace there is no module here, and example.com/b is nobody's.
    expect(failure(['./a/...'], 'work', { ...env, GOWORK: 'off' })).toMatch(/no required module provides package example.com\/b\/lib: go.mod file not found/);
  });
});

describe('loadGraph errors, as the go command words them', () => {
  it('an import cycle', () => {
    expect(failure(['./...'], 'errs/cycle')).toBe(fixture('errs/cycle/expected.m.txt'));
  });

  it('a malformed go.mod', () => {
    expect(failure(['.'], 'errs/badmod')).toBe(fixture('errs/badmod/expected.m.txt'));
  });

  it('a package no module provides', () => {
    expect(failure(['.'], 'errs/noreq')).toBe(fixture('errs/noreq/expected.m.txt'));
  });

  it('a module missing from the module cache, at the import', () => {
    expect(failure(['.'], 'errs/missing')).toBe(
      `main.go:6:2: could not import example.org/absent/pkg: module example.org/absent@v1.0.0 is not in the module cache (GOMODCACHE=${modcache}); run 'go mod download example.org/absent' where Go is installed, or vendor it`,
    );
  });

  it('a package without buildable files, named or imported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'goesc-nogo-'));
    for (const d of ['x', 'y', 'z']) mkdirSync(join(dir, d));
    writeFileSync(join(dir, 'go.mod'), 'module example.com/m3\n\ngo 1.22\n');
    writeFileSync(join(dir, 'x/x.go'), '//go:build ignore\n\npackage x\n');
    writeFileSync(join(dir, 'y/y.go'), 'package main\n\nimport _ "example.com/m3/x"\n\nfunc main() {}\n');
    const fail = (pattern: string): string => {
      try {
        loadGraph([pattern], { cwd: dir, env });
      } catch (err) {
        expect((err as UserError).exitCode).toBe(2);
        return (err as Error).message.replaceAll(dir, 'DIR');
      }
      throw new Error('expected a failure');
    };
    // The go command's messages (go build, go 1.26).
    expect(fail('.')).toBe('no Go files in DIR');
    expect(fail('./z')).toBe('no Go files in DIR/z');
    expect(fail('./x')).toBe('package example.com/m3/x: build constraints exclude all Go files in DIR/x');
    expect(fail('./y')).toBe('package example.com/m3/y\n\timports example.com/m3/x: build constraints exclude all Go files in DIR/x');
  });

  it('bad command-line patterns', () => {
    expect(failure(['./nope'], 'multi')).toBe(`stat ${join(testdata, 'multi/nope')}: directory not found`);
    expect(failure(['./nope/...'], 'multi')).toBe('pattern ./nope/...: lstat ./nope/: no such file or directory');
    expect(failure(['../deps'], 'multi')).toBe('directory ../deps outside main module or its selected dependencies');
    expect(failure(['example.com/multi/nope'], 'multi')).toBe('cannot find module providing package example.com/multi/nope: import lookup disabled by -mod=readonly');
    expect(failure(['example.com/zz/...'], 'multi')).toBe('go: warning: "example.com/zz/..." matched no packages');
  });

  it('the module cache from GOPATH, then HOME, when GOMODCACHE is unset', () => {
    expect(failure(['.'], 'errs/missing', { GOPATH: '/gp1:/gp2' })).toContain('(GOMODCACHE=/gp1/pkg/mod)');
    expect(failure(['.'], 'errs/missing', { HOME: '/home/u' })).toContain('(GOMODCACHE=/home/u/go/pkg/mod)');
  });
});

describe('the standard library\'s own module', () => {
  it('gives std packages their import paths and marks every import std', () => {
    const dir = mkdtempSync(join(tmpdir(), 'goesc-std-'));
    mkdirSync(join(dir, 'strs'));
    writeFileSync(join(dir, 'go.mod'), 'module std\n\ngo 1.26\n');
    writeFileSync(join(dir, 'strs/s.go'), 'package strs\n\nimport (\n\t"internal/abi"\n\t"golang.org/x/net/dns/dnsmessage"\n)\n');
    const g = loadGraph(['.'], { cwd: join(dir, 'strs'), env });
    expect(g.packages.map((p) => p.importPath)).toEqual(['strs']);
    expect(g.packages[0]!.imports.map((i) => [i.path, i.std])).toEqual([['golang.org/x/net/dns/dnsmessage', true], ['internal/abi', true]]);
  });
});

describe('file choice', () => {
  it('sets the release tags up to the model\'s version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'goesc-tags-'));
    mkdirSync(join(dir, 'p'));
    writeFileSync(join(dir, 'go.mod'), 'module example.com/t\n\ngo 1.22\n');
    writeFileSync(join(dir, 'p/a.go'), 'package p\n');
    writeFileSync(join(dir, 'p/new.go'), '//go:build go1.27\n\npackage p\n');
    writeFileSync(join(dir, 'p/exp.go'), '//go:build goexperiment.greenteagc && unix\n\npackage p\n');
    const files = (goMinor?: number) => loadGraph(['./p'], { cwd: dir, env, goMinor }).packages[0]!.files.map((f) => f.filename);
    expect(files()).toEqual(['p/a.go', 'p/exp.go']);
    expect(files(27)).toEqual(['p/a.go', 'p/exp.go', 'p/new.go']);
  });
});
