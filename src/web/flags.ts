// The playground's flags: the analyze command's, spelled as on the command line
// (`-m=2 -l --smallframes --go go1.27`), read after the CLI's own rewriting of gc's
// spellings (cli/argv.ts normalizeArgv), so `-m -l` here means what `goesc -m -l prog.go`
// means. The share link carries them as typed; the what-if parameters of the model travel
// beside them (`set=`), since `goesc` itself takes those only in `goesc whatif --set`.

import { normalizeArgv } from '../cli/argv.js';

export interface Flags {
  /** -m level (0: no -m, nothing printed). */
  readonly m: number;
  /** The default build (no -l): gc's inliner first. */
  readonly inline: boolean;
  readonly smallframes: boolean;
  /** --go as given; undefined: the default model. */
  readonly go?: string;
  /** -p: gc's import path of the package (default p). */
  readonly packagePath?: string;
}

export type FlagsResult = { readonly ok: true; readonly flags: Flags } | { readonly ok: false; readonly error: string };

/** Splits a flags string on blanks (no quoting: no analyze flag takes a value with blanks). */
export function splitFlags(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

export function parseFlags(text: string): FlagsResult {
  const argv = normalizeArgv(splitFlags(text));
  let m = 0;
  let inline = true;
  let smallframes = false;
  let go: string | undefined;
  let packagePath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = eq > 0 ? arg.slice(eq + 1) : undefined;
    const next = (): string | undefined => (value !== undefined ? value : argv[++i]);
    const bool = (): boolean | null => (value === undefined || value === 'true' ? true : value === 'false' ? false : null);
    switch (name) {
      case '--m': {
        // `-m -m` is -m=2, as in gc (each -m adds one).
        const n = Number(value ?? '1');
        if (!Number.isInteger(n) || n < 0) return { ok: false, error: `goesc: invalid value ${JSON.stringify(value)} for -m` };
        m = value === '1' && m > 0 ? m + 1 : n;
        break;
      }
      case '--l': {
        const b = bool();
        if (b === null) return { ok: false, error: `goesc: invalid value ${JSON.stringify(value)} for -l` };
        inline = !b;
        break;
      }
      case '--smallframes': {
        const b = bool();
        if (b === null) return { ok: false, error: `goesc: invalid value ${JSON.stringify(value)} for --smallframes` };
        smallframes = b;
        break;
      }
      case '--go': {
        const v = next();
        if (!v) return { ok: false, error: 'goesc: --go needs a version (go1.26, go1.27)' };
        go = v;
        break;
      }
      case '--p':
      case '-p': {
        const v = next();
        if (!v) return { ok: false, error: 'goesc: -p needs an import path' };
        packagePath = v;
        break;
      }
      case '--format': {
        const v = next();
        if (v !== 'text') return { ok: false, error: `goesc: the playground prints the text format only (--format ${v ?? ''})` };
        break;
      }
      case '--cache':
        next();
        break; // the playground keeps no cache
      default:
        return { ok: false, error: `goesc: the playground does not take ${JSON.stringify(arg)} (it takes -m, -m=2, -l, --smallframes, --go VERSION, -p PATH)` };
    }
  }
  return { ok: true, flags: { m, inline, smallframes, ...(go !== undefined ? { go } : {}), ...(packagePath !== undefined ? { packagePath } : {}) } };
}

/** The flags as the command line spells them (the share link's and the page's flags field). */
export function formatFlags(f: Flags): string {
  const out: string[] = [];
  if (f.m === 1) out.push('-m');
  else if (f.m > 1) out.push(`-m=${f.m}`);
  if (!f.inline) out.push('-l');
  if (f.smallframes) out.push('--smallframes');
  if (f.go) out.push('--go', f.go);
  if (f.packagePath) out.push('-p', f.packagePath);
  return out.join(' ');
}
