// Go users type compiler flags the compiler's way (`-m`, `-m=2`, `-m -l`, `-json=0,DIR`).
// yargs reads a single dash as a group of one-letter flags and lets a string option swallow
// the next word, so these spellings are rewritten to unambiguous long options first.

const rewrites: ReadonlyArray<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/^--?m$/, () => '--m=1'],
  [/^--?m=(\d+)$/, (m) => `--m=${m[1]}`],
  [/^--?l$/, () => '--l'],
  [/^--?json=(.+)$/, (m) => `--json-log=${m[1]}`],
  [/^-smallframes$/, () => '--smallframes'],
  [/^-race$/, () => '--race'],
  [/^-d=(.+)$/, (m) => `--d=${m[1]}`],
  [/^-p=(.+)$/, (m) => `--p=${m[1]}`],
];

export function normalizeArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  let passthrough = false;
  for (const arg of argv) {
    if (passthrough || arg === '--') {
      passthrough = true;
      out.push(arg);
      continue;
    }
    const rule = rewrites.find(([re]) => re.test(arg));
    out.push(rule ? rule[1](arg.match(rule[0])!) : arg);
  }
  return out;
}
