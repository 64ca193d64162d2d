// `goesc types [--json] PATH` (docs/CLI.md): the size and alignment on amd64 of every
// package-level, non-generic, non-alias named type, as go/types' SizesFor("gc", "amd64")
// computes them. Syntax and type errors print as gc prints them and exit 2.

import { chooseModel } from '../model.js';
import type { Command } from './command.js';
import { pathsPositional } from './command.js';
import { loadPackages } from '../../load/index.js';
import { parseFile, type File } from '../../syntax/index.js';
import { formatGoError, type GoError } from '../../errors.js';
import { checkPackage, modelImporter } from '../../types/index.js';
import { typeLayouts, exprFacts, type TypeLayout } from '../../types/describe.js';

interface TypesArgs {
  paths?: string[];
  json?: boolean;
  exprs?: boolean;
  go?: string;
}

export const typesCommand: Command<TypesArgs> = {
  names: ['types [paths..]'],
  describe: 'sizes and alignments of the named types of a package',
  builder: (y) =>
    pathsPositional(y)
      .option('json', { type: 'boolean', default: false, describe: 'print {"types":[{name,size,align}]}' })
      .option('exprs', { type: 'boolean', default: false, describe: 'also list the type of every expression' })
      .option('go', { type: 'string', describe: 'model version (default: the newest)' })
      .example('$0 types .', 'a table of the sizes and alignments of the named types')
      .example('$0 types --json main.go', '{"types":[{"name","size","align"}]}'),
  run: async (args) => {
    const packages = loadPackages(args.paths && args.paths.length > 0 ? args.paths : ['.']);
    const importer = modelImporter({ goVersion: chooseModel(args.go) });
    const errors: GoError[] = [];
    const layouts: TypeLayout[] = [];
    const exprs: ReturnType<typeof exprFacts> = [];
    for (const pkg of packages) {
      const files: File[] = [];
      for (const f of pkg.files) {
        const r = parseFile(f.filename, f.bytes);
        errors.push(...r.errors);
        if (r.file) files.push(r.file);
      }
      if (errors.length > 0) continue;
      const checked = checkPackage(files, { importer });
      errors.push(...checked.errors);
      layouts.push(...typeLayouts(checked));
      if (args.exprs) exprs.push(...exprFacts(checked));
    }
    if (errors.length > 0) {
      for (const e of errors) process.stderr.write(formatGoError(e) + '\n');
      return 2;
    }
    if (args.json) {
      const out: Record<string, unknown> = { types: layouts };
      if (args.exprs) out.exprs = exprs;
      process.stdout.write(JSON.stringify(out) + '\n');
    } else {
      process.stdout.write(formatTable(['TYPE', 'SIZE', 'ALIGN'], layouts.map((t) => [t.name, String(t.size), String(t.align)])));
      if (layouts.length === 0) process.stderr.write('goesc: types: no package-level named types (generic and alias types are left out)\n');
      if (args.exprs) {
        process.stdout.write('\n' + formatTable(['POS', 'MODE', 'TYPE'], exprs.map((e) => [`${e.line}:${e.col}`, e.mode, e.type])));
      }
    }
    return 0;
  },
};

/** Columns padded to their widest cell, numbers right-aligned. */
function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^\d+$/.test(r[i]!)));
  return all
    .map((r) => r.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd() + '\n')
    .join('');
}
