// `goesc [analyze] [-m[=N]] [-l] [-p PATH] [--smallframes] [-race] [-d=LIST] [--go V] [--format F] [-json=0,DIR] PATH...`:
// gc's -m lines on stdout (docs/CLI.md), syntax and type errors on stderr with exit 2.
// No PATH means `.`; without -m nothing is printed, as gc, with one hint on stderr.

import { existsSync } from 'node:fs';
import type { Command } from './command.js';
import { fileURLToPath } from 'node:url';
import { pathsPositional } from './command.js';
import { createContext } from '../../api.js';
import { textOutput } from '../../format/output.js';
import { UserError } from '../../errors.js';
import { analyzeProgram } from '../../pipeline/program.js';
import { cacheDir, readBuild, ResultCache, type CacheOptions, type RunRecord } from '../../pipeline/cache.js';
import { RunMemo } from '../../pipeline/run-memo.js';
import type { Env } from '../../pipeline/context.js';
import { chooseModel } from '../model.js';
import { withCompilerFlags } from '../../models/index.js';
import { formatJson } from '../../format/json.js';
import { createProgress } from '../../format/progress.js';
import { formatSarif } from '../../format/sarif.js';
import { parseJsonLogFlag, writeOptLog } from '../../format/logopt.js';

interface AnalyzeArgs {
  readonly paths?: string[];
  readonly m?: number;
  readonly l?: boolean;
  readonly smallframes?: boolean;
  readonly race?: boolean;
  readonly d?: string | string[];
  readonly go?: string;
  readonly format?: string;
  readonly jsonLog?: string;
  readonly p?: string;
  readonly cache?: string;
}

export const analyzeCommand: Command<AnalyzeArgs> = {
  names: ['analyze [paths..]', '$0 [paths..]'],
  describe: 'escape decisions for the packages at PATH (the default command)',
  builder: (y) =>
    pathsPositional(y)
      .option('m', { type: 'number', describe: 'print escape decisions (-m), with flow explanations (-m=2)' })
      .option('l', { type: 'boolean', describe: 'no inlining, as go tool compile -l' })
      .option('smallframes', { type: 'boolean', describe: "the compiler's -smallframes limits" })
      .option('race', { type: 'boolean', describe: "a race-instrumented build, as the compiler's -race (what it inlines)" })
      .option('d', { type: 'string', describe: "the compiler's -d=checkptr, -d=inlfuncswithclosures=0 (comma-separated)" })
      .option('go', { type: 'string', describe: 'model version (models/), default the newest' })
      .option('format', { type: 'string', choices: ['text', 'json', 'sarif'], default: 'text' })
      .option('json-log', { type: 'string', hidden: true, describe: 'optimization log as -json=0,DIR' })
      .option('p', { type: 'string', describe: "the package's import path, as go tool compile -p (default p; in a module, each package's own)" })
      .option('cache', { type: 'string', choices: ['on', 'off'], default: 'on', describe: 'the per-package result cache ($GOESC_CACHE, else $XDG_CACHE_HOME/goesc, else ~/.cache/goesc)' })
      .example('$0 -m main.go', "gc's -m lines for one file")
      .example('$0 -m=2 -l ./...', 'with flow explanations, for every package beneath .')
      .example('$0 -m -l github.com/go-chi/chi/v5', "a dependency of the module here, by import path")
      .example('$0 -json=0,/tmp/log .', "the compiler's optimization log, written to /tmp/log")
      .epilogue(
        "Compiler flags keep gc's spelling: -m, -m=2, -l, -p PATH, -json=0,DIR (the optimization log, one folder per package).\n" +
          'goesc never runs the Go toolchain for this command.',
      ),
  run: async (args, argv, typed) => {
    const paths = args.paths && args.paths.length > 0 ? args.paths : ['.'];
    rejectMissingNumericPaths(paths);
    const m = args.m ?? 0;
    const format = args.format ?? 'text';
    if (m <= 0 && format === 'text' && !args.jsonLog) {
      process.stderr.write('goesc: no -m given: nothing to print (try -m or -m=2)\n');
    }
    const context = createContext();
    const cache = args.cache === 'off' ? null : openCache(context.env, { background: true });
    try {
      const build = readBuild(distDir());
      const buildId = build.id;
      // The run's output is recorded for a re-run with nothing changed (recordedAnalysis);
      // -json=0,DIR writes files, and a run without -m its hint, which only a real run does.
      const memo = cache && !args.jsonLog && m > 0 ? runMemo(cache, build, context, argv, typed) : null;
      const disk = memo?.disk();
      const model = withCompilerFlags(context.model(chooseModel(args.go, context), !!args.smallframes), { race: !!args.race, debug: [args.d ?? []].flat() });
      // Progress on a terminal, once a run has taken a second.
      const progress = createProgress('goesc');
      const started = Date.now();
      const onProgress = (done: number, total: number, what: string) => {
        if (Date.now() - started > 1000) progress.update(done, total, what);
      };
      const run = (level: number) =>
        analyzeProgram(context, paths, { m: level, model, inline: !args.l, cache, buildId, onProgress, ...(disk ? { disk } : {}), ...(args.p ? { packagePath: args.p } : {}) });
      const result = run(m > 0 ? m : 1);
      progress.done();
      const text = textOutput(result, m);
      process.stderr.write(text.stderr);
      if (text.exitCode !== 0) return text.exitCode;
      const diags = m > 0 ? result.diagnostics : [];
      // gc logs the -m=2 explanations whatever -m is, and the JSON/SARIF records carry them:
      // those outputs read the -m=2 lines of the same analysis.
      const explained = m >= 2 || (!args.jsonLog && format === 'text') ? result.diagnostics : run(2).diagnostics;
      if (args.jsonLog) {
        writeOptLog(parseJsonLogFlag(args.jsonLog), explained, { pkgPath: args.p ?? 'p', gcVersion: model.compiler });
      }
      // JSON and SARIF name the model the analysis used.
      const stdout = format === 'json' ? formatJson(diags, explained, model) : format === 'sarif' ? formatSarif(diags, { explained, model }) : text.stdout;
      process.stdout.write(stdout);
      if (memo && disk) memo.remember(disk, { stdout, stderr: text.stderr });
      return 0;
    } finally {
      await cache?.flushed();
    }
  },
};

/**
 * The recorded output of this very command line (the same normalised argv, directory,
 * environment and build), when an earlier analysis recorded one and the disk still shows what
 * it read (pipeline/run-memo.ts); main answers with it before setting up yargs. Only
 * successful analyses are recorded, so the line was valid; `--cache` other than on, and
 * -json=0,DIR, never look.
 */
export function recordedAnalysis(argv: readonly string[], typed: readonly string[]): RunRecord | undefined {
  if (argv.some((a) => (a.startsWith('--cache') && a !== '--cache=on') || a.startsWith('--json-log'))) return undefined;
  const context = createContext();
  const cache = openCache(context.env);
  if (!cache) return undefined;
  const memo = runMemo(cache, readBuild(distDir()), context, argv, typed);
  const record = memo.reuse();
  if (record) memo.rememberForShell(record.stamp, record);
  return record;
}

/**
 * The memo of this run: keyed by the normalised command line, and as typed for the shell
 * (unless GOESC_NO_FAST_RERUN turns the shell's re-run off).
 */
function runMemo(cache: ResultCache, build: ReturnType<typeof readBuild>, context: { cwd: string; env: Env }, argv: readonly string[], typed: readonly string[]): RunMemo {
  const line = context.env['GOESC_NO_FAST_RERUN'] ? null : build.line;
  return RunMemo.of(cache, build.id, context.cwd, context.env, argv, line ? { buildLine: line, argv: typed } : undefined);
}

/** The result cache of this user ($GOESC_CACHE, $XDG_CACHE_HOME/goesc, ~/.cache/goesc), if any. */
export function openCache(env: Env, options: CacheOptions = {}): ResultCache | null {
  const dir = cacheDir(env);
  return dir ? new ResultCache(dir, options) : null;
}

/** dist/, where the build id is (this file runs from dist/cli/commands). */
function distDir(): string {
  return fileURLToPath(new URL('../../', import.meta.url));
}

/**
 * `-m 2 f.go` means the path `2`, as in gc; when no such file exists the user most likely
 * meant `-m=2`, which the error says.
 */
function rejectMissingNumericPaths(paths: readonly string[]): void {
  for (const p of paths) {
    if (/^\d+$/.test(p) && !existsSync(p)) {
      throw new UserError(`goesc: open ${p}: no such file or directory (for flow explanations write -m=2)`);
    }
  }
}
