// Errors meant for people. A UserError carries lines already formatted the way gc prints
// them (`file:line:col: message`) and exits 2; anything else escaping a command is an
// internal failure: one line, exit 1, the stack only with --debug.

export class UserError extends Error {
  readonly lines: readonly string[];
  readonly exitCode: number;
  constructor(lines: string | readonly string[], exitCode = 2) {
    const all = typeof lines === 'string' ? [lines] : lines;
    super(all.join('\n'));
    this.name = 'UserError';
    this.lines = all;
    this.exitCode = exitCode;
  }
}

/** A position-carrying error as gc prints it. */
export interface GoError {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

export function formatGoError(e: GoError): string {
  return `${e.file}:${e.line}:${e.col}: ${e.message}`;
}
