// Module versions as golang.org/x/mod/semver reads them: `vMAJOR[.MINOR[.PATCH]][-pre][+build]`.
// The go command compares versions by (major, minor, patch) numerically, then a release
// above any of its prereleases, prereleases identifier by identifier (numeric ones as numbers
// and below alphanumeric ones); build metadata (`+incompatible`) does not take part. The npm
// `semver` package follows SemVer 2.0 without the `v`, the shorthands (`v1`, `v1.2`) or
// `+incompatible`, so Go's rules are written out here.

interface Parsed {
  readonly major: string;
  readonly minor: string;
  readonly patch: string;
  readonly pre: string;
  /** Whether minor or patch were left out (`v1`, `v1.2`): valid, but not canonical. */
  readonly short: boolean;
  readonly build: string;
}

const num = '(0|[1-9][0-9]*)';
const versionRE = new RegExp(`^v${num}(?:\\.${num}(?:\\.${num})?)?(-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`);

function parse(v: string): Parsed | null {
  const m = versionRE.exec(v);
  if (!m) return null;
  const pre = m[4] ?? '';
  // semver.isValid: numeric prerelease identifiers must not have leading zeros.
  if (pre && pre.slice(1).split('.').some((id) => /^0[0-9]+$/.test(id))) return null;
  const short = m[2] === undefined || m[3] === undefined;
  if (short && (pre || m[5])) return null; // `v1.2-pre` is not a version
  return { major: m[1]!, minor: m[2] ?? '0', patch: m[3] ?? '0', pre, short, build: m[5] ?? '' };
}

export function isValidVersion(v: string): boolean {
  return parse(v) !== null;
}

/**
 * module.CanonicalVersion: the full form of a valid version (`v1.2` → `v1.2.0`), keeping
 * `+incompatible` (the only build suffix a module version may carry); '' when invalid.
 */
export function canonicalVersion(v: string): string {
  const p = parse(v);
  if (!p) return '';
  const base = `v${p.major}.${p.minor}.${p.patch}${p.pre}`;
  if (p.build === '+incompatible') return base + p.build;
  return base;
}

function compareNumbers(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePrerelease(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  const x = a.slice(1).split('.');
  const y = b.slice(1).split('.');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const dx = /^[0-9]+$/.test(x[i]!);
    const dy = /^[0-9]+$/.test(y[i]!);
    if (dx !== dy) return dx ? -1 : 1;
    const c = dx ? compareNumbers(x[i]!, y[i]!) : x[i]! < y[i]! ? -1 : x[i]! > y[i]! ? 1 : 0;
    if (c !== 0) return c;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

/**
 * semver.Compare: negative, zero or positive. An invalid version is below every valid one,
 * and two invalid ones are equal, as in x/mod/semver. `none` (MVS's "no version") is invalid,
 * hence lowest.
 */
export function compareVersions(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return x ? 1 : y ? -1 : 0;
  return (
    compareNumbers(x.major, y.major) ||
    compareNumbers(x.minor, y.minor) ||
    compareNumbers(x.patch, y.patch) ||
    comparePrerelease(x.pre, y.pre)
  );
}

/** The higher of two versions (MVS's max). */
export function maxVersion(a: string, b: string): string {
  return compareVersions(a, b) >= 0 ? a : b;
}

/** semver.Major: `v2` of `v2.3.1`. */
export function majorOf(v: string): string {
  const p = parse(v);
  return p ? `v${p.major}` : '';
}
