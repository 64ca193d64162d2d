// Line directives: the positions gc prints for generated code.
//
// A `//line file:line[:col]` comment at the start of a line, or a `/*line file:line[:col]*/`
// comment anywhere on one line, says that the source immediately after it came from
// `file` at `line` (and `col`). gc keeps every node at its real position and applies the
// directive only when it prints one (cmd/internal/src Pos.WriteTo): the printed line is the
// directive's line plus how many lines the position lies below the directive; the printed
// column is unknown (so not printed) when the directive gives none, and otherwise the
// directive's column on the directive's own line and the real column on later lines.
// A directive with a column and no file name keeps the previous file name; one with neither
// names no file, which gc prints as `??` (objabi.AbsFile of an empty name).
// Follows cmd/compile/internal/syntax/parser.go (updateBase, trailingDigits) and
// cmd/internal/src/pos.go (RelLine, RelCol).
//
// goesc does the same: the scanner records each directive with the real position it starts
// from, and the printed positions of a package's lines are looked up here at the end.

import { firstWhere } from '../util/search.js';

/** One line directive, from the real position (line, col) on in its file. */
export interface LineDirective {
  /** The real position the directive applies from (just after the comment). */
  readonly line: number;
  readonly col: number;
  /** The file name to print; null: the previous directive's (or the file's own). */
  readonly filename: string | null;
  /** The line printed for the real position (line, col). */
  readonly relLine: number;
  /** The column printed there; 0: unknown, no column is printed until the next directive. */
  readonly relCol: number;
}

/** gc's largest line or column in a directive (syntax.PosMax). */
const posMax = 1 << 30;

/**
 * The directive a comment's text after `line ` makes, or null when the text is no valid
 * directive (gc ignores one without a `:`, and refuses a package with a malformed number;
 * goesc, which reports no such error, ignores that one too).
 */
export function parseLineDirective(text: string, line: number, col: number): LineDirective | null {
  const last = trailingNumber(text);
  if (last === null || last.n === null) return null;
  const before = trailingNumber(text.slice(0, last.at));
  let relLine: number;
  let relCol = 0;
  let nameEnd = last.at;
  if (before !== null && before.n !== null) {
    relLine = before.n;
    relCol = last.n;
    nameEnd = before.at;
    if (relCol === 0 || relCol > posMax) return null;
  } else relLine = last.n;
  if (relLine === 0 || relLine > posMax) return null;
  const name = text.slice(0, nameEnd);
  return { line, col, filename: name === '' && relCol > 0 ? null : name, relLine, relCol };
}

/** The number after the last `:` (null when not a decimal number) and where that `:` is. */
function trailingNumber(text: string): { at: number; n: number | null } | null {
  const at = text.lastIndexOf(':');
  if (at < 0) return null;
  const digits = text.slice(at + 1);
  return { at, n: /^[0-9]+$/.test(digits) ? Number(digits) : null };
}

/** A printed position. */
export interface PrintedPos {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** Where gc prints a real position of a file (identity for a file without directives). */
export type Relocate = (file: string, line: number, col: number) => PrintedPos;

/**
 * The printed positions of the given files, or null when none has a line directive (the
 * common case: every position prints as it is).
 */
export function relocator(files: readonly { readonly filename: string; readonly lineDirectives?: readonly LineDirective[] }[]): Relocate | null {
  const byFile = new Map<string, readonly LineDirective[]>();
  for (const f of files) if (f.lineDirectives && f.lineDirectives.length > 0) byFile.set(f.filename, f.lineDirectives);
  if (byFile.size === 0) return null;
  return (file, line, col) => {
    const dirs = byFile.get(file);
    if (!dirs || line === 0) return { file, line, col };
    // the last directive starting at or before (line, col)
    const lo = firstWhere(dirs.length, (k) => dirs[k]!.line > line || (dirs[k]!.line === line && dirs[k]!.col > col));
    if (lo === 0) return { file, line, col };
    const d = dirs[lo - 1]!;
    let name = file;
    for (let k = lo - 1; k >= 0; k--) {
      const f = dirs[k]!.filename;
      if (f !== null) {
        name = f;
        break;
      }
    }
    return {
      file: name === '' ? '??' : name,
      line: d.relLine + (line - d.line),
      col: d.relCol === 0 ? 0 : line === d.line ? d.relCol + (col - d.col) : col,
    };
  };
}
