// The server's settings: what `initializationOptions` and `workspace/didChangeConfiguration`
// carry, `{"flags": ["-m", "-l"], "go": "go1.26", "smallframes": false, "showStack": true}`.
// The flags are spelled as for the CLI (and gc): `-m` (repeatable, as gc counts it), `-m=N`,
// `-l`, `-smallframes`, `-p PATH` / `-p=PATH`, `--go=V`; the named fields override them.
// Parsing never throws: an unknown flag or a field of the wrong type is reported back as a
// warning and otherwise ignored, so a typo in an editor's config cannot stop the server.

export interface ServerSettings {
  /** gc's -m level; 0 publishes no decisions (as the CLI prints none without -m). */
  readonly m: number;
  readonly smallframes: boolean;
  /** Model version (models/), e.g. "go1.26". */
  readonly go: string;
  /** gc's -p: the package's import path. */
  readonly packagePath: string;
  /** Whether stack decisions (does not escape) are shown, as Hint diagnostics and `stack` hints. */
  readonly showStack: boolean;
}

/** The CLI's flags when a user runs `goesc -m -l FILE`. */
export const defaultFlags: readonly string[] = ['-m', '-l'];

export const defaultSettings: ServerSettings = {
  m: 1,
  smallframes: false,
  go: 'go1.26',
  packagePath: 'p',
  showStack: true,
};

export interface ParsedSettings {
  readonly settings: ServerSettings;
  readonly warnings: readonly string[];
}

/**
 * Reads a settings object. Clients send either the object itself or it nested under a
 * `goesc` key (VS Code's and Neovim's configuration sections); both are accepted.
 */
export function parseSettings(raw: unknown): ParsedSettings {
  const warnings: string[] = [];
  let obj = isRecord(raw) ? raw : {};
  if (isRecord(obj['goesc'])) obj = obj['goesc'];
  // A configuration change carries the whole settings: what it omits takes the default.
  const out = { ...defaultSettings };
  const flags = obj['flags'];
  if (flags !== undefined) {
    if (Array.isArray(flags) && flags.every((f) => typeof f === 'string')) {
      Object.assign(out, flagSettings(flags as string[], warnings));
    } else {
      warnings.push('goesc: settings: "flags" must be a list of strings');
    }
  } else {
    Object.assign(out, flagSettings(defaultFlags, warnings));
  }
  const field = <K extends keyof ServerSettings>(key: K, type: 'string' | 'boolean') => {
    const v = obj[key];
    if (v === undefined || v === null) return;
    if (typeof v === type) (out as Record<string, unknown>)[key] = v;
    else warnings.push(`goesc: settings: "${key}" must be a ${type}`);
  };
  field('go', 'string');
  field('smallframes', 'boolean');
  field('showStack', 'boolean');
  return { settings: out, warnings };
}

/** The settings a list of compiler-style flags selects; unknown flags become warnings. */
function flagSettings(flags: readonly string[], warnings: string[]): Partial<ServerSettings> {
  const out: { -readonly [K in keyof ServerSettings]?: ServerSettings[K] } = { m: 0, smallframes: false };
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i]!;
    let m: RegExpExecArray | null;
    if (/^--?m$/.test(f)) out.m = (out.m ?? 0) + 1;
    else if ((m = /^--?m=(\d+)$/.exec(f))) out.m = Number(m[1]);
    else if (/^--?l$/.test(f)) continue; // goesc always analyses as -l
    else if (/^--?smallframes$/.test(f)) out.smallframes = true;
    else if ((m = /^--?p=(.+)$/.exec(f))) out.packagePath = m[1]!;
    else if (/^--?p$/.test(f) && i + 1 < flags.length) out.packagePath = flags[++i]!;
    else if ((m = /^--?go=(.+)$/.exec(f))) out.go = m[1]!;
    else if (/^--?go$/.test(f) && i + 1 < flags.length) out.go = flags[++i]!;
    else warnings.push(`goesc: settings: unknown flag ${f} ignored`);
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
