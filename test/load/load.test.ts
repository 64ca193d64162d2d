import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPackages, evalConstraint, goodOSArchFile, goBuildLine, linuxAmd64 } from '../../src/load/index.js';
import { UserError } from '../../src/errors.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'goesc-load-'));
  const put = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const pkg = (tags = '') => `${tags}package p\n`;
  put('p/a.go', pkg());
  put('p/a_test.go', pkg());
  put('p/b_linux.go', pkg());
  put('p/c_windows.go', pkg());
  put('p/d_amd64.go', pkg());
  put('p/e_arm64.go', pkg());
  put('p/f_linux_amd64.go', pkg());
  put('p/g_darwin_amd64.go', pkg());
  put('p/h.go', pkg('//go:build ignore\n\n'));
  put('p/i.go', pkg('// Copyright\n\n//go:build linux && !cgo\n\n'));
  put('p/j.go', pkg('//go:build go1.26 && !go1.27\n\n'));
  put('p/k.go', pkg('//go:build cgo\n\n'));
  put('p/_x.go', pkg());
  put('p/.y.go', pkg());
  put('p/sub/s.go', pkg());
  put('p/testdata/t.go', pkg());
  put('p/vendor/v/v.go', pkg());
  put('p/_skip/u.go', pkg());
  put('p/empty/readme.txt', 'no go here');
  // cgo files without a build tag: left out as go/build does with CGO_ENABLED=0
  put('c/plain.go', pkg());
  put('c/cgo.go', '// Copyright\n\npackage p\n\n/*\n#include <stdlib.h>\n*/\nimport "C"\n\nfunc f() {}\n');
  put('c/grouped.go', 'package p\n\nimport (\n\t"fmt"\n\t"C"\n)\n\nvar _ = fmt.Sprint\n');
  put('c/mention.go', 'package p\n\n// import "C" in a comment\nimport "fmt"\n\nvar s = `import "C"`\n\nvar _ = fmt.Sprint\n');
});

describe('loadPackages', () => {
  it('chooses a directory\'s files for linux/amd64', () => {
    const [p] = loadPackages([join(root, 'p')]);
    expect(p!.files.map((f) => f.filename.slice(root.length + 3))).toEqual(['a.go', 'b_linux.go', 'd_amd64.go', 'f_linux_amd64.go', 'i.go', 'j.go']);
  });

  it('leaves out files that import "C" (cgo is off), and only those', () => {
    const [p] = loadPackages([join(root, 'c')]);
    expect(p!.files.map((f) => f.filename.slice(root.length + 3))).toEqual(['mention.go', 'plain.go']);
  });

  it('walks DIR/... like the go command', () => {
    const pkgs = loadPackages([join(root, 'p') + '/...']);
    expect(pkgs.map((p) => p.dir.slice(root.length))).toEqual(['/p', '/p/sub']);
  });

  it('takes named .go files as given', () => {
    const f = join(root, 'p/c_windows.go');
    const [p] = loadPackages([f]);
    expect(p!.files.map((x) => x.filename)).toEqual([f]);
  });

  it('reports a missing path and an empty directory as user errors (exit 2)', () => {
    expect(() => loadPackages([join(root, 'nope')])).toThrow(UserError);
    try {
      loadPackages([join(root, 'p/empty')]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).exitCode).toBe(2);
      expect((e as UserError).message).toMatch(/no Go files/);
    }
    expect(() => loadPackages([join(root, 'nope.go')])).toThrow(/no such file/);
  });
});

describe('build constraints', () => {
  const cases: [string, boolean][] = [
    ['linux', true], ['!linux', false], ['windows || linux', true], ['linux && arm64', false],
    ['unix', true], ['gc && !gccgo', true], ['(darwin || freebsd) && amd64', false],
    ['go1.21', true], ['go1.26', true], ['go1.27', false], ['cgo', false], ['!cgo', true],
    ['ignore', false], ['amd64 && !purego', true], ['goexperiment.regabiargs', true],
  ];
  for (const [expr, want] of cases) it(expr, () => expect(evalConstraint(expr, linuxAmd64)).toBe(want));

  it('file name suffixes', () => {
    expect(goodOSArchFile('x_linux.go', linuxAmd64)).toBe(true);
    expect(goodOSArchFile('x_windows.go', linuxAmd64)).toBe(false);
    expect(goodOSArchFile('x_linux_arm.go', linuxAmd64)).toBe(false);
    expect(goodOSArchFile('linux.go', linuxAmd64)).toBe(true);
    expect(goodOSArchFile('x_foo.go', linuxAmd64)).toBe(true);
    expect(goodOSArchFile('x_unix.go', linuxAmd64)).toBe(true);
  });

  it('reads //go:build only from the header', () => {
    expect(goBuildLine(Buffer.from('// c\n\n//go:build linux\n\npackage p\n'))).toBe('linux');
    expect(goBuildLine(Buffer.from('package p\n//go:build linux\n'))).toBeNull();
    expect(goBuildLine(Buffer.from('/* a\n b */\n//go:build !windows\npackage p\n'))).toBe('!windows');
  });
});
