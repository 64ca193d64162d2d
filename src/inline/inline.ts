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

import type { Devirtualizer, Expr, ImportedBodies, IrFunc, Pos, Stmt } from '../ir/ir.js';
import { stmtBodies, walkStmts } from '../ir/walk.js';
import { instrumentationForbids, type Inlinability } from './caninline.js';
import { callAndInterfaceSites, callSites, type CallFuncExpr, type CallInterExpr } from './order.js';
import { DevirtState } from './devirt.js';
import type { StdInlineFacts } from './std.js';

/** A callee: a function of this package (or an instantiated body), or a std function by key. */
export type Callee = IrFunc | string;

/** A call site with the inline stack it sits in. */
export interface Site {
  /**
   * The call, or null for a call inside an inlined std body (known by its callee only) and
   * for an interface call not devirtualized yet (`iface`).
   */
  readonly call: CallFuncExpr | null;
  readonly iface?: CallInterExpr;
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
  /**
   * The call as the body holds it (`call` or `iface` until a devirtualization replaces it);
   * absent inside std bodies.
   */
  readonly written?: CallFuncExpr | CallInterExpr;
}

/** One inlined call: what gc prints as `inlining call to F`. */
export interface InlinedCall {
  readonly site: Site;
  readonly callee: Callee;
  /**
   * The callee is a function literal written in the body of an earlier inlined call (`via`),
   * called there or returned from there: gc copies every literal of an inlined body into
   * the caller as a new closure (`caller.orig.funcN`), capturing that call's inlvars.
   */
  readonly via?: InlinedCall;
  /** gc's name of the callee when it is such a copy. */
  readonly copyName?: string;
}

/** The inlined calls made so far, by the inlined body they sit in (null: the function's own). */
type InlinedAt = Map<InlinedCall | null, Map<CallFuncExpr, InlinedCall>>;

/** The single value a function body returns, when it has exactly one `return v`. */
function singleReturn(f: IrFunc): Expr | null {
  let found: Expr | null = null;
  let count = 0;
  const visit = (list: readonly Stmt[]): void => {
    for (const st of list) {
      if (st.op === 'RETURN') {
        count++;
        found = st.results.length === 1 ? st.results[0]! : null;
      }
      for (const b of stmtBodies(st)) visit(b);
    }
  };
  visit(f.body ?? []);
  return count === 1 ? found : null;
}

/** An interface call devirtualized after inlining: `devirtualizing x.M to T`. */
export interface DevirtEvent {
  readonly site: Site;
  readonly devirtualized: string;
}

export type InlineEvent = InlinedCall & { readonly cycle: boolean; readonly canInline?: number };

export interface FuncInlining {
  readonly fn: IrFunc;
  readonly inlined: readonly InlinedCall[];
  /**
   * In gc's order: each inlined call, each call refused as a repeated recursive cycle, and
   * each interface call devirtualized once inlining showed its receiver's concrete type.
   */
  readonly events: readonly (InlineEvent | DevirtEvent)[];
  /** The static call each such interface call became, by the inlined call it sits in. */
  readonly devirtualized: ReadonlyMap<InlinedCall | null, ReadonlyMap<CallInterExpr, Expr>>;
  readonly big: boolean;
  /** gc's names of the copies of the function literals of each inlined body (LiteralCopies), without the package. */
  readonly literalNames: ReadonlyMap<InlinedCall, ReadonlyMap<IrFunc, string>>;
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
function siteCallee(site: Site, fn: IrFunc, inl: Inlinability, resolveOnly: boolean, done?: InlinedAt): { callee: IrFunc; via?: InlinedCall } | null {
  const call = site.call!;
  let fun = site.lexical ? inl.staticValue(site.lexical, call.fun) : call.fun;
  while (fun.op === 'CONVNOP') fun = fun.x;
  const parent = site.parent;
  // The result of an inlined call: ir.StaticValue follows OINLCALL to its single result.
  if (fun.op === 'CALLFUNC' && done) {
    const via = done.get(parent)?.get(fun);
    if (via && typeof via.callee !== 'string') {
      const ret = singleReturn(via.callee);
      const c = ret ? inl.resolve(via.callee, { ...call, fun: ret }) : null;
      if (c && c.outer && c.body) {
        if (!resolveOnly) inl.check(c);
        return { callee: c, via };
      }
    }
    return null;
  }
  if (fun.op === 'NAME' && fun.name.class === 'param' && site.lexical && fun.name.curfn === site.lexical && parent?.site.call
    && typeof parent.callee !== 'string') {
    const callee = parent.callee;
    const params = [...(callee.recv ? [callee.recv] : []), ...callee.params];
    const i = params.indexOf(fun.name);
    const arg = i >= 0 ? parent.site.call.args[i] : undefined;
    if (!arg || callee.pragmas.noinline) return null;
    let v = parent.site.lexical ? inl.staticValue(parent.site.lexical, arg) : arg;
    while (v.op === 'CONVNOP') v = v.x;
    if (v.op === 'CLOSURE') {
      const c = v.func;
      if (c.closureVars.length > 0 && c.outer !== fn) return null;
      if (!resolveOnly && c.body) inl.check(c);
      return { callee: c };
    }
    const pseudo: Site = { ...parent.site, call: { ...call, fun: arg } };
    return parent.site.lexical ? siteCallee(pseudo, fn, inl, resolveOnly, done) : null;
  }
  if (!site.lexical) return null;
  // In an inlined body the call is compiled as part of fn.
  const compiled = parent ? fn : site.lexical;
  const c = resolveOnly ? inl.resolve(site.lexical, call, compiled) : inl.callee(site.lexical, call, compiled);
  return c ? { callee: c } : null;
}

export function inlineCalls(
  fn: IrFunc, inl: Inlinability, uses: Map<IrFunc, number>, std: StdInlineFacts, imported?: ImportedBodies, devirtualizer?: Devirtualizer,
): FuncInlining {
  const big = inl.isBig(fn);
  const siteOf = (call: CallFuncExpr | CallInterExpr, lexical: IrFunc, stack: readonly Callee[], pos: Pos, posStack: readonly Pos[], parent: InlinedCall | null): Site =>
    call.op === 'CALLINTER' ? { call: null, iface: call, lexical, stack, pos, posStack, parent, written: call } : { call, lexical, stack, pos, posStack, parent, written: call };
  const bodySites = (body: readonly Stmt[]) => (devirtualizer ? callAndInterfaceSites(body) : callSites(body));
  const sites: Site[] = bodySites(fn.body ?? []).map((call) => siteOf(call, fn, [], call.pos, [], null));
  /** Sites looked at for good: all but the interface calls still waiting for a concrete type. */
  const settled: boolean[] = [];
  const inlined: InlinedCall[] = [];
  const events: (InlineEvent | DevirtEvent)[] = [];
  const samePos = (a: Pos, b: Pos) => a.line === b.line && a.col === b.col;
  const inlinedAt: InlinedAt = new Map();
  const devirt = devirtualizer ? new DevirtState(fn, devirtualizer, inlinedAt) : null;
  const copies = new Set<Site>();
  const literalCopies = new LiteralCopies(fn);
  /**
   * StaticCall on an interface call site: when devirtualized to a static call, the site
   * becomes that call's (a partial devirtualization stays an interface call, settled).
   */
  const devirtualize = (i: number): void => {
    const site = sites[i]!;
    // A call the front end devirtualized is an interface call again in each inlined copy of
    // its function, devirtualized there anew.
    const again = site.parent && site.call?.op === 'CALLFUNC' ? site.call.devirtualized?.message : undefined;
    if (again) events.push({ site, devirtualized: again });
    if (!site.iface || !devirt) return;
    const r = devirt.staticCall(site.parent, site.iface);
    if (!r) return;
    events.push({ site, devirtualized: r.message });
    if (r.call.op === 'CALLFUNC') sites[i] = { ...site, call: r.call, iface: undefined };
    else settled[i] = true;
  };
  const countUse = (site: Site): void => {
    if (!site.call) return;
    const c = siteCallee(site, fn, inl, true, inlinedAt);
    if (c) uses.set(c.callee, (uses.get(c.callee) ?? 0) + 1);
  };
  /** interleaved.go edit: try to inline site i; true when it was. */
  const edit = (i: number): boolean => {
    let site = sites[i]!;
    if (site.iface) {
      devirtualize(i);
      site = sites[i]!;
      if (!site.call) return false;
      countUse(site);
    }
    settled[i] = true;
    let callee: Callee;
    let via: InlinedCall | undefined;
    let copyName: string | undefined;
    if (site.call && site.lexical) {
      if (inl.isIntrinsic(site.call)) return false;
      const resolved = siteCallee(site, fn, inl, false, inlinedAt);
      if (!resolved) return false;
      const f = resolved.callee;
      if (instrumentationForbids(f.name, f.pkgPath, inl.params)) return false;
      via = resolved.via ?? literalCopies.frameOf(site, f);
      copyName = via ? literalCopies.name(via, f) : undefined;
      if (copyName && !copies.has(site)) {
        // CanInline runs on the copy as it is resolved: its own line, under its new name.
        copies.add(site);
        const info = inl.inlinable(f);
        if (info) events.push({ site, callee: f, cycle: false, canInline: info.cost, copyName });
      }
      if (f.body) {
        const info = inl.inlinable(f);
        if (!info) return false;
        // A copied literal is a new function, resolved from this one site.
        const once = (via ? true : (uses.get(f) ?? 0) === 1) && f.outer !== null;
        if (!inl.costOK(f, info, big, once)) return false;
        callee = f;
      } else {
        // Another package's function: inlinable at the cost its export data says, its
        // body read from there (bodies.ts); a std function without one inlines by its
        // facts alone (the calls gc inlines inside it).
        const info = inl.inlinable(f);
        if (!info) return false;
        if (info.cost > (big ? inl.params.bigFunctionMaxCost : inl.params.budget)) return false;
        const body = imported?.body(f) ?? null;
        if (body) callee = body;
        else if (std.funcs.has(f.name)) callee = f.name;
        else return false;
      }
      // A call at the same position as one on its inline stack is the callee calling
      // itself: refused silently (canInlineCallExpr's parsePos check).
      if (site.lexical !== fn && site.posStack.some((p) => samePos(p, site.call!.pos)) && site.stack.includes(callee)) return false;
    } else {
      const fact = site.stdCallee ? std.funcs.get(site.stdCallee) : undefined;
      if (!fact || !site.stdCallee) return false;
      if (instrumentationForbids(site.stdCallee, undefined, inl.params)) return false;
      if (fact.cost > (big ? inl.params.bigFunctionMaxCost : inl.params.budget)) return false;
      callee = site.stdCallee;
    }
    if (site.stack.includes(callee)) {
      events.push({ site, callee, cycle: true });
      return false;
    }
    const done: InlinedCall = { site, callee, ...(via ? { via } : {}), ...(copyName ? { copyName } : {}) };
    if (site.call) {
      let m = inlinedAt.get(site.parent);
      if (!m) inlinedAt.set(site.parent, (m = new Map()));
      m.set(site.call, done);
    }
    inlined.push(done);
    events.push({ ...done, cycle: false });
    devirt?.inlined(done);
    if (typeof callee !== 'string') literalCopies.copy(done, callee);
    const stack = [...site.stack, callee];
    const posStack = [...site.posStack, site.call?.pos ?? site.pos];
    if (typeof callee === 'string') {
      for (const key of std.funcs.get(callee)?.calls ?? []) sites.push({ call: null, stdCallee: key, lexical: null, stack, pos: site.pos, posStack, parent: done });
    } else {
      for (const call of bodySites(callee.body ?? [])) sites.push(siteOf(call, callee, stack, site.pos, posStack, done));
    }
    return true;
  };
  // interleaved.go's fixpoint: the sites in order, then the sites the inlined bodies exposed,
  // a batch at a time (each batch resolved, and its interface calls devirtualized, before any
  // is inlined); again from the start while anything inlined, for the interface calls whose
  // receivers the later inlining made known.
  for (;;) {
    let progress = false;
    let l0 = 0;
    let l1 = sites.length;
    for (;;) {
      for (let i = l0; i < l1; i++) if (!settled[i] && edit(i)) progress = true;
      l0 = l1;
      l1 = sites.length;
      if (l0 === l1) break;
      // Newly exposed sites are resolved as a batch first, counting their callees' uses.
      for (let i = l0; i < l1; i++) {
        devirtualize(i);
        countUse(sites[i]!);
      }
    }
    if (!progress || !devirt || !sites.some((s, i) => s.iface && !settled[i])) break;
  }
  return { fn, inlined, events, devirtualized: devirt?.devirtualized ?? new Map(), big, literalNames: literalCopies.all };
}

/**
 * The closures gc makes of the function literals of inlined bodies: reading an inlined body,
 * each literal in it (in source order) becomes a new closure of the function being compiled,
 * named by ir.closureName: the function's name, the names of the inlined functions the
 * literal sits in (innermost first), then `.funcN` (`.N` in a closure), N counting on from
 * the function's own literals. A copy the inliner never resolves still takes its number.
 */
class LiteralCopies {
  private readonly names = new Map<InlinedCall, Map<IrFunc, string>>();
  readonly all: ReadonlyMap<InlinedCall, ReadonlyMap<IrFunc, string>> = this.names;
  private gen: number;
  private readonly prefix: string;
  private readonly suffix: string;

  constructor(fn: IrFunc) {
    this.prefix = shortFuncName(fn);
    this.suffix = fn.outer ? '.' : '.func';
    this.gen = 0;
    for (const lit of directLiterals(fn)) {
      const m = /(\d+)$/.exec(lit.name);
      if (m) this.gen = Math.max(this.gen, Number(m[1]));
    }
  }

  /** An inlined call's body was read: its literals become closures of fn. */
  copy(c: InlinedCall, callee: IrFunc): void {
    const lits = directLiterals(callee);
    if (lits.length === 0) return;
    let chain = '';
    for (let f: InlinedCall | null = c; f; f = f.site.parent) chain += `.${typeof f.callee === 'string' ? f.callee : shortFuncName(f.callee)}`;
    const m = new Map<IrFunc, string>();
    for (const lit of lits) m.set(lit, `${this.prefix}${chain}${this.suffix}${++this.gen}`);
    this.names.set(c, m);
  }

  /** The inlined call (the site's or one around it) whose body holds literal f's copy. */
  frameOf(site: Site, f: IrFunc): InlinedCall | undefined {
    for (let fr = site.parent; fr; fr = fr.site.parent) if (this.names.get(fr)?.has(f)) return fr;
    return undefined;
  }

  name(c: InlinedCall, f: IrFunc): string | undefined {
    return this.names.get(c)?.get(f);
  }
}

/** The function literals written directly in fn's body, in source order (no go/defer or range-func bodies). */
function directLiterals(fn: IrFunc): IrFunc[] {
  const out: IrFunc[] = [];
  walkStmts(fn.body ?? [], (n) => {
    if (n.op === 'CLOSURE') {
      const f = n.func;
      if (f.outer === fn && !out.includes(f) && /\.(func)?\d+$/.test(f.name)) out.push(f);
      return false;
    }
    return true;
  }, false);
  return out;
}

/** A function's name without its package: `f`, `(*T).M`, `f.func1`. */
export function shortFuncName(fn: IrFunc): string {
  const i = fn.name.indexOf('.', Math.max(0, fn.name.lastIndexOf('/', fn.name.search(/[([]/) >= 0 ? fn.name.search(/[([]/) : undefined)));
  return i >= 0 ? fn.name.slice(i + 1) : fn.name;
}
