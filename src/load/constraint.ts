// Build constraints (go/build/constraint, go/build's goodOSArchFile): the `//go:build`
// expression of a file's header and the `_GOOS`/`_GOARCH` suffixes of its name, evaluated
// for a BuildTarget. `android` implies `linux`, as in go/build; cgo is never set.

import { knownArch, knownOS, type BuildTarget } from './target.js';

/**
 * The byte offset where a file's leading comments and blank lines end (its first token,
 * normally `package`): the part of the file go/build reads build constraints from.
 */
export function leadingCommentEnd(src: Uint8Array): number {
  let i = 0;
  const n = src.length;
  // Comments are skipped with Buffer's native indexOf (every file of a build goes through
  // here, most with a license comment at the top).
  const buf = Buffer.from(src.buffer, src.byteOffset, n);
  while (i < n) {
    const c = src[i]!;
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      i++;
    } else if (c === 0x2f && src[i + 1] === 0x2f) {
      const e = buf.indexOf(0x0a, i);
      i = e < 0 ? n : e;
    } else if (c === 0x2f && src[i + 1] === 0x2a) {
      const e = buf.indexOf('*/', i + 2, 'latin1');
      i = e < 0 ? n + 2 : e + 2;
    } else {
      break;
    }
  }
  return Math.min(i, n);
}

/** The header (leading comments) of a source file as text, one character per byte. */
export function headerText(src: Uint8Array): string {
  const end = leadingCommentEnd(src);
  return Buffer.from(src.buffer, src.byteOffset, end).toString('latin1');
}

/** The `//go:build` expression in the file header (before the package clause), if any. */
export function goBuildLine(src: Uint8Array): string | null {
  return goBuildLineIn(headerText(src));
}

/** goBuildLine over a header already decoded (headerText). */
export function goBuildLineIn(head: string): string | null {
  // Only the leading comments and blank lines count, as in go/build's readGoInfo.
  let inBlock = false;
  for (const raw of head.split('\n')) {
    const line = raw.trim();
    if (inBlock) {
      if (line.includes('*/')) inBlock = false;
      continue;
    }
    if (line === '') continue;
    if (line.startsWith('//')) {
      const m = /^\/\/go:build(?:\s+(.*))?$/.exec(line);
      if (m) return (m[1] ?? '').trim();
      continue;
    }
    if (line.startsWith('/*')) {
      inBlock = !line.includes('*/', 2);
      continue;
    }
    return null;
  }
  return null;
}

/** Evaluate a `//go:build` expression (`||`, `&&`, `!`, parentheses, tags). */
export function evalConstraint(expr: string, target: BuildTarget): boolean {
  const toks = expr.match(/\|\||&&|!|\(|\)|[A-Za-z0-9_.]+/g) ?? [];
  let i = 0;
  const tag = (t: string) => target.tags.has(t) || t === target.goos || t === target.goarch || (t === 'linux' && target.goos === 'android');
  const or = (): boolean => {
    let v = and();
    while (toks[i] === '||') {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  const and = (): boolean => {
    let v = not();
    while (toks[i] === '&&') {
      i++;
      const r = not();
      v = v && r;
    }
    return v;
  };
  const not = (): boolean => {
    if (toks[i] === '!') {
      i++;
      return !not();
    }
    if (toks[i] === '(') {
      i++;
      const v = or();
      i++; // ')'
      return v;
    }
    const t = toks[i++];
    return t !== undefined && tag(t);
  };
  return or();
}

/** go/build's goodOSArchFile: `name_GOOS_GOARCH.go`, `name_GOOS.go`, `name_GOARCH.go`. */
export function goodOSArchFile(filename: string, target: BuildTarget): boolean {
  const base = filename.replace(/\.go$/, '');
  const i = base.indexOf('_');
  if (i < 0) return true;
  const parts = base.slice(i).split('_');
  if (parts.length > 0 && parts[parts.length - 1] === 'test') parts.pop();
  const n = parts.length;
  const osOK = (os: string) => os === target.goos || (target.goos === 'android' && os === 'linux');
  if (n >= 2 && knownOS.has(parts[n - 2]!) && knownArch.has(parts[n - 1]!)) {
    return osOK(parts[n - 2]!) && parts[n - 1] === target.goarch;
  }
  if (n >= 1) {
    const last = parts[n - 1]!;
    if (knownOS.has(last)) return osOK(last);
    if (knownArch.has(last)) return last === target.goarch;
  }
  return true;
}

/**
 * The `// +build` lines of a file's header, as go/build's parseFileHeader finds them: only
 * in the leading run of `//` comments and blank lines, and only before the last blank line
 * of that run (a `+build` comment must be followed by a blank line).
 */
export function plusBuildLines(src: Uint8Array): string[] {
  return plusBuildLinesIn(headerText(src));
}

/** plusBuildLines over a header already decoded (headerText). */
export function plusBuildLinesIn(head: string): string[] {
  // The last piece is the start of the line holding the first token (`package`), not a
  // blank line: a `+build` comment directly above the package clause does not count.
  const lines = head.split('\n');
  lines.pop();
  let lastBlank = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') {
      lastBlank = i;
      continue;
    }
    if (!line.startsWith('//')) break;
  }
  const out: string[] = [];
  for (let i = 0; i < lastBlank; i++) {
    const line = lines[i]!.trim();
    if (!line.startsWith('//')) continue;
    const body = line.slice(2).trim();
    if (body.startsWith('+build') && (body.length === 6 || /\s/.test(body[6]!))) out.push(body.slice(6).trim());
  }
  return out;
}

/** A `// +build` line: space-separated alternatives of comma-separated, `!`-negatable tags. */
export function evalPlusBuild(line: string, target: BuildTarget): boolean {
  const tag = (t: string) => target.tags.has(t) || t === target.goos || t === target.goarch || (t === 'linux' && target.goos === 'android');
  return line.split(/\s+/).filter(Boolean).some((alt) =>
    alt.split(',').every((term) => (term.startsWith('!') ? !tag(term.slice(1)) : tag(term))),
  );
}

/** Whether a file's build constraints hold: `//go:build` if present, else all `// +build` lines. */
export function constraintsHold(src: Uint8Array, target: BuildTarget): boolean {
  const head = headerText(src);
  // Most files have no constraint at all: nothing to split into lines then.
  if (!head.includes('build')) return true;
  const expr = goBuildLineIn(head);
  if (expr !== null) return evalConstraint(expr, target);
  return plusBuildLinesIn(head).every((l) => evalPlusBuild(l, target));
}
