// Call-site inlining, interleaved as in inline/interleaved/interleaved.go.
//
// For each function, bottom-up: its call sites (order.ts) are tried in rounds. A call
// inlines when its callee is inlinable, cheap enough for this caller (inlineCostOK: 80, 20
// in a big function, twice that for a closure, 800 for a closure called from one site only)
// and not already being inlined further up the same inline stack (a repeated recursive
// cycle). The calls of each inlined body (the callee's body as CanInline saw it, before its
// own inlining) form the next round, so mid-stack inlining happens as in gc and its lines
// come after the caller's own. Every position inside inlined code prints at the outermost
// call site, as gc's base.FmtPos does.

import type { IrFunc, Pos } from '../ir/ir.js';
import type { Inlinability } from './caninline.js';
import { callSites, type CallFuncExpr } from './order.js';

/** A call site with the inline stack it sits in. */
export interface Site {
  readonly call: CallFuncExpr;
  /** The function whose source the call is written in. */
  readonly lexical: IrFunc;
  /** The callees inlined on the way to this site, outermost first. */
  readonly stack: readonly IrFunc[];
  /** The outermost position (the call site in the function being compiled). */
  readonly pos: Pos;
}

/** One inlined call: what gc prints as `inlining call to F`. */
export interface InlinedCall {
  readonly site: Site;
  readonly callee: IrFunc;
}

export interface FuncInlining {
  readonly fn: IrFunc;
  readonly inlined: readonly InlinedCall[];
  /** In gc's order: each inlined call, and each call refused as a repeated recursive cycle. */
  readonly events: readonly (InlinedCall & { readonly cycle: boolean })[];
  readonly big: boolean;
}

/** How many call sites of the package resolve to each callee (interleaved.go useCounts). */
export function countUses(funcs: readonly IrFunc[], inl: Inlinability): Map<IrFunc, number> {
  const counts = new Map<IrFunc, number>();
  for (const fn of funcs) {
    for (const call of callSites(fn.body ?? [])) {
      const c = inl.resolve(fn, call);
      if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  return counts;
}

export function inlineCalls(fn: IrFunc, inl: Inlinability, uses: ReadonlyMap<IrFunc, number>): FuncInlining {
  const big = inl.isBig(fn);
  const sites: Site[] = callSites(fn.body ?? []).map((call) => ({ call, lexical: fn, stack: [], pos: call.pos }));
  const inlined: InlinedCall[] = [];
  const events: (InlinedCall & { cycle: boolean })[] = [];
  let l0 = 0;
  while (l0 < sites.length) {
    const l1 = sites.length;
    for (let i = l0; i < l1; i++) {
      const site = sites[i]!;
      const callee = inl.callee(site.lexical, site.call);
      if (!callee) continue;
      const info = inl.inlinable(callee);
      if (!info) continue;
      const once = (uses.get(callee) ?? 0) === 1 && callee.outer !== null;
      if (!inl.costOK(callee, info, big, once)) continue;
      if (site.stack.includes(callee)) {
        events.push({ site, callee, cycle: true });
        continue;
      }
      inlined.push({ site, callee });
      events.push({ site, callee, cycle: false });
      const stack = [...site.stack, callee];
      for (const call of callSites(callee.body ?? [])) sites.push({ call, lexical: callee, stack, pos: site.pos });
    }
    l0 = l1;
  }
  return { fn, inlined, events, big };
}
