// Runs goesc's main() in this process with stdout and stderr captured, optionally from
// another working directory (the tests run in forked workers, so chdir is theirs alone).
import { main } from '../../src/cli/main.js';

export interface CliRun {
  readonly status: number;
  readonly out: string;
  readonly err: string;
}

export async function runCli(args: readonly string[], cwd?: string): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const w1 = process.stdout.write.bind(process.stdout);
  const w2 = process.stderr.write.bind(process.stderr);
  const log = console.log;
  const before = process.cwd();
  process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => (err.push(String(s)), true)) as typeof process.stderr.write;
  console.log = (...xs: unknown[]) => void out.push(xs.map(String).join(' ') + '\n');
  try {
    if (cwd) process.chdir(cwd);
    const status = await main(args);
    return { status, out: out.join(''), err: err.join('') };
  } finally {
    if (cwd) process.chdir(before);
    process.stdout.write = w1;
    process.stderr.write = w2;
    console.log = log;
  }
}
