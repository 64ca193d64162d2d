// The go command's recorded builds of testdata/modules (scripts/record-module-fixtures.mjs):
// each expected*.txt holds a header (`#! cd`, `#! GOMODCACHE=... ENV`, `#! go build ARGS`,
// `#! exit N`) and the lines go build printed. Read here once for the tests that replay them
// (the loader's package and file names, and the analysis line for line).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const testdata = join(import.meta.dirname, '../../testdata/modules');

export interface RecordedBuild {
  /** The fixture, relative to testdata/modules. */
  readonly name: string;
  readonly text: string;
  readonly cwd: string;
  readonly env: Record<string, string>;
  /** go build's own patterns. */
  readonly patterns: string[];
  /** The packages its -gcflags patterns name (the ones that print lines). */
  readonly printed: string[];
  readonly m: number;
  /** Its positioned lines (`file:line:col: ...`), `# pkg` headers left out. */
  readonly lines: string[];
}

function fixtures(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (e === 'modcache' || e === 'vendor') continue;
    if (statSync(p).isDirectory()) out.push(...fixtures(p));
    else if (/^expected.*\.txt$/.test(e)) out.push(p);
  }
  return out.sort();
}

/** Every recorded build that succeeded (exit 0). */
export function recordedBuilds(): RecordedBuild[] {
  const out: RecordedBuild[] = [];
  for (const file of fixtures(testdata)) {
    const text = readFileSync(file, 'utf8');
    if (/^#! exit (\d+)$/m.exec(text)?.[1] !== '0') continue;
    const cwd = join(testdata, /^#! cd testdata\/modules\/(\S+)$/m.exec(text)![1]!);
    const env: Record<string, string> = { GOMODCACHE: join(testdata, 'modcache'), HOME: '/nonexistent' };
    for (const kv of /^#! GOMODCACHE=\S+ \([^)]*\) (.*)$/m.exec(text)![1]!.split(' ')) {
      const i = kv.indexOf('=');
      env[kv.slice(0, i)] = kv.slice(i + 1);
    }
    const command = /^#! go build (.*)$/m.exec(text)![1]!;
    const args = command.split(' ');
    out.push({
      name: relative(testdata, file),
      text,
      cwd,
      env,
      // The go build command's trailing arguments are its patterns.
      patterns: args.filter((a) => !a.startsWith("'") && !a.endsWith("'") && !a.startsWith('-')),
      printed: args.filter((a) => a.startsWith("'-gcflags=")).map((a) => a.slice("'-gcflags=".length, a.indexOf('=-m'))),
      m: command.includes('-m=2') ? 2 : 1,
      lines: text.split('\n').filter((l) => /^\S+\.go:\d+(:\d+)?: /.test(l)),
    });
  }
  return out;
}
