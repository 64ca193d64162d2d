// go.mod and go.work files, read as golang.org/x/mod/modfile reads them (read.go, rule.go,
// work.go in $GOROOT/src/cmd/vendor/golang.org/x/mod/modfile).
//
// The syntax is line based: a line is a verb and its arguments (identifiers, "quoted" or
// `raw` strings); `verb (` opens a block whose lines each take the verb; `//` comments run to
// the end of the line, and a require line whose comment is `// indirect` is indirect. The
// main module's go.mod (and go.work) are parsed strictly: every directive is checked and the
// errors are reported as the go command reports them, `go: errors parsing go.mod:` then one
// `go.mod:LINE: message` per error (the file named as base.ShortPath names it). Dependencies'
// go.mod files are parsed laxly (ParseLax): only module, go, require, exclude and replace
// are read and anything else is passed over, so a newer syntax in a dependency never stops
// a build, as with the go command. retract, godebug, tool and ignore are checked for shape
// and otherwise ignored: they do not change which files are compiled.

import { UserError } from '../errors.js';
import { canonicalVersion, isValidVersion, majorOf } from './semver.js';

export interface ModRequire {
  readonly path: string;
  readonly version: string;
  /** Marked `// indirect`. */
  readonly indirect: boolean;
  readonly line: number;
}

export interface ModReplace {
  readonly oldPath: string;
  /** Absent: the replacement applies to every version of oldPath. */
  readonly oldVersion?: string;
  /** A module path, or a directory (rooted or starting with ./ or ../) when newVersion is absent. */
  readonly newPath: string;
  readonly newVersion?: string;
  readonly line: number;
}

export interface ModFile {
  /** Absolute path of the file; directory replacements are relative to its directory. */
  readonly file: string;
  readonly module?: string;
  readonly go?: string;
  readonly toolchain?: string;
  readonly requires: readonly ModRequire[];
  readonly replaces: readonly ModReplace[];
  readonly excludes: readonly { readonly path: string; readonly version: string }[];
  /** go.work's `use` directories, as written. */
  readonly uses: readonly { readonly dir: string; readonly line: number }[];
}

export interface ParseOptions {
  readonly kind: 'go.mod' | 'go.work';
  /** Strict (the main module, go.work) or lax (a dependency's go.mod). */
  readonly strict: boolean;
  /** The file's name in messages (base.ShortPath of the absolute path). */
  readonly displayName: string;
}

interface Token {
  readonly text: string;
  readonly line: number;
  readonly col: number;
  readonly quoted: boolean;
}

interface SyntaxLine {
  readonly verb: string;
  readonly args: readonly Token[];
  readonly line: number;
  readonly comment: string;
}

class SyntaxError extends Error {
  constructor(readonly line: number, readonly col: number | null, message: string) {
    super(message);
  }
}

/** The tokens of each line, plus its trailing comment. */
function lexLines(text: string, absFile: string): { tokens: Token[]; comment: string; line: number }[] {
  const out: { tokens: Token[]; comment: string; line: number }[] = [];
  let line = 1;
  let col = 1;
  let i = 0;
  let cur: { tokens: Token[]; comment: string; line: number } = { tokens: [], comment: '', line };
  const flush = () => {
    if (cur.tokens.length > 0 || cur.comment) out.push(cur);
    cur = { tokens: [], comment: '', line: line + 1 };
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      flush();
      line++;
      col = 1;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      col++;
      continue;
    }
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      cur.comment = text.slice(i, stop).trim();
      col += stop - i;
      i = stop;
      continue;
    }
    if (text.startsWith('/*', i)) throw new SyntaxError(line, col, 'mixed syntax: /* comments are not allowed');
    const startCol = col;
    if (c === '(' || c === ')' || c === '[' || c === ']' || c === ',') {
      cur.tokens.push({ text: c, line, col: startCol, quoted: false });
      i++;
      col++;
      continue;
    }
    if (c === '"' || c === '`') {
      let j = i + 1;
      for (;;) {
        if (j >= text.length || (text[j] === '\n' && c === '"')) {
          throw new SyntaxError(line, col + (j - i), j >= text.length ? 'unexpected EOF in string' : 'unexpected newline in string');
        }
        if (c === '"' && text[j] === '\\') {
          j += 2;
          continue;
        }
        if (text[j] === c) break;
        j++;
      }
      const raw = text.slice(i, j + 1);
      cur.tokens.push({ text: raw, line, col: startCol, quoted: true });
      const newlines = raw.split('\n').length - 1;
      if (newlines > 0) {
        line += newlines;
        col = raw.length - raw.lastIndexOf('\n');
      } else {
        col += raw.length;
      }
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < text.length && !/[\s()[\],]/.test(text[j]!) && !text.startsWith('//', j)) j++;
    cur.tokens.push({ text: text.slice(i, j), line, col: startCol, quoted: false });
    col += j - i;
    i = j;
  }
  flush();
  void absFile;
  return out;
}

/** Lines grouped: blocks `verb ( ... )` expanded to one SyntaxLine per inner line. */
function syntaxLines(text: string, absFile: string): { lines: SyntaxLine[]; endLine: number } {
  const raw = lexLines(text, absFile);
  const lines: SyntaxLine[] = [];
  let block: { verb: string; line: number; col: number } | null = null;
  for (const l of raw) {
    const toks = l.tokens;
    if (toks.length === 0) continue;
    if (block) {
      if (toks.length === 1 && toks[0]!.text === ')' && !toks[0]!.quoted) {
        block = null;
        continue;
      }
      if (toks.some((t) => !t.quoted && t.text === '(')) throw new SyntaxError(l.line, null, 'syntax error (unexpected nested block)');
      lines.push({ verb: block.verb, args: toks, line: l.line, comment: l.comment });
      continue;
    }
    const last = toks[toks.length - 1]!;
    if (!last.quoted && last.text === '(' && toks.length >= 2) {
      block = { verb: toks[0]!.text, line: l.line, col: toks[0]!.col };
      continue;
    }
    if (!toks[0]!.quoted && (toks[0]!.text === '(' || toks[0]!.text === ')')) {
      throw new SyntaxError(l.line, toks[0]!.col, `syntax error (unexpected ${JSON.stringify(toks[0]!.text).slice(1, -1)})`);
    }
    lines.push({ verb: toks[0]!.text, args: toks.slice(1), line: l.line, comment: l.comment });
  }
  const endLine = text.split('\n').length;
  if (block) throw new SyntaxError(endLine, null, `syntax error (unterminated block started at ${absFile}:${block.line}:${block.col})`);
  return { lines, endLine };
}

/** modfile.parseString: the value of a quoted or unquoted argument. */
function stringValue(t: Token): string {
  if (!t.quoted) {
    if (/["`]/.test(t.text)) throw new Error('unquoted string cannot contain quote');
    return t.text;
  }
  if (t.text.startsWith('`')) return t.text.slice(1, -1);
  try {
    return JSON.parse(t.text) as string;
  } catch {
    throw new Error(`invalid syntax`);
  }
}

/** modfile.IsDirectoryPath: a replacement that names a directory, not a module. */
export function isDirectoryPath(p: string): boolean {
  return p === '.' || p === '..' || p.startsWith('./') || p.startsWith('../') || p.startsWith('/');
}

const goVersionRE = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$/;
const toolchainRE = /^default$|^go1($|\.)/;

/**
 * Parse a go.mod or go.work file. Strict mode throws a UserError listing every error in the
 * go command's words; lax mode never throws for content.
 */
export function parseModFile(absFile: string, text: string, opts: ParseOptions): ModFile {
  const errors: string[] = [];
  const at = (line: number, col: number | null, msg: string) => `${opts.displayName}:${line}${col !== null ? `:${col}` : ''}: ${msg}`;
  let parsed: { lines: SyntaxLine[] };
  try {
    parsed = syntaxLines(text, absFile);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    if (!opts.strict) return { file: absFile, requires: [], replaces: [], excludes: [], uses: [] };
    throw new UserError([`go: errors parsing ${opts.displayName}:`, at(e.line, e.col, e.message)], 2);
  }
  let module: string | undefined;
  let go: string | undefined;
  let toolchain: string | undefined;
  const requires: ModRequire[] = [];
  const replaces: ModReplace[] = [];
  const excludes: { path: string; version: string }[] = [];
  const uses: { dir: string; line: number }[] = [];
  const verbs = opts.kind === 'go.mod'
    ? ['module', 'go', 'toolchain', 'godebug', 'require', 'exclude', 'replace', 'retract', 'tool', 'ignore']
    : ['go', 'toolchain', 'godebug', 'use', 'replace'];

  for (const l of parsed.lines) {
    const err = (msg: string) => errors.push(at(l.line, null, msg));
    const str = (t: Token): string | null => {
      try {
        return stringValue(t);
      } catch (e) {
        err(`invalid quoted string: ${(e as Error).message}`);
        return null;
      }
    };
    const version = (path: string, t: Token): string | null => {
      const v = str(t);
      if (v === null) return null;
      if (canonicalVersion(v) !== v) {
        err(`${l.verb} ${path}: version ${JSON.stringify(v)} invalid: must be of the form v1.2.3`);
        return null;
      }
      return v;
    };
    const args = l.args;
    if (!verbs.includes(l.verb)) {
      if (opts.strict) err(`unknown directive: ${l.verb}`);
      continue;
    }
    switch (l.verb) {
      case 'module': {
        if (module !== undefined) {
          err('repeated module statement');
          break;
        }
        if (args.length !== 1) {
          err('usage: module module/path');
          break;
        }
        module = str(args[0]!) ?? undefined;
        break;
      }
      case 'go': {
        if (go !== undefined) {
          err('repeated go statement');
          break;
        }
        if (args.length !== 1) {
          err('go directive expects exactly one argument');
          break;
        }
        const v = args[0]!.text;
        if (!goVersionRE.test(v)) {
          if (opts.strict) err(`invalid go version '${v}': must match format 1.23.0`);
          break;
        }
        go = v;
        break;
      }
      case 'toolchain': {
        if (toolchain !== undefined) {
          err('repeated toolchain statement');
          break;
        }
        if (args.length !== 1) {
          err('toolchain directive expects exactly one argument');
          break;
        }
        const v = args[0]!.text;
        if (!toolchainRE.test(v)) {
          if (opts.strict) err(`invalid toolchain version '${v}': must match format go1.23.0 or default`);
          break;
        }
        toolchain = v;
        break;
      }
      case 'godebug': {
        if (args.length !== 1 || !args[0]!.text.includes('=')) err('usage: godebug key=value');
        break;
      }
      case 'require':
      case 'exclude': {
        if (args.length !== 2) {
          err(`usage: ${l.verb} module/path v1.2.3`);
          break;
        }
        const path = str(args[0]!);
        if (path === null) break;
        const v = version(path, args[1]!);
        if (v === null) break;
        const majorErr = checkPathMajor(path, v);
        if (majorErr) {
          err(`${l.verb} ${path}: ${majorErr}`);
          break;
        }
        if (l.verb === 'require') {
          requires.push({ path, version: v, indirect: /^\/\/\s*indirect(\s*;|$)/.test(l.comment), line: l.line });
        } else {
          excludes.push({ path, version: v });
        }
        break;
      }
      case 'replace': {
        const r = parseReplace(l, str, version, err);
        if (r) replaces.push(r);
        break;
      }
      case 'use': {
        if (args.length !== 1) {
          err(`usage: use local/dir`);
          break;
        }
        const dir = str(args[0]!);
        if (dir !== null) uses.push({ dir, line: l.line });
        break;
      }
      case 'tool':
      case 'ignore': {
        if (args.length !== 1) err(`${l.verb} directive expects exactly one argument`);
        break;
      }
      case 'retract':
        // Retractions only warn `go get` users; they do not change the build list.
        break;
    }
  }
  if (opts.strict && errors.length > 0) throw new UserError([`go: errors parsing ${opts.displayName}:`, ...errors], 2);
  if (opts.strict && opts.kind === 'go.mod' && module === undefined) {
    throw new UserError([
      `go: error reading ${opts.displayName}: missing module declaration. To specify the module path:`,
      '\tgo mod edit -module=example.com/mod',
    ], 2);
  }
  return { file: absFile, module, go, toolchain, requires, replaces, excludes, uses };
}

function parseReplace(
  l: SyntaxLine,
  str: (t: Token) => string | null,
  version: (path: string, t: Token) => string | null,
  err: (msg: string) => void,
): ModReplace | null {
  const args = l.args;
  const arrow = args.length >= 2 && args[1]!.text === '=>' ? 1 : args.length >= 3 && args[2]!.text === '=>' ? 2 : -1;
  if (arrow < 0 || args.length < arrow + 2 || args.length > arrow + 3) {
    err(`usage: ${l.verb} module/path [v1.2.3] => other/module v1.4\n\t or ${l.verb} module/path [v1.2.3] => ../local/directory`);
    return null;
  }
  const oldPath = str(args[0]!);
  if (oldPath === null) return null;
  let oldVersion: string | undefined;
  if (arrow === 2) {
    const v = version(oldPath, args[1]!);
    if (v === null) return null;
    oldVersion = v;
  }
  const newPath = str(args[arrow + 1]!);
  if (newPath === null) return null;
  if (args.length === arrow + 2) {
    if (!isDirectoryPath(newPath)) {
      err(newPath.includes('@')
        ? "replacement module must match format 'path version', not 'path@version'"
        : 'replacement module without version must be directory path (rooted or starting with . or ..)');
      return null;
    }
    return { oldPath, oldVersion, newPath, line: l.line };
  }
  const newVersion = version(newPath, args[arrow + 2]!);
  if (newVersion === null) return null;
  if (isDirectoryPath(newPath)) {
    err(`replacement module directory path ${JSON.stringify(newPath)} cannot have version`);
    return null;
  }
  return { oldPath, oldVersion, newPath, newVersion, line: l.line };
}

/**
 * module.CheckPathMajor: a version's major must agree with the path's `/vN` suffix (v0/v1
 * for none, or `+incompatible` above v1); gopkg.in paths carry `.vN`. The message is the
 * go command's, '' when they agree.
 */
function checkPathMajor(path: string, v: string): string {
  const major = majorOf(v);
  if (!isValidVersion(v)) return '';
  const gopkg = /^gopkg\.in\/.*\.(v[0-9]+)(-unstable)?$/.exec(path);
  const suffix = gopkg ? gopkg[1]! : /\/(v[0-9]+)$/.exec(path)?.[1];
  if (v.endsWith('+incompatible')) {
    if (suffix || major === 'v0' || major === 'v1') return `version ${JSON.stringify(v)} invalid: +incompatible suffix not allowed: major version ${major} is compatible`;
    return '';
  }
  if (gopkg) {
    if (major === suffix || (suffix === 'v0' && major === 'v1') || (suffix === 'v1' && major === 'v0')) return '';
    return `version ${JSON.stringify(v)} invalid: should be ${suffix}, not ${major}`;
  }
  if (!suffix || suffix === 'v0' || suffix === 'v1') {
    if (major === 'v0' || major === 'v1') return '';
    return `version ${JSON.stringify(v)} invalid: should be v0 or v1, not ${major}`;
  }
  if (major === suffix) return '';
  return `version ${JSON.stringify(v)} invalid: should be ${suffix}, not ${major}`;
}
