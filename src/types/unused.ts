// Unused variables and imports (go/types stmt.go usage, resolver.go unusedImports): gc
// rejects a local variable that is never used and an import that is never referenced.

import type { Checker } from './check.js';
import type { Var } from './objects.js';
import { unquote } from './constant.js';

export function reportUnusedVars(c: Checker, vars: readonly Var[]): void {
  const unused = vars.filter((v) => !v.used && v.name !== '_' && v.pos);
  unused.sort((a, b) => a.pos!.line - b.pos!.line || a.pos!.col - b.pos!.col);
  for (const v of unused) c.error(v.pos!, `declared and not used: ${v.name}`, v.file);
}

export function reportUnusedImports(c: Checker): void {
  for (const { pkgName, spec, file } of c.imports) {
    if (pkgName.kind !== 'PkgName' || pkgName.used) continue;
    const path = unquote(spec.path.value);
    const last = path.slice(path.lastIndexOf('/') + 1);
    const msg = spec.localName && spec.localName.value !== last && spec.localName.value !== pkgName.imported.name
      ? `"${path}" imported as ${spec.localName.value} and not used`
      : pkgName.imported.name !== last ? `"${path}" imported as ${pkgName.imported.name} and not used` : `"${path}" imported and not used`;
    c.error(spec.path, msg, file);
  }
}
