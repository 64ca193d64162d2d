// A cached dependency's declarations (types/lazybodies.ts): its files parsed with their
// function bodies blanked, found from the tokens whatever the layout, and each body parsed
// alone when asked for, which must be the body a whole parse gives.
import { describe, expect, it } from 'vitest';
import type * as ast from '../../src/syntax/ast.js';
import { parseFile } from '../../src/syntax/index.js';
import { lazySourcePackage } from '../../src/types/lazybodies.js';
import { splitSourceBodies } from '../../src/syntax/declarations.js';
import { modelImporter } from '../../src/types/importer.js';

// Not gofmt's layout, on purpose: bodies on one line, braces after signatures that span
// lines, struct and func results, generics, methods, a raw string with a `}` line, a func
// literal and a func type at package level, two functions on one line.
const src = `package lazy

import "strings"

func One() int { return 1 }

func Struct() struct{ a, b int } { return struct{ a, b int }{1, 2} }

func Spread(
	a int,
	b string,
) (int,
	string) {
	if a > 0 {
		return a, b
	}
	return 0, strings.ToUpper(b)
}

func Closure() func() int {
	x := 0
	return func() int { x++; return x }
}

type T struct{ n int }

func (t *T) Raw() string {
	return \`
}
\`
}

func Map[K comparable, V any](m map[K]V, f func(V) V) map[K]V { out := map[K]V{}
for k, v := range m { out[k] = f(v) }
return out }

var F = func(n int) int { return n * 2 }

type H func(int) int

func A() int { return 1 }; func B() int { return 2 }
`;

function funcs(file: ast.File): ast.FuncDecl[] {
  return file.decls.filter((d): d is ast.FuncDecl => d.kind === 'FuncDecl');
}

describe('a cached dependency', () => {
  const bytes = Buffer.from(src);
  const whole = parseFile('lazy.go', bytes).file!;

  it('is parsed with its bodies blanked, every declaration and position kept', () => {
    const split = splitSourceBodies('lazy.go', bytes);
    const blanked = parseFile('lazy.go', split.blanked);
    expect(blanked.errors).toEqual([]);
    expect(split.blanked.length).toBe(bytes.length);
    const names = (f: ast.File) => funcs(f).map((d) => `${d.name.value}@${d.name.line}:${d.name.col}`);
    expect(names(blanked.file!)).toEqual(names(whole));
    // every body blanked but the two sharing a line
    expect([...split.funcs.keys()].length).toBe(funcs(whole).length - 2);
    const text = split.blanked.toString('latin1');
    expect(text).not.toContain('strings.ToUpper');
    expect(text).not.toContain('x++');
    expect(text).toContain('return n * 2'); // a func literal is not a declaration
    expect(text).toContain('return 2'); // A and B share a line: left whole
  });

  it("gives each body as a whole parse has it, checked when asked for", () => {
    const importer = modelImporter({ goVersion: 'go1.26' });
    const r = lazySourcePackage([{ filename: 'lazy.go', bytes }], importer, 'example.com/lazy');
    expect('pkg' in r).toBe(true);
    if (!('pkg' in r)) return;
    const bodies = r.pkg.bodies!;
    const strip = (b: ast.BlockStmt | null) => JSON.parse(JSON.stringify(b)) as unknown;
    for (const d of funcs(bodies.files[0]!)) {
      const full = funcs(whole).find((w) => w.name.line === d.name.line && w.name.col === d.name.col)!;
      expect(strip(bodies.body(d)), d.name.value).toEqual(strip(full.body));
    }
    expect(bodies.checkAll()).toEqual([]);
  });

  it('reports a file that does not parse', () => {
    const importer = modelImporter({ goVersion: 'go1.26' });
    const r = lazySourcePackage([{ filename: 'bad.go', bytes: Buffer.from('package bad\n\nfunc F( {\n') }], importer, 'example.com/bad');
    expect('errors' in r && r.errors.length).toBeGreaterThan(0);
  });
});
