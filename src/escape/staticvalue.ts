// Which locals hold one value forever, and what that value is: gc's ReassignOracle
// ($GOROOT/src/cmd/compile/internal/ir/reassignment.go) and StaticValue.
// A local counts as single-definition when it has a defining statement, its address is never
// taken, and no other statement (in its function or any nested closure) assigns it or a part
// of it. Escape analysis uses this to see through `f := func(){...}; f()` to a static callee,
// and to treat `n := 10; make([]int, n)` as a constant-size make.
// Since go1.27 the oracle also lists every simple assignment to a func-typed local
// (FuncAssignments), so that a call through `f := drop; if c { f = peek }; f(&y)` can be
// resolved to its several static callees (escape/call.go resolveAssignedCallees).

import type { Assign, Expr, IrFunc, IrName, Stmt } from '../ir/ir.js';
import { walkStmts } from '../ir/walk.js';

/** The statement that defines a name (`defs`), and the value it gives it. */
interface Definition {
  readonly stmt: Stmt | null;
  readonly rhs: Expr | null;
}

export class ReassignOracle {
  private readonly single = new Map<IrName, Definition>();
  /**
   * ir.ReassignOracle.funcAssigns (go1.27): for each func-typed local, never address-taken,
   * declared bare (`var f func()`) or by a single `f := v`, every `f = v` assignment with a
   * non-nil v, in walk order (the defining one included). A local assigned any other way
   * (tuple assignment, range, op-assignment) is dropped. Assignments inside closures count:
   * the only other value the variable can hold is nil, whose call panics.
   */
  private readonly funcAssigns = new Map<IrName, Assign[]>();

  constructor(fn: IrFunc) {
    const params = fn.recv ? [fn.recv, ...fn.params] : fn.params;
    for (const p of params) if (!p.blank) this.single.set(p, { stmt: null, rhs: null });
    const body = fn.body ?? [];
    walkStmts(
      body,
      (n) => {
        // Every statement that can define names (AS, AS2*, SELRECV2, RANGE) carries `defs`.
        if ('defs' in n && n.defs) {
          for (const d of n.defs) {
            if (d.class !== 'auto' || d.addrtaken) continue;
            this.single.set(d, { stmt: n, rhs: definingValue(n, d) });
            // gc's Defn is nil for a bare `var f T` (an AS without value here) and an OAS
            // for `f := v`; only those two forms are tracked.
            if (n.op === 'AS' && d.type.kind === 'func') this.funcAssigns.set(d, []);
          }
        }
      },
      true,
    );
    const prune = (target: Expr | null, asn: Stmt) => {
      const name = outerName(target);
      if (!name) return;
      const assigns = this.funcAssigns.get(name);
      if (assigns) {
        if (asn.op !== 'AS') this.funcAssigns.delete(name);
        else if (asn.y !== null && !isNil(asn.y)) assigns.push(asn);
      }
      const def = this.single.get(name);
      if (!def) return;
      if (name.class === 'param' || (name.class === 'auto' && asn !== def.stmt)) this.single.delete(name);
    };
    walkStmts(
      body,
      (n) => {
        switch (n.op) {
          case 'AS': case 'ASOP': prune(n.x, n); break;
          case 'AS2': case 'AS2FUNC': case 'AS2MAPR': case 'AS2DOTTYPE': case 'AS2RECV': case 'SELRECV2':
            for (const l of n.lhs) prune(l, n);
            break;
          case 'RANGE': prune(n.key, n); prune(n.value, n); break;
          case 'ADDR': {
            const name = outerName(n.x);
            if (name) {
              this.single.delete(name);
              this.funcAssigns.delete(name);
            }
            break;
          }
          default: break;
        }
      },
      true,
    );
  }

  /** Whether n may be assigned after its definition. */
  reassigned(n: IrName): boolean {
    return !this.single.has(n);
  }

  /**
   * ir.ReassignOracle.FuncAssignments: the non-nil simple assignments to a func-typed local,
   * or null when it is not tracked (not func-typed, address taken, assigned another way).
   */
  funcAssignments(n: IrName): readonly Assign[] | null {
    return this.funcAssigns.get(n) ?? null;
  }

  /** Follows never-reassigned locals and no-op conversions to the expression n stands for. */
  staticValue(n: Expr): Expr {
    for (let guard = 0; guard < 1000; guard++) {
      if (n.op === 'CONVNOP') {
        n = n.x;
        continue;
      }
      if (n.op !== 'NAME' || n.name.class !== 'auto') return n;
      const def = this.single.get(n.name);
      if (!def || !def.stmt || !def.rhs) return n;
      if (def.stmt.op !== 'AS' && def.stmt.op !== 'AS2') return n;
      n = def.rhs;
    }
    return n;
  }
}

/** ir.isNilAssign's test: nil, through no-op conversions. */
function isNil(x: Expr): boolean {
  while (x.op === 'CONVNOP') x = x.x;
  return x.op === 'NIL';
}

function definingValue(stmt: Stmt, d: IrName): Expr | null {
  if (stmt.op === 'AS') return stmt.y;
  if (stmt.op === 'AS2') {
    const i = stmt.lhs.findIndex((l) => l.op === 'NAME' && l.name === d);
    return i >= 0 ? stmt.rhs[i] ?? null : null;
  }
  return null;
}

/** ir.OuterValue: the variable an assignment to x writes into (through fields and arrays). */
export function outerName(x: Expr | null): IrName | null {
  while (x) {
    if (x.op === 'NAME') return x.name;
    if (x.op === 'DOT') x = x.x;
    else if (x.op === 'INDEX' && x.x.type.kind === 'array') x = x.x;
    else if (x.op === 'CONVNOP') x = x.x;
    else return null;
  }
  return null;
}
