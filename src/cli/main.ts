// The command line (docs/CLI.md): thin yargs commands over the library. Each command lives
// in commands/<name>.ts and returns its exit status; this file only wires and guards them:
// it records the options each command's builder declares, so that any other flag is an
// error with a hint (strict.ts), and turns UserErrors into one line and exit 2.

import yargs, { type Argv } from 'yargs';
import { normalizeArgv } from './argv.js';
import { rejectUnknownFlags } from './strict.js';
import { UserError } from '../errors.js';
import { commands } from './commands/index.js';
import { recordedAnalysis } from './commands/analyze.js';
import { maxSourceBytes } from '../load/index.js';
import { readFileSync } from 'node:fs';
import { serveDaemon, startDaemon } from './daemon.js';

export async function main(rawArgv: readonly string[]): Promise<number> {
  // The resident goesc (daemon.ts): its own process, started by bin/goesc.js's run below.
  if (rawArgv[0] === '--goesc-daemon' && rawArgv[1]) return serveDaemon(rawArgv[1], main);
  const socket = process.env['GOESC_DAEMON_SOCKET'];
  delete process.env['GOESC_DAEMON_SOCKET'];
  const started = performance.now();
  try {
    return await run(rawArgv);
  } finally {
    // After the run, never beside it (a project's cold run keeps both cores busy), and only
    // after a short one: what the daemon saves is a fresh process's ~100 ms, which a long
    // run does not notice; a project's re-run is answered by bin/goesc.js's record anyway.
    if (socket && performance.now() - started < shortRunMs) startDaemon(socket);
  }
}

/** A run this short (ms) starts the resident goesc for the next ones (a small file: 0.1-0.5 s). */
const shortRunMs = 2000;

async function run(rawArgv: readonly string[]): Promise<number> {
  const argv = normalizeArgv(rawArgv);
  const debug = argv.includes('--debug');
  try {
    // A re-run of an analysis with nothing changed answers before yargs is even set up.
    const recorded = recordedAnalysis(argv, rawArgv);
    if (recorded) {
      process.stderr.write(recorded.stderr);
      process.stdout.write(recorded.stdout);
      return 0;
    }
    let status = 0;
    let parser = yargs(argv)
      .scriptName('goesc')
      .parserConfiguration({ 'short-option-groups': false, 'camel-case-expansion': true, 'parse-positional-numbers': false })
      .option('debug', { type: 'boolean', describe: 'show stack traces of internal failures' })
      .strictOptions(false)
      .exitProcess(false)
      .fail((msg, err) => {
        if (err) throw err;
        throw new UserError(`goesc: ${msg}`);
      })
      .help()
      // yargs' own guess reads package.json by walking up from the entry: ~5 ms of every
      // start-up (cpu profile) for a flag rarely given, so goesc's is read only then.
      .version('version', 'Show version number', argv.includes('--version') ? ownVersion() : '')
      .epilogue(`A source file over ${maxSourceBytes} bytes (2 MiB) is refused with exit 2 (file too large).`);
    for (const command of commands) {
      const word = command.names[0]!.split(' ')[0]!;
      let declared: string[] = [];
      parser = parser.command(
        command.names as string[],
        command.describe,
        ((y: Argv) => {
          const built = command.builder(y);
          declared = Object.keys((built as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions().key);
          return built;
        }) as never,
        async (args) => {
          rejectUnknownFlags(word, args as Record<string, unknown>, declared, rawArgv);
          status = await command.run(args as never, argv, rawArgv);
        },
      );
    }
    await parser.parseAsync();
    return status;
  } catch (err) {
    if (err instanceof UserError) {
      for (const line of err.lines) process.stderr.write(line + '\n');
      return err.exitCode;
    }
    const e = err as Error;
    process.stderr.write(`goesc: internal error: ${e && e.message ? e.message : String(e)}\n`);
    if (debug && e && e.stack) process.stderr.write(e.stack + '\n');
    return 1;
  }
}

/** goesc's version, from its package.json (this file runs from dist/cli/). */
function ownVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}
