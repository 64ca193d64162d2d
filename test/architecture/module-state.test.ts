// No module under src/ keeps mutable state: everything a run needs lives in objects the run
// creates (the AnalysisContext, a lowering's PkgCtx, an escape run's Batch), so two runs in
// one process — two packages, two edits in the server — never see each other's state.
// Checked on the syntax of every source file with TypeScript's own parser:
//   - no top-level `let` or `var`;
//   - no top-level `const` holding a Map, Set, WeakMap, WeakSet or array unless its type says
//     it is read-only (ReadonlyMap, ReadonlySet, readonly T[]) or it is frozen;
//   - no object literal at top level unless `as const`, frozen, or typed Readonly<...>/with
//     only readonly members by its annotation;
//   - no `static` class property that is not readonly.
// A value computed once and never changed is made with util/once.ts.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const src = join(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const mutableCollections = /^(Map|Set|WeakMap|WeakSet|Array)$/;

function readOnlyType(t: ts.TypeNode | undefined): boolean {
  if (!t) return false;
  const text = t.getText();
  return /^(Readonly|ReadonlyMap|ReadonlySet|ReadonlyArray)\b|^readonly /.test(text);
}

function frozenOrConst(e: ts.Expression): boolean {
  if (ts.isAsExpression(e) && e.type.getText() === 'const') return true;
  if (ts.isSatisfiesExpression(e)) return frozenOrConst(e.expression);
  return ts.isCallExpression(e) && /^Object\.freeze$|^freeze$/.test(e.expression.getText());
}

export function moduleStateViolations(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const where = (n: ts.Node) => `${relative(src, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) {
      const flags = st.declarationList.flags;
      const isConst = (flags & ts.NodeFlags.Const) !== 0;
      for (const d of st.declarationList.declarations) {
        const name = d.name.getText();
        if (!isConst) {
          out.push(`${where(d)}: module-level \`${flags & ts.NodeFlags.Let ? 'let' : 'var'} ${name}\``);
          continue;
        }
        const init = d.initializer;
        if (!init || readOnlyType(d.type) || frozenOrConst(init)) continue;
        if (ts.isNewExpression(init) && mutableCollections.test(init.expression.getText())) {
          out.push(`${where(d)}: module-level mutable ${init.expression.getText()} \`${name}\``);
        } else if (ts.isArrayLiteralExpression(init)) {
          out.push(`${where(d)}: module-level mutable array \`${name}\` (type it readonly)`);
        } else if (ts.isObjectLiteralExpression(init) && !d.type) {
          out.push(`${where(d)}: module-level object \`${name}\` (make it \`as const\` or type it Readonly)`);
        }
      }
    } else if (ts.isClassDeclaration(st)) {
      for (const m of st.members) {
        const mods = ts.canHaveModifiers(m) ? (ts.getModifiers(m) ?? []) : [];
        const isStatic = mods.some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
        const isReadonly = mods.some((x) => x.kind === ts.SyntaxKind.ReadonlyKeyword);
        if (ts.isPropertyDeclaration(m) && isStatic && !isReadonly) out.push(`${where(m)}: static mutable \`${m.name.getText()}\``);
      }
    }
  }
  return out;
}

describe('module state', () => {
  it('no source file under src/ declares mutable state at module level', () => {
    const found = sources(src).flatMap((f) => moduleStateViolations(f, readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the check finds each kind of module state', () => {
    const bad = [
      'let counter = 0;',
      'var x = 1;',
      'const cache = new Map<string, number>();',
      'const seen = new WeakMap<object, number>();',
      'const list: number[] = [];',
      'const stats = { solved: 0 };',
      'class C { static count = 0; }',
    ].join('\n');
    expect(moduleStateViolations(join(src, 'x.ts'), bad)).toHaveLength(7);
    const good = [
      'const table: ReadonlyMap<string, number> = new Map([["a", 1]]);',
      'const names: readonly string[] = ["a"];',
      'const opts = { a: 1 } as const;',
      'const frozen = Object.freeze({ a: 1 });',
      'const typed: Readonly<{ a: number }> = { a: 1 };',
      'function f() { let local = 0; return local; }',
      'class C { static readonly K = 1; }',
    ].join('\n');
    expect(moduleStateViolations(join(src, 'x.ts'), good)).toEqual([]);
  });
});
