// A source file parsed for its declarations alone: the inside of every top-level function
// body turned into blanks (newlines kept), so each `{ }` parses fast and every other byte
// keeps its offset, line and column (types/lazybodies.ts parses a body alone when it is
// asked for). The bodies are found from the file's tokens, so any layout will do: a
// top-level declaration is a `func` after a `;` (or first) outside every brace and
// parenthesis; its body is the first `{` after its signature outside parentheses and
// brackets that does not open a struct or interface type (skipped whole), up to the
// matching `}`. Pure syntax: a parse pool's worker does it as readily as the caller.

import { scan } from './scanner.js';
import { parseFile, type ParseResult } from './index.js';

/**
 * A file with its function bodies blanked, and what parsing one body alone needs: the text
 * of each blanked function by the line its name is on, the end of the package clause, and
 * the file as blanks (newlines kept).
 */
export interface FuncSplit {
  readonly blanked: Buffer;
  readonly funcs: ReadonlyMap<number, FuncText>;
  readonly header: number;
  readonly blank: Buffer;
}

/** Where one top-level function is: the byte range [start, end) of its text. */
export interface FuncText {
  readonly start: number;
  readonly end: number;
}

/** The file as blanks: spaces, its newlines kept. */
export function blanks(src: Uint8Array): Buffer {
  const blank = Buffer.alloc(src.length, 0x20);
  for (let i = 0; i < src.length; i++) if (src[i] === 0x0a) blank[i] = 0x0a;
  return blank;
}

/**
 * splitFuncBodies for any layout, from the file's tokens: a top-level declaration is a
 * `func` after a `;` (or first) outside every brace and parenthesis; its body is the first `{` after its
 * signature outside parentheses and brackets that does not open a struct or interface type
 * (skipped whole), up to the matching `}`. Every body is blanked, one-line ones too, except
 * where two functions share the line their names are on (the table is by line). A file the
 * scanner refuses is left whole (no funcs): the parse then reports its errors.
 */
export function splitSourceBodies(filename: string, src: Uint8Array): FuncSplit {
  const out = Buffer.from(src);
  const stream = scan(filename, src);
  const { chars, lines, cols } = stream;
  const lineStart: number[] = [0, 0];
  for (let i = 0; i < src.length; i++) if (src[i] === 0x0a) lineStart.push(i + 1);
  const offset = (t: number): number => lineStart[lines[t]!]! + cols[t]! - 1;
  const funcs = new Map<number, FuncText>();
  const pkg = chars.indexOf('p');
  const header = pkg >= 0 && pkg + 1 < chars.length ? offset(pkg + 1) + stream.texts[pkg + 1]!.length : 0;
  if (stream.errors.length > 0) return { blanked: out, funcs, header, blank: blanks(src) };
  // The index of the brace that closes the one opened at `open`.
  const closing = (open: number): number => {
    let depth = 0;
    for (let t = open; t < chars.length; t++) {
      const c = chars[t];
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return t;
    }
    return -1;
  };
  const found: { line: number; open: number; close: number; start: number }[] = [];
  const perLine = new Map<number, number>();
  let depth = 0; // braces, parentheses and brackets
  for (let t = 0; t < chars.length; t++) {
    const c = chars[t];
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    if (c !== 'u' || depth !== 0 || (t > 0 && chars[t - 1] !== ';')) continue;
    let u = t + 1;
    let nesting = 0;
    let name = -1;
    let open = -1;
    for (; u < chars.length; u++) {
      const k = chars[u];
      if (k === '(' || k === '[') nesting++;
      else if (k === ')' || k === ']') nesting--;
      else if (nesting === 0 && name < 0 && k === 'n') name = u;
      else if (nesting === 0 && (k === 's' || k === 'N') && chars[u + 1] === '{') {
        u = closing(u + 1);
        if (u < 0) break;
      } else if (nesting === 0 && k === '{') {
        open = u;
        break;
      } else if (nesting === 0 && k === ';') break;
    }
    if (open < 0 || name < 0) continue;
    const close = closing(open);
    if (close < 0) continue;
    const line = lines[name]!;
    found.push({ line, open, close, start: offset(t) });
    perLine.set(line, (perLine.get(line) ?? 0) + 1);
    t = close;
  }
  for (const f of found) {
    if (perLine.get(f.line)! > 1) continue;
    const from = offset(f.open) + 1;
    const to = offset(f.close);
    for (let i = from; i < to; i++) if (out[i] !== 0x0a) out[i] = 0x20;
    funcs.set(f.line, { start: f.start, end: to + 1 });
  }
  return { blanked: out, funcs, header, blank: blanks(src) };
}

/** A declarations parse: the blanked file's, or the whole file's when that one failed. */
export interface DeclarationsParse {
  readonly result: ParseResult;
  /** The file was parsed whole: its functions have their bodies. */
  readonly whole: boolean;
}

export function parseDeclarations(filename: string, bytes: Uint8Array, parse: (filename: string, bytes: Uint8Array) => ParseResult = parseFile): DeclarationsParse {
  const r = parse(filename, splitSourceBodies(filename, bytes).blanked);
  return r.file ? { result: r, whole: false } : { result: parse(filename, bytes), whole: true };
}
