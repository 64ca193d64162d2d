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
  return `${formatPos(e.file, e.line, e.col)}: ${e.message}`;
}

/**
 * `file:line:col` as gc prints a position: a column it does not know is left out, and gc
 * keeps columns in 8 bits (cmd/internal/src lico, colMax = 255), so from 255 on it knows none.
 */
export function formatPos(file: string, line: number, col: number): string {
  return col > 0 && col < GC_COL_MAX ? `${file}:${line}:${col}` : `${file}:${line}`;
}

const GC_COL_MAX = 255;

/**
 * A broken invariant of goesc itself (gc's base.Fatalf): a lowering or analysis state that
 * valid input can never reach. Thrown instead of clamping or guessing, so a mistake shows up
 * as a loud failure rather than a plausible wrong line; the CLI prints
 * `goesc: internal error: ...` and exits 1 (the stack under --debug).
 */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}

/** Throws an InternalError unless cond holds (gc's `if !cond { base.Fatalf(...) }`). */
export function invariant(cond: unknown, message: string | (() => string)): asserts cond {
  if (!cond) throw new InternalError(typeof message === 'string' ? message : message());
}

/** The default of an exhaustive switch: a value the types say cannot exist. */
export function unreachable(what: string, value: never): never {
  throw new InternalError(`unexpected ${what}: ${JSON.stringify((value as { op?: unknown })?.op ?? value)}`);
}
