// Assignments (go/types assignments.go): a value assigned to a typed target (variable,
// parameter, result, field, element, map key or value, channel element) is checked for
// assignability; untyped values take the target's type (or their default type); and a
// non-interface value assigned to an interface type is recorded as an implicit conversion,
// which gc's IR makes explicit (OCONVIFACE) and escape analysis must see.

import type * as ast from '../syntax/ast.js';
import type { Checker } from './check.js';
import type { Operand } from './operand.js';
import { exprString, operandString } from './operand.js';
import type { ConversionContext } from './info.js';
import type { Var } from './objects.js';
import type { Type } from './types.js';
import { isUntyped, under, isTypeParam, newTuple, unalias } from './types.js';
import { universeTypes } from './universe.js';
import { implicitType, setUntypedResult } from './conversions.js';
import { assignableTo, defaultType, identical } from './predicates.js';
import { implementsIface, implementsCause } from './implements.js';
import { expr, rawExpr, singleValue, ident } from './expr.js';
import { typeString, byName } from './typestring.js';
import { instantiateForTarget, isGenericFunc } from './infer.js';

const invalid: Type = universeTypes.invalid;

function isNonTypeParamInterface(t: Type): boolean {
  return !isTypeParam(t) && under(t).kind === 'Interface';
}

/**
 * Checks that x can be assigned to a target of type T (null: infer from x) in `context`
 * (the words gc uses: "assignment", "argument to f", "return statement", ...).
 */
export function assignment(c: Checker, x: Operand, T: Type | null, context: string, conv: ConversionContext = 'assign'): boolean {
  if (x.mode === 'invalid') return false;
  if (['novalue', 'builtin', 'typexpr'].includes(x.mode)) {
    singleValue(c, x);
    x.mode = 'invalid';
    return false;
  }
  if (isUntyped(x.type)) {
    let target = T;
    if (T === null || isNonTypeParamInterface(T)) {
      if (T === null && x.mode === 'nilvalue') {
        c.error(x.expr, `use of untyped nil in ${context}`);
        x.mode = 'invalid';
        return false;
      }
      target = defaultType(x.type);
    }
    const r = implicitType(c, x, target!);
    if (r.code !== 0) {
      let msg = `cannot use ${operandString(x, c.pkg)} as ${typeString(target!, byName(c.pkg))} value in ${context}`;
      if (T && isNonTypeParamInterface(T)) msg = `cannot use ${operandString(x, c.pkg)} as ${typeString(T, byName(c.pkg))} value in ${context}`;
      if (r.code === 'truncated') msg += ' (truncated)';
      else if (r.code === 'overflows') msg += ' (overflows)';
      c.error(x.expr, msg);
      x.mode = 'invalid';
      return false;
    }
    setUntypedResult(c, x, r.type, r.value);
  }
  if (T === null) {
    // `g := id`: no func type to infer id's type arguments from.
    if (isGenericFunc(x.type)) {
      c.error(x.expr, `cannot use generic function ${exprString(x.expr)} without instantiation`);
      x.mode = 'invalid';
      return false;
    }
    return true;
  }
  if (T === invalid || x.type === invalid) return false;
  if (x.mode === 'nilvalue' || (unalias(x.type).kind === 'Basic' && (unalias(x.type) as { basic: string }).basic === 'untyped nil')) {
    if (!assignableTo(x.type, T, implementsIface)) {
      c.error(x.expr, `cannot use nil as ${typeString(T, byName(c.pkg))} value in ${context}`);
      x.mode = 'invalid';
      return false;
    }
    return true;
  }
  if (isGenericFunc(x.type) && !isGenericFunc(T)) {
    const inst = instantiateForTarget(c, x, T);
    if (!inst) {
      x.mode = 'invalid';
      return false;
    }
    x.type = inst;
  }
  if (!assignableTo(x.type, T, implementsIface)) {
    let cause = '';
    if (isNonTypeParamInterface(T)) cause = implementsCause(x.type, T, c.pkg);
    c.error(x.expr, `cannot use ${operandString(x, c.pkg)} as ${typeString(T, byName(c.pkg))} value in ${context}${cause ? ': ' + cause : ''}`);
    x.mode = 'invalid';
    return false;
  }
  // As gc's writer (noder/writer.go implicitConvExpr): a value assigned to an interface of
  // another type is converted, an interface too (error → any is an OCONVIFACE, whose
  // `interface-converted` step -m=2 prints).
  if (isNonTypeParamInterface(T) && (!isNonTypeParamInterface(x.type) || !identical(x.type, T))) {
    c.info.implicitConversions.set(x.expr, { target: T, context: conv });
  }
  return true;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function returnsString(rhs: readonly ast.Expr[], nvals: number): string {
  const r = rhs[0];
  if (rhs.length === 1 && r && r.kind === 'CallExpr') return `${exprString(r.fun)} returns ${plural(nvals, 'value')}`;
  return plural(nvals, 'value');
}

/** One assignment target: a variable being declared (type inferred when null) or an existing one. */
interface Target {
  readonly type: Type | null;
  /** Set for a newly declared variable: receives the inferred type. */
  readonly declare: Var | null;
}

/**
 * Assigns rhs to targets: n:n, or n:1 with a multi-value call or comma-ok expression.
 * Reports `assignment mismatch` in gc's words.
 */
function assignTargets(c: Checker, targets: Target[], rhs: readonly ast.Expr[], context: string, conv: ConversionContext, pos: ast.Pos): void {
  const setInvalid = () => {
    for (const t of targets) if (t.declare && t.declare.type === invalid) t.declare.type = invalid;
  };
  if (targets.length === rhs.length) {
    targets.forEach((t, i) => {
      const x = expr(c, rhs[i]!, t.type);
      assignment(c, x, t.type, context, conv);
      if (t.declare && t.type === null) t.declare.type = x.mode === 'invalid' ? invalid : x.type;
    });
    return;
  }
  if (rhs.length === 1) {
    const e = rhs[0]!;
    const x = rawExpr(c, e, null, false);
    if (x.mode === 'invalid') {
      setInvalid();
      return;
    }
    if (x.type.kind === 'Tuple' && x.mode !== 'typexpr') {
      const vars = x.type.vars;
      if (vars.length === targets.length) {
        targets.forEach((t, i) => {
          const v: Operand = { mode: 'value', type: vars[i]!.type, value: null, expr: e };
          // Conversions of single results of a multi-value call are not keyed by expression.
          assignment(c, v, t.type, context, conv);
          c.info.implicitConversions.delete(e);
          if (t.declare && t.type === null) t.declare.type = v.type;
        });
        return;
      }
      c.error(pos, `assignment mismatch: ${plural(targets.length, 'variable')} but ${returnsString(rhs, vars.length)}`);
      setInvalid();
      return;
    }
    if (targets.length === 2 && (x.mode === 'commaok' || x.mode === 'mapindex')) {
      const first: Operand = { ...x, mode: 'value' };
      assignment(c, first, targets[0]!.type, context, conv);
      if (targets[0]!.declare && targets[0]!.type === null) targets[0]!.declare.type = first.type;
      const okT = targets[1]!.type ?? universeTypes.bool;
      const second: Operand = { mode: 'value', type: universeTypes.untypedBool, value: null, expr: e };
      if (targets[1]!.type) {
        if (!assignableTo(universeTypes.untypedBool, targets[1]!.type, implementsIface)) {
          c.error(e, `cannot use ${exprString(e)} (untyped bool value) as ${typeString(targets[1]!.type, byName(c.pkg))} value in ${context}`);
        }
      }
      if (targets[1]!.declare && targets[1]!.type === null) targets[1]!.declare.type = universeTypes.bool;
      void second;
      const okType = under(okT).kind === 'Basic' ? okT : universeTypes.bool;
      const tuple = newTuple([
        tupleVar(c, first.type), tupleVar(c, isNonTypeParamInterface(okType) ? universeTypes.bool : okType),
      ]);
      for (let p: ast.Expr = e; ; p = (p as ast.ParenExpr).x) {
        c.recordType(p, x.mode, tuple, null);
        if (p.kind !== 'ParenExpr') break;
      }
      return;
    }
    const v = singleValue(c, x);
    if (v.mode === 'invalid') {
      setInvalid();
      return;
    }
  } else {
    for (const r of rhs) expr(c, r);
  }
  c.error(rhs.length > 0 ? (rhs[0]!.kind === 'CallExpr' && rhs.length === 1 ? rhs[0]! : pos) : pos,
    `assignment mismatch: ${plural(targets.length, 'variable')} but ${returnsString(rhs, rhs.length)}`);
  setInvalid();
}

function tupleVar(c: Checker, t: Type): Var {
  return { kind: 'Var', name: '', pos: null, file: c.file, pkg: c.pkg, type: t, parent: null, varKind: 'result', embedded: false, origin: null, used: true };
}

/** `var a, b T = x, y` and `var a, b = f()` (package level and local). */
export function initVars(c: Checker, lhs: Var[], values: readonly ast.Expr[], T: Type | null, decl: ast.VarDecl): void {
  const targets: Target[] = lhs.map((v) => ({ type: T, declare: v }));
  assignTargets(c, targets, values, 'variable declaration', 'assign', decl.names[0] ?? decl);
}

/** `x, y = a, b`: targets are existing addressable operands, map index expressions or `_`. */
export function assignVars(c: Checker, s: ast.AssignStmt): void {
  const targets: Target[] = s.lhs.map((l) => ({ type: lhsType(c, l), declare: null }));
  assignTargets(c, targets, s.rhs, 'assignment', 'assign', s);
}

/** The type of an assignment target; null for `_` (which accepts anything). */
export function lhsType(c: Checker, e: ast.Expr): Type | null {
  if (e.kind === 'Name' && e.value === '_') {
    c.recordDef(e, null);
    return null;
  }
  let x: Operand;
  if (e.kind === 'Name') {
    // Assigning to a variable does not count as using it.
    x = ident(c, e, false, false);
    x.expr = e;
    if (x.mode !== 'invalid') c.recordType(e, x.mode, x.type, null);
  } else {
    x = expr(c, e);
  }
  if (x.mode === 'invalid') return invalid;
  if (x.mode !== 'variable' && x.mode !== 'mapindex') {
    let inner = e;
    while (inner.kind === 'ParenExpr') inner = inner.x;
    if (inner.kind === 'SelectorExpr') {
      const sel = c.info.selections.get(inner);
      if (sel && sel.kind === 'field' && x.mode === 'value') {
        c.error(e, `cannot assign to struct field ${exprString(e)} in map`);
        return invalid;
      }
    }
    c.error(e, `cannot assign to ${operandString(x, c.pkg)} (neither addressable nor a map index expression)`);
    return invalid;
  }
  return x.type;
}

/** `a, b := x, y`: declares the new names (at least one), assigns to the others. */
export function shortVarDecl(c: Checker, s: ast.AssignStmt): void {
  const targets: Target[] = [];
  const newVars: { name: ast.Name; v: Var }[] = [];
  const seen = new Set<string>();
  let bad = false;
  for (const l of s.lhs) {
    if (l.kind !== 'Name') {
      expr(c, l);
      c.error(l, `non-name ${exprString(l)} on left side of :=`);
      bad = true;
      targets.push({ type: null, declare: null });
      continue;
    }
    if (l.value !== '_' && seen.has(l.value)) {
      c.error(l, `${l.value} repeated on left side of :=`);
      bad = true;
    }
    seen.add(l.value);
    const existing = l.value !== '_' ? c.scope.lookup(l.value) : undefined;
    if (existing && existing.kind === 'Var') {
      c.recordUse(l, existing);
      c.recordType(l, 'variable', existing.type, null);
      targets.push({ type: existing.type, declare: null });
      continue;
    }
    const v: Var = {
      kind: 'Var', name: l.value, pos: l, file: c.file, pkg: c.pkg, type: invalid, parent: null, varKind: 'local',
      embedded: false, origin: null, used: false,
    };
    newVars.push({ name: l, v });
    targets.push({ type: null, declare: v });
  }
  assignTargets(c, targets, s.rhs, 'assignment', 'define', s);
  if (!bad && newVars.every((n) => n.name.value === '_')) c.error(s, 'no new variables on left side of :=');
  for (const { name, v } of newVars) {
    c.declare(c.scope, name, v);
    if (name.value !== '_') c.localVars.push(v);
  }
}
