// Whether a function is inlinable, and at what cost (inline/inl.go CanInline,
// InlineImpossible, inlineBudget, canInlineCallExpr, inlineCostOK).
//
// CanInline runs once per function, bottom-up over the call graph, so that a call to an
// already inlinable callee costs the callee's cost rather than the call cost. A function
// literal is checked when first met as a callee (the visit of its enclosing function), the
// way gc's inlCallee does, which is why its line can print before its parent's.

import type { Expr, IrFunc } from '../ir/ir.js';
import { HairyVisitor, isBigFunc, type CallOracle } from './cost.js';
import { inlCallee, type StaticValues } from './callee.js';
import type { InlineParams } from './params.js';
import { packageOfName } from './dump.js';

/** fn.Inl: what a caller needs to inline fn. */
export interface Inlinable {
  readonly cost: number;
}

/** One `can inline` / `cannot inline` decision, in the order gc prints them. */
export interface CanInlineNote {
  readonly fn: IrFunc;
  readonly cost?: number;
  readonly reason?: string;
}

/** The per-run state of CanInline: decisions made so far. */
export class Inlinability implements CallOracle {
  private readonly decided = new Map<IrFunc, Inlinable | null>();
  private readonly big = new Map<IrFunc, boolean>();
  readonly notes: CanInlineNote[] = [];

  constructor(
    readonly params: InlineParams,
    private readonly sv: StaticValues,
    /** Cross-package callees: their exported inline cost, when inlinable. */
    private readonly external: (fn: IrFunc) => Inlinable | null,
    private readonly intrinsic: (call: Expr & { op: 'CALLFUNC' }) => boolean,
  ) {}

  /** fn.Inl, or null when fn is not inlinable (or not checked yet). */
  inlinable(fn: IrFunc): Inlinable | null {
    if (this.decided.has(fn)) return this.decided.get(fn) ?? null;
    if (!fn.body) return this.external(fn);
    return null;
  }

  /** CanInline: decide fn once, recording the note. */
  check(fn: IrFunc): void {
    if (this.decided.has(fn)) return;
    const reason = inlineImpossible(fn, this.params);
    if (reason) {
      this.decided.set(fn, null);
      this.notes.push({ fn, reason });
      return;
    }
    this.decided.set(fn, null); // InlinabilityChecked: recursion sees no Inl yet
    let budget = this.params.budget;
    if (fn.outer) budget = Math.max(budget, this.params.closureCalledOnceCost);
    const v = new HairyVisitor(fn, this.params, this, this.isBig(fn), budget);
    const res = v.run();
    if (!res.ok) {
      this.notes.push({ fn, reason: res.reason });
      return;
    }
    this.decided.set(fn, { cost: res.cost });
    this.notes.push({ fn, cost: res.cost });
  }

  /** IsBigFunc, once per function. */
  isBig(fn: IrFunc): boolean {
    let v = this.big.get(fn);
    if (v === undefined) this.big.set(fn, (v = isBigFunc(fn, this.params)));
    return v;
  }

  /** ir.StaticValue of an expression of fn. */
  staticValue(fn: IrFunc, e: Expr): Expr {
    return this.sv.staticValue(fn, e);
  }

  /** The callee a call resolves to, without checking closures (InlineCallTarget). */
  resolve(caller: IrFunc, call: Expr & { op: 'CALLFUNC' }, compiled?: IrFunc): IrFunc | null {
    return inlCallee(caller, call.fun, this.sv, compiled);
  }

  /** The callee a call resolves to for inlining; closures are checked on the way. */
  callee(caller: IrFunc, call: Expr & { op: 'CALLFUNC' }, compiled?: IrFunc): IrFunc | null {
    const c = inlCallee(caller, call.fun, this.sv, compiled);
    if (c && c.outer && c.body) this.check(c);
    return c;
  }

  inlinedCallCost(caller: IrFunc, call: Expr & { op: 'CALLFUNC' }, bigCaller: boolean): number | null {
    const callee = this.callee(caller, call);
    if (!callee) return null;
    const inl = this.inlinable(callee);
    if (!inl) return null;
    return this.costOK(callee, inl, bigCaller, false) ? inl.cost : null;
  }

  isIntrinsic(call: Expr & { op: 'CALLFUNC' }): boolean {
    return this.intrinsic(call);
  }

  /** inlineCostOK: whether a callee of this cost inlines at a call site. */
  costOK(callee: IrFunc, inl: Inlinable, bigCaller: boolean, closureCalledOnce: boolean): boolean {
    let maxCost = bigCaller ? this.params.bigFunctionMaxCost : this.params.budget;
    if (callee.outer) {
      maxCost *= 2;
      if (closureCalledOnce) maxCost = Math.max(maxCost, this.params.closureCalledOnceCost);
    }
    return inl.cost <= maxCost;
  }
}

/**
 * Whether the build's instrumentation keeps a call of `callee` (an IrFunc name or a std
 * key, `pkg.F`, `pkg.T.M`, `pkg.(*T).M`; `pkgPath` when known) from inlining, whatever it
 * costs: inlineCallCheck's reflect rule and canInlineCallExpr's package rules, all silent
 * at -m.
 */
export function instrumentationForbids(callee: string, pkgPath: string | undefined, params: InlineParams): boolean {
  if (!params.race && !params.checkptr) return false;
  if (params.checkptr && (callee === 'reflect.Value.UnsafeAddr' || callee === 'reflect.Value.Pointer')) return true;
  const pkg = pkgPath ?? packageOfName(callee);
  if (params.race && (params.noInstrumentPackages.has(pkg) || params.noRaceFuncPackages.has(pkg))) return true;
  return params.checkptr && params.runtimePackages.has(pkg);
}

/** InlineImpossible: reasons that hold whatever the body costs. */
export function inlineImpossible(fn: IrFunc, params: InlineParams): string {
  const p = fn.pragmas;
  if (p.noinline) return 'marked go:noinline';
  if (params.race && p.norace) return 'marked go:norace with -race compilation';
  if (params.checkptr && p.nocheckptr) return 'marked go:nocheckptr';
  if (p.uintptrkeepalive) return 'marked as having a keep-alive uintptr argument';
  if (p.uintptrescapes) return 'marked as having an escaping uintptr argument';
  if (!fn.body) return 'no function body';
  return '';
}
