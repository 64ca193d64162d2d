// `goesc types [--json] PATH` (CONTRACT.md): the size and alignment on amd64 of every
// package-level, non-generic, non-alias named type, as go/types' SizesFor("gc", "amd64")
// computes them. Syntax and type errors print as gc prints them and exit 2.

import type { Command } from './command.js';
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
    y
      .option('json', { type: 'boolean', default: false, describe: 'print {"types":[{name,size,align}]}' })
      .option('exprs', { type: 'boolean', default: false, describe: 'also list the type of every expression' })
      .option('go', { type: 'string', describe: 'model version (default: the newest)' }),
  run: async (args) => {
    const packages = loadPackages(args.paths ?? []);
    const importer = modelImporter({ goVersion: args.go ?? 'go1.26' });
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
      for (const t of layouts) process.stdout.write(`${t.name}\tsize ${t.size}\talign ${t.align}\n`);
      if (args.exprs) for (const e of exprs) process.stdout.write(`${e.line}:${e.col}\t${e.mode}\t${e.type}\n`);
    }
    return 0;
  },
};
