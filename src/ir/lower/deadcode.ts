// The dead code gc's front end never writes (noder/writer.go): statements after one that
// terminates a block (return, goto, panic, an if whose live branches all terminate) up to
// the last label, and the branch of an `if` (or the body of a `for`) whose condition
// staticBool proves constant. staticBool also sees through `&&` / `||` with a constant
// operand, which is how `if debug && x {` disappears when `const debug = false`. Nothing
// dropped here reaches the escape analysis or the allocation prediction, as in gc.

import type * as ast from '../../syntax/ast.js';
import type { Info } from '../../types/index.js';
import { unparen } from './expr.js';

/** +1 always true, -1 always false, 0 unknown; `cond` is the condition gc keeps. */
export interface StaticBool {
  readonly sign: -1 | 0 | 1;
  readonly cond: ast.Expr;
}

function isConstant(info: Info, e: ast.Expr): boolean {
  return info.types.get(e)?.mode === 'constant';
}

/** writer.go staticBool, including its quirk: `!x` answers what x answers. */
export function staticBool(info: Info, e: ast.Expr): StaticBool {
  const tv = info.types.get(e);
  if (tv?.mode === 'constant' && tv.value?.kind === 'bool') return { sign: tv.value.value ? 1 : -1, cond: e };
  if (e.kind === 'UnaryExpr' && e.op === '!') return { sign: staticBool(info, e.x).sign, cond: e };
  if (e.kind === 'BinaryExpr' && (e.op === '&&' || e.op === '||')) {
    const decisive = e.op === '&&' ? -1 : 1;
    const x = staticBool(info, e.x);
    if (x.sign === decisive) return x;
    const y = staticBool(info, e.y);
    // gc also rewrites operands in place (`true && b && c` keeps `b && c`); we keep such
    // an expression whole, which evaluates the same flows, rather than build untyped nodes.
    if (x.sign === -decisive || y.sign === decisive) return { sign: y.sign, cond: isConstant(info, e.x) ? y.cond : e };
    return { sign: 0, cond: e };
  }
  return { sign: 0, cond: e };
}

function isPanic(info: Info, e: ast.Expr): boolean {
  const call = unparen(e);
  if (call.kind !== 'CallExpr') return false;
  const f = unparen(call.fun);
  if (f.kind !== 'Name') return false;
  const obj = info.uses.get(f);
  return obj?.kind === 'Builtin' && obj.id === 'panic';
}

function lastNonEmpty(stmts: readonly ast.Stmt[]): ast.Stmt | null {
  for (let i = stmts.length - 1; i >= 0; i--) if (stmts[i]!.kind !== 'EmptyStmt') return stmts[i]!;
  return null;
}

/** writer.go terminates: whether normal control flow cannot continue after s. */
export function terminates(info: Info, s: ast.Stmt | null): boolean {
  if (!s) return false;
  switch (s.kind) {
    case 'BranchStmt':
      return s.tok === 'goto';
    case 'ReturnStmt':
      return true;
    case 'ExprStmt':
      return isPanic(info, s.x);
    case 'IfStmt': {
      const c = staticBool(info, s.cond).sign;
      return (c < 0 || terminates(info, s.then)) && (c > 0 || terminates(info, s.else));
    }
    case 'BlockStmt':
      return terminates(info, lastNonEmpty(s.stmts));
    default:
      return false;
  }
}

/** The statements of a block gc writes: none after a terminating one, but labels and after. */
export function liveStatements(info: Info, stmts: readonly ast.Stmt[]): ast.Stmt[] {
  let lastLabel = -1;
  stmts.forEach((s, i) => {
    if (s.kind === 'LabeledStmt') lastLabel = i;
  });
  const out: ast.Stmt[] = [];
  let dead = false;
  stmts.forEach((s, i) => {
    if (dead && i > lastLabel && s.kind !== 'LabeledStmt') return;
    out.push(s);
    dead = terminates(info, s);
  });
  return out;
}
