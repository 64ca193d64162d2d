// go.mod / go.work parsing (modfile.ts), versions (semver.ts) and the cache's case-encoding.

import { describe, it, expect } from 'vitest';
import { parseModFile } from '../../src/load/modfile.js';
import { canonicalVersion, compareVersions } from '../../src/load/semver.js';
import { escapeModulePath, moduleCacheDir } from '../../src/load/modcache.js';
import { displayFileName, shortPath } from '../../src/load/paths.js';
import { UserError } from '../../src/errors.js';

const strict = (text: string, kind: 'go.mod' | 'go.work' = 'go.mod') =>
  parseModFile('/m/' + kind, text, { kind, strict: true, displayName: kind });
const errorOf = (text: string): string => {
  try {
    strict(text);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).message;
  }
  throw new Error('expected a parse error');
};

describe('parseModFile', () => {
  it('reads module, go, toolchain, require blocks with // indirect, replace, exclude', () => {
    const f = strict(`// comment
module "example.com/m" // the module

go 1.22.1
toolchain go1.26.0

require (
	github.com/a/b v1.2.3
	golang.org/x/sys v0.20.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect; reason
)
require example.com/single v0.0.0-20240101000000-abcdefabcdef

replace example.com/old => ../old
replace (
	github.com/a/b v1.2.3 => github.com/fork/b v1.2.4
	example.com/abs => /abs/dir
)
exclude github.com/a/b v1.2.2
retract [v1.0.0, v1.0.5] // bad
retract v0.1.0
godebug default=go1.21
tool example.com/tool
`);
    expect(f.module).toBe('example.com/m');
    expect(f.go).toBe('1.22.1');
    expect(f.toolchain).toBe('go1.26.0');
    expect(f.requires.map((r) => [r.path, r.version, r.indirect])).toEqual([
      ['github.com/a/b', 'v1.2.3', false],
      ['golang.org/x/sys', 'v0.20.0', true],
      ['gopkg.in/yaml.v3', 'v3.0.1', true],
      ['example.com/single', 'v0.0.0-20240101000000-abcdefabcdef', false],
    ]);
    expect(f.replaces).toEqual([
      { oldPath: 'example.com/old', oldVersion: undefined, newPath: '../old', line: 14 },
      { oldPath: 'github.com/a/b', oldVersion: 'v1.2.3', newPath: 'github.com/fork/b', newVersion: 'v1.2.4', line: 16 },
      { oldPath: 'example.com/abs', oldVersion: undefined, newPath: '/abs/dir', line: 17 },
    ]);
    expect(f.excludes).toEqual([{ path: 'github.com/a/b', version: 'v1.2.2' }]);
  });

  it('reads go.work use directories and replaces', () => {
    const w = strict('go 1.22\n\nuse (\n\t./a\n\t./b\n)\nuse ./c\nreplace x.com/y => ./y\n', 'go.work');
    expect(w.uses.map((u) => u.dir)).toEqual(['./a', './b', './c']);
    expect(w.replaces[0]!.newPath).toBe('./y');
  });

  it('reports malformed files as the go command does', () => {
    const head = 'go: errors parsing go.mod:\n';
    expect(errorOf('module m\n\ngo 1.22\nfoo bar\n')).toBe(head + 'go.mod:4: unknown directive: foo');
    expect(errorOf('module m\n\ngo 1.22\nrequire x.com/a\n')).toBe(head + 'go.mod:4: usage: require module/path v1.2.3');
    expect(errorOf('module m\n\ngo 1.22.x\n')).toBe(head + "go.mod:3: invalid go version '1.22.x': must match format 1.23.0");
    expect(errorOf('module m\n\ngo 1.22\nrequire (\n  x.com/a v1.0.0\n')).toBe(head + 'go.mod:6: syntax error (unterminated block started at /m/go.mod:4:1)');
    expect(errorOf('module m\nmodule x\ngo 1.22\n')).toBe(head + 'go.mod:2: repeated module statement');
    expect(errorOf('module "example.com/e\n')).toBe(head + 'go.mod:1:22: unexpected newline in string');
    expect(errorOf('module m\nreplace x.com/a v1.0.0 => ../x v1.0.0\n')).toBe(head + 'go.mod:2: replacement module directory path "../x" cannot have version');
    expect(errorOf('module m\ntoolchain 1.2\n')).toBe(head + "go.mod:2: invalid toolchain version '1.2': must match format go1.23.0 or default");
    expect(errorOf('module m\nrequire x.com/a vfoo\n')).toBe(head + 'go.mod:2: require x.com/a: version "vfoo" invalid: must be of the form v1.2.3');
    expect(errorOf('go 1.22\n')).toBe('go: error reading go.mod: missing module declaration. To specify the module path:\n\tgo mod edit -module=example.com/mod');
  });

  it('reads a dependency\'s go.mod laxly', () => {
    const f = parseModFile('/d/go.mod', 'module d\ngo 1.30\nfuture directive\nrequire x.com/a v1.0.0\n', { kind: 'go.mod', strict: false, displayName: 'go.mod' });
    expect(f.requires.map((r) => r.path)).toEqual(['x.com/a']);
  });
});

describe('versions and cache paths', () => {
  it('orders versions as x/mod/semver', () => {
    const sorted = ['v1.10.0', 'v1.2.0', 'v1.2.0-rc.1', 'v1.2.0-beta', 'v0.0.0-20240101000000-abcdefabcdef', 'v2.0.0+incompatible', 'v1.2.0-rc.10'];
    expect([...sorted].sort(compareVersions)).toEqual([
      'v0.0.0-20240101000000-abcdefabcdef', 'v1.2.0-beta', 'v1.2.0-rc.1', 'v1.2.0-rc.10', 'v1.2.0', 'v1.10.0', 'v2.0.0+incompatible',
    ]);
    expect(canonicalVersion('v1.2')).toBe('v1.2.0');
    expect(canonicalVersion('1.2.3')).toBe('');
  });

  it('case-encodes module paths', () => {
    expect(escapeModulePath('github.com/BurntSushi/toml')).toBe('github.com/!burnt!sushi/toml');
    expect(moduleCacheDir('/c', 'github.com/BurntSushi/toml', 'v1.4.0')).toBe('/c/github.com/!burnt!sushi/toml@v1.4.0');
  });

  it('names files as go build prints them', () => {
    expect(displayFileName('/m/main.go', '/m', '/m')).toBe('./main.go');
    expect(displayFileName('/m/inner/x.go', '/m/inner', '/m')).toBe('inner/x.go');
    expect(displayFileName('/mod/inner/x.go', '/mod/inner', '/mod/cmd')).toBe('../inner/x.go');
    // Not shorter: absolute, as base.ShortPath.
    expect(displayFileName('/m/inner/x.go', '/m/inner', '/m/cmd')).toBe('/m/inner/x.go');
    expect(displayFileName('/root/go/pkg/mod/x.com/a@v1.0.0/a.go', '/root/go/pkg/mod/x.com/a@v1.0.0', '/tmp/m')).toBe('/root/go/pkg/mod/x.com/a@v1.0.0/a.go');
    // A generic body from inner/ instantiated in the root package.
    expect(displayFileName('/m/inner/x.go', '/m', '/m')).toBe('./inner/x.go');
    expect(shortPath('/mod/go.mod', '/mod/sub')).toBe('../go.mod');
  });
});
