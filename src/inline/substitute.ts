// The inlined program: a new IR package in which every inlined call to a function with a
// body here is replaced by that body, as escape analysis then sees it.
//
// Follows inline/inl.go mkinlcall and noder/reader.go inlCall (unified IR's InlineCall): the
// call `r := f(a, b)` becomes
//     x, y := a, b          // the callee's parameters, as new locals of the caller (inlvars)
//     var ~r0 T             // its results, under the callee's names (~r0... when unnamed)
//     ...f's body...        // each `return e` assigns e to the results
//     r := ~r0
// and the calls inlined inside f's body (mid-stack) are expanded in the copy the same way.
// Every position inside the copy is the outermost call site, where gc prints everything
// about inlined code (base.FmtPos), each also knowing where it was written (InlinedPos, for
// -S). Calls to std functions stay calls: std bodies are not in
// the models, their escape tags are.
//
// The package is copied whole (functions, names and nodes, sharing preserved), since the IR
// is a graph joined by identity (a name's curfn, a closure's outer function): stages hand
// each other immutable values.

import { sourcePos, type Expr, type InlinedPos, type IrFunc, type IrName, type IrPackage, type Pos, type Stmt } from '../ir/ir.js';
import { shortFuncName, type FuncInlining, type InlinedCall } from './inline.js';
import type { CallFuncExpr, CallInterExpr } from './order.js';
import { dynamicParts } from '../ir/lower.js';

/** Keys whose values are shared, never copied: types, constants, positions, directives. */
const sharedKeys: ReadonlySet<string> = new Set(['type', 'elemType', 'methodType', 'recvType', 'pragmas', 'modelTags', 'source', 'closureVarPos']);
const posKeys: ReadonlySet<string> = new Set(['pos', 'rangePos']);

type Sites = ReadonlyMap<CallFuncExpr, InlinedCall>;
/** The static calls interface calls of one body became after inlining (devirt.ts). */
type Devirts = ReadonlyMap<CallInterExpr, Expr>;
/** The body being copied: its call sites to expand, its devirtualized calls, the compiled function. */
interface BodyCtx {
  readonly sites: Sites | null;
  readonly devirts?: Devirts | undefined;
  readonly caller: IrFunc;
}

/** What the copy of one inlined body needs: fresh names and the positions it prints at. */
interface InlineFrame {
  /** The inlined call whose body this is (none: staticinit's layout of one). */
  readonly call?: InlinedCall;
  readonly callee: IrFunc;
  readonly at: Pos;
  /** The function being compiled, which declares every inlined local. */
  readonly caller: IrFunc;
  readonly memo: Map<object, unknown>;
  /** Frames of the inlined calls that returned this callee (a copied function literal). */
  readonly outerFrames: readonly InlineFrame[];
}

/** A position of the callee's body as copied into the caller (InlinedPos), one object per position. */
function inlinedPos(frame: InlineFrame, pos: Pos): InlinedPos {
  const hit = frame.memo.get(pos) as InlinedPos | undefined;
  if (hit) return hit;
  const made: InlinedPos = { line: frame.at.line, col: frame.at.col, inner: sourcePos(pos, frame.callee.file) };
  frame.memo.set(pos, made);
  return made;
}

export function substitutePackage(pkg: IrPackage, inlinings: readonly FuncInlining[]): IrPackage {
  const topSites = new Map<IrFunc, Map<CallFuncExpr, InlinedCall>>();
  const childSites = new Map<InlinedCall, Map<CallFuncExpr, InlinedCall>>();
  const devirts = new Map<IrFunc | InlinedCall, Devirts>();
  const literalNames = new Map<InlinedCall, ReadonlyMap<IrFunc, string>>();
  for (const r of inlinings) {
    for (const [frame, m] of r.devirtualized) devirts.set(frame ?? r.fn, m);
    for (const [c, m] of r.literalNames) literalNames.set(c, m);
    for (const c of r.inlined) {
      if (typeof c.callee === 'string' || !c.site.call) continue;
      const map = c.site.parent ? childSites : topSites;
      const key = (c.site.parent ?? r.fn) as never;
      let m = (map as Map<unknown, Map<CallFuncExpr, InlinedCall>>).get(key);
      if (!m) (map as Map<unknown, Map<CallFuncExpr, InlinedCall>>).set(key, (m = new Map()));
      m.set(c.site.call, c);
    }
  }
  if (topSites.size === 0 && devirts.size === 0) return pkg;
  const literals = new Set<IrFunc>();
  for (const r of inlinings) {
    for (const c of r.inlined) if (typeof c.callee !== 'string' && !c.via && c.callee.outer && c.callee.closureVars.length === 0) literals.add(c.callee);
  }
  return new Substituter(topSites, childSites, pkg.path, devirts, literalNames).package(pkg, [...literals]);
}

/** A copy of the package that shares nothing mutable with it. */
export function copyPackage(pkg: IrPackage): IrPackage {
  return new Substituter(new Map(), new Map(), pkg.path).package(pkg);
}

class Substituter {
  private readonly memo = new Map<object, unknown>();
  /** Copying a function literal of an inlined body (funcRef): positions stay where written. */
  private inLiteral = false;
  /** Per function being copied: the locals its inlined bodies add. */
  private readonly extraDcl = new Map<IrFunc, IrName[]>();
  /** The frame each inlined call's body was copied in. */
  private readonly frames = new Map<InlinedCall, InlineFrame>();

  constructor(
    private readonly topSites: ReadonlyMap<IrFunc, Sites>,
    private readonly childSites: ReadonlyMap<InlinedCall, Sites>,
    private readonly pkgPath: string,
    private readonly devirts: ReadonlyMap<IrFunc | InlinedCall, Devirts> = new Map(),
    private readonly literalNames: ReadonlyMap<InlinedCall, ReadonlyMap<IrFunc, string>> = new Map(),
  ) {}

  package(pkg: IrPackage, inlinedLiterals?: readonly IrFunc[]): IrPackage {
    const funcs = pkg.funcs.map((f) => this.func(f));
    return {
      path: pkg.path,
      funcs,
      globals: pkg.globals.map((g) => this.copy(g, null, null, null) as IrName),
      notes: pkg.notes,
      ...(inlinedLiterals?.length ? { inlinedLiterals: inlinedLiterals.map((f) => this.func(f)) } : {}),
    };
  }

  /** The copy of a function of the package (outside any inlined body). */
  private func(f: IrFunc): IrFunc {
    const hit = this.memo.get(f);
    if (hit) return hit as IrFunc;
    const out: Record<string, unknown> = {};
    this.memo.set(f, out);
    const extra: IrName[] = [];
    this.extraDcl.set(f, extra);
    const sites = this.topSites.get(f) ?? null;
    for (const [k, v] of Object.entries(f)) {
      if (k === 'body') continue;
      out[k] = this.copy(v, k, null, null);
    }
    const ctx: BodyCtx = { sites, devirts: this.devirts.get(f), caller: f };
    out.body = f.body ? f.body.map((s) => this.copy(s, null, null, ctx) as Stmt) : null;
    out.dcl = [...(out.dcl as IrName[]), ...extra];
    return out as unknown as IrFunc;
  }

  /**
   * Structural copy. `frame` is set inside an inlined body (fresh names and nodes, positions
   * at the call site); `body` carries the call sites to expand and the compiled function.
   */
  private copy(v: unknown, key: string | null, frame: InlineFrame | null, body: BodyCtx | null): unknown {
    if (v === null || typeof v !== 'object') return v;
    if (key && posKeys.has(key)) return frame && !this.inLiteral ? inlinedPos(frame, v as Pos) : v;
    if (key && sharedKeys.has(key)) return v;
    const obj = v as Record<string, unknown>;
    // A LITERAL's constant (`value` is also a range's value or a literal element: nodes).
    if (key === 'value' && !('op' in obj) && obj.kind !== 'Name') return v;
    if (obj.kind === 'Func') return this.funcRef(obj as unknown as IrFunc, frame);
    if (obj.kind === 'Name') return this.nameRef(obj as unknown as IrName, frame);
    const memo = frame ? frame.memo : this.memo;
    const hit = memo.get(obj);
    if (hit) return hit;
    if (Array.isArray(v)) {
      const arr: unknown[] = [];
      memo.set(obj, arr);
      for (const x of v) arr.push(this.copy(x, null, frame, body));
      return arr;
    }
    // An interface call devirtualized after inlining: the static call it became.
    if (body?.devirts && obj.op === 'CALLINTER') {
      const to = body.devirts.get(obj as unknown as CallInterExpr);
      if (to) {
        const out = this.copy(to, key, frame, body);
        memo.set(obj, out);
        return out;
      }
    }
    // `var v = f(args)` in the package's initialiser: laid out statically when it can be.
    if (body?.sites && obj.op === 'AS' && body.caller.name === `${this.pkgPath}.init` && !body.caller.outer) {
      const y = obj.y as Record<string, unknown> | null;
      const c = y?.op === 'CALLFUNC' ? body.sites.get(y as unknown as CallFuncExpr) : undefined;
      const staticParts = c ? this.staticInlinedCall(c, frame, body) : null;
      if (staticParts) {
        const x = this.copy(obj.x, 'x', frame, body) as Expr;
        const list: Stmt[] = staticParts.map((part) => ({ ...(obj as unknown as Stmt & { op: 'AS' }), x, y: part }));
        return { op: 'BLOCK', list, pos: obj.pos as Pos } satisfies Stmt;
      }
    }
    // An inlined call site: expand it.
    if (body?.sites && obj.op === 'CALLFUNC') {
      const c = body.sites.get(obj as unknown as CallFuncExpr);
      if (c) return this.expandCall(c, frame, body, 'expr');
    }
    if (body?.sites && obj.op === 'EXPR') {
      const x = direct(obj.x as Expr, body) as unknown as Record<string, unknown>;
      const c = x.op === 'CALLFUNC' ? body.sites.get(x as unknown as CallFuncExpr) : undefined;
      if (c) {
        const block = this.expandCall(c, frame, body, 'stmt') as Stmt;
        // A statement written in another file than its function's (a wrapper's, at
        // <autogenerated>) keeps saying so.
        return !frame && obj.file ? { ...block, file: obj.file as string } : block;
      }
    }
    if (body?.sites && obj.op === 'AS2FUNC') {
      const x = direct((obj.rhs as Expr[])[0]!, body) as unknown as Record<string, unknown>;
      const c = x.op === 'CALLFUNC' ? body.sites.get(x as unknown as CallFuncExpr) : undefined;
      if (c) {
        const expanded = this.expandCall(c, frame, body, 'results') as { stmts: Stmt[]; results: Expr[] };
        const lhs = (obj.lhs as unknown[]).map((l) => this.copy(l, null, frame, body) as Expr);
        const at = frame ? frame.at : (obj.pos as Pos);
        // The OAS2FUNC of an OINLCALL: the inlined body, then its results to lhs.
        return {
          op: 'AS2', lhs, rhs: expanded.results, pos: at, init: expanded.stmts, inlinedCall: true,
          ...(obj.defs ? { defs: this.copy(obj.defs, 'defs', frame, body) as IrName[] } : {}),
          ...(!frame && obj.file ? { file: obj.file as string } : {}),
        } satisfies Stmt;
      }
    }
    const out: Record<string, unknown> = {};
    memo.set(obj, out);
    // for-in over these plain objects (no inherited keys): no entries array per node.
    for (const k in obj) {
      if (frame && k === 'file') continue; // printed at the call site, in the caller's file
      const x = obj[k];
      // Scalars are most fields; copy() would return them as they are.
      out[k] = x === null || typeof x !== 'object' ? x : this.copy(x, k, frame, body);
    }
    return out;
  }

  private funcRef(f: IrFunc, frame: InlineFrame | null): IrFunc {
    if (frame && nestedIn(f, frame.callee)) {
      // A function literal of the inlined body: a new closure of the caller, compiled as a
      // function of its own, at the positions it is written at (gc prints a copy's lines
      // where the literal is: `can inline F.func1`, `yield does not escape`, its body's
      // lines). Inlined somewhere in turn, its copy there prints at that call.
      const hit = frame.memo.get(f);
      if (hit) return hit as IrFunc;
      const out: Record<string, unknown> = {};
      frame.memo.set(f, out);
      this.keepingPositions(true, () => {
        for (const [k, v] of Object.entries(f)) {
          if (k === 'outer') out.outer = f.outer === frame.callee ? this.func(frame.caller) : this.funcRef(f.outer!, frame);
          else if (k === 'body') out.body = f.body ? f.body.map((s) => this.copy(s, null, frame, null) as Stmt) : null;
          else out[k] = this.copy(v, k, frame, null);
        }
      });
      out.name = this.copyName(f, frame, out.outer as IrFunc);
      return out as unknown as IrFunc;
    }
    return this.func(f);
  }

  /** Runs `copying` with positions kept where written (inside a literal) or not, then as before. */
  private keepingPositions(keep: boolean, copying: () => void): void {
    const outside = this.inLiteral;
    this.inLiteral = keep;
    try {
      copying();
    } finally {
      this.inLiteral = outside;
    }
  }

  /**
   * A copied literal's symbol name (ir.closureName): the inliner's name for a literal written
   * directly in the callee, its copied enclosing literal's name and its own suffix for one
   * nested in another; as it was when the inliner named none.
   */
  private copyName(f: IrFunc, frame: InlineFrame, outerCopy: IrFunc): string {
    const short = frame.call ? this.literalNames.get(frame.call)?.get(f) : undefined;
    if (short !== undefined) return f.name.slice(0, f.name.length - shortFuncName(f).length) + short;
    if (f.outer && f.outer !== frame.callee && f.name.startsWith(`${f.outer.name}.`)) return outerCopy.name + f.name.slice(f.outer.name.length);
    return f.name;
  }

  private nameRef(n: IrName, frame: InlineFrame | null): IrName {
    // A variable the literal captured from the inlined call it was copied in: that call's copy.
    const ownVar = frame && n.curfn && (n.curfn === frame.callee || nestedIn(n.curfn, frame.callee));
    for (const of of ownVar ? [] : frame?.outerFrames ?? []) {
      if (n.curfn && (n.curfn === of.callee || nestedIn(n.curfn, of.callee))) return this.nameRef(n, of);
    }
    if (frame && n.curfn && (n.curfn === frame.callee || nestedIn(n.curfn, frame.callee))) {
      const hit = frame.memo.get(n);
      if (hit) return hit as IrName;
      const own = n.curfn === frame.callee;
      const out: Record<string, unknown> = {};
      frame.memo.set(n, out);
      // The callee's own names are declared at the call; a literal's keep their place.
      this.keepingPositions(!own, () => {
        for (const [k, v] of Object.entries(n)) {
          if (k === 'file') continue;
          out[k] = this.copy(v, k, frame, null);
        }
      });
      if (own) {
        // An unnamed parameter or result of an inlined callee of another package (an
        // imported body, lower/imported.ts, or a generic instance) is named in the compiling
        // package (`~r0 escapes to heap`); the callee was lowered with its package's names
        // (a generic instance's own lines say `maps.~r0`).
        const q = frame.callee.qual;
        if (q && typeof out.sym === 'string' && out.sym.startsWith(`${q}~`)) out.sym = out.sym.slice(q.length);
        // The callee's parameters and locals become locals of the compiled function.
        out.curfn = this.func(frame.caller);
        if (n.class === 'param' || n.class === 'result') out.class = 'auto';
        this.extraDcl.get(frame.caller)?.push(out as unknown as IrName);
      }
      return out as unknown as IrName;
    }
    const hit = this.memo.get(n);
    if (hit) return hit as IrName;
    const out: Record<string, unknown> = {};
    this.memo.set(n, out);
    for (const [k, v] of Object.entries(n)) out[k] = this.copy(v, k, null, null);
    return out as unknown as IrName;
  }

  /**
   * staticinit's staticAssignInlinedCall: a package variable initialised by an inlined call
   * of a function whose body is a single `return e` (`var errX = errors.New("x")`) is laid
   * out statically as e with the arguments put for the parameters, when the arguments have
   * no side effects, no parameter is address-taken, e holds no closure and a parameter
   * used twice has a repeatable argument. Returns the parts of the value that still need
   * code (dynamicParts), or null when gc keeps the inlined call.
   */
  private staticInlinedCall(c: InlinedCall, outer: InlineFrame | null, outerBody: BodyCtx): Expr[] | null {
    const callee = c.callee as IrFunc;
    const call = c.site.call!;
    const body = callee.body ?? [];
    const ret = body[0];
    if (body.length !== 1 || ret?.op !== 'RETURN' || ret.results.length !== 1 || ret.init?.length || callee.results.length !== 1) return null;
    if (this.childSites.get(c)?.size || call.fun.op === 'CALLFUNC') return null;
    const params = [...(callee.recv ? [callee.recv] : []), ...callee.params];
    if (params.length !== call.args.length || params.some((p) => p.addrtaken)) return null;
    if (call.args.some((a) => anyNode(a, sideEffect))) return null;
    const uses = new Map<IrName, number>();
    let closure = false;
    anyNode(ret.results[0]!, (n) => {
      if (n.op === 'NAME' && params.includes(n.name)) uses.set(n.name, (uses.get(n.name) ?? 0) + 1);
      if (n.op === 'CLOSURE' && n.func.outer) closure = true;
      return false;
    });
    if (closure) return null;
    for (const [p, k] of uses) if (k > 1 && anyNode(call.args[params.indexOf(p)]!, (n) => sideEffect(n) || unrepeatable.has(n.op))) return null;
    const args = call.args.map((a) => this.copy(a, null, outer, outerBody) as Expr);
    const at = c.site.pos;
    const frame: InlineFrame = { callee, at, caller: outerBody.caller, memo: new Map(), outerFrames: [] };
    const subst = (v: unknown, key: string | null): unknown => {
      if (v === null || typeof v !== 'object') return v;
      if (key && posKeys.has(key)) return inlinedPos(frame, v as Pos);
      if (key && sharedKeys.has(key)) return v;
      const o = v as Record<string, unknown>;
      if (key === 'value' && !('op' in o) && o.kind !== 'Name') return v;
      if (o.kind === 'Func' || o.kind === 'Name') return this.copy(v, key, frame, null);
      if (Array.isArray(v)) return v.map((x) => subst(x, null));
      if (o.op === 'NAME') {
        const i = params.indexOf(o.name as IrName);
        if (i >= 0) return args[i];
      }
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(o)) if (k !== 'file') out[k] = subst(x, k);
      return out;
    };
    const value = subst(ret.results[0]!, null) as Expr;
    const parts = dynamicParts(value);
    // A value that is not static at its top is no static assignment: gc keeps the call.
    return parts.length === 1 && parts[0] === value ? null : parts;
  }

  /** mkinlcall: the statements of an inlined call and the expression of its result. */
  private expandCall(
    c: InlinedCall, outer: InlineFrame | null, outerBody: BodyCtx, mode: 'expr' | 'stmt' | 'results',
  ): unknown {
    const callee = c.callee as IrFunc;
    const call = c.site.call!;
    const at = c.site.pos;
    const caller = outerBody.caller;
    // Arguments are evaluated where the call is written (their own inlined calls included).
    // gc's CalleeEffects: a callee expression that was itself inlined runs its body first.
    const calleeEffects: Stmt[] = [];
    if (call.fun.op === 'CALLFUNC') calleeEffects.push(...((this.copy(call.fun, null, outer, outerBody) as Expr).init ?? []));
    const args = call.args.map((a) => this.copy(a, null, outer, outerBody) as Expr);
    const viaFrame = c.via ? this.frames.get(c.via) : undefined;
    const frame: InlineFrame = { call: c, callee, at, caller, memo: new Map(), outerFrames: viaFrame ? [viaFrame, ...viaFrame.outerFrames] : [] };
    this.frames.set(c, frame);
    const bodySites = this.childSites.get(c) ?? null;
    const inner: BodyCtx = { sites: bodySites, devirts: this.devirts.get(c), caller };
    const params = [...(callee.recv ? [callee.recv] : []), ...callee.params];
    const stmts: Stmt[] = [...calleeEffects];
    const paramNames = params.map((p) => this.nameRef(p, frame));
    // The inlinee's parameters and results are declared at the call as written (a heap one is
    // allocated there in -S): inside an inlined body, the call's own position.
    const dclAt: Pos = outer ? inlinedPos(outer, call.pos) : at;
    for (const p of paramNames) if (!p.blank && p.sym !== '_' && p.sym !== '') stmts.push({ op: 'DCL', name: p, pos: dclAt });
    const lhs: Expr[] = paramNames.map((p) =>
      p.blank || p.sym === '_' || p.sym === '' ? { op: 'BLANK', pos: at, type: p.type } : { op: 'NAME', name: p, pos: at, type: p.type },
    );
    if (lhs.length > 0) {
      stmts.push({ op: 'AS2', lhs, rhs: args.slice(0, lhs.length), defs: paramNames.filter((p) => !p.blank), pos: at });
    }
    const results = callee.results.map((r) => this.nameRef(r, frame));
    for (const r of results) {
      stmts.push({ op: 'DCL', name: r, pos: dclAt });
      stmts.push({ op: 'AS', x: { op: 'NAME', name: r, pos: at, type: r.type }, y: null, defs: [r], pos: at });
    }
    const body = (callee.body ?? []).map((s) => this.copy(s, null, frame, inner) as Stmt);
    stmts.push(...rewriteReturns(body, results, at));
    const resultExprs: Expr[] = results.map((r) => ({ op: 'NAME', name: r, pos: at, type: r.type }));
    if (mode === 'results') return { stmts, results: resultExprs };
    if (mode === 'stmt') return { op: 'BLOCK', list: stmts, pos: at } satisfies Stmt;
    const value = resultExprs[0] ?? ({ op: 'NIL', pos: at, type: call.type } as Expr);
    return { ...value, init: stmts, inlinedValue: true };
  }
}

/** An expression of a body, or the static call it became when a devirtualized interface call. */
function direct(x: Expr, body: BodyCtx): Expr {
  return (x.op === 'CALLINTER' ? body.devirts?.get(x) : undefined) ?? x;
}

/** staticinit's isSideEffect: the operations that may have effects (arguments checked apart). */
function sideEffect(n: Expr): boolean {
  switch (n.op) {
    case 'NAME': case 'LITERAL': case 'NIL': case 'ADD': case 'SUB': case 'OR': case 'XOR': case 'ADDSTR': case 'ADDR':
    case 'ANDAND': case 'BYTES2STR': case 'RUNES2STR': case 'STR2BYTES': case 'STR2RUNES': case 'CAP': case 'MAPLIT':
    case 'STRUCTLIT': case 'ARRAYLIT': case 'SLICELIT': case 'PTRLIT': case 'CONV': case 'CONVIFACE': case 'CONVNOP':
    case 'DOT': case 'EQ': case 'NE': case 'LT': case 'LE': case 'GT': case 'GE':
    case 'NOT': case 'OROR': case 'MUL': case 'AND': case 'ANDNOT': case 'LSH': case 'RSH': case 'NEG': case 'PLUS':
    case 'BITNOT': case 'LEN': case 'NEW': case 'RUNESTR': case 'COMPLEX':
      return false;
    case 'DIV': case 'MOD':
      return n.y.op !== 'LITERAL' || n.y.text === '0';
    case 'MAKECHAN': case 'MAKEMAP':
      return !(n.len && n.len.op === 'LITERAL' && n.len.text === '0');
    default:
      return true;
  }
}

/** staticinit's canRepeat: what must not be evaluated twice even without side effects. */
const unrepeatable: ReadonlySet<string> = new Set(['MAKECHAN', 'MAKEMAP', 'MAKESLICE', 'MAKESLICECOPY', 'MAPLIT', 'NEW', 'PTRLIT', 'SLICELIT', 'STR2BYTES', 'STR2RUNES']);

/** ir.Any over an expression tree (not into closure bodies). */
function anyNode(e: Expr, pred: (n: Expr) => boolean): boolean {
  let found = false;
  const visit = (v: unknown): void => {
    if (found || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    const o = v as Record<string, unknown>;
    if (o.kind === 'Func' || o.kind === 'Name') return;
    if (typeof o.op === 'string' && 'type' in o && 'pos' in o) {
      if (pred(o as unknown as Expr)) {
        found = true;
        return;
      }
    }
    for (const [k, x] of Object.entries(o)) if (!sharedKeys.has(k) && !posKeys.has(k) && k !== 'value') visit(x);
    if (o.op === 'LITERAL') return;
    if ('value' in o && typeof o.value === 'object' && o.value && 'op' in (o.value as object)) visit(o.value);
  };
  visit(e);
  return found;
}

function nestedIn(f: IrFunc, callee: IrFunc): boolean {
  for (let o = f.outer; o; o = o.outer) if (o === callee) return true;
  return false;
}

/** `return e1, e2` in an inlined body assigns the results (the goto to the end is dropped). */
function rewriteReturns(list: readonly Stmt[], results: readonly IrName[], at: Pos): Stmt[] {
  const out: Stmt[] = [];
  for (const s of list) out.push(rewriteReturn(s, results, at));
  return out;
}

function rewriteReturn(s: Stmt, results: readonly IrName[], at: Pos): Stmt {
  const list = (l: readonly Stmt[]) => rewriteReturns(l, results, at);
  switch (s.op) {
    case 'RETURN': {
      if (s.results.length === 0) return { op: 'BLOCK', list: [], pos: at, ...(s.init ? { init: s.init } : {}) };
      // One assignment of all results (`assign-pair` in -m=2 explanations).
      const lhs: Expr[] = results.map((r) => ({ op: 'NAME', name: r, pos: at, type: r.type }));
      return { op: 'AS2', lhs, rhs: s.results, pos: at, ...(s.init ? { init: s.init } : {}) };
    }
    case 'BLOCK': return { ...s, list: list(s.list) };
    case 'IF': return { ...s, body: list(s.body), else: list(s.else) };
    case 'FOR': return { ...s, body: list(s.body) };
    case 'RANGE': return { ...s, body: list(s.body) };
    case 'SWITCH': case 'TYPESWITCH': return { ...s, cases: s.cases.map((c) => ({ ...c, body: list(c.body) })) };
    case 'SELECT': return { ...s, cases: s.cases.map((c) => ({ ...c, body: list(c.body) })) };
    default: return s;
  }
}
