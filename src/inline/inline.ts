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
//
// A std callee has no body here: its inline facts (std.ts) give its cost and the calls gc
// inlines inside it, which become the next round's sites ("virtual" sites, with no IR).

import type { IrFunc, Pos } from '../ir/ir.js';
import type { Inlinability } from './caninline.js';
import { callSites, type CallFuncExpr } from './order.js';
import type { StdInlineFacts } from './std.js';

/** A callee: a function of this package (or an instantiated body), or a std function by key. */
export type Callee = IrFunc | string;

/** A call site with the inline stack it sits in. */
export interface Site {
  /** The call, or null for a call inside an inlined std body (known by its callee only). */
  readonly call: CallFuncExpr | null;
  readonly stdCallee?: string;
  /** The function whose source the call is written in (null inside std bodies). */
  readonly lexical: IrFunc | null;
  /** The callees inlined on the way to this site, outermost first. */
  readonly stack: readonly Callee[];
  /** The outermost position (the call site in the function being compiled). */
  readonly pos: Pos;
  /** The positions of the calls on the way (parsePos's inlining positions), for self-recursion. */
  readonly posStack: readonly Pos[];
  /** The inlined call whose body holds this site; null for the function's own calls. */
  readonly parent: InlinedCall | null;
}

/** One inlined call: what gc prints as `inlining call to F`. */
export interface InlinedCall {
  readonly site: Site;
  readonly callee: Callee;
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

/**
 * The callee of a site. A call in an inlined body of a function value the callee received as
 * a parameter resolves through the argument at the inlined call (the inlvar's static value
 * after inlining): `seq(func(x int) bool {...})` inlined, its `yield(x)` calls the literal.
 */
function siteCallee(site: Site, fn: IrFunc, inl: Inlinability, resolveOnly: boolean): IrFunc | null {
  const call = site.call!;
  let fun = call.fun;
  while (fun.op === 'CONVNOP') fun = fun.x;
  const parent = site.parent;
  if (fun.op === 'NAME' && fun.name.class === 'param' && site.lexical && fun.name.curfn === site.lexical && parent?.site.call
    && typeof parent.callee !== 'string') {
    const callee = parent.callee;
    const params = [...(callee.recv ? [callee.recv] : []), ...callee.params];
    const i = params.indexOf(fun.name);
    const arg = i >= 0 ? parent.site.call.args[i] : undefined;
    if (!arg || callee.pragmas.noinline) return null;
    if (site.lexical.closureVars.length > 0) return null;
    let v = arg;
    while (v.op === 'CONVNOP') v = v.x;
    if (v.op === 'CLOSURE') {
      const c = v.func;
      const first = c.closureVars[0];
      if (first && first.curfn !== fn) return null;
      if (!resolveOnly && c.body) inl.check(c);
      return c;
    }
    const pseudo: Site = { ...parent.site, call: { ...call, fun: arg } };
    return parent.site.lexical ? siteCallee(pseudo, fn, inl, resolveOnly) : null;
  }
  if (!site.lexical) return null;
  return resolveOnly ? inl.resolve(site.lexical, call) : inl.callee(site.lexical, call);
}

export function inlineCalls(fn: IrFunc, inl: Inlinability, uses: Map<IrFunc, number>, std: StdInlineFacts): FuncInlining {
  const big = inl.isBig(fn);
  const sites: Site[] = callSites(fn.body ?? []).map((call) => ({ call, lexical: fn, stack: [], pos: call.pos, posStack: [], parent: null }));
  const inlined: InlinedCall[] = [];
  const events: (InlinedCall & { cycle: boolean })[] = [];
  const samePos = (a: Pos, b: Pos) => a.line === b.line && a.col === b.col;
  let l0 = 0;
  while (l0 < sites.length) {
    const l1 = sites.length;
    // Newly exposed sites are resolved as a batch first, counting their callees' uses.
    if (l0 > 0) {
      for (let i = l0; i < l1; i++) {
        const site = sites[i]!;
        if (!site.call) continue;
        const c = siteCallee(site, fn, inl, true);
        if (c) uses.set(c, (uses.get(c) ?? 0) + 1);
      }
    }
    for (let i = l0; i < l1; i++) {
      const site = sites[i]!;
      let callee: Callee;
      if (site.call && site.lexical) {
        if (inl.isIntrinsic(site.call)) continue;
        const f = siteCallee(site, fn, inl, false);
        if (!f) continue;
        if (f.body) {
          const info = inl.inlinable(f);
          if (!info) continue;
          const once = (uses.get(f) ?? 0) === 1 && f.outer !== null;
          if (!inl.costOK(f, info, big, once)) continue;
          callee = f;
        } else {
          const fact = std.funcs.get(f.name);
          if (!fact) continue;
          if (fact.cost > (big ? inl.params.bigFunctionMaxCost : inl.params.budget)) continue;
          callee = f.name;
        }
        // A call at the same position as one on its inline stack is the callee calling
        // itself: refused silently (canInlineCallExpr's parsePos check).
        if (site.lexical !== fn && site.posStack.some((p) => samePos(p, site.call!.pos)) && site.stack.includes(f)) continue;
      } else {
        const fact = site.stdCallee ? std.funcs.get(site.stdCallee) : undefined;
        if (!fact || !site.stdCallee) continue;
        if (fact.cost > (big ? inl.params.bigFunctionMaxCost : inl.params.budget)) continue;
        callee = site.stdCallee;
      }
      if (site.stack.includes(callee)) {
        events.push({ site, callee, cycle: true });
        continue;
      }
      const done: InlinedCall = { site, callee };
      inlined.push(done);
      events.push({ ...done, cycle: false });
      const stack = [...site.stack, callee];
      const posStack = [...site.posStack, site.call?.pos ?? site.pos];
      if (typeof callee === 'string') {
        for (const key of std.funcs.get(callee)?.calls ?? []) sites.push({ call: null, stdCallee: key, lexical: null, stack, pos: site.pos, posStack, parent: done });
      } else {
        for (const call of callSites(callee.body ?? [])) sites.push({ call, lexical: callee, stack, pos: site.pos, posStack, parent: done });
      }
    }
    l0 = l1;
  }
  return { fn, inlined, events, big };
}
