// Dead locals, between the inliner and escape analysis (deadlocals/deadlocals.go, run by
// gc.Main after inlining, with -l too): an assignment of an effect-free value (a name,
// constant, nil or function literal) to a local that is never read is discarded. After
// inlining, `f := func() {...}; f()` leaves f unread, so the literal disappears and escape
// analysis reports nothing for it; without inlining, `p, _ := v.(*int)` assigns its ok
// temporary to a discarded blank, which -m=2 then prints `p, _ := (*int)(.autotmp_3), 0`.
//
// A package copy the inliner built (substitute.ts) is edited in place; a package someone
// else holds (the prepared IR, solved again for each what-if) is copied first, and only
// when it has something to discard.

import type { Expr, IrFunc, IrName, IrPackage, Stmt } from '../ir/ir.js';
import { allFuncs, rootFunc } from '../ir/dump.js';
import { childVisitor, type Node as Visitable } from '../ir/walk.js';
import { copyPackage } from './substitute.js';

interface PendingDef {
  /** The statement and, for a multi-assignment, which pair. */
  readonly stmt: Stmt;
  readonly index: number;
  readonly rhs: Expr;
}

function hasEffects(e: Expr): boolean {
  if (e.init && e.init.length > 0) return true;
  return !(e.op === 'NAME' || e.op === 'LITERAL' || e.op === 'NIL' || e.op === 'CLOSURE');
}

function isLocal(n: IrName, blankIsNotUse: boolean): boolean {
  if (n.blank || n.sym === '_') return blankIsNotUse;
  return n.class === 'auto' || n.class === 'param';
}

/** The package escape analysis sees: `pkg` without its dead assignments; `owned`: pkg may be edited. */
export function withoutDeadLocals(pkg: IrPackage, owned: boolean): IrPackage {
  return withoutDeadLocalsListed(pkg, owned).pkg;
}

/**
 * withoutDeadLocals, with allFuncs of the package it returns when no function literal was
 * discarded (it walked them all, and they are still the package's), so a later walk of
 * every function (boundsNotes) need not find them again; else null.
 */
export function withoutDeadLocalsListed(pkg: IrPackage, owned: boolean): { readonly pkg: IrPackage; readonly funcs: readonly IrFunc[] | null } {
  if (!owned) {
    let any = false;
    const funcs = allFuncs(pkg.funcs);
    for (const fn of funcs) if (!fn.outer) deadLocals(fn, () => (any = true));
    if (!any) return { pkg, funcs };
    pkg = copyPackage(pkg);
  }
  const funcs = allFuncs(pkg.funcs);
  // A discarded value is effect-free (hasEffects): a name, constant or nil, which reach no
  // function, or a function literal, whose function (and those nested in it) may then be
  // reached no more: only then is the list made again (by the caller).
  let literalDiscarded = false;
  for (const fn of funcs) {
    if (!fn.outer) {
      deadLocals(fn, (d) => {
        if (d.rhs.op === 'CLOSURE') literalDiscarded = true;
        discard(d);
      });
    }
  }
  const out = withOrphanLiterals(pkg);
  return { pkg: out, funcs: literalDiscarded || out !== pkg ? null : funcs };
}

/**
 * The inlined function literals capturing nothing that no literal in the program names any
 * more become functions of their own (IrPackage.inlinedLiterals), after all the others: by
 * enclosing top-level function, last first, and within one in source order (as go1.26
 * orders them).
 */
function withOrphanLiterals(pkg: IrPackage): IrPackage {
  const literals = pkg.inlinedLiterals;
  if (!literals?.length) return pkg;
  const reached = new Set(allFuncs(pkg.funcs));
  const orphans = new Set(literals.filter((f) => !reached.has(f)));
  if (orphans.size === 0) return pkg;
  const order: IrFunc[] = [];
  for (const root of [...pkg.funcs].reverse()) {
    const own = [...orphans].filter((o) => rootFunc(o) === root);
    order.push(...own.sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col));
  }
  return { ...pkg, funcs: [...pkg.funcs, ...order] };
}

function deadLocals(fn: IrFunc, onDead: (d: PendingDef) => void): void {
  const defs = new Map<IrName, PendingDef[] | null>();
  const blankName = { kind: 'Name', sym: '_', blank: true } as unknown as IrName;
  const visit = (n: Visitable): void => {
    switch (n.op) {
      case 'CLOSURE':
        for (const s of n.init ?? []) visit(s);
        for (const cv of n.func.closureVars) use(cv);
        for (const s of n.func.body ?? []) visit(s);
        return;
      case 'DCL':
        return;
      case 'NAME':
        // An inlined call's result: its body is the name's init.
        for (const s of n.init ?? []) visit(s);
        use(n.name);
        return;
      // gc's visitor never looks into an OAS's or OAS2's own init.
      case 'AS':
        assign(n, 0, n.x, n.y, false);
        return;
      case 'AS2': {
        // An inlined call's assignment is gc's OAS2FUNC: visited whole, its names all uses.
        if (n.inlinedCall) break;
        const hasNonBlank = n.lhs.some((l) => l.op !== 'BLANK' && !(l.op === 'NAME' && (l.name.blank || l.name.sym === '_')));
        n.lhs.forEach((l, i) => assign(n, i, l, n.rhs[i] ?? null, hasNonBlank));
        return;
      }
    }
    children(n);
  };
  const children = childVisitor(visit);
  const use = (name: IrName): void => {
    if (!isLocal(name, false)) return;
    const pending = defs.get(name);
    // Used before: nothing pending (most uses of a local are not its first).
    if (pending === null) return;
    defs.set(name, null);
    for (const d of pending ?? []) visit(d.rhs);
  };
  const assign = (stmt: Stmt, index: number, lhs: Expr, rhs: Expr | null, blankIsNotUse: boolean): void => {
    // `_` is ir.BlankNode, one name for all blanks, never used.
    const name = lhs.op === 'NAME' ? lhs.name : lhs.op === 'BLANK' ? blankName : null;
    if (!name) {
      visit(lhs);
      if (rhs) visit(rhs);
      return;
    }
    if (rhs && isLocal(name, blankIsNotUse) && !hasEffects(rhs)) {
      const s = defs.get(name);
      if (s !== null) {
        defs.set(name, [...(s ?? []), { stmt, index, rhs }]);
        return;
      }
    }
    if (rhs) visit(rhs);
  };
  for (const s of fn.body ?? []) visit(s);
  for (const [, pending] of defs) {
    for (const d of pending ?? []) onDead(d);
  }
}

/** `x = v` becomes `_ = 0`: nothing left for escape analysis to see. */
function discard(d: PendingDef): void {
  const s = d.stmt as { op: string; x?: Expr; y?: Expr | null; lhs?: Expr[]; rhs?: Expr[]; defs?: IrName[] };
  const blank = (e: Expr): Expr => ({ op: 'BLANK', pos: e.pos, type: e.type });
  const zero = (e: Expr): Expr => ({ op: 'LITERAL', value: { kind: 'int', value: 0n }, text: '0', pos: e.pos, type: e.type });
  if (s.op === 'AS' && s.x) {
    s.x = blank(s.x);
    if (s.y) s.y = zero(s.y);
    delete s.defs;
  } else if (s.lhs && s.rhs) {
    const l = s.lhs[d.index]!;
    const r = s.rhs[d.index]!;
    s.lhs = s.lhs.map((x, i) => (i === d.index ? blank(l) : x));
    s.rhs = s.rhs.map((x, i) => (i === d.index ? zero(r) : x));
  }
}
