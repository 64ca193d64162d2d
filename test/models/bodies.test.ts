// The generic bodies of the std models (models/<go>/std/<path>/src/*.go): every package's
// bodies load with its stub and check with our own checker without a single error, keep
// gc's file names and positions, and stay out of api.go.

import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { modelImporter } from '../../src/types/index.js';
import { blankFuncBodies, modelGoroot } from '../../src/types/importer.js';
import type { Package } from '../../src/types/index.js';
import type { FuncDecl } from '../../src/syntax/ast.js';
import { parseFile } from '../../src/syntax/index.js';

const root = path.resolve(__dirname, '../..');
const stdDir = path.join(root, 'models/go1.26/std');

function bodyPackages(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (!statSync(p).isDirectory()) continue;
    if (name === 'src' && existsSync(path.join(dir, 'api.go'))) out.push(path.relative(stdDir, dir));
    else out.push(...bodyPackages(p));
  }
  return out;
}

const packages = bodyPackages(stdDir);

// One importer for the tests that only read: its packages and checked bodies are shared.
const modelErrors: string[] = [];
const shared = modelImporter({ onModelError: (p, m) => modelErrors.push(`${p}: ${m}`) });

describe('std generic bodies', () => {
  it('exist for the packages users instantiate from', () => {
    for (const p of ['slices', 'maps', 'iter', 'cmp', 'sync', 'sync/atomic', 'unique', 'internal/sync', 'weak']) {
      expect(packages, p).toContain(p);
    }
  });

  it('check with 0 errors in every package', { timeout: 120_000 }, () => {
    const errors: string[] = [];
    const imp = shared;
    for (const p of packages) {
      const pkg = imp.import(p);
      expect(pkg, p).not.toBeNull();
      const bodies = pkg!.bodies;
      expect(bodies, p).toBeDefined();
      expect(bodies!.files.length, p).toBeGreaterThan(0);
      errors.push(...bodies!.checkAll().map((e) => `${p}: ${e.file}:${e.line}:${e.col}: ${e.message}`));
    }
    expect([...modelErrors, ...errors]).toEqual([]);
  });

  it('restore every body exactly as a whole-file parse has it', { timeout: 120_000 }, () => {
    const imp = shared;
    const mismatches: string[] = [];
    let bodies = 0;
    for (const p of packages) {
      const b = imp.import(p)!.bodies!;
      for (const f of b.files) {
        const name = path.basename(f.filename);
        const whole = parseFile(f.filename, readFileSync(path.join(stdDir, p, 'src', name))).file!;
        const byPos = new Map(whole.decls.filter((d) => d.kind === 'FuncDecl').map((d) => [`${d.name.line}:${d.name.col}`, d]));
        for (const d of f.decls) {
          if (d.kind !== 'FuncDecl') continue;
          const w = byPos.get(`${d.name.line}:${d.name.col}`);
          const got = b.body(d);
          const want = w?.kind === 'FuncDecl' ? w.body : undefined;
          if (!got || !want) {
            if (!!got !== !!want) mismatches.push(`${p}/${name}: ${d.name.value} body ${got ? 'extra' : 'missing'}`);
            continue;
          }
          bodies++;
          if (got.stmts.length !== want.stmts.length || got.rbrace.line !== want.rbrace.line || got.rbrace.col !== want.rbrace.col) {
            mismatches.push(`${p}/${name}: ${d.name.value}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(bodies).toBeGreaterThan(250);
  });

  it('name their files as gc prints them and keep the original positions', () => {
    const pkg = modelImporter().import('slices') as Package;
    const goroot = modelGoroot(stdDir);
    const file = pkg.bodies!.files.find((f) => f.filename.endsWith('/zsortordered.go'))!;
    expect(file.filename).toBe(`${goroot}/src/slices/zsortordered.go`);
    // The line gc prints for slices.partitionOrdered's self-assignment note.
    const text = readFileSync(path.join(stdDir, 'slices/src/zsortordered.go'), 'utf8').split('\n');
    expect(text[137]).toMatch(/^\tdata\[a\], data\[pivot\] = data\[pivot\], data\[a\]/);
    expect(text[137]![22]).toBe('='); // gc: zsortordered.go:138:23
    // The generator's source matches the installed Go, when there is one.
    const real = path.join(goroot, 'src/slices/zsortordered.go');
    if (existsSync(real)) expect(readFileSync(real, 'utf8').split('\n')[137]).toBe(text[137]);
    const decl = file.decls.find((d) => d.kind === 'FuncDecl' && d.name.value === 'pdqsortOrdered');
    expect(decl && decl.kind === 'FuncDecl' && pkg.bodies!.body(decl)?.stmts.length).toBeGreaterThan(0);
  });

  it('are parsed with blanked bodies first, every byte in place', () => {
    const text = readFileSync(path.join(stdDir, 'slices/src/zsortordered.go'));
    const blanked = Buffer.from(blankFuncBodies(text));
    expect(blanked.length).toBe(text.length);
    const nl = (b: Buffer) => [...b.entries()].filter(([, c]) => c === 0x0a).map(([i]) => i);
    expect(nl(blanked)).toEqual(nl(text));
    const lines = blanked.toString('utf8').split('\n');
    expect(lines[137]!.trim()).toBe(''); // inside partitionOrdered's body
    expect(lines.filter((l) => l.startsWith('func ')).length).toBeGreaterThan(10);
    expect(blanked.length - blanked.toString('utf8').replace(/[ \n]/g, '').length).toBeGreaterThan(text.length / 2);
  });

  it('bind the user-visible generic funcs to their bodies (one object per declaration)', () => {
    const pkg = modelImporter().import('slices') as Package;
    const sort = pkg.scope.lookup('Sort');
    expect(sort?.kind).toBe('Func');
    const bodies = pkg.bodies!;
    const decls = bodies.files.flatMap((f) => f.decls);
    const decl = decls.find((d) => d.kind === 'FuncDecl' && d.name.value === 'Sort' && !d.recv);
    expect(decl).toBeDefined();
    expect(bodies.info.defs.get((decl as { name: never }).name)).toBe(sort);
  });

  it('are parsed and checked function by function, when a body is first asked for, into a side table', () => {
    // A fresh importer has its own packages: nothing is loaded yet.
    const pkg = modelImporter().import('slices') as Package;
    const info = pkg.bodies!.info;
    const atImport = info.types.size;
    const sort = pkg.scope.lookup('Sort') as { decl?: FuncDecl } | null;
    const blankedStmts = sort!.decl!.body?.stmts.length ?? 0;
    expect(pkg.bodies!.body(sort!.decl!)?.stmts.length).toBeGreaterThan(0); // parsed in full and checked now
    expect(sort!.decl!.body?.stmts.length ?? 0).toBe(blankedStmts); // the AST is not changed
    const afterSort = info.types.size;
    expect(afterSort).toBeGreaterThan(atImport);
    expect(pkg.bodies!.checkAll()).toEqual([]); // checks every body
    expect(info.types.size).toBeGreaterThan(afterSort + 1000); // which Sort's alone had not
  });

  it('are not declared again in api.go', () => {
    for (const p of packages) {
      const api = readFileSync(path.join(stdDir, p, 'api.go'), 'utf8');
      const dir = path.join(stdDir, p, 'src');
      for (const name of readdirSync(dir)) {
        const src = readFileSync(path.join(dir, name), 'utf8');
        for (const m of src.matchAll(/^func (\([^)]*\) )?([A-Za-z_]\w*)/gm)) {
          // (r *T[K, V]) or (T): the last word before any [ is the receiver's type.
          const recv = m[1] ? m[1].slice(1).replace(/\[.*$|\).*$/, '').trim().split(/\s+/).pop()!.replace(/^\*/, '') : '';
          const re = recv ? new RegExp(`^func \\(\\w* ?\\*?${recv}\\b[^)]*\\) ${m[2]}\\b`, 'm') : new RegExp(`^func ${m[2]}\\b`, 'm');
          expect(re.test(api), `${p}: ${recv ? recv + '.' : ''}${m[2]} in both`).toBe(false);
        }
      }
    }
  });
});
