// Which function a call statically targets, for inlining (inline/inl.go inlCallee).
//
// The callee expression is first followed through ir.StaticValue (never-reassigned locals
// and no-op conversions), then: a function name is that function; a method expression is
// its method when the receiver types agree; a function literal is that closure, unless it
// captures variables of a function other than the caller (the inliner does not inline
// across closure frames).

import type { Expr, IrFunc } from '../ir/ir.js';
import { ReassignOracle, rootFunc } from '../escape/staticvalue.js';

/** Per-run cache of reassignment oracles (one per outermost function). */
export class StaticValues {
  private readonly oracles = new Map<IrFunc, ReassignOracle>();

  staticValue(fn: IrFunc, e: Expr): Expr {
    const root = rootFunc(fn);
    let o = this.oracles.get(root);
    if (!o) {
      o = new ReassignOracle(root);
      this.oracles.set(root, o);
    }
    return o.staticValue(e);
  }
}

export function inlCallee(caller: IrFunc, fun: Expr, sv: StaticValues): IrFunc | null {
  const v = sv.staticValue(caller, fun);
  switch (v.op) {
    case 'METHEXPR': {
      const m = v.method;
      if (!m || !m.recv) return null;
      return m.recv.type.text === v.recvType.text ? m : null;
    }
    case 'NAME':
      return v.name.class === 'func' ? (v.name.func ?? null) : null;
    case 'CLOSURE': {
      const c = v.func;
      const first = c.closureVars[0];
      if (first && first.curfn !== caller) return null;
      return c;
    }
    default:
      return null;
  }
}
