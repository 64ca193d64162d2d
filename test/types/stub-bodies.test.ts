// A std body parsed on demand (types/importer.ts bodyTable) goes through the importer's
// parser, as its package's stub files do, so a run's parser (pipeline/prepare.ts: the std
// parses kept in the result cache) serves the bodies too.
import { describe, expect, it } from 'vitest';
import type * as ast from '../../src/syntax/ast.js';
import { parseFile } from '../../src/syntax/index.js';
import { modelImporter } from '../../src/types/importer.js';

describe('std bodies', () => {
  it('are parsed with the parser in use when first asked for, one function each', () => {
    const importer = modelImporter({ goVersion: 'go1.26', goroot: '/goroot' });
    const pkg = importer.import('slices');
    expect(pkg?.bodies).toBeDefined();
    const decl = pkg!.bodies!.files.flatMap((f) => f.decls).find((d): d is ast.FuncDecl => d.kind === 'FuncDecl' && d.name.value === 'Sort');
    expect(decl).toBeDefined();
    const seen: { filename: string; bytes: Uint8Array }[] = [];
    importer.useParser((filename, bytes) => {
      seen.push({ filename, bytes });
      return parseFile(filename, bytes);
    });
    const body = pkg!.bodies!.body(decl!);
    importer.useParser(null);
    expect(body?.stmts.length).toBeGreaterThan(0);
    // the body first (checking it then imports what it uses, cmp, ...: their stubs, same parser)
    expect(seen[0]!.filename).toBe('/goroot/src/slices/sort.go');
    expect(seen.filter((s) => s.filename.startsWith('/goroot/src/slices/'))).toHaveLength(1);
    // the file's own bytes but for the one function (and the package clause): blanks elsewhere
    const text = Buffer.from(seen[0]!.bytes).toString('latin1');
    expect(text).toContain('func Sort[');
    expect(text).not.toContain('func SortFunc[');
    // asked again: kept, not parsed again
    expect(pkg!.bodies!.body(decl!)).toBe(body);
  });
});
