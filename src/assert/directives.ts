// Assertion directives in Go source: gcassert's (`//gcassert:noescape`, `//gcassert:inline`,
// `//gcassert:bce`, comma-separated, `// gcassert:` with one space too) and goesc's own
// spelling of the same (`//goesc:noescape`, `//goesc:inline`, `//goesc:bce`). As gcassert
// attaches a comment to the syntax node it belongs to, a directive applies to the line it
// ends (a trailing comment) or, alone on its line, to the next line of code below it (a
// comment block may stand between). When that line declares a function, the directive is
// about the function: noescape covers its whole body, inline every call to it.

import type { File, FuncDecl } from '../syntax/ast.js';
import { forEachNode } from '../syntax/walk.js';

export const directiveNames = ['noescape', 'inline', 'bce'] as const;
export type DirectiveName = (typeof directiveNames)[number];

export interface Directive {
  readonly file: string;
  /** The line the directive applies to (1-based). */
  readonly line: number;
  /** Where the comment is, for errors. */
  readonly commentLine: number;
  readonly name: DirectiveName;
  /** `gcassert` or `goesc`. */
  readonly spelling: string;
  /** The function declared on `line`, when the directive is about a function. */
  readonly func?: FuncTarget;
}

export interface FuncTarget {
  readonly name: string;
  /** Receiver present: calls are matched by selector name. */
  readonly method: boolean;
  readonly firstLine: number;
  readonly lastLine: number;
}

export interface DirectiveError {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

const directiveComment = /(?:^|[\s;{}()])\/\/ ?(gcassert|goesc):([\w,]*)/;

/** The functions declared in a parsed file, by the line of their `func` keyword. */
export function funcsByLine(file: File | null): Map<number, FuncTarget> {
  const out = new Map<number, FuncTarget>();
  if (!file) return out;
  forEachNode(file, (n) => {
    if (n.kind !== 'FuncDecl') return;
    const fd = n as FuncDecl;
    out.set(fd.line, { name: fd.name.value, method: fd.recv !== null, firstLine: fd.line, lastLine: fd.body ? fd.body.rbrace.line : fd.line });
    return false;
  });
  return out;
}

/** Every directive in `source`, and the malformed ones as errors (an unknown name). */
export function findDirectives(
  filename: string,
  source: string,
  funcs: ReadonlyMap<number, FuncTarget>,
): { directives: Directive[]; errors: DirectiveError[] } {
  const lines = source.split('\n');
  const directives: Directive[] = [];
  const errors: DirectiveError[] = [];
  lines.forEach((text, i) => {
    const m = directiveComment.exec(text);
    if (!m) return;
    const commentLine = i + 1;
    const alone = text.slice(0, m.index + m[0].indexOf('//')).trim() === '';
    const line = alone ? nextCodeLine(lines, i + 1) : commentLine;
    for (const word of m[2]!.split(',')) {
      if (!(directiveNames as readonly string[]).includes(word)) {
        errors.push({
          file: filename,
          line: commentLine,
          col: m.index + m[0].indexOf('//') + 1,
          message: `unknown ${m[1]} directive ${JSON.stringify(word)} (want ${directiveNames.join(', ')})`,
        });
        continue;
      }
      const func = funcs.get(line);
      directives.push({ file: filename, line, commentLine, name: word as DirectiveName, spelling: m[1]!, ...(func ? { func } : {}) });
    }
  });
  return { directives, errors };
}

/** The 1-based number of the first line at or after index `from` that holds code. */
function nextCodeLine(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t !== '' && !t.startsWith('//')) return i + 1;
  }
  return from;
}
