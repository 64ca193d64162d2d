// gc's positions in an editor's coordinates. gc counts lines from 1 and columns in bytes
// from 1; LSP counts both from 0 and characters in UTF-16 code units. On an ASCII line the
// two columns agree (minus one); elsewhere every character counts its UTF-8 length in gc
// and its UTF-16 length in the editor, so the conversion walks the line's characters.
//
// A diagnostic covers what it talks about where the text lets us find it: gc prints a
// location's subject (`x`, `&T{...}`, `make([]int, n)`) and a position (a call at its `(`,
// a selector at its `.`); the range starts at gc's position and ends where the subject's
// text standing at or around that position ends, else after the identifier at the
// position, else after one character.

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** The UTF-16 column of a gc byte column (1-based) on a line of text. */
export function utf16Column(lineText: string, byteCol: number): number {
  let bytes = 0;
  let i = 0;
  while (i < lineText.length && bytes < byteCol - 1) {
    const cp = lineText.codePointAt(i)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp >= 0x10000 ? 2 : 1;
  }
  return i;
}

/** gc's byte column (1-based) of a UTF-16 character offset on a line of text. */
export function byteColumn(lineText: string, character: number): number {
  return Buffer.byteLength(lineText.slice(0, character), 'utf8') + 1;
}

/** A text split into lines once, for many position conversions. */
export class LineIndex {
  readonly lines: readonly string[];
  constructor(readonly text: string) {
    this.lines = text.split(/\r?\n/);
  }
  line(n: number): string {
    return this.lines[n] ?? '';
  }
  /** gc's line:col as an LSP position. */
  position(line: number, byteCol: number): Position {
    const l = Math.max(0, line - 1);
    return { line: l, character: byteCol > 0 ? utf16Column(this.line(l), byteCol) : 0 };
  }
  /** The range a diagnostic about `subject` at gc's line:col covers. */
  range(line: number, byteCol: number, subject: string | undefined): Range {
    const start = this.position(line, byteCol);
    const text = this.line(start.line);
    const c = start.character;
    if (subject) {
      // The range starts where gc puts the position (CONTRACT.md), whatever the subject.
      const found = this.subjectAround(start.line, c, subject);
      if (found && (found.end.line > start.line || found.end.character > c)) return { start, end: found.end };
    }
    const ident = /^[\p{L}\p{N}_]+/u.exec(text.slice(c));
    const len = ident ? ident[0].length : Math.min(1, text.length - c);
    return { start, end: { line: start.line, character: c + Math.max(len, 0) } };
  }

  /**
   * The subject's text on the line, starting at c or containing c. gc abbreviates bodies
   * (`&T{...}`, `func literal`): then the part before `...` is matched and the bracket it
   * opens is followed to its close, over lines if need be.
   */
  private subjectAround(line: number, c: number, subject: string): Range | undefined {
    const text = this.line(line);
    const cut = subject.indexOf('...');
    const literal = cut >= 0 ? subject.slice(0, cut) : subject;
    if (literal.length === 0) return undefined;
    for (let from = text.lastIndexOf(literal, c); from >= 0; from = text.lastIndexOf(literal, from - 1)) {
      if (from + literal.length < c) break;
      if (cut < 0) return { start: { line, character: from }, end: { line, character: from + literal.length } };
      const open = literal[literal.length - 1];
      if (open !== '{' && open !== '(' && open !== '[') break;
      const end = this.matchingBracket(line, from + literal.length - 1);
      if (end) return { start: { line, character: from }, end };
      break;
    }
    return undefined;
  }

  private matchingBracket(line: number, at: number): Position | undefined {
    const open = this.line(line)[at]!;
    const close = open === '{' ? '}' : open === '(' ? ')' : ']';
    let depth = 0;
    for (let l = line; l < this.lines.length && l < line + 2000; l++) {
      const text = this.lines[l]!;
      for (let i = l === line ? at : 0; i < text.length; i++) {
        if (text[i] === open) depth++;
        else if (text[i] === close && --depth === 0) return { line: l, character: i + 1 };
      }
    }
    return undefined;
  }
}
