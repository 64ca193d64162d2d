// Assignments → flows: the hole an assignment target stands for, and the bookkeeping of
// reassigned variables that decides closure capture by value.
// Follows $GOROOT/src/cmd/compile/internal/escape/assign.go.

import type { Expr, IrName, Stmt } from '../ir/ir.js';
import type { Escape } from './batch.js';
import { isName, type Hole, type IrNode } from './graph.js';
import { discard, expr, isReflectHeaderDataField, unsafeValue } from './expr.js';
import { isSelfAssign } from './utils.js';
import { shortName } from './batch.js';
import { InternalError } from '../errors.js';

/** The hole for storing into the addressable expression n (escape.addr). */
export function addr(e: Escape, n: Expr | null): Hole {
  const b = e.b;
  if (!n || n.op === 'BLANK' || (n.op === 'NAME' && n.name.blank)) return b.discardHole();
  switch (n.op) {
    case 'NAME':
      if (n.name.class === 'global' || n.name.class === 'func') return b.heapHole();
      return b.oldLoc(n.name).asHole();
    case 'DOT':
      return addr(e, n.x);
    case 'INDEX':
      discard(e, n.index);
      if (n.x.type.kind === 'array') return addr(e, n.x);
      mutate(e, n.x);
      return b.heapHole();
    case 'DEREF': case 'DOTPTR':
      mutate(e, n.x);
      return b.heapHole();
    case 'INDEXMAP':
      discard(e, n.x);
      assignHeap(e, n.index, 'key of map put', n);
      return b.heapHole();
    case 'CONVNOP':
      return addr(e, n.x);
    default:
      // Only addressable expressions are assigned to (escape/assign.go: "unexpected addr").
      throw new InternalError(`unexpected addr: ${n.op} at ${n.pos.line}:${n.pos.col}`);
  }
}

export function addrs(e: Escape, ns: readonly (Expr | null)[]): Hole[] {
  return ns.map((n) => addr(e, n));
}

export function mutate(e: Escape, n: Expr): void {
  expr(e, e.b.mutatorHole(), n);
}

export function assignHeap(e: Escape, src: Expr, why: string, where: IrNode): void {
  expr(e, e.note(e.b.heapHole(), where, why), src);
}

/** dsts... = srcs... (escape.assignList). */
export function assignList(
  e: Escape,
  dsts: readonly (Expr | null)[],
  srcs: readonly (Expr | null)[],
  why: string,
  where: Stmt,
): void {
  const ks = addrs(e, dsts);
  ks.forEach((k0, i) => {
    let k = k0;
    const src = srcs[i] ?? null;
    const dst = dsts[i];
    // Storing a uintptr into a reflect header's Data field stores a pointer.
    if (dst && src && dst.op === 'DOTPTR' && isReflectHeaderDataField(dst)) {
      unsafeValue(e, e.note(e.b.heapHole(), where, why), src);
      return;
    }
    if (dst && src && isSelfAssign(dst, src)) {
      if (e.b.m !== 0) {
        e.b.say(e.file, where.pos, `${shortName(e.curfn)} ignoring self-assignment in ${e.b.opts.fmt.node(where)}`, 'other', e.curfn);
      }
      k = e.b.discardHole();
    }
    expr(e, e.note(k, where, why), src);
  });
  reassigned(e, ks, where);
}

/**
 * Marks the assigned locations as reassigned, unless `where` is the declaring assignment
 * (or the zero-value initialisation of a `var x T`).
 */
export function reassigned(e: Escape, ks: readonly Hole[], where: Stmt): void {
  if (where.op === 'AS' && !where.y && where.x.op === 'NAME' && !definedBy(where.x.name, null, e)) return;
  for (const k of ks) {
    const loc = k.dst;
    const n = loc.n;
    if (isName(n) && where.op !== 'RANGE' && !(where.op === 'AS' && where.loopvar === 'copy') && definedBy(n, where, e)) continue;
    loc.reassigned = true;
  }
}

/** Whether stmt (or, when stmt is null, any statement) declares-and-assigns n (Name.Defn). */
function definedBy(n: IrName, stmt: Stmt | null, e: Escape): boolean {
  const d = e.b.defnOf(n);
  return stmt === null ? d !== undefined : d === stmt;
}
