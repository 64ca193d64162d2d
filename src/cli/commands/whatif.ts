// `goesc whatif [--smallframes] [--set KEY=VALUE]... [--go V] [--json] PATH...`: the -m lines
// that a rule change removes (`- `) and adds (`+ `), docs/CLI.md. Exit 0 also when nothing
// changes; `--list` prints the parameters KEY may name, with their values and sources.

import { chooseModel } from '../model.js';
import type { Command } from './command.js';
import { pathsPositional } from './command.js';
import { isReleaseFact, isSpelling, settingsArg, spellingSections } from '../strict.js';
import { formatDiagnostic } from '../../api.js';
import { formatGoError, UserError } from '../../errors.js';
import { loadModel, parseSettings, schemaKeys, type Model } from '../../models/index.js';
import { formatChanges, whatif } from '../../whatif/index.js';
import { onlyAllocRulesDiffer, diffAllocations, formatAllocChanges, type AllocChange } from '../../whatif/allocs.js';
import { versionWhatifJson, whatifVersions } from '../../whatif/versions.js';

interface WhatifArgs {
  readonly paths?: string[];
  readonly smallframes?: boolean;
  readonly set?: string[] | string;
  readonly go?: string;
  readonly json?: boolean;
  readonly list?: boolean;
  readonly m?: number;
  readonly l?: boolean;
  readonly from?: string;
  readonly to?: string;
  readonly p?: string;
}

export const whatifCommand: Command<WhatifArgs> = {
  names: ['whatif [paths..]'],
  describe: 'the diagnostics that a rule change adds or removes',
  builder: (y) =>
    pathsPositional(y)
      .option('smallframes', { type: 'boolean', describe: "compare gc's defaults with its -smallframes limits" })
      .option('set', { type: 'string', nargs: 1, describe: 'change a model parameter: KEY=VALUE (see --list)' })
      .option('go', { type: 'string', describe: 'model version (models/), default the newest' })
      .option('json', { type: 'boolean', describe: 'one JSON object: parameters changed, lines removed and added' })
      .option('list', { type: 'boolean', describe: 'list the model parameters KEY may name' })
      .option('m', { type: 'number', describe: 'compare -m lines (default), or -m=2 with flow explanations' })
      .option('l', { type: 'boolean', describe: 'no inlining in either analysis, as gc -l; alone: what inlining changes (default build vs -l)' })
      .option('from', { type: 'string', describe: 'with --to: compare two model versions (what upgrading Go changes)' })
      .option('to', { type: 'string', describe: 'with --from: the version upgraded to' })
      .option('p', { type: 'string', describe: "the package's import path, as go tool compile -p" })
      .example('$0 whatif --smallframes .', "what the compiler's -smallframes limits change")
      .example('$0 whatif --set limits.maxStackVarSize=65536 main.go', 'what a larger stack-variable limit changes')
      .example('$0 whatif --list', 'the parameters --set may name')
      .example('$0 whatif -l .', 'what inlining changes (the default build against -l)')
      .example('$0 whatif --from go1.26 --to go1.27 .', 'what upgrading Go changes'),

  run: async (args) => {
    if (args.list) {
      process.stdout.write(listParameters(loadModel(args.go, { smallframes: !!args.smallframes }), !!args.json));
      return 0;
    }
    const paths = args.paths && args.paths.length > 0 ? args.paths : ['.'];
    if (args.from !== undefined || args.to !== undefined) return runVersionWhatif(paths, args);
    const sets = settingsArg(args.set);
    // Without -l both analyses are the default build (gc's inliner on); `-l` alone compares
    // the default build with -l: the lines inlining changes.
    const onlyL = !!args.l && sets.length === 0 && !args.smallframes;
    const inline = onlyL ? { base: true, changed: false } : { base: !args.l, changed: !args.l };
    const result = await whatif(paths, {
      inline,
      go: chooseModel(args.go),
      ...(args.p ? { packagePath: args.p } : {}),
      smallframes: !!args.smallframes,
      settings: parseSettings(sets),
      m: args.m && args.m > 1 ? args.m : 1,
    });
    if (result.errors.length > 0) {
      for (const e of result.errors) process.stderr.write(formatGoError(e) + '\n');
      return 2;
    }
    if (result.parameters.length === 0 && !onlyL) process.stderr.write('goesc: whatif: no parameter changed (use --smallframes or --set KEY=VALUE)\n');
    // Parameters of the allocation lowering alone show in the predicted runtime calls, not in -m.
    const allocChanges: AllocChange[] = onlyAllocRulesDiffer(result.base, result.changed)
      ? diffAllocations(paths, result.base, result.changed)
      : [];
    if (result.changes.length === 0 && allocChanges.length === 0) process.stderr.write('no change\n');
    if (args.json) {
      const out = {
        go: result.base.version,
        smallframes: result.changed.smallframes,
        parameters: result.parameters,
        removed: result.changes.filter((c) => c.sign === '-').map((c) => ({ ...c.diagnostic, line_text: formatDiagnostic(c.diagnostic) })),
        added: result.changes.filter((c) => c.sign === '+').map((c) => ({ ...c.diagnostic, line_text: formatDiagnostic(c.diagnostic) })),
        changes: result.changes.map((c) => `${c.sign} ${formatDiagnostic(c.diagnostic)}`),
        allocations: allocChanges.map((c) => `${c.sign} ${c.text}`),
        seconds: result.seconds,
      };
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    } else {
      process.stdout.write(formatChanges(result.changes));
      process.stdout.write(formatAllocChanges(allocChanges));
    }
    return 0;
  },
};

/** `whatif --from V1 --to V2 [flags] PATH`: what the upgrade removes and adds (src/whatif/versions.ts). */
async function runVersionWhatif(paths: readonly string[], args: WhatifArgs): Promise<number> {
  if (args.from === undefined || args.to === undefined) throw new UserError('goesc: whatif --from and --to go together (e.g. --from go1.26 --to go1.27)');
  if (args.set !== undefined || args.go !== undefined) throw new UserError('goesc: whatif --from/--to compares two versions\' default rules; --set and --go do not apply');
  const result = await whatifVersions(paths, {
    from: args.from,
    to: args.to,
    smallframes: !!args.smallframes,
    m: args.m && args.m > 1 ? args.m : 1,
    ...(args.p ? { packagePath: args.p } : {}),
  });
  if (result.errors.length > 0) {
    for (const e of result.errors) process.stderr.write(formatGoError(e) + '\n');
    return 2;
  }
  process.stdout.write(args.json ? versionWhatifJson(result) : formatChanges(result.changes));
  return 0;
}

/** The parameters --set may name: every key of the model but gc's message spellings. */
function listParameters(model: Model, json: boolean): string {
  const specs = schemaKeys()
    .filter((k) => !isSpelling(k) && !isReleaseFact(k))
    .map((k) => model.parameters[k]!);
  if (json) return JSON.stringify(specs, null, 2) + '\n';
  return specs
    .map((s) => {
      const sf = s.smallframes !== undefined ? ` (-smallframes: ${String(s.smallframes)})` : '';
      const flag = s.compilerFlag ? `  gc: ${s.compilerFlag}` : '';
      return `${s.key} = ${String(s.default)}${sf}\n    ${s.doc}\n    from ${s.source}${flag}\n`;
    })
    .join('')
    .concat(`${spellingSections.join('.*, ')}.*: gc's spellings in models/, not parameters\n`)
    .concat(`build.*: the release's build tags (file choice), compared with whatif --from/--to\n`);
}
