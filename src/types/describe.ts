// What the checker knows about a package, in the shape scripts/gotypes-check prints for
// go/types: the type of every recorded expression at its gc position, and the layout of
// every package-level, non-generic, non-alias named type. Used by `goesc types` and by the
// cross-check tests.

import type { CheckResult } from './index.js';
import type { Sizes } from './sizes.js';
import { amd64Sizes } from './sizes.js';
import { relativeTo, typeString } from './typestring.js';
import { unalias } from './types.js';

export interface ExprFact {
  readonly line: number;
  readonly col: number;
  readonly mode: string;
  readonly type: string;
}

export interface TypeLayout {
  readonly name: string;
  readonly size: number;
  readonly align: number;
}

/** Package-level named types with their amd64 layout, sorted by name. */
export function typeLayouts(r: CheckResult, sizes: Sizes = amd64Sizes): TypeLayout[] {
  const out: TypeLayout[] = [];
  for (const [name, obj] of r.pkg.scope.names) {
    if (obj.kind !== 'TypeName' || obj.isAlias) continue;
    const t = unalias(obj.type);
    if (t.kind !== 'Named' || t.typeParams.length > 0) continue;
    out.push({ name, size: sizes.sizeof(t), align: sizes.alignof(t) });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every recorded expression type, printed as go/types' TypeString(RelativeTo(pkg)). */
export function exprFacts(r: CheckResult): ExprFact[] {
  const q = relativeTo(r.pkg);
  const out: ExprFact[] = [];
  for (const [e, tv] of r.info.types) {
    out.push({ line: e.line, col: e.col, mode: tv.mode, type: typeString(tv.type, q) });
  }
  return out.sort((a, b) => a.line - b.line || a.col - b.col || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}
