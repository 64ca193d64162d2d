// A package whose function bodies are parsed and checked only when someone asks for one
// (Package.bodies): the std models' body files (importer.ts), and a module package whose
// facts and lines are in the result cache (pipeline/prepare.ts declarationsOf), of which a
// run needs the declarations alone, to check its importers, plus the bodies of the generic
// functions they instantiate and of the functions they inline.
//
// A file is parsed with the inside of every top-level function body turned into blanks
// (newlines kept), so each `{ }` parses fast and every other byte keeps its offset, line and
// column; a body is parsed when first asked for, that function alone at its own offsets
// (the package clause and its text, every other byte blank), and checked into the package's
// Info. The AST is never changed after parsing: the bodies live in a side table.
// Two ways to find the bodies: the models' files are laid out by gofmt (the generator's
// copies), so a line scan finds them (splitFuncBodies); a module's file may be laid out any
// way, so its tokens are followed (syntax/declarations.ts, which a parse pool's worker runs).

import type * as ast from '../syntax/ast.js';
import { parseFile, type ParseResult } from '../syntax/index.js';
import { blanks, parseDeclarations, splitSourceBodies, type DeclarationsParse, type FuncSplit, type FuncText } from '../syntax/declarations.js';
import type { GoError } from '../errors.js';
import type { Package, PackageBodies } from './objects.js';
import { checkPackage, type Importer } from './index.js';

/** Parses one file (parseFile, or a parse made ahead elsewhere). */
export type FileParser = (filename: string, bytes: Uint8Array) => ParseResult;

/**
 * blankFuncBodies, plus what parsing one body alone needs: the text of each blanked
 * function by the line its `func` keyword (and so its name) is on, the end of the package
 * clause, and the file as blanks (newlines kept).
 */
export function splitFuncBodies(src: Uint8Array): FuncSplit {
  const out = Buffer.from(src);
  const text = out.toString('latin1'); // one char per byte, so string offsets are byte offsets
  const lines: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.push(i + 1);
  const lineText = (k: number): string => text.slice(lines[k]!, k + 1 < lines.length ? lines[k + 1]! - 1 : text.length);
  const funcs = new Map<number, FuncText>();
  const pkg = /^package [^\n]*/m.exec(text);
  const header = pkg ? pkg.index + pkg[0].length : 0;
  // Lines are tested where they start in `text` before any is cut out of it: this scans every
  // line of the std body files a run imports (a cold run's profile put it at 60 ms).
  const startsFunc = (k: number): boolean => text.startsWith('func ', lines[k]!);
  for (let k = 0; k < lines.length; k++) {
    if (!startsFunc(k)) continue;
    // The signature: this line and the next non-blank, non-comment, non-func lines.
    let open = -1;
    for (let j = k; j < lines.length && j < k + 30; j++) {
      const t = lineText(j).trimEnd();
      if (j > k && (t === '' || t.startsWith('//') || t.startsWith('func '))) break;
      if (t.endsWith('{')) {
        open = j;
        break;
      }
      if (t.endsWith('}')) break;
    }
    if (open < 0) continue;
    let close = -1;
    for (let j = open + 1; j < lines.length; j++) {
      if (text.charCodeAt(lines[j]!) === 0x7d && lineText(j).trimEnd() === '}') {
        close = j;
        break;
      }
      if (startsFunc(j)) break;
    }
    if (close < 0) continue;
    const from = lines[open]! + lineText(open).trimEnd().length; // just after the `{`
    // Every byte but the newlines, line by line (lines[j] - 1 is line j-1's newline).
    out.fill(0x20, from, lines[open + 1]! - 1);
    for (let j = open + 1; j < close; j++) out.fill(0x20, lines[j]!, lines[j + 1]! - 1);
    funcs.set(k + 1, { start: lines[k]!, end: lines[close]! + lineText(close).length });
    k = close;
  }
  return { blanked: out, funcs, header, blank: blanks(src) };
}

/**
 * Parses one function of a body file alone (the package clause and its own text, every
 * other byte blank, so positions are the file's) and returns its body, for `target`, the
 * FuncDecl the checker bound (whose own body is the blanked `{ }`).
 */
function parseOneBody(target: ast.FuncDecl, at: FuncText, header: number, blank: Buffer, shown: string, text: Buffer, parse: FileParser): { body: ast.BlockStmt | null; errors: readonly GoError[] } {
  const one = Buffer.from(blank);
  text.copy(one, 0, 0, header);
  text.copy(one, at.start, at.start, at.end);
  const parsed = parse(shown, one);
  if (!parsed.file) return { body: null, errors: parsed.errors };
  const d = parsed.file.decls.find((x) => x.kind === 'FuncDecl' && x.name.line === target.name.line && x.name.col === target.name.col);
  if (!d || d.kind !== 'FuncDecl' || !d.body) {
    return { body: null, errors: [{ file: shown, line: target.name.line, col: target.name.col, message: `goesc: no body found for ${target.name.value}` }] };
  }
  return { body: d.body, errors: [] };
}

/** One file of a package whose bodies wait: its text, the parse with bodies blanked, the split. */
export interface BodySource {
  readonly shown: string;
  readonly text: Buffer;
  readonly file: ast.File;
  /** Parsed whole (the blanking failed): its FuncDecls have their bodies. */
  readonly full: boolean;
  /** The split, made when a body is first asked for (most files never are). */
  readonly split: () => FuncSplit;
}

/**
 * Package.bodies: each function's body parsed alone and checked the first time it is asked
 * for, then kept here, so instantiating slices.Sort costs the sort functions it reaches, not
 * all of slices. A function the blanking left alone (one-line body, or a file parsed whole)
 * has its body in the AST already.
 */
export function bodyTable(
  sources: readonly BodySource[],
  info: import('./info.js').Info,
  checkBody: (decl: ast.FuncDecl, body: ast.BlockStmt) => readonly GoError[],
  onError: (message: string) => void,
  parser: () => FileParser,
): PackageBodies {
  const sourceOf = new Map<ast.FuncDecl, BodySource>();
  for (const src of sources) for (const d of src.file.decls) if (d.kind === 'FuncDecl' && d.body) sourceOf.set(d, src);
  const done = new Map<ast.FuncDecl, ast.BlockStmt | null>();
  const errors: GoError[] = [];
  const report = (list: readonly GoError[]): void => {
    for (const e of list) onError(`${e.file}:${e.line}:${e.col}: ${e.message}`);
    errors.push(...list);
  };
  const body = (decl: ast.FuncDecl): ast.BlockStmt | null => {
    if (done.has(decl)) return done.get(decl)!;
    const src = sourceOf.get(decl);
    if (!src) return decl.body;
    const split = src.full ? undefined : src.split();
    const at = split?.funcs.get(decl.name.line);
    let b = decl.body;
    if (split && at) {
      const one = parseOneBody(decl, at, split.header, split.blank, src.shown, src.text, parser());
      report(one.errors);
      b = one.body;
    }
    done.set(decl, b);
    if (b) report(checkBody(decl, b));
    return b;
  };
  return {
    files: sources.map((s) => s.file),
    info,
    body,
    checkAll(): readonly GoError[] {
      for (const d of sourceOf.keys()) body(d);
      return errors;
    },
  };
}

/** One source file: its name as gc prints it, and its bytes. */
export interface LazySourceFile {
  readonly filename: string;
  readonly bytes: Uint8Array;
}

/**
 * A source package's declarations, for its importers, when it was checked in full before
 * (its result is cached): each file parsed with its bodies blanked (whole when that parse
 * fails), checked lazily (CheckOptions.lazy), its bodies parsed and checked as asked for.
 * The files' syntax errors when one does not parse; type errors are not looked for.
 */
export function lazySourcePackage(
  files: readonly LazySourceFile[],
  importer: Importer,
  path: string,
  importName?: (path: string) => string | undefined,
  declarations?: (f: LazySourceFile) => DeclarationsParse | null,
  parse: FileParser = parseFile,
): { readonly pkg: Package } | { readonly errors: readonly GoError[] } {
  const parsed: ast.File[] = [];
  const sources: BodySource[] = [];
  const errors: GoError[] = [];
  for (const f of files) {
    const d = declarations?.(f) ?? parseDeclarations(f.filename, f.bytes, parse);
    errors.push(...d.result.errors);
    if (!d.result.file) continue;
    parsed.push(d.result.file);
    let split: FuncSplit | undefined;
    sources.push({
      shown: f.filename,
      text: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength),
      file: d.result.file,
      full: d.whole,
      split: () => (split ??= splitSourceBodies(f.filename, f.bytes)),
    });
  }
  if (errors.length > 0) return { errors };
  const checked = checkPackage(parsed, { importer, path, lazy: true, ...(importName ? { importName } : {}) });
  if (checked.checkBody) {
    (checked.pkg as { bodies?: PackageBodies }).bodies = bodyTable(sources, checked.info, checked.checkBody, () => {}, () => parse);
  }
  return { pkg: checked.pkg };
}
