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

const releaseTags = Array.from({ length: 26 }, (_, i) => `go1.${i + 1}`);

export const linuxAmd64: BuildTarget = {
  goos: 'linux',
  goarch: 'amd64',
  tags: new Set([
    'linux', 'amd64', 'unix', 'gc',
    ...releaseTags,
    'goexperiment.regabiwrappers', 'goexperiment.regabiargs', 'goexperiment.dwarf5',
    'goexperiment.greenteagc', 'goexperiment.randomizedheapbase64', 'amd64.v1',
  ]),
};

export const knownOS: ReadonlySet<string> = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux',
  'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos',
]);

export const knownArch: ReadonlySet<string> = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle',
  'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv',
  'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm',
]);
