// A strict command line (docs/CLI.md): every flag a command does not declare is an error
// (exit 2) with a hint. yargs' own strict mode misreads the default command's positionals,
// so the check is ours: main.ts records the option keys each command's builder declares,
// and after parsing, any other key in the parsed arguments was typed by the user and is
// unknown. The hint is the declared flag nearest by edit distance, spelled as a Go user
// types it (`-m=2`, `-json=0,DIR`); `-gcflags=...` gets its own hint, since goesc takes the
// compiler's flags directly.

import { distance } from 'fastest-levenshtein';
import { UserError } from '../errors.js';

/** Keys every command has (yargs' and main.ts's own). */
const globalKeys: readonly string[] = ['help', 'version', 'debug'];

/** How a Go user spells the flag behind a yargs key (argv.ts rewrites these spellings). */
const compilerSpellings: Readonly<Record<string, readonly string[]>> = {
  m: ['-m=2', '-m'],
  l: ['-l'],
  'json-log': ['-json=0,DIR'],
  p: ['-p'],
};

function spellingsOf(key: string): readonly string[] {
  return compilerSpellings[key] ?? [key.length === 1 ? `-${key}` : `--${key}`];
}

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The flag as the user typed it, found back in the raw command line. */
function typedFlag(key: string, rawArgv: readonly string[]): string {
  const name = kebab(key);
  for (const arg of rawArgv) {
    if (arg === '--') break;
    const m = /^--?([^=]+)/.exec(arg);
    if (m && (m[1] === name || m[1] === key)) return arg.replace(/=.*$/, '');
  }
  return `--${name}`;
}

/** The declared flag nearest to `typed`, when near enough to be a slip of the keyboard. */
export function nearestFlag(typed: string, known: readonly string[]): string | undefined {
  const bare = typed.replace(/^-+/, '');
  let best: { spelling: string; d: number } | undefined;
  for (const key of known) {
    if (key === 'paths') continue;
    for (const spelling of spellingsOf(key)) {
      const d = distance(bare, spelling.replace(/^-+/, ''));
      if (!best || d < best.d) best = { spelling, d };
    }
  }
  const limit = Math.max(1, Math.floor(bare.length / 3));
  return best && best.d <= limit ? best.spelling : undefined;
}

/**
 * Throws a UserError (exit 2) naming the first flag in `args` that is not one of `declared`.
 * `args` is yargs' parsed object; camel-case copies of kebab-case keys are recognised.
 */
export function rejectUnknownFlags(
  command: string,
  args: Record<string, unknown>,
  declared: readonly string[],
  rawArgv: readonly string[],
): void {
  const known = new Set([...globalKeys, ...declared]);
  for (const key of Object.keys(args)) {
    if (key === '_' || key === '$0' || known.has(key) || known.has(kebab(key))) continue;
    const typed = typedFlag(key, rawArgv);
    if (key === 'gcflags') {
      const value = String(args[key] ?? '-m').replace(/^["']|["']$/g, '');
      throw new UserError(`goesc: unknown flag ${typed}: goesc takes the compiler's flags directly (goesc ${value} PATH)`);
    }
    const near = nearestFlag(typed, [...known]);
    const hint = near ? `did you mean ${near}?` : `see goesc ${command} --help`;
    throw new UserError(`goesc: unknown flag ${typed} (${hint})`);
  }
  const rest = (args._ as unknown[] | undefined) ?? [];
  const extra = rest[0] === command ? rest.slice(1) : rest;
  if (extra.length > 0) throw new UserError(`goesc: unexpected argument ${String(extra[0])} (see goesc ${command} --help)`);
}

/**
 * Sections of models/<v>/rules.json that hold gc's spellings of its messages and reasons:
 * data for the printer, which no analysis rule reads, so not what-if parameters.
 */
export const spellingSections = ['messages', 'flowReasons', 'heapAllocReasons'] as const;

export function isSpelling(key: string): boolean {
  return spellingSections.some((s) => key.startsWith(`${s}.`));
}

/**
 * The sections of facts about a Go release rather than rules of its compiler: the build tags
 * its go command sets (file choice happens when a program is loaded, before any what-if), and
 * which wrappers its front end makes (decided when the program is lowered, before any solve).
 */
export const releaseFactSections = ['build', 'wrappers'] as const;

export function isReleaseFact(key: string): boolean {
  return releaseFactSections.some((s) => key.startsWith(`${s}.`));
}

/** `--set` values: each exactly one KEY=VALUE, naming a parameter rather than a spelling. */
export function settingsArg(set: string[] | string | undefined): string[] {
  const sets = set === undefined ? [] : Array.isArray(set) ? set : [set];
  for (const s of sets) {
    if (!/^[^=\s]+=/.test(s)) throw new UserError(`goesc: --set wants KEY=VALUE, got ${JSON.stringify(s)} (see goesc whatif --list)`);
    const key = s.slice(0, s.indexOf('='));
    if (isSpelling(key)) {
      throw new UserError(`goesc: --set ${key}: gc's spelling of a message, not a rule parameter (see goesc whatif --list)`);
    }
    if (isReleaseFact(key)) {
      throw new UserError(`goesc: --set ${key}: a fact of the Go release (its build tags or front end), not a rule parameter; compare releases with whatif --from/--to`);
    }
  }
  return sets;
}
