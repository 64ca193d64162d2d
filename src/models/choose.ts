// Which model a run uses (CONTRACT.md `--go`): the version asked on the command line, else
// the project's (go.mod's `toolchain` line, else its `go` line), clamped to the models there
// are; outside a module, the newest model. A pure function of its inputs: the caller reads
// go.mod (src/load) and prints the note on stderr.
//
// Clamping: a project version older than the oldest model takes the oldest, one newer than
// the newest takes the newest, each with one note; a version between two models (a gap in
// models/) takes the newest model not newer than it, also with a note. Only major.minor
// counts: go1.27.3, 1.27, 1.27rc1 and go1.27.0 all select go1.27.

import { UserError } from '../errors.js';

export interface ModelChoiceInput {
  /** `--go` as typed (`go1.27`, `1.27`, `go1.27.3`): overrides the project. */
  readonly requested?: string;
  /** go.mod's `go` directive value (`1.26`, `1.26.0`, `1.27rc1`), when in a module. */
  readonly goLine?: string;
  /** go.mod's `toolchain` directive value (`go1.27.3`; `default` means none). */
  readonly toolchainLine?: string;
  /** The model versions there are (`go1.26`, `go1.27`), in any order. */
  readonly available: readonly string[];
}

export interface ModelChoice {
  /** The model to load: one of `available`. */
  readonly version: string;
  /** Why the project's version was not taken as is (for stderr), when it was not. */
  readonly note?: string;
}

type MajorMinor = readonly [number, number];

/** `go1.27.3`, `1.27`, `1.27rc1`, `go1.21.0+auto` → [1, 27]; null when it is no Go version. */
export function parseGoVersion(text: string): MajorMinor | null {
  const m = /^(?:go)?(\d+)\.(\d+)(?:$|[.+\-]|rc|beta)/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function compare(a: MajorMinor, b: MajorMinor): number {
  return a[0] - b[0] || a[1] - b[1];
}

function name(v: MajorMinor): string {
  return `go${v[0]}.${v[1]}`;
}

export function chooseModelVersion(input: ModelChoiceInput): ModelChoice {
  const models = input.available
    .map((v) => ({ v, mm: parseGoVersion(v) }))
    .filter((x): x is { v: string; mm: MajorMinor } => x.mm !== null)
    .sort((a, b) => compare(a.mm, b.mm));
  if (models.length === 0) throw new UserError('goesc: no models found (models/<version>/rules.json)');
  const oldest = models[0]!;
  const newest = models[models.length - 1]!;

  if (input.requested !== undefined) {
    const mm = parseGoVersion(input.requested);
    const hit = mm && models.find((m) => compare(m.mm, mm) === 0);
    if (!hit) {
      throw new UserError(
        `goesc: unknown Go version ${JSON.stringify(input.requested)}; known versions: ${[...models].reverse().map((m) => m.v).join(', ')}`,
      );
    }
    return { version: hit.v };
  }

  const toolchain = input.toolchainLine && input.toolchainLine.trim() !== 'default' ? input.toolchainLine.trim() : undefined;
  const source = toolchain !== undefined ? { line: 'toolchain', text: toolchain } : input.goLine !== undefined ? { line: 'go', text: input.goLine.trim() } : undefined;
  if (!source) return { version: newest.v };
  const mm = parseGoVersion(source.text);
  if (!mm) return { version: newest.v, note: `goesc: go.mod's ${source.line} line "${source.text}" is not a Go version; using the newest model, ${newest.v}` };
  const asked = name(mm);
  if (compare(mm, oldest.mm) < 0) {
    return { version: oldest.v, note: `goesc: go.mod's ${source.line} line asks for ${asked}, older than the oldest model; using ${oldest.v}` };
  }
  if (compare(mm, newest.mm) > 0) {
    return { version: newest.v, note: `goesc: go.mod's ${source.line} line asks for ${asked}, newer than the newest model; using ${newest.v}` };
  }
  const exact = models.find((m) => compare(m.mm, mm) === 0);
  if (exact) return { version: exact.v };
  const below = [...models].reverse().find((m) => compare(m.mm, mm) < 0)!;
  return { version: below.v, note: `goesc: go.mod's ${source.line} line asks for ${asked}, which has no model; using ${below.v}` };
}
