// Which function a call statically targets, for inlining (inline/inl.go inlCallee).
//
// The callee expression is first followed through ir.StaticValue (never-reassigned locals
// and no-op conversions), then: a function name is that function; a method expression is
// its method when the receiver types agree; a function literal is that closure, unless it
// captures variables and is written in a function other than the caller (the inliner does
// not inline across closure frames).

import type { Expr, IrFunc, IrName } from '../ir/ir.js';
import { walkStmts } from '../ir/walk.js';
import { ReassignOracle } from '../escape/staticvalue.js';
import { rootFunc } from '../ir/dump.js';

/** Per-run cache of reassignment oracles (one per outermost function). */
export class StaticValues {
  private readonly oracles = new Map<IrFunc, ReassignOracle>();
  private readonly temps = new Map<IrFunc, Map<IrName, Expr | null>>();

  staticValue(fn: IrFunc, e: Expr): Expr {
    const root = rootFunc(fn);
    let o = this.oracles.get(root);
    if (!o) {
      o = new ReassignOracle(root);
      this.oracles.set(root, o);
    }
    for (let guard = 0; guard < 100; guard++) {
      e = o.staticValue(e);
      // Compiler temporaries (range-over-func's iterator) have a Defn in gc though the
      // lowering declares them apart: their one assignment is their value.
      if (e.op !== 'NAME' || !e.name.autotmp) return e;
      const v = this.tempValues(root).get(e.name);
      if (!v) return e;
      e = v;
    }
    return e;
  }

  /** The value of each compiler temporary assigned exactly once (null: more than once). */
  private tempValues(root: IrFunc): Map<IrName, Expr | null> {
    let m = this.temps.get(root);
    if (m) return m;
    m = new Map();
    const values = m;
    walkStmts(root.body ?? [], (n) => {
      if (n.op === 'AS' && n.x.op === 'NAME' && n.x.name.autotmp && n.y) {
        values.set(n.x.name, values.has(n.x.name) ? null : n.y);
      } else if (n.op === 'ADDR' && n.x.op === 'NAME' && n.x.name.autotmp) values.set(n.x.name, null);
    }, true);
    this.temps.set(root, m);
    return m;
  }
}

/**
 * `compiled`: the function being compiled, when the call is in a body inlined into it
 * (default `caller`, the function the call is written in). A literal capturing variables
 * is inlined where it is written, and into the function that declares it from the inlined
 * body of another of its literals (`addSpace := func(){...}; addWord := func(){ addSpace() }`:
 * gc's caller is the function being compiled, its CurFunc).
 */
export function inlCallee(caller: IrFunc, fun: Expr, sv: StaticValues, compiled: IrFunc = caller): IrFunc | null {
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
      // gc refuses a literal whose first captured variable, as its enclosing function sees
      // it (ClosureVars[0].Outer), is not the caller's: one capturing anything is inlined only
      // into the function it is written in.
      const c = v.func;
      if (c.closureVars.length > 0 && c.outer !== caller && c.outer !== compiled) return null;
      return c;
    }
    default:
      return null;
  }
}
