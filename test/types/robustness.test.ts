// Checker bugs found by scripts/robustness.mjs over $GOROOT/src (issue 9, item 5), each
// reduced to a few lines: a value of a type parameter constrained by `[]byte | string`
// appended to a []byte (encoding/json's appendString), and a generic function value passed
// where a func type is expected (slices.Compare as a comparison), whose type arguments come
// from that func type; std's imports of its vendored golang.org/x packages (net); a method
// declared through an alias of its receiver type (cmd/compile/internal/syntax's token); len
// of an array reached through a conversion is constant (runtime/debug). Each case states what
// go/types and gc accept or say.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatGoError } from '../../src/errors.js';
import { checkSource } from './helpers.js';
import { createContext } from '../../src/api.js';
import { analyzeProgram } from '../../src/pipeline/program.js';

const errors = (src: string) => checkSource('a.go', src).errors.map(formatGoError);
const typeOf = (src: string, exprText: string) => {
  const r = checkSource('a.go', src);
  for (const [e, tv] of r.info.types) if (nameOf(e) === exprText) return tv.type as unknown as { kind: string; typeParams: unknown[] };
  return null;
};
/** `x` or `pkg.x` for a name or selector node, else null. */
function nameOf(e: unknown): string | null {
  const n = e as { kind?: string; value?: string; x?: unknown; sel?: { value: string } };
  if (n.kind === 'Name') return n.value ?? null;
  if (n.kind === 'SelectorExpr') {
    const x = nameOf(n.x);
    return x && n.sel ? `${x}.${n.sel.value}` : null;
  }
  return null;
}

describe('a type parameter constrained by []byte | string', () => {
  const src = (constraint: string, body: string) => `package p

func appendString[Bytes ${constraint}](dst []byte, src Bytes) []byte {
${body}
}
`;
  it('appends its bytes to a []byte, sliced or whole', () => {
    expect(errors(src('[]byte | string', '\tdst = append(dst, src[1:]...)\n\treturn append(dst, src...)'))).toEqual([]);
    expect(errors(src('~[]byte | ~string', '\treturn append(dst, src[:len(src)-1]...)'))).toEqual([]);
  });
  it('is indexed and ranged over as bytes', () => {
    expect(errors(src('[]byte | string', '\tfor i := 0; i < len(src); i++ {\n\t\tdst = append(dst, src[i])\n\t}\n\treturn dst'))).toEqual([]);
  });
  it('but not appended when its type set has more than bytes and strings', () => {
    expect(errors(src('[]byte | string | []int', '\treturn append(dst, src...)')).length).toBeGreaterThan(0);
  });
  it('nor a []byte | string value onto a []int', () => {
    const bad = `package p

func f[B []byte | string](dst []int, src B) []int { return append(dst, src...) }
`;
    expect(errors(bad).length).toBeGreaterThan(0);
  });
});

describe('a generic function value where a func type is expected', () => {
  it('infers slices.Compare from a non-generic parameter', () => {
    const src = `package p

import "slices"

func sortWith(xs [][]int, cmp func(a, b []int) int) { slices.SortFunc(xs, cmp) }

func use(xs [][]int) { sortWith(xs, slices.Compare) }
`;
    expect(errors(src)).toEqual([]);
    expect(typeOf(src, 'slices.Compare')?.typeParams).toEqual([]);
  });
  it('infers it from a generic callee once the callee is instantiated by the other arguments', () => {
    expect(errors('package p\n\nimport "slices"\n\nfunc use(xs [][]int) { slices.SortFunc(xs, slices.Compare) }\n')).toEqual([]);
    expect(
      errors('package p\n\nfunc apply[T any](x T, f func(T) T) T { return f(x) }\n\nfunc id[T any](x T) T { return x }\n\nfunc use() int { return apply(3, id) }\n'),
    ).toEqual([]);
  });
  it('infers it in assignments and returns, through a named func type', () => {
    const src = `package p

import "slices"

func id[T any](x T) T { return x }

type Less func(a, b int) bool

func lt[T int | float64](a, b T) bool { return a < b }

var cmpFn func([]int, []int) int = slices.Compare

func ret() func(string) string { return id }

func named() Less { return lt }

func g() int {
	var h func(int) int
	h = id
	return h(1)
}
`;
    expect(errors(src)).toEqual([]);
  });
  it('without a func type to infer from it is gc\'s error', () => {
    expect(errors('package p\n\nfunc id[T any](x T) T { return x }\n\nfunc f() { g := id; _ = g }\n')).toEqual([
      'a.go:5:17: cannot use generic function id without instantiation',
    ]);
  });
  it('the instantiated type is the target\'s', () => {
    const src = `package p

import "slices"

func use(xs [][]int) { var f func(a, b []int) int = slices.Compare; _ = f; _ = xs }
`;
    const t = typeOf(src, 'slices.Compare');
    expect(t?.kind).toBe('Signature');
    expect(t?.typeParams.length).toBe(0);
  });
});

describe('std sources importing their vendored golang.org/x packages', () => {
  // net imports golang.org/x/net/dns/dnsmessage, which the go command finds in
  // $GOROOT/src/vendor; the models hold it as vendor/golang.org/x/net/dns/dnsmessage.
  const src = 'package net\n\nimport "golang.org/x/net/dns/dnsmessage"\n\nvar T dnsmessage.Type = dnsmessage.TypeA\n';
  const root = mkdtempSync(join(tmpdir(), 'goesc-vendor-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  // The loader maps the import (the checker reads no disk): a package of module std, as in
  // $GOROOT/src, gets GOROOT's vendor tree; a package of no module, the go command's error.
  const run = (dir: string) => {
    const ctx = createContext({ cwd: dir, env: { HOME: '/nonexistent' } });
    return analyzeProgram(ctx, ['.'], { m: 1, model: ctx.model('go1.26', false), cache: null, buildId: 'test' });
  };
  it('resolve through a src/vendor tree above the file', () => {
    mkdirSync(join(root, 'goroot/src/vendor/golang.org/x/net/dns/dnsmessage'), { recursive: true });
    mkdirSync(join(root, 'goroot/src/net'), { recursive: true });
    writeFileSync(join(root, 'goroot/src/go.mod'), 'module std\n\ngo 1.26\n');
    writeFileSync(join(root, 'goroot/src/net/a.go'), src);
    expect(run(join(root, 'goroot/src/net')).errors).toEqual([]);
  });
  it('but not from anywhere else', () => {
    mkdirSync(join(root, 'elsewhere'), { recursive: true });
    writeFileSync(join(root, 'elsewhere/a.go'), src);
    expect(() => run(join(root, 'elsewhere'))).toThrow(/golang\.org\/x\/net\/dns\/dnsmessage/);
  });
});

describe('a method declared through an alias of its receiver type', () => {
  const src = (order: 'alias first' | 'type first') => `package p

${order === 'alias first' ? 'type token = Token\n\ntype Token uint' : 'type Token uint\n\ntype token = Token'}

func (t token) String() string { return "t" }

func f(t Token) string { return t.String() }

func g(t token) string { return t.String() }
`;
  it('is a method of the aliased type, whichever is declared first', () => {
    expect(errors(src('alias first'))).toEqual([]);
    expect(errors(src('type first'))).toEqual([]);
  });
  it('an alias of a type of another package cannot take methods', () => {
    const bad = 'package p\n\nimport "strings"\n\ntype B = strings.Builder\n\nfunc (b *B) M() {}\n';
    expect(errors(bad).length).toBeGreaterThan(0);
  });
});

describe('len of an array', () => {
  it('is constant through conversions and constant builtin calls', () => {
    const src = `package p

type S struct{ a [8]int }

const N = len(((*S)(nil)).a)

const M = len([4]int{}) + cap(*(*[2]int)(nil))
`;
    expect(errors(src)).toEqual([]);
  });
  it('but not when a call or a receive is evaluated', () => {
    expect(errors('package p\n\nfunc h() []int { return nil }\n\nconst K = len([2]int(h()))\n')).toEqual([
      'a.go:5:11: len([2]int(h())) (value of type int) is not constant',
    ]);
    expect(errors('package p\n\nvar ch chan [3]int\n\nconst K = len(<-ch)\n').length).toBe(1);
  });
});
