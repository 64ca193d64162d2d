// Static devirtualization of interface method calls, which gc runs before escape
// analysis even under -l (interleaved pass): when the concrete type behind an interface
// value is known, `x.M()` becomes a static call `T.M(x.(T))`, so escape analysis sees the
// callee's parameter tags instead of assuming the worst.
//
// Follows $GOROOT/src/cmd/compile/internal/devirtualize/devirtualize.go (Go 1.26, with
// go126ImprovedConcreteTypeAnalysis): the concrete type of an interface operand is found
// by looking through conversions and type assertions to a local (PAUTO) variable that is
// never address-taken and all of whose assignments in its function (closures included)
// give one same concrete type; nil assignments are ignored. Calls in go/defer statements
// are left alone. gc prints `devirtualizing x.M to T` (or `partially devirtualizing` when
// the method comes from an embedded interface) under -m; those lines are returned as notes.
//
// Runs on the freshly lowered IR, before `lower` returns it: the CALLINTER nodes are
// rewritten in place (nothing else holds them yet).

import type { Func, Signature, Type } from '../../types/index.js';
import { lookupFieldOrMethod, under } from '../../types/index.js';
import { missingMethod } from '../../types/implements.js';
import type { CallFunc, CallInter, Devirtualizer, Expr, IrFunc, IrName, IrType, Stmt } from '../ir.js';
import type { FrontEndNote } from '../ir.js';
import { formatExpr } from '../fmt.js';
import { stmtBodies } from '../walk.js';
import { allFuncs, rootFunc } from '../dump.js';
import type { Mutable, PkgCtx } from './context.js';
import type { FnLowerer } from './expr.js';

export type { FrontEndNote } from '../ir.js';

export interface PendingCall {
  readonly call: CallInter;
  readonly fn: IrFunc;
}

/** What a variable is assigned: a node, a concrete type, or null for "some interface value". */
type Assignment = Expr | IrType | null;

const noType: IrType = {
  kind: 'untyped', size: 0, align: 1, hasPointers: false, directIface: false, text: '<no type>',
};

/**
 * `lowered`: the package's functions. Only the trees (a function and its closures) of the
 * top-level functions whose locals receive some call are walked for assignments: a local is
 * assigned only in its own function (a closure assigns a variable it captures through a
 * name of its own). A cold run over eleven modules walked every function for them.
 */
export function devirtualize(pkg: PkgCtx, l: FnLowerer, lowered: readonly IrFunc[], calls: readonly PendingCall[]): FrontEndNote[] {
  const notes: FrontEndNote[] = [];
  const tops = new Set<IrFunc>();
  let everywhere = false;
  for (const { call } of calls) {
    const local = receiverLocal(call.fun.x);
    if (local?.curfn) tops.add(rootFunc(local.curfn));
    else if (local) everywhere = true;
  }
  const assignments =
    tops.size === 0 && !everywhere ? new Map<IrName, Assignment[]>() : collectAssignments(allFuncs(everywhere ? lowered : [...tops]));
  for (const { call, fn } of calls) {
    const typ = concreteType(call.fun.x, assignments);
    if (!typ) continue;
    const r = staticCall(pkg, l, call, typ);
    if (!r) continue;
    notes.push({ file: fn.file, pos: call.pos, func: fn.name, message: r.message });
    // Nothing else holds the freshly lowered call yet: it is rewritten in place.
    const mutable = call as Mutable<CallInter> & Record<string, unknown>;
    for (const k of Object.keys(mutable)) if (!(k in r.call)) delete mutable[k];
    Object.assign(mutable, r.call);
  }
  return notes;
}

/** A devirtualized call: the new call and gc's -m line for it. */
export interface StaticCallResult {
  readonly call: CallFunc | CallInter;
  readonly message: string;
}

/**
 * The inliner's devirtualizer (IrPackage.devirtualizer): devirtualize.go StaticCall for an
 * interface call whose receiver's concrete type became known after inlining. Only the calls
 * lowering left pending qualify (go/defer calls were taken out), and only when the concrete
 * type implements the receiver's interface. Returns a new node; the IR is not touched.
 */
export function makeDevirtualizer(pkg: PkgCtx, l: FnLowerer): Devirtualizer {
  let eligible = new Set<CallInter>();
  let seen = -1;
  return {
    staticCall(call: CallInter, typ: IrType): StaticCallResult | null {
      if (seen !== pkg.interfaceCalls.length) {
        eligible = new Set(pkg.interfaceCalls.map((c) => c.call));
        seen = pkg.interfaceCalls.length;
      }
      if (!eligible.has(call) || call.op !== 'CALLINTER') return null;
      const ifaceSrc = call.fun.x.type.source as Type | undefined;
      const src = sourceType(typ);
      if (!ifaceSrc || !src || missingMethod(src, ifaceSrc)) return null;
      // Lowering is over: a method that would need a generic instance built now is left alone.
      const before = pkg.instances.all().length;
      const r = staticCall(pkg, l, call, typ);
      return pkg.instances.all().length === before ? r : null;
    },
  };
}

/**
 * StaticCall's rewrite of `x.M(args)` once x's concrete type typ is known: `T.M(x.(T), args)`
 * (receiver adjusted by the embedding path and by & or * for the method's receiver), or
 * `x.(T).E.M(args)` when M comes from an embedded interface (partial devirtualization).
 */
function staticCall(pkg: PkgCtx, l: FnLowerer, call: CallInter, typ: IrType): StaticCallResult | null {
  const sel = call.fun;
  if (typ.kind === 'typeparam' || typ.kind === 'interface') return null;
  const src = sourceType(typ);
  if (!src) return null;
  const found = lookupFieldOrMethod(src, false, pkg.pkg, sel.sel);
  if (!found.obj || found.obj.kind !== 'Func' || found.needsAddr) return null;
  const method = found.obj as Func;
  const dt: Expr = { op: 'DOTTYPE', x: sel.x, type: typ, pos: call.pos };
  let recv: Expr = dt;
  for (const step of found.path) {
    const t = pkg.irType(step.field.type);
    recv = recv.type.kind === 'ptr'
      ? { op: 'DOTPTR', x: recv, field: step.field.name, type: t, pos: sel.pos }
      : { op: 'DOT', x: recv, field: step.field.name, type: t, pos: sel.pos };
  }
  if (method.isInterfaceMethod || recv.type.kind === 'interface') {
    const partial: CallInter = { ...call, fun: { ...sel, x: recv } };
    return { call: partial, message: `partially devirtualizing ${formatExpr(sel)} to ${typ.text}` };
  }
  const sig = method.type.kind === 'Signature' ? (method.type as Signature) : null;
  const recvType = sig?.recv ? pkg.irType(sig.recv.type) : recv.type;
  const wantPtr = sig?.recv ? under(sig.recv.type).kind === 'Pointer' : false;
  if (wantPtr && recv.type.kind !== 'ptr') {
    recv = { op: 'ADDR', x: recv, implicit: true, type: pkg.types.ptrTo(recv.type), pos: sel.pos };
  } else if (!wantPtr && recv.type.kind === 'ptr') {
    recv = { op: 'DEREF', x: recv, implicit: true, type: recvType, pos: sel.pos };
  }
  const direct: CallFunc = {
    ...(call.init ? { init: call.init } : {}),
    ...(call.isDDD ? { isDDD: call.isDDD } : {}),
    op: 'CALLFUNC', type: call.type, pos: call.pos,
    devirtualized: { fun: sel, args: call.args, message: `devirtualizing ${formatExpr(sel)} to ${typ.text}` },
    // A method of a generic type's instance is its wrapper (`(*gen[string]).show`).
    fun: {
      op: 'METHEXPR', method: genericWrapper(l, method) ?? l.irFunc(method), sel: method.name, recvType,
      type: sel.type, pos: sel.pos,
    } as Expr,
    args: [recv, ...call.args],
  };
  return { call: direct, message: direct.devirtualized!.message! };
}

// ───────────────────────────── concrete types (devirtualize.go concreteType1)

function concreteType(x: Expr, assignments: Map<IrName, Assignment[]>): IrType | null {
  const t = concreteType1(x, assignments, new Set());
  return t === noType ? null : t;
}

/** The interface operand's conversions and assertions looked through: a concrete type, or the node under them. */
function underConversions(n: Expr): Expr {
  while (n.type.kind === 'interface' && (n.op === 'CONVNOP' || n.op === 'CONVIFACE' || n.op === 'DOTTYPE' || n.op === 'DOTTYPE2')) n = n.x;
  return n;
}

/** The local variable whose assignments decide the operand's concrete type, if any. */
function receiverLocal(x: Expr): IrName | null {
  const n = underConversions(x);
  if (n.type.kind !== 'interface' || n.op !== 'NAME') return null;
  const name = n.name;
  return name.class === 'auto' && !name.addrtaken ? name : null;
}

function concreteType1(x: Expr, assignments: Map<IrName, Assignment[]>, seen: Set<IrName>): IrType | null {
  const n = underConversions(x);
  if (n.type.kind !== 'interface') return n.type;
  if (n.op !== 'NAME') return null;
  const name = n.name;
  if (name.class !== 'auto' || name.addrtaken) return null;
  if (seen.has(name)) return noType;
  seen.add(name);
  let typ: IrType | null = null;
  for (const a of assignments.get(name) ?? []) {
    let t: IrType | null;
    if (a === null) return null;
    if (isType(a)) t = a;
    else {
      t = concreteType1(a, assignments, seen);
      if (t === noType) continue;
    }
    if (t === null) return null;
    if (typ !== null && !sameConcreteType(typ, t)) return null;
    typ = t;
  }
  return typ ?? noType;
}

function isType(a: Expr | IrType): a is IrType {
  return !('op' in a);
}

/** devirtualize.go State.analyze: every assignment to an interface-typed local. */
function collectAssignments(funcs: readonly IrFunc[]): Map<IrName, Assignment[]> {
  const out = new Map<IrName, Assignment[]>();
  const assign = (lhs: Expr | null, a: Assignment): void => {
    if (!lhs || lhs.op !== 'NAME') return;
    const n = lhs.name;
    if (n.type.kind !== 'interface' || n.class !== 'auto' || n.blank) return;
    if (a !== null && isType(a) && a.kind === 'interface') a = null;
    if (a !== null && !isType(a) && a.op === 'NIL') return;
    let list = out.get(n);
    if (!list) out.set(n, (list = []));
    list.push(a);
  };
  const callResult = (e: Expr, i: number): IrType | null => {
    const results = (e.op === 'CALLFUNC' || e.op === 'CALLINTER') ? e.fun.type.results : undefined;
    return results?.[i] ?? (i === 0 ? e.type : null);
  };
  const stmt = (s: Stmt): void => {
    for (const i of s.init ?? []) stmt(i);
    switch (s.op) {
      case 'AS':
        if (s.y) {
          if (s.y.op === 'CALLFUNC' || s.y.op === 'CALLINTER') assign(s.x, callResult(s.y, 0));
          else assign(s.x, s.y);
        }
        break;
      case 'AS2':
        s.lhs.forEach((x, i) => {
          const r = s.rhs[i];
          if (r) assign(x, r);
        });
        break;
      case 'AS2DOTTYPE':
        assign(s.lhs[0] ?? null, s.rhs[0] ?? null);
        assign(s.lhs[1] ?? null, null);
        break;
      case 'AS2MAPR':
      case 'AS2RECV':
      case 'SELRECV2':
        assign(s.lhs[0] ?? null, s.rhs[0]?.type ?? null);
        assign(s.lhs[1] ?? null, null);
        break;
      case 'AS2FUNC': {
        const r = s.rhs[0];
        if (r) s.lhs.forEach((x, i) => assign(x, callResult(r, i)));
        break;
      }
      case 'RANGE': {
        let xt = s.x.type;
        if (xt.kind === 'ptr' && xt.elem?.kind === 'array') xt = xt.elem;
        if (xt.kind === 'array' || xt.kind === 'slice') {
          assign(s.key, null);
          assign(s.value, xt.elem ?? null);
        } else if (xt.kind === 'chan') assign(s.key, xt.elem ?? null);
        else if (xt.kind === 'map') {
          assign(s.key, xt.key ?? null);
          assign(s.value, xt.elem ?? null);
        } else {
          assign(s.key, null);
          assign(s.value, null);
        }
        break;
      }
      case 'TYPESWITCH':
        for (const c of s.cases) {
          if (c.var) assign({ op: 'NAME', name: c.var, type: c.var.type, pos: c.pos }, s.x);
        }
        break;
      default:
        break;
    }
    for (const b of stmtBodies(s)) b.forEach(stmt);
  };
  for (const f of funcs) for (const s of f.body ?? []) stmt(s);
  return out;
}


/**
 * devirtualize.go compares the concrete types of the assignments by identity: a named type
 * is one type, and gc makes one type of each pointer, slice, ... of it, but each unnamed
 * struct type written out is a type of its own (`struct{ T }{}` twice gives two).
 */
export function sameConcreteType(a: IrType, b: IrType): boolean {
  if (a === b) return true;
  if (a.text !== b.text) return false;
  if (a.elem && b.elem && a.kind === b.kind && a.kind !== 'struct') return sameConcreteType(a.elem, b.elem);
  const sa = a.source as { kind?: string } | undefined;
  const sb = b.source as { kind?: string } | undefined;
  return !(sa?.kind === 'Struct' && sb?.kind === 'Struct' && sa !== sb);
}

/** The checker's type behind an IrType; a pointer made by the lowering (`&x`) has none of its own. */
function sourceType(t: IrType): Type | undefined {
  if (t.source) return t.source as Type;
  if (t.kind !== 'ptr' || !t.elem) return undefined;
  const elem = sourceType(t.elem);
  return elem ? { kind: 'Pointer', elem } : undefined;
}

function genericWrapper(l: FnLowerer, method: Func): IrFunc | null {
  const inst = l.genericMethod(method);
  return inst ? (inst.wrapper ?? inst.shaped).fn : null;
}
