// `goesc whatif [--smallframes] [--set KEY=VALUE]... [--go V] [--json] PATH...`: the -m lines
// that a rule change removes (`- `) and adds (`+ `), CONTRACT.md. Exit 0 also when nothing
// changes; `--list` prints the parameters KEY may name, with their values and sources.

import type { Command } from './command.js';
import { formatDiagnostic } from '../../api.js';
import { formatGoError, UserError } from '../../errors.js';
import { loadModel, parseSettings, schemaKeys, type Model } from '../../models/index.js';
import { formatChanges, whatif } from '../../whatif/index.js';

interface WhatifArgs {
  readonly paths?: string[];
  readonly smallframes?: boolean;
  readonly set?: string[] | string;
  readonly go?: string;
  readonly json?: boolean;
  readonly list?: boolean;
  readonly m?: number;
  readonly l?: boolean;
}

export const whatifCommand: Command<WhatifArgs> = {
  names: ['whatif [paths..]'],
  describe: 'the diagnostics that a rule change adds or removes',
  builder: (y) =>
    y
      .option('smallframes', { type: 'boolean', describe: "compare gc's defaults with its -smallframes limits" })
      .option('set', { type: 'string', nargs: 1, describe: 'change a model parameter: KEY=VALUE (see --list)' })
      .option('go', { type: 'string', describe: 'model version (models/), default the newest' })
      .option('json', { type: 'boolean', describe: 'one JSON object: parameters changed, lines removed and added' })
      .option('list', { type: 'boolean', describe: 'list the model parameters KEY may name' })
      .option('m', { type: 'number', describe: 'compare -m lines (default), or -m=2 with flow explanations' })
      .option('l', { type: 'boolean', describe: 'no inlining in either analysis, as gc -l; alone: what inlining changes (default build vs -l)' }),
  run: async (args) => {
    if (args.list) {
      process.stdout.write(listParameters(loadModel(args.go, { smallframes: !!args.smallframes }), !!args.json));
      return 0;
    }
    const paths = args.paths ?? [];
    if (paths.length === 0) throw new UserError('goesc: whatif needs a PATH (see goesc whatif --help)');
    const sets = args.set === undefined ? [] : Array.isArray(args.set) ? args.set : [args.set];
    // Without -l both analyses are the default build (gc's inliner on); `-l` alone compares
    // the default build with -l: the lines inlining changes.
    const onlyL = !!args.l && sets.length === 0 && !args.smallframes;
    const inline = onlyL ? { base: true, changed: false } : { base: !args.l, changed: !args.l };
    const result = await whatif(paths, {
      inline,
      ...(args.go ? { go: args.go } : {}),
      smallframes: !!args.smallframes,
      settings: parseSettings(sets),
      m: args.m && args.m > 1 ? args.m : 1,
    });
    if (result.errors.length > 0) {
      for (const e of result.errors) process.stderr.write(formatGoError(e) + '\n');
      return 2;
    }
    if (result.parameters.length === 0 && !onlyL) process.stderr.write('goesc: whatif: no parameter changed (use --smallframes or --set KEY=VALUE)\n');
    if (args.json) {
      const out = {
        go: result.base.version,
        smallframes: result.changed.smallframes,
        parameters: result.parameters,
        removed: result.changes.filter((c) => c.sign === '-').map((c) => ({ ...c.diagnostic, line_text: formatDiagnostic(c.diagnostic) })),
        added: result.changes.filter((c) => c.sign === '+').map((c) => ({ ...c.diagnostic, line_text: formatDiagnostic(c.diagnostic) })),
        changes: result.changes.map((c) => `${c.sign} ${formatDiagnostic(c.diagnostic)}`),
        seconds: result.seconds,
      };
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    } else {
      process.stdout.write(formatChanges(result.changes));
    }
    return 0;
  },
};

function listParameters(model: Model, json: boolean): string {
  const specs = schemaKeys().map((k) => model.parameters[k]!);
  if (json) return JSON.stringify(specs, null, 2) + '\n';
  return specs
    .filter((s) => !/^(messages|flowReasons)\./.test(s.key))
    .map((s) => {
      const sf = s.smallframes !== undefined ? ` (-smallframes: ${String(s.smallframes)})` : '';
      const flag = s.compilerFlag ? `  gc: ${s.compilerFlag}` : '';
      return `${s.key} = ${String(s.default)}${sf}\n    ${s.doc}\n    from ${s.source}${flag}\n`;
    })
    .join('')
    .concat('messages.* and flowReasons.*: gc\'s spellings (goesc whatif --list --json shows them)\n');
}
