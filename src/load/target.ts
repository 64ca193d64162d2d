// The build target goesc chooses files for: linux/amd64 with the gc toolchain, as the
// installed Go 1.26 reports it (`go list -f '{{context.ToolTags}} {{context.ReleaseTags}}'`).
// cgo is false by choice: goesc never runs a C toolchain, so cgo files are left out, as
// with CGO_ENABLED=0. Known GOOS/GOARCH values follow $GOROOT/src/internal/syslist: a file
// suffix `_<os>` or `_<arch>` only constrains when it names one of them.

export interface BuildTarget {
  readonly goos: string;
  readonly goarch: string;
  /** Tags that are true besides goos/goarch (unix, gc, release tags, tool tags). */
  readonly tags: ReadonlySet<string>;
}

/**
 * The experiments on by default for linux/amd64 in go1.26: the baseline of
 * $GOROOT/src/internal/buildcfg/exp.go's ParseGOEXPERIMENT (regabi on amd64, DWARF 5 off only
 * on darwin/ios/aix, randomized heap base and the Green Tea GC on everywhere), each a
 * `goexperiment.<name>` tag. $GOEXPERIMENT is not consulted: goesc models the default build.
 */
const defaultExperiments: readonly string[] = ['regabiwrappers', 'regabiargs', 'dwarf5', 'greenteagc', 'randomizedheapbase64'];

/** The newest release goesc's models describe: go1.26. */
export const defaultGoMinor = 26;

/**
 * linux/amd64 for the gc toolchain of go1.<goMinor>: `unix` (linux is a Unix), `gc`, the
 * release tags go1.1 … go1.<goMinor>, the default experiments and the GOAMD64=v1 tag.
 */
export function linuxAmd64For(goMinor: number = defaultGoMinor): BuildTarget {
  return {
    goos: 'linux',
    goarch: 'amd64',
    tags: new Set([
      'linux', 'amd64', 'unix', 'gc',
      ...Array.from({ length: goMinor }, (_, i) => `go1.${i + 1}`),
      ...defaultExperiments.map((e) => `goexperiment.${e}`),
      'amd64.v1',
    ]),
  };
}

export const linuxAmd64: BuildTarget = linuxAmd64For();

export const knownOS: ReadonlySet<string> = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux',
  'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos',
]);

export const knownArch: ReadonlySet<string> = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle',
  'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv',
  'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm',
]);
