// Calls (go/types call.go): conversions `T(x)`, builtin calls (builtins.ts), and function
// and method calls with their arguments — a multi-value call spread over the parameters,
// variadic arguments packed into a slice, generic functions instantiated by inference.
// Each call records its dispatch kind (CallInfo): static function, static method,
// interface method, function value, builtin or conversion.

import type * as ast from '../syntax/ast.js';
import type { Checker } from './check.js';
import type { Operand } from './operand.js';
import { exprString, operandString } from './operand.js';
import type { CallInfo, CallKind, Selection } from './info.js';
import type { Builtin, Func } from './objects.js';
import type { Signature, Type } from './types.js';
import { unalias, isUntyped } from './types.js';
import { expr, exprOrType, invalidOperand, rawExpr, singleValue } from './expr.js';
import { conversion } from './conversions.js';
import { assignment } from './assignments.js';
import { builtinCall } from './builtins.js';
import { inferAndInstantiate } from './infer.js';
import { coreType } from './typeset.js';
import { typeString, byName } from './typestring.js';
import { defaultType } from './predicates.js';

export function callExpr(c: Checker, e: ast.CallExpr, hint: Type | null): Operand {
  const bad = invalidOperand(e);
  const f = exprOrType(c, e.fun, true);
  switch (f.mode) {
    case 'invalid':
      for (const a of e.args) rawExpr(c, a, null, false);
      return bad;
    case 'typexpr': {
      const T = f.type;
      setCall(c, e, { kind: 'conversion', callee: null, builtin: null, signature: null, variadicPackFrom: null, variadicElem: null, selection: null, spread: false });
      if (e.args.length !== 1 || e.hasDots) {
        if (e.args.length === 0) c.error(e, `missing argument in conversion to ${typeString(T, byName(c.pkg))}`);
        else if (e.hasDots) c.error(e.args[0]!, `invalid use of ... in conversion to ${typeString(T, byName(c.pkg))}`);
        else c.error(e.args[1]!, `too many arguments in conversion to ${typeString(T, byName(c.pkg))}`);
        for (const a of e.args) expr(c, a);
        return bad;
      }
      const x = expr(c, e.args[0]!, T);
      if (x.mode === 'invalid') return bad;
      return conversion(c, x, T, e);
    }
    case 'builtin':
      setCall(c, e, { kind: 'builtin', callee: null, builtin: f.builtin!, signature: null, variadicPackFrom: null, variadicElem: null, selection: null, spread: false });
      return builtinCall(c, e, f.builtin as Builtin, hint);
    default:
      break;
  }
  const fv = singleValue(c, f);
  if (fv.mode === 'invalid') return bad;
  const core = coreType(fv.type);
  if (!core || core.kind !== 'Signature') {
    c.error(e, `invalid operation: cannot call non-function ${operandString(fv, c.pkg)}`);
    for (const a of e.args) rawExpr(c, a, null, false);
    return bad;
  }
  let sig: Signature = core;
  // Arguments: one call returning several values is spread over the parameters.
  let args: Operand[];
  let spread = false;
  if (e.args.length === 1 && !e.hasDots) {
    const a = rawExpr(c, e.args[0]!, paramHint(sig, 0), false);
    if (a.mode !== 'invalid' && a.mode !== 'typexpr' && a.mode !== 'novalue' && a.type.kind === 'Tuple') {
      spread = true;
      args = a.type.vars.map((v) => ({ mode: 'value' as const, type: v.type, value: null, expr: e.args[0]! }));
    } else {
      args = [singleValue(c, a)];
    }
  } else {
    args = e.args.map((a, i) => expr(c, a, paramHint(sig, i)));
  }
  if (sig.typeParams.length > 0) {
    const inst = inferAndInstantiate(c, e, fv, sig, args);
    if (!inst) return bad;
    sig = inst;
  }
  const packFrom = arguments_(c, e, sig, args, spread);
  const info: CallInfo = {
    kind: callKind(c, e.fun),
    callee: calleeOf(c, e.fun),
    builtin: null,
    signature: sig,
    variadicPackFrom: packFrom,
    variadicElem: packFrom !== null ? variadicElem(sig) : null,
    selection: selectionOf(c, e.fun),
    spread,
  };
  setCall(c, e, info);
  const results = sig.results.vars;
  if (results.length === 0) return { mode: 'novalue', type: sig.results, value: null, expr: e };
  if (results.length === 1) return { mode: 'value', type: results[0]!.type, value: null, expr: e };
  return { mode: 'value', type: sig.results, value: null, expr: e };
}

function setCall(c: Checker, e: ast.CallExpr, info: CallInfo): void {
  c.info.calls.set(e, info);
}

function paramHint(sig: Signature, i: number): Type | null {
  if (sig.typeParams.length > 0) return null;
  const ps = sig.params.vars;
  if (sig.variadic && i >= ps.length - 1) {
    const last = unalias(ps[ps.length - 1]!.type);
    return last.kind === 'Slice' ? last.elem : null;
  }
  return ps[i]?.type ?? null;
}

function variadicElem(sig: Signature): Type | null {
  const ps = sig.params.vars;
  const last = ps[ps.length - 1];
  if (!last) return null;
  const t = unalias(last.type);
  return t.kind === 'Slice' ? t.elem : null;
}

function unparen(e: ast.Expr): ast.Expr {
  while (e.kind === 'ParenExpr') e = e.x;
  return e;
}

function selectionOf(c: Checker, fun: ast.Expr): Selection | null {
  const f = unparen(fun);
  return f.kind === 'SelectorExpr' ? c.info.selections.get(f) ?? null : null;
}

function calleeOf(c: Checker, fun: ast.Expr): Func | null {
  let f = unparen(fun);
  if (f.kind === 'IndexExpr') f = unparen(f.x);
  if (f.kind === 'Name') {
    const o = c.info.uses.get(f);
    return o && o.kind === 'Func' ? o : null;
  }
  if (f.kind === 'SelectorExpr') {
    const s = c.info.selections.get(f);
    if (s) return s.obj.kind === 'Func' && (s.kind === 'method' || s.kind === 'methodExpr') ? (s.obj.origin ?? s.obj) : null;
    const o = c.info.uses.get(f.sel);
    return o && o.kind === 'Func' ? o : null;
  }
  return null;
}

function callKind(c: Checker, fun: ast.Expr): CallKind {
  let f = unparen(fun);
  if (f.kind === 'IndexExpr') f = unparen(f.x);
  if (f.kind === 'Name') {
    const o = c.info.uses.get(f);
    return o && o.kind === 'Func' ? 'func' : 'value';
  }
  if (f.kind === 'SelectorExpr') {
    const s = c.info.selections.get(f);
    if (!s) {
      const o = c.info.uses.get(f.sel);
      return o && o.kind === 'Func' ? 'func' : 'value';
    }
    if (s.kind === 'field') return 'value';
    const m = s.obj as Func;
    if (m.isInterfaceMethod) return s.kind === 'methodExpr' ? 'interface' : 'interface';
    return 'method';
  }
  return 'value';
}

function typesList(c: Checker, ts: readonly Type[], args?: readonly Operand[]): string {
  return '(' + ts.map((t, i) => {
    const a = args?.[i];
    if (a && isUntyped(a.type) && a.mode === 'constant' && /untyped (int|float|rune|complex)/.test((unalias(a.type) as { basic: string }).basic)) return 'number';
    return typeString(t, byName(c.pkg));
  }).join(', ') + ')';
}

/** Checks the arguments against the parameters; returns where variadic packing starts. */
function arguments_(c: Checker, e: ast.CallExpr, sig: Signature, args: Operand[], spread: boolean): number | null {
  const params = sig.params.vars;
  const nargs = args.length;
  const npars = params.length;
  const ctx = `argument to ${exprString(e.fun)}`;
  let packFrom: number | null = null;
  if (args.some((a) => a.mode === 'invalid')) {
    // Still check the valid ones for their types.
  }
  let ok = true;
  if (e.hasDots) {
    if (!sig.variadic) {
      c.error(e, `have (...) in call to non-variadic ${exprString(e.fun)}`.replace('have (...) in call to non-variadic', 'cannot use ... in call to non-variadic'));
      return null;
    }
    if (nargs !== npars) ok = false;
  } else if (sig.variadic) {
    if (nargs < npars - 1) ok = false;
    else packFrom = npars - 1;
  } else if (nargs !== npars) ok = false;
  if (!ok) {
    const have = typesList(c, args.map((a) => a.type), args);
    const want = typesList(c, params.map((p, i) => sig.variadic && i === npars - 1 ? { kind: 'Slice', elem: (unalias(p.type) as { elem: Type }).elem } as Type : p.type));
    const wantStr = sig.variadic ? want.replace(/\[\]([^,)]*)\)$/, '...$1)') : want;
    const tooMany = nargs > npars;
    const at = tooMany && !spread ? args[npars]!.expr : e;
    c.error(at, `${tooMany ? 'too many' : 'not enough'} arguments in call to ${exprString(e.fun)}\n\thave ${have}\n\twant ${wantStr}`);
    return null;
  }
  args.forEach((a, i) => {
    let T: Type;
    let conv: 'argument' | 'variadic' = 'argument';
    if (sig.variadic && !e.hasDots && i >= npars - 1) {
      T = variadicElem(sig)!;
      conv = 'variadic';
    } else {
      T = params[i]!.type;
    }
    if (spread) {
      // Values of a spread call are converted per position; no expression of their own.
      assignment(c, a, T, ctx, conv);
      c.info.implicitConversions.delete(a.expr);
      return;
    }
    assignment(c, a, T, ctx, conv);
  });
  if (packFrom !== null && packFrom >= nargs) packFrom = nargs; // empty pack: nil slice
  return packFrom;
}

export { defaultType };
