// Devirtualization exposed by inlining: gc's interleaved pass (inline/interleaved) calls
// devirtualize.StaticCall on every call site each time it looks at it, with a State that
// learns each inlined body (State.InlinedCall). An interface call whose receiver's concrete
// type only becomes known once some call is inlined (`h := newHash(); h.Sum()`, or `s.M()`
// inside an inlined `func f(s I)` called with a concrete value) becomes a static call, which
// may then inline in turn.
//
// The inliner here does not rewrite the IR as it goes (inline.ts decides, substitute.ts builds
// the inlined program afterwards), so this module answers StaticCall's question about the
// program as it would be: the concrete type of an interface expression written in a frame,
// where a frame is one inlined call (or null: the function being compiled itself). A
// variable of a frame is the callee's variable copied for that call (its parameters and
// results become locals of the caller, as gc's inlvars and retvars are PAUTO).
//
// The analysis is devirtualize.go concreteType: through interface conversions, type
// assertions and inlined calls (to their single result variable) down to a local variable
// never address-taken, whose every assignment (nil ones ignored) gives one same concrete
// type. Assignments are gathered per frame: the statements of the function (its closures
// included, as gc's analyze walks OCLOSURE), and for each inlined call its parameters from
// the call's arguments (in the calling frame), its body, and its results from each `return`.
// An assignment from a call stays a reference to that call: once the call is inlined it
// means the callee's result variable (gc rewrites such assignments to the ReturnVars),
// otherwise the call's result type (unknown when that is an interface).

import type { CallInter, Devirtualizer, Expr, IrFunc, IrName, IrType, Stmt } from '../ir/ir.js';
import { forEachChild, type Node } from '../ir/walk.js';
import { rootFunc } from '../ir/dump.js';
import { sameConcreteType } from '../ir/lower/devirtualize.js';
import type { InlinedCall } from './inline.js';
import type { CallFuncExpr, CallInterExpr } from './order.js';

/** An inlined call whose body the expression sits in, or null for the compiled function. */
export type Frame = InlinedCall | null;


/** What a variable is assigned: a concrete type, null (some interface value), or an expression. */
type Assignment =
  | IrType
  | null
  | { readonly frame: Frame; readonly x: Expr }
  | { readonly frame: Frame; readonly call: Expr; readonly index: number };

const noType: IrType = {
  kind: 'untyped', size: 0, align: 1, hasPointers: false, directIface: false, text: '<no type>',
};

/** The devirtualization state of one compiled function (devirtualize.go State). */
export class DevirtState {
  /** Assignments to interface-typed locals, per frame; null until first asked (analyzedFuncs). */
  private store: Map<Frame, Map<IrName, Assignment[]>> | null = null;
  private readonly frames: InlinedCall[] = [];
  private readonly root: IrFunc;
  /** The static call each devirtualized interface call became, per frame. */
  readonly devirtualized = new Map<Frame, Map<CallInterExpr, Expr>>();

  constructor(
    fn: IrFunc,
    private readonly devirtualizer: Devirtualizer,
    /** The calls inlined so far, by frame. */
    private readonly inlinedAt: ReadonlyMap<Frame, ReadonlyMap<CallFuncExpr, InlinedCall>>,
  ) {
    this.root = rootFunc(fn);
  }

  /** State.InlinedCall: a call was inlined; its body's assignments join the state. */
  inlined(c: InlinedCall): void {
    if (typeof c.callee === 'string') return;
    this.frames.push(c);
    if (this.store) this.analyzeFrame(c);
  }

  /**
   * StaticCall: the call `call`, written in `frame`, as a static (or partially devirtualized)
   * call with gc's line for it, or null when its receiver's concrete type is not known.
   */
  staticCall(frame: Frame, call: CallInterExpr): { call: Expr; message: string } | null {
    const typ = this.concreteType(frame, call.fun.x);
    if (!typ) return null;
    const r = this.devirtualizer.staticCall(call as CallInter, typ);
    if (!r) return null;
    let m = this.devirtualized.get(frame);
    if (!m) this.devirtualized.set(frame, (m = new Map()));
    m.set(call, r.call);
    return r;
  }

  // ─────────────────────────── concrete types (concreteType1)

  private concreteType(frame: Frame, x: Expr): IrType | null {
    const t = this.concreteType1(frame, x, new Map());
    return t === noType || t?.kind === 'interface' ? null : t;
  }

  private concreteType1(frame: Frame, n: Expr, seen: Map<Frame, Set<IrName>>): IrType | null {
    let name: IrName | null = null;
    for (;;) {
      if (n.type.kind !== 'interface') return n.type;
      if (n.op === 'CONVNOP' || n.op === 'CONVIFACE' || n.op === 'DOTTYPE' || n.op === 'DOTTYPE2') {
        n = n.x;
        continue;
      }
      if (n.op === 'CALLFUNC' || n.op === 'CALLINTER') {
        // An inlined call is its single result variable (InlinedCallExpr.SingleResult).
        const c = this.inlinedCall(frame, n);
        if (c && typeof c.callee !== 'string' && c.callee.results.length === 1) {
          frame = c;
          name = c.callee.results[0]!;
        }
      } else if (n.op === 'NAME') name = n.name;
      break;
    }
    if (!name) return null;
    const key = this.frameOf(frame, name);
    if (key === undefined || name.addrtaken) return null;
    let s = seen.get(key);
    if (!s) seen.set(key, (s = new Set()));
    if (s.has(name)) return noType;
    s.add(name);
    let typ: IrType | null = null;
    for (const a of this.assignments(key, name)) {
      let t: IrType | null;
      if (a === null) return null;
      if (isType(a)) t = a;
      else if ('x' in a) {
        t = this.concreteType1(a.frame, a.x, seen);
        if (t === noType) continue;
      } else {
        const c = this.inlinedCall(a.frame, a.call);
        if (c && typeof c.callee !== 'string' && c.callee.results[a.index]) {
          t = this.concreteType1(c, nameExpr(c.callee.results[a.index]!), seen);
          if (t === noType) continue;
        } else {
          t = callResultType(a.call, a.index);
          if (t?.kind === 'interface') return null;
        }
      }
      if (t === null) return null;
      if (typ !== null && !sameConcreteType(typ, t)) return null;
      typ = t;
    }
    return typ ?? noType;
  }

  /** The inlined call a call expression of `frame` became (through its devirtualization). */
  private inlinedCall(frame: Frame, call: Expr): InlinedCall | null {
    let c: Expr | undefined = call;
    if (c.op === 'CALLINTER') c = this.devirtualized.get(frame)?.get(c);
    if (!c || c.op !== 'CALLFUNC') return null;
    return this.inlinedAt.get(frame)?.get(c) ?? null;
  }

  /**
   * The frame whose copy of `name` an expression of `frame` means, when that copy is a local
   * of the compiled function (PAUTO); undefined otherwise. A variable of a callee belongs to
   * the nearest enclosing inlined call of that callee; a variable of the compiled function
   * (or of a function literal in it, captured) to frame null.
   */
  private frameOf(frame: Frame, name: IrName): Frame | undefined {
    if (!name.curfn) return undefined;
    for (let f = frame; f; f = f.site.parent) {
      if (f.callee === name.curfn) return name.class === 'auto' || name.class === 'param' || name.class === 'result' ? f : undefined;
    }
    if (name.class !== 'auto') return undefined;
    for (let o: IrFunc | null = name.curfn; o; o = o.outer) if (o === this.root) return null;
    return undefined;
  }

  private assignments(frame: Frame, name: IrName): readonly Assignment[] {
    if (!this.store) {
      this.store = new Map();
      this.analyze(null, this.root.body ?? [], null);
      for (const c of this.frames) this.analyzeFrame(c);
    }
    return this.store.get(frame)?.get(name) ?? [];
  }

  // ─────────────────────────── assignments (State.analyze)

  private analyzeFrame(c: InlinedCall): void {
    const callee = c.callee as IrFunc;
    const call = c.site.call;
    const params = [...(callee.recv ? [callee.recv] : []), ...callee.params];
    if (call && call.args.length === params.length) {
      params.forEach((p, i) => this.assign(c, p, { frame: c.site.parent, x: call.args[i]! }));
    }
    this.analyze(c, callee.body ?? [], callee);
  }

  /** Records `name = a` for a variable named in `frame`, when it is an interface-typed local. */
  private assign(frame: Frame, name: IrName | null, a: Assignment): void {
    if (!name || name.blank || name.type.kind !== 'interface') return;
    const key = this.frameOf(frame, name);
    if (key === undefined) return;
    if (a !== null && isType(a) && a.kind === 'interface') a = null;
    if (a !== null && !isType(a) && 'x' in a && a.x.op === 'NIL') return;
    let m = this.store!.get(key);
    if (!m) this.store!.set(key, (m = new Map()));
    let list = m.get(name);
    if (!list) m.set(name, (list = []));
    list.push(a);
  }

  /**
   * The assignments of a body written in `frame`; `callee` (for an inlined call) makes each
   * of its own `return`s an assignment to its results. Function literals are entered.
   */
  private analyze(frame: Frame, body: readonly Stmt[], callee: IrFunc | null): void {
    const target = (x: Expr | null | undefined): IrName | null => (x && x.op === 'NAME' ? x.name : null);
    const value = (x: Expr): Assignment => ({ frame, x });
    const result = (call: Expr, index: number): Assignment => ({ frame, call, index });
    const visit = (n: Node, inClosure: boolean): void => {
      switch (n.op) {
        case 'AS':
          if (n.y) this.assign(frame, target(n.x), isCall(n.y) ? result(n.y, 0) : value(n.y));
          break;
        case 'AS2':
          n.lhs.forEach((x, i) => {
            const r = n.rhs[i];
            if (r) this.assign(frame, target(x), value(r));
          });
          break;
        case 'AS2DOTTYPE':
          if (n.rhs[0]) this.assign(frame, target(n.lhs[0]), value(n.rhs[0]));
          break;
        case 'AS2MAPR':
        case 'AS2RECV':
        case 'SELRECV2':
          this.assign(frame, target(n.lhs[0]), n.rhs[0]?.type ?? null);
          break;
        case 'AS2FUNC': {
          const r = n.rhs[0];
          if (r) n.lhs.forEach((x, i) => this.assign(frame, target(x), result(r, i)));
          break;
        }
        case 'RANGE': {
          let xt = n.x.type;
          if (xt.kind === 'ptr' && xt.elem?.kind === 'array') xt = xt.elem;
          if (xt.kind === 'array' || xt.kind === 'slice') this.assign(frame, target(n.value), xt.elem ?? null);
          else if (xt.kind === 'chan') this.assign(frame, target(n.key), xt.elem ?? null);
          else if (xt.kind === 'map') {
            this.assign(frame, target(n.key), xt.key ?? null);
            this.assign(frame, target(n.value), xt.elem ?? null);
          } else {
            this.assign(frame, target(n.key), null);
            this.assign(frame, target(n.value), null);
          }
          break;
        }
        case 'TYPESWITCH':
          for (const c of n.cases) if (c.var) this.assign(frame, c.var, value(n.x));
          break;
        case 'RETURN':
          if (callee && !inClosure && n.results.length > 0) {
            const rs = callee.results;
            if (n.results.length === rs.length) rs.forEach((r, i) => this.assign(frame, r, value(n.results[i]!)));
            else if (n.results.length === 1) rs.forEach((r, i) => this.assign(frame, r, result(n.results[0]!, i)));
          }
          break;
        case 'CLOSURE':
          for (const s of n.func.body ?? []) visit(s, true);
          break;
        default:
          break;
      }
      forEachChild(n, (c) => visit(c, inClosure));
    };
    for (const s of body) visit(s, false);
  }
}

function isType(a: NonNullable<Assignment>): a is IrType {
  return !('frame' in a);
}

function isCall(e: Expr): boolean {
  return e.op === 'CALLFUNC' || e.op === 'CALLINTER';
}

function nameExpr(name: IrName): Expr {
  return { op: 'NAME', name, type: name.type, pos: name.pos };
}

/** The type of a call's index-th result. */
function callResultType(call: Expr, index: number): IrType | null {
  const fun = call.op === 'CALLFUNC' || call.op === 'CALLINTER' ? call.fun : null;
  return fun?.type.results?.[index] ?? (index === 0 ? call.type : null);
}
