// Agreement between goesc's checker and go/types (scripts/gotypes-check output): for each
// file, expression types are compared as multisets per gc position (several expressions
// can share one, e.g. `f` and `f(x)`... at different columns, but `(x)` and a type at the
// same place), layouts by type name. The denominators are go/types' facts.

import type { ExprFact, TypeLayout } from './describe.js';

export interface GoTypesFile {
  readonly file: string;
  readonly errors: readonly string[];
  readonly exprs: readonly { line: number; col: number; kind: string; mode: string; type: string }[];
  readonly types: readonly TypeLayout[];
}

export interface FileAgreement {
  readonly file: string;
  readonly exprs: number;
  readonly exprsAgree: number;
  readonly layouts: number;
  readonly layoutsAgree: number;
  /** Up to a few disagreements, for the report: `line:col want X got Y`. */
  readonly exprMismatches: string[];
  readonly layoutMismatches: string[];
}

export function compareFile(file: string, want: GoTypesFile, gotExprs: readonly ExprFact[], gotTypes: readonly TypeLayout[]): FileAgreement {
  const got = new Map<string, string[]>();
  for (const e of gotExprs) {
    const k = `${e.line}:${e.col}`;
    let l = got.get(k);
    if (!l) got.set(k, (l = []));
    l.push(e.type);
  }
  let exprsAgree = 0;
  const exprMismatches: string[] = [];
  for (const w of want.exprs) {
    const k = `${w.line}:${w.col}`;
    const l = got.get(k);
    const i = l ? l.indexOf(w.type) : -1;
    if (l && i >= 0) {
      l.splice(i, 1);
      exprsAgree++;
    } else if (exprMismatches.length < 2000) {
      exprMismatches.push(`${file}:${k} ${w.kind} want ${w.type} got ${l && l.length ? l.join(' | ') : '(none)'}`);
    }
  }
  let layoutsAgree = 0;
  const layoutMismatches: string[] = [];
  for (const w of want.types) {
    const g = gotTypes.find((t) => t.name === w.name);
    if (g && g.size === w.size && g.align === w.align) layoutsAgree++;
    else layoutMismatches.push(`${file}: ${w.name} want ${w.size}/${w.align} got ${g ? `${g.size}/${g.align}` : '(none)'}`);
  }
  return {
    file, exprs: want.exprs.length, exprsAgree, layouts: want.types.length, layoutsAgree, exprMismatches, layoutMismatches,
  };
}
