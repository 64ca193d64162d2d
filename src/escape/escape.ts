// Escape analysis driver: which Go variables and implicit allocations can live on the stack.
//
// Follows $GOROOT/src/cmd/compile/internal/escape/escape.go. Two invariants must hold:
// (1) no pointer to a stack object is stored in the heap, and (2) no pointer to a stack
// object outlives it (its frame returned, or its loop iteration ended). Each function is
// turned into a graph of locations (variables and allocation sites) joined by assignment
// edges weighted with derefs; the solver walks it from every location looking for
// addresses that flow somewhere that outlives them. Functions are analysed in batches, one
// per strongly connected component of the static call graph, bottom-up, so each call site
// reads its callee's finished parameter tags (how parameters leak to heap or results).

import type { Expr, IrFunc, IrName, IrPackage } from '../ir/ir.js';
import { Batch, shortName, type EscapeMessage, type NodeFormatter } from './batch.js';
import { Attr, isName, LocationIds, shift, toGraphology, type Location } from './graph.js';
import { Leaks, numEscResults } from './leaks.js';
import { walkFunc } from './stmt.js';
import { walkAll } from './solve.js';
import { closureSize, heapAllocReason, isClosure, isDupok, type EscapeModel } from './utils.js';
export { isClosure };
import type { ReassignOracle } from './staticvalue.js';
import { childVisitor, type Node } from '../ir/walk.js';
import { formatConst } from '../ir/fmt.js';
import type { Relocate } from '../syntax/linedir.js';

export type { EscapeMessage, NodeFormatter, EscapeModel };

export interface EscapeOptions {
  /** -m level (0: no messages, 1: decisions, 2: with flow explanations). */
  readonly m: number;
  readonly model: EscapeModel;
  readonly fmt: NodeFormatter;
  /** Tags of imported functions by symbol name, from their packages' facts (pipeline/facts.ts). */
  readonly imported?: ReadonlyMap<string, readonly string[]>;
  /** Where the -m=2 notes print a position (the files' line directives); absent: as it is. */
  readonly relocate?: Relocate;
}

export interface EscapeResult {
  /** Every -m line, in the order gc prints them. */
  readonly messages: readonly EscapeMessage[];
  /** Parameter tags (receiver first) of each analysed function. */
  readonly tags: ReadonlyMap<IrFunc, readonly Leaks[]>;
  /** Locations of all batches, for graph export. */
  readonly locations: readonly Location[];
  /** Where each located IR node ended up. */
  readonly placement: ReadonlyMap<Expr | IrName, 'heap' | 'stack'>;
  /** Whether each variable a closure captures is copied into it (by value) or referenced. */
  readonly capturedByValue: ReadonlyMap<IrName, boolean>;
}

/** Runs escape analysis over a package's functions. */
export function escapePackage(pkg: IrPackage, opts: EscapeOptions): EscapeResult {
  const messages: EscapeMessage[] = [];
  const tags = new Map<IrFunc, Leaks[]>();
  const oracles = new Map<IrFunc, ReassignOracle>();
  const closureResultsLost = new Set<IrFunc>();
  const locations: Location[] = [];
  const placement = new Map<Expr | IrName, 'heap' | 'stack'>();
  const capturedByValue = new Map<IrName, boolean>();
  const ids = new LocationIds();
  for (const batch of bottomUpBatches(pkg.funcs)) {
    const b = new Batch({
      m: opts.m,
      model: opts.model,
      fmt: opts.fmt,
      tags,
      oracles,
      closureResultsLost,
      ids,
      ...(opts.imported ? { imported: opts.imported } : {}),
      ...(opts.relocate ? { relocate: opts.relocate } : {}),
      emit: (msg) => messages.push(msg),
    });
    runBatch(b, batch);
    for (const [v, byValue] of b.byValue) capturedByValue.set(v, byValue);
    locations.push(b.heapLoc);
    for (const l of b.allLocs) {
      locations.push(l);
      if (l.n && (isName(l.n) || 'type' in l.n)) placement.set(l.n as Expr | IrName, l.hasAttr(Attr.escapes) ? 'heap' : 'stack');
    }
  }
  return { messages, tags, locations, placement, capturedByValue };
}

export { toGraphology };

// ───────────────────────────────────────────── call graph

/** Functions a function refers to (callees, method values, closures), in ir.Visit order. */
function references(fn: IrFunc): IrFunc[] {
  const out: IrFunc[] = [];
  const visit = (n: Node) => {
    if (n.op === 'NAME' && n.name.class === 'func' && n.name.func) out.push(n.name.func);
    else if (n.op === 'METHEXPR' && n.method) out.push(n.method);
    else if (n.op === 'METHVALUE' && n.method) out.push(n.method);
    else if (n.op === 'CLOSURE') out.push(n.func);
    children(n);
  };
  const children = childVisitor(visit);
  for (const s of fn.body ?? []) visit(s);
  return out;
}

/**
 * Batches in bottom-up order over the static call graph (ir.VisitFuncsBottomUp): each
 * strongly connected component, callees before callers; a closure joins the batch of the
 * function that contains it.
 */
export function bottomUpBatches(funcs: readonly IrFunc[]): IrFunc[][] {
  const batches: IrFunc[][] = [];
  const ids = new Map<IrFunc, number>();
  const done = -1 >>> 0;
  let visitgen = 0;
  const stack: IrFunc[] = [];
  const known = new Set(funcs);
  const visit = (n: IrFunc): number => {
    const seen = ids.get(n);
    if (seen !== undefined) return seen;
    visitgen++;
    const id = visitgen;
    ids.set(n, id);
    visitgen++;
    let min = visitgen;
    stack.push(n);
    for (const callee of references(n)) {
      // Functions outside the package (no body here) are already tagged by their summary.
      if (!callee.body && !known.has(callee)) continue;
      const m = visit(callee);
      if (m < min) min = m;
    }
    if ((min === id || min === id + 1) && !isClosure(n)) {
      let i = stack.length - 1;
      for (; i >= 0; i--) {
        const x = stack[i]!;
        ids.set(x, done);
        if (x === n) break;
      }
      batches.push(stack.slice(i));
      stack.length = i;
    }
    return min;
  };
  for (const f of funcs) if (!isClosure(f)) visit(f);
  return batches;
}


// ───────────────────────────────────────────── one batch

function runBatch(b: Batch, fns: readonly IrFunc[]): void {
  for (const fn of fns) initFunc(b, fn);
  for (const fn of fns) if (!isClosure(fn)) walkFunc(b, fn);

  // Every reassignment and address-of has been seen: decide closure capture modes.
  for (const c of b.closures) flowClosure(b, c.k, c.fn);
  b.closures.length = 0;

  const closureBytes = (fn: IrFunc) =>
    closureSize(fn, (cv) => b.byValue.get(cv) ?? false, b.opts.model.ptrSize);
  for (const loc of b.allLocs) {
    rewriteWithLiterals(b, loc);
    const why = heapAllocReason(loc.n, b.opts.model, closureBytes);
    if (why && loc.n && loc.curfn) {
      b.flow(b.note(shift(b.heapHole(), -1), loc.n, why, b.fileOf(loc)), loc);
    }
  }

  walkAll(b);
  finish(b, fns);
}

function initFunc(b: Batch, fn: IrFunc): void {
  b.funcState.set(fn, 'planned');
  b.recordDefinitions(fn);
  for (const n of fn.dcl) if (!b.hasLoc(n)) b.newLoc(n, fn, 1, true);
  // A function that is no closure may still have hidden parameters (a method value
  // wrapper's `.this`): they get locations too.
  if (!fn.outer) for (const n of fn.closureVars) if (!b.hasLoc(n)) b.newLoc(n, fn, 1, true);
  fn.results.forEach((r, i) => {
    if (b.hasLoc(r)) b.oldLoc(r).resultIndex = i + 1;
  });
}

function flowClosure(b: Batch, k0: ReturnType<Batch['heapHole']>, fn: IrFunc): void {
  fn.closureVars.forEach((cv, i) => {
    // A captured variable belongs to an enclosing function of the same batch (oldLoc asserts it).
    const loc = b.oldLoc(cv);
    const byValue = b.opts.model.closureCaptureByValue && !loc.addrtaken && !loc.reassigned && cv.type.size <= b.opts.model.closureByValueMaxSize;
    b.byValue.set(cv, byValue);
    if (b.m > 1 && cv.curfn) {
      b.say(
        cv.curfn.file,
        cv.pos,
        `${shortName(cv.curfn)} capturing by ${byValue ? 'value' : 'ref'}: ${cv.sym} (addr=${loc.addrtaken} assign=${loc.reassigned} width=${cv.type.size})`,
        'other',
        cv.curfn,
      );
    }
    const pos = fn.closureVarPos?.[i] ?? cv.pos;
    let k = k0;
    if (!byValue) k = b.note(shift(k, -1), cv, 'reference', fn.file, pos);
    b.flow(b.note(k, cv, 'captured by a closure', fn.file, pos), loc);
  });
}

/** Never-reassigned locals with constant values count as constants (rewriteWithLiterals). */
function rewriteWithLiterals(b: Batch, loc: Location): void {
  const n = loc.n;
  if (!n || isName(n) || !loc.curfn || !('type' in n)) return;
  if (n.op === 'MAKESLICE') {
    const r = n.cap ?? n.len;
    if (r.op === 'LITERAL') return;
    const model = b.opts.model;
    const ro = b.oracle(loc.curfn);
    const s = ro.staticValue(r);
    let lit: Expr | null = null;
    if (model.makeSliceConstSize && s.op === 'LITERAL' && s.value.kind === 'int' && s.value.value >= 0n) {
      lit = { op: 'LITERAL', value: s.value, text: String(s.value.value), pos: n.pos, type: r.type };
    } else if (model.makeSliceLenOfSliceLit && s.op === 'LEN') {
      const x = ro.staticValue(s.x);
      if (x.op === 'SLICELIT') {
        lit = { op: 'LITERAL', value: { kind: 'int', value: BigInt(x.len) }, text: String(x.len), pos: n.pos, type: r.type };
      }
    }
    if (lit) {
      const replaced: Expr = n.cap ? { ...n, cap: lit } : { ...n, len: lit };
      b.rewritten.set(n, replaced);
      loc.n = replaced;
    }
  } else if (n.op === 'CONVIFACE') {
    if (!b.opts.model.convIfaceConst || n.x.op === 'LITERAL' || n.x.type.kind === 'interface') return;
    const v = b.oracle(loc.curfn).staticValue(n.x);
    if (v.op === 'LITERAL') {
      // A new literal of the operand's type (ir.NewBasicLit), printed as that type's constant.
      const replaced: Expr = { ...n, x: { op: 'LITERAL', value: v.value, text: formatConst(v.value, n.x.type), pos: n.pos, type: n.x.type } };
      b.rewritten.set(n, replaced);
      loc.n = replaced;
    }
  }
}

// ───────────────────────────────────────────── results

function finish(b: Batch, fns: readonly IrFunc[]): void {
  for (const fn of fns) {
    b.funcState.set(fn, 'tagged');
    const params = fn.recv ? [fn.recv, ...fn.params] : fn.params;
    b.opts.tags.set(fn, params.map((p, i) => paramTag(b, fn, i + 1, p)));
  }
  for (const loc of b.allLocs) {
    const n = loc.n;
    if (!n || !loc.curfn) continue;
    const file = b.fileOf(loc);
    const goDeferWrapper = (!isName(n) && n.op === 'CLOSURE' && !!n.func.wrapper) ||
      (!isName(n) && n.op === 'METHVALUE' && !!n.dictWrapped);
    if (b.m === 0) continue;
    if (loc.hasAttr(Attr.escapes)) {
      if (isName(n)) b.say(file, n.pos, `moved to heap: ${n.sym}`, 'moved-to-heap', loc.curfn);
      else if (!goDeferWrapper) {
        const what = n.op === 'APPEND' ? 'append' : b.opts.fmt.node(n);
        b.say(file, n.pos, `${what} escapes to heap`, 'escapes', loc.curfn);
      }
    } else if (!isName(n) && !goDeferWrapper) {
      const what = n.op === 'APPEND' ? 'append' : b.opts.fmt.node(n);
      b.say(file, n.pos, `${what} does not escape`, 'does-not-escape', loc.curfn);
    }
    // A string->[]byte conversion never written through can share the string's bytes.
    if (!isName(n) && n.op === 'STR2BYTES' && !loc.hasAttr(Attr.mutates) && b.opts.model.zeroCopyStringToBytes) {
      b.say(file, n.pos, 'zero-copy string->[]byte conversion', 'other', loc.curfn);
    }
  }
}

/**
 * A parameter's or result's name as its own lines print it: bare (gc's Sym().Name), where
 * other lines qualify another package's names: a function literal copied from another
 * package's inlined body says `t does not escape` beside `moved to heap: a.x`, and
 * `leaking param: dst to result ~r0`.
 */
function bareName(fn: IrFunc, sym: string): string {
  return fn.qual && sym.startsWith(fn.qual) ? sym.slice(fn.qual.length) : sym;
}

/** The tag of parameter p (1-based position narg, receiver first), reporting it (paramTag). */
function paramTag(b: Batch, fn: IrFunc, narg: number, p: IrName): Leaks {
  // An unnamed parameter has no Field.Sym (so no "does not escape" line) but its Nname is
  // ~pN (DeclareParams), which the uintptr lines print.
  const sym = bareName(fn, p.sym);
  const named = sym !== '' && sym !== '_' && !sym.startsWith('~') && !p.blank;
  const name = sym !== '' && sym !== '_' ? sym : `arg#${narg}`;
  const diagnose = b.m !== 0 && !fn.wrapper && !isDupok(fn);
  const say = (msg: string, kind: Parameters<Batch['say']>[3]) => b.say(fn.file, p.pos, msg, kind, fn);
  const isUintptr = p.type.kind === 'uintptr';

  if (!fn.body) {
    if (isUintptr) {
      if (diagnose) say(`assuming ${name} is unsafe uintptr`, 'other');
      return Leaks.unknown();
    }
    if (!p.type.hasPointers) return Leaks.unknown();
    const esc = new Leaks();
    if (fn.pragmas.noescape) {
      if (diagnose && named) say(`${name} does not escape`, 'param-does-not-escape');
      esc.addMutator(0);
      esc.addCallee(0);
    } else {
      if (diagnose && named) say(`leaking param: ${name}`, 'leaking-param');
      esc.addHeap(0);
    }
    return esc;
  }

  if (fn.pragmas.uintptrescapes) {
    if (isUintptr) {
      if (diagnose) say(`marking ${name} as escaping uintptr`, 'other');
      return Leaks.unknown();
    }
    if (p.ddd && p.type.elem?.kind === 'uintptr') {
      if (diagnose) say(`marking ${name} as escaping ...uintptr`, 'other');
      return Leaks.unknown();
    }
  }
  if (!p.type.hasPointers) return Leaks.unknown();
  if (!named || !b.hasLoc(p)) return new Leaks();

  const loc = b.oldLoc(p);
  const esc = loc.paramEsc.clone();
  esc.optimize();
  if (diagnose && !loc.hasAttr(Attr.escapes)) reportLeaks(b, fn, p, name, esc);
  return esc;
}

function reportLeaks(b: Batch, fn: IrFunc, p: IrName, name: string, esc: Leaks): void {
  let warned = false;
  const say = (msg: string, kind: Parameters<Batch['say']>[3]) => b.say(fn.file, p.pos, msg, kind, fn);
  const h = esc.heap();
  if (h >= 0) {
    if (h === 0) say(`leaking param: ${name}`, 'leaking-param');
    else say(`leaking param content: ${name}`, 'leaking-param-content');
    warned = true;
  }
  for (let i = 0; i < numEscResults; i++) {
    const x = esc.result(i);
    if (x >= 0) {
      const res = bareName(fn, fn.results[i]?.sym ?? `~r${i}`);
      say(`leaking param: ${name} to result ${res} level=${x}`, 'leaking-param-to-result');
      warned = true;
    }
  }
  if (!warned) say(`${name} does not escape`, 'param-does-not-escape');
}
