// The stored answers of the real compiler for one case (<name>.fixture.json beside
// <name>.go, written by scripts/fixtures.mjs) and the discovery of cases in a folder.
// A corpus keeps one fixture per case and Go version: <name>.fixture.json holds the answers
// of the base compiler (go1.26.8, BASE_FIXTURE_VERSION), <name>.fixture.go1.27.json those of
// go1.27.3 (`npm run fixtures -- --go go1.27.3`); each fixture's `go.version` says which
// compiler made it.
// A fixture's file names are the case's base name: the compiler ran in the case's folder
// with -trimpath, so a line reads `name.go:12:3: moved to heap: x`.

import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, basename, sep } from 'node:path';
import { defaultModelsDir, modelGoroot } from '../types/importer.js';
import { normalizeVersion } from '../models/index.js';

export interface CompilerRun {
  /** The exact command, temporary paths written as <placeholders>. */
  readonly command: string;
  /** Diagnostic lines in the compiler's order. */
  readonly lines: readonly string[];
}

export interface AllocationCall {
  readonly func: string;
  readonly file: string;
  readonly line: number;
  /** `runtime.newobject`, `runtime.makeslice`, ... */
  readonly call: string;
  /** For runtime.newobject, the allocated type. */
  readonly type?: string;
}

export interface TypeLayout {
  readonly name: string;
  readonly size: number;
  readonly align: number;
}

export interface Fixture {
  /** Path of the case relative to the corpus root. */
  readonly case: string;
  readonly go: { readonly version: string; readonly goos: string; readonly goarch: string };
  readonly m: CompilerRun;
  readonly m2: CompilerRun;
  readonly smallframes: CompilerRun;
  readonly asm: { readonly command: string; readonly allocs: readonly AllocationCall[] };
  readonly jsonlog: { readonly command: string; readonly files: Readonly<Record<string, readonly unknown[]>> };
  readonly layout: { readonly reference: string; readonly types: readonly TypeLayout[] };
  /** The default build (no -l, gc's inliner on): -m, -m=2, -S. Absent in older fixtures. */
  readonly mDefault?: CompilerRun;
  readonly m2Default?: CompilerRun;
  readonly asmDefault?: { readonly command: string; readonly allocs: readonly AllocationCall[] };
}

export interface CorpusCase {
  /** Case path relative to the corpus root, with forward slashes: `addr/return_local.go`. */
  readonly id: string;
  /** The rule folder (`addr`), or `.` for a case at the root. */
  readonly rule: string;
  readonly goFile: string;
  readonly fixtureFile: string;
}

export interface Corpus {
  readonly root: string;
  readonly cases: readonly CorpusCase[];
  /** Cases without a fixture. */
  readonly missingFixtures: readonly CorpusCase[];
  /** Fixture files without a case. */
  readonly orphanFixtures: readonly string[];
}

export const fixtureSuffix = '.fixture.json';

/** The model version whose compiler made the unversioned <name>.fixture.json files. */
export const BASE_FIXTURE_VERSION = 'go1.26';

/** `.fixture.json`, `.fixture.go1.27.json`: a fixture file name's version part. */
const fixtureName = /\.fixture(?:\.(go\d+\.\d+))?\.json$/;

/** The fixture of a case for a model version (`go1.27`); the base fixture by default. */
export function fixtureFileOf(goFile: string, version?: string): string {
  const v = version ? normalizeVersion(version) : BASE_FIXTURE_VERSION;
  return goFile.replace(/\.go$/, v === BASE_FIXTURE_VERSION ? fixtureSuffix : `.fixture.${v}.json`);
}

/**
 * Every `.go` case under root (recursively, sorted), with the status of its fixture for
 * `version` (default the base fixtures). Orphans are fixtures of any version without a case.
 */
export function discoverCorpus(root: string, version?: string): Corpus {
  const goFiles: string[] = [];
  const fixtureFiles: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (fixtureName.test(name)) fixtureFiles.push(path);
      else if (name.endsWith('.go')) goFiles.push(path);
    }
  };
  walk(root);
  const cases = goFiles.map((goFile): CorpusCase => {
    const id = relative(root, goFile).split(sep).join('/');
    const rule = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '.';
    return { id, rule, goFile, fixtureFile: fixtureFileOf(goFile, version) };
  });
  const goSet = new Set(goFiles);
  return {
    root,
    cases,
    missingFixtures: cases.filter((c) => !existsSync(c.fixtureFile)),
    orphanFixtures: fixtureFiles.filter((f) => !goSet.has(f.replace(fixtureName, '.go'))),
  };
}

export function loadFixture(c: CorpusCase): Fixture {
  const data = JSON.parse(readFileSync(c.fixtureFile, 'utf8')) as Fixture;
  for (const key of ['m', 'm2', 'smallframes'] as const) {
    if (!data[key] || !Array.isArray(data[key].lines)) {
      throw new Error(`${c.fixtureFile}: not a goesc fixture (no ${key}.lines); regenerate with goesc fixtures DIR`);
    }
  }
  return data;
}

/**
 * goesc's lines for a case, made comparable with the fixture: goesc was given the case's
 * path as seen from the working directory, the compiler only its base name, so the folder
 * prefix is dropped wherever a position is printed (also inside -m=2 `at file:line:col`).
 */
export function relativizeLines(lines: readonly string[], pathGiven: string, version: string = BASE_FIXTURE_VERSION): string[] {
  // gc reads std export data built with -trimpath: instantiated std bodies print as
  // $GOROOT/src/..., where goesc names the files under the real GOROOT (as `go build` shows).
  const std = modelGoroot(join(defaultModelsDir(), normalizeVersion(version), 'std')) + '/src/';
  const out = lines.map((l) => l.split(std).join('$GOROOT/src/'));
  const folder = dirname(pathGiven);
  if (folder === '.' || folder === '') return out;
  const prefix = folder.split(sep).join('/') + '/';
  const name = basename(pathGiven);
  return out.map((l) => l.split(prefix + name).join(name));
}
