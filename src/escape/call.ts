// Calls → flows: arguments into parameters through the callee's tags (or straight into
// its parameter locations within the same batch), builtins, go and defer.
// Follows $GOROOT/src/cmd/compile/internal/escape/call.go.

import type { CallFunc, Expr, GoDefer, IrFunc, IrName, IrType } from '../ir/ir.js';
import type { Escape } from './batch.js';
import { shift, type Hole } from './graph.js';
import { discard, expr } from './expr.js';
import { addr } from './assign.js';
import { Leaks, parseTag, tagsFromDirective, numEscResults } from './leaks.js';
import { InternalError } from '../errors.js';

/** The statically known function a call's operand denotes (ir.StaticCalleeName). */
export function staticCallee(e: Escape, fun: Expr): IrFunc | null {
  return staticCalleeName(e.b.oracle(e.curfn).staticValue(fun));
}

/** ir.StaticCalleeName: the function a value names (func name, method expression, closure). */
function staticCalleeName(v: Expr): IrFunc | null {
  if (v.op === 'NAME' && v.name.class === 'func') return v.name.func ?? null;
  if (v.op === 'METHEXPR') return v.method;
  if (v.op === 'CLOSURE') return v.func;
  return null;
}

/**
 * The callees a call's operand may denote: one static function, or (go1.27, the model's
 * assignedCallees rule) every function assigned to a func-typed local that is only ever
 * assigned static functions or nil (escape/call.go resolveAssignedCallees on
 * ir.ReassignOracle.FuncAssignments). An empty list is an unknown callee.
 */
function staticCallees(e: Escape, fun: Expr): IrFunc[] {
  const ro = e.b.oracle(e.curfn);
  const v = ro.staticValue(fun);
  const one = staticCalleeName(v);
  if (one) return [one];
  if (v.op !== 'NAME' || !e.b.opts.model.assignedCallees) return [];
  const assigns = ro.funcAssignments(v.name);
  if (!assigns) return [];
  const fns: IrFunc[] = [];
  for (const as of assigns) {
    const callee = as.y ? staticCalleeName(as.y) : null;
    // One assignment of an unknown function value, or of a syscall-like function whose
    // uintptr arguments need rewriting, makes the whole call unknown.
    if (!callee || rewritesUintptrArguments(callee)) return [];
    fns.push(callee);
  }
  return fns;
}

/**
 * Whether fn is the intrinsic internal/abi.EscapeNonString (escape/call.go): 'heap' when its
 * shaped argument holds a non-string pointer, 'discard' when not, null for other callees.
 */
function escapeNonString(fn: IrFunc | null): 'heap' | 'discard' | null {
  if (!fn || !fn.name.startsWith('internal/abi.EscapeNonString[') || fn.recv) return null;
  const t = fn.params[1]?.type;
  if (fn.params.length !== 2 || !t || !t.text.startsWith('go.shape.')) return null;
  return hasNonStringPointers(t) ? 'heap' : 'discard';
}

/** escape/utils.go hasNonStringPointers. */
function hasNonStringPointers(t: IrType): boolean {
  if (!t.hasPointers) return false;
  switch (t.kind) {
    case 'string':
      return false;
    case 'struct':
      return (t.fields ?? []).some((f) => hasNonStringPointers(f.type));
    case 'array':
      return t.elem ? hasNonStringPointers(t.elem) : false;
    default:
      return true;
  }
}

/** The callee's receiver and parameters in call order. */
function paramList(fn: IrFunc): readonly IrName[] {
  return fn.recv ? [fn.recv, ...fn.params] : fn.params;
}

/** Evaluates a call (or builtin); ks are the holes its results flow into (null: discarded). */
export function call(e: Escape, ks: readonly Hole[] | null, n: Expr): void {
  const b = e.b;
  const argument = (k: Hole, arg: Expr) => expr(e, e.note(k, n, 'call parameter'), arg);
  const k0 = () => ks?.[0] ?? b.discardHole();

  switch (n.op) {
    case 'CALLFUNC': case 'CALLINTER': {
      const fns = n.op === 'CALLFUNC' ? staticCallees(e, n.fun) : [];
      const fn = fns.length === 1 ? fns[0]! : null;
      if (ks) {
        for (const f of fns) {
          if (!b.inMutualBatch(f)) continue;
          f.results.forEach((r, i) => {
            const k = ks[i];
            if (k) b.flow(k, b.oldLoc(r));
          });
        }
      }
      if (fns.length > 1) {
        // Several possible callees (go1.27): the operand is known, each argument goes to
        // every callee's parameter at once (mergedTagHole).
        expr(e, b.discardHole(), n.fun);
        n.args.forEach((arg, i) => {
          rewriteArgument(e, arg, fns);
          argument(e.teeHole(fns.map((f) => tagHole(e, ks, f, paramList(f)[i] ?? null, i))), arg);
        });
        return;
      }
      let args = n.args;
      let recvArg: Expr | null = null;
      if (n.op === 'CALLFUNC') {
        let calleeK = b.discardHole();
        if (!fn && ks && ks.some((k) => k.dst !== b.blankLoc)) {
          // Results flow somewhere but the callee is unknown: a closure reaching this
          // operand may have its results lost.
          calleeK = e.note(b.calleeHole(), n, 'callee operand');
        }
        expr(e, calleeK, n.fun);
      } else {
        recvArg = n.fun.x;
      }
      const params = fn ? paramList(fn) : null;
      const forced = escapeNonString(fn);
      if (forced) {
        // internal/abi.EscapeNonString[go.shape.T](dict, v): a compiler intrinsic that puts v
        // on the heap when it holds a non-string pointer (maphash.Comparable, unique.clone).
        const k = forced === 'heap' ? b.heapHole() : b.discardHole();
        for (const arg of args) argument(k, arg);
        return;
      }
      let index = 0;
      if (n.op === 'CALLINTER') {
        // An interface method's receiver goes to an unknown implementation.
        argument(b.heapHole(), recvArg!);
      } else if (fn?.recv && args.length > 0 && n.fun.op !== 'METHVALUE') {
        recvArg = args[0]!;
        args = args.slice(1);
        rewriteArgument(e, recvArg, fn);
        argument(tagHole(e, ks, fn, fn.recv, 0), recvArg);
        index = 1;
      }
      args.forEach((arg, i) => {
        const param = params ? params[index + i] ?? null : null;
        if (fn) rewriteArgument(e, arg, fn);
        argument(tagHole(e, ks, fn, param, index + i), arg);
      });
      return;
    }
    case 'APPEND': {
      const args = n.args;
      const s = args[0]!;
      // The appendee may flow to the result when it has room; otherwise its elements are
      // copied into a new heap backing array.
      let appendeeK = e.teeHole([k0(), b.mutatorHole()]);
      if (s.type.elem?.hasPointers) appendeeK = e.teeHole([appendeeK, e.deref(b.heapHole(), n, 'appendee slice')]);
      argument(appendeeK, s);
      if (n.isDDD) {
        let appendedK = b.discardHole();
        const t = args[1]?.type;
        if (t && t.kind === 'slice' && t.elem?.hasPointers) appendedK = e.deref(b.heapHole(), n, 'appended slice...');
        if (args[1]) argument(appendedK, args[1]);
      } else {
        for (const a of args.slice(1)) argument(b.heapHole(), a);
      }
      if (b.opts.model.appendLocations) {
        // The backing store append may allocate; reuse is guarded, so it is outside loops.
        const backing = e.spill(k0(), n);
        backing.dst.loopDepth = 0;
      }
      return;
    }
    case 'COPY': {
      argument(b.mutatorHole(), n.x);
      let copiedK = b.discardHole();
      if (n.y.type.kind === 'slice' && n.y.type.elem?.hasPointers) copiedK = e.deref(b.heapHole(), n, 'copied slice');
      argument(copiedK, n.y);
      return;
    }
    case 'PANIC':
      argument(b.heapHole(), n.x);
      return;
    case 'COMPLEX':
      discard(e, n.x);
      discard(e, n.y);
      return;
    case 'DELETE': case 'PRINT': case 'PRINTLN': case 'RECOVER':
      for (const a of n.args) discard(e, a);
      return;
    case 'MIN': case 'MAX':
      for (const a of n.args) argument(k0(), a);
      return;
    case 'LEN': case 'CAP': case 'REAL': case 'IMAG': case 'CLOSE':
      discard(e, n.x);
      return;
    case 'CLEAR':
      argument(b.mutatorHole(), n.x);
      return;
    case 'UNSAFESTRINGDATA': case 'UNSAFESLICEDATA':
      argument(k0(), n.x);
      return;
    case 'UNSAFEADD': case 'UNSAFESLICE': case 'UNSAFESTRING':
      argument(k0(), n.x);
      discard(e, n.y);
      return;
    default:
      // Only calls and builtins reach here (escape/call.go: "unexpected call op").
      throw new InternalError(`unexpected call op: ${n.op}`);
  }
}

/**
 * The hole for an argument passed to parameter `param` (index in receiver-first order) of
 * the static callee fn; ks are the call's result holes.
 */
export function tagHole(e: Escape, ks: readonly Hole[] | null, fn: IrFunc | null, param: IrName | null, index: number): Hole {
  const b = e.b;
  if (!fn) return b.heapHole();
  if (b.inMutualBatch(fn)) {
    if (!param || param.blank || param.sym === '' || !b.hasLoc(param)) return b.discardHole();
    return addr(e, { op: 'NAME', name: param, pos: param.pos, type: param.type });
  }
  // What-if (optimizations.paramTagsAcrossCalls=false): the callee's tags are not used.
  if (!b.opts.model.paramTagsAcrossCalls) return b.heapHole();
  const esc = tagsOf(e, fn)[index] ?? Leaks.unknown();
  const tagKs: Hole[] = [];
  if (esc.heap() >= 0) tagKs.push(shift(b.heapHole(), esc.heap()));
  if (esc.mutator() >= 0) tagKs.push(shift(b.mutatorHole(), esc.mutator()));
  if (esc.callee() >= 0) tagKs.push(shift(b.calleeHole(), esc.callee()));
  if (ks) {
    for (let i = 0; i < numEscResults; i++) {
      const x = esc.result(i);
      const k = ks[i];
      if (x >= 0 && k) tagKs.push(shift(k, x));
    }
  }
  return e.teeHole(tagKs);
}

/**
 * Tags of an analysed function, of an imported package's facts, of a std stub's summary,
 * or the conservative "leaks".
 */
function tagsOf(e: Escape, fn: IrFunc): readonly Leaks[] {
  const known = e.b.opts.tags.get(fn);
  if (known) return known;
  const params = paramList(fn);
  const imported = fn.body === null ? e.b.opts.imported?.get(fn.name) : undefined;
  if (imported) return imported.map((t) => parseTag(t));
  if (fn.pragmas.leaks) return tagsFromDirective(fn.pragmas.leaks, fn.recv, fn.params);
  return params.map(() => Leaks.unknown());
}

/** go/defer: the normalized zero-argument call's function value flows to the heap, or, for a
 * top-level defer, lives until the function returns. */
export function goDeferStmt(e: Escape, n: GoDefer): void {
  const b = e.b;
  let k = b.heapHole();
  if (n.op === 'DEFER' && e.loopDepth === 1) k = e.later(b.discardHole());
  const c: CallFunc = n.call;
  if (c.args.length > 0) {
    // Not normalized by the lowering: evaluate the arguments as if copied at the statement.
    for (const a of c.args) expr(e, k, a);
  }
  expr(e, k, c.fun);
}

/**
 * //go:uintptrescapes and bodyless (keep-alive) callees: a `uintptr(unsafe.Pointer(p))`
 * argument keeps p alive, or lets it escape, through a temporary (rewriteArgument).
 */
function rewriteArgument(e: Escape, arg: Expr, callees: IrFunc | readonly IrFunc[]): void {
  const fns = Array.isArray(callees) ? callees : [callees as IrFunc];
  // The callees' pragmas together (go1.27 ORs them; resolution never yields several callees
  // that carry one, so this is one callee's pragma in practice).
  const escapes = fns.some((fn) => !!fn.pragmas.uintptrescapes);
  const keepAlive = fns.some((fn) => !!fn.pragmas.uintptrkeepalive || fn.body === null);
  if (!escapes && !keepAlive) return;
  rewriteUintptrArgument(e, arg, escapes);
}

/**
 * Whether a callee carries //go:uintptrescapes or //go:uintptrkeepalive, the latter implied
 * for a function of this package declared without a body (escape.go paramTag).
 */
function rewritesUintptrArguments(fn: IrFunc): boolean {
  return !!fn.pragmas.uintptrescapes || !!fn.pragmas.uintptrkeepalive || (fn.body === null && !fn.imported && !fn.pragmas.leaks);
}

function rewriteUintptrArgument(e: Escape, arg: Expr, escapes: boolean): void {
  const b = e.b;
  const one = (a: Expr) => {
    if (a.op !== 'CONVNOP' || a.x.type.kind !== 'unsafe.Pointer' || a.type.kind !== 'uintptr') return;
    const tmp = e.newLoc(null, true);
    expr(e, tmp.asHole(), a.x);
    const k = escapes ? e.note(b.heapHole(), a, '//go:uintptrescapes') : b.mutatorHole();
    b.flow(k, tmp);
    b.consumed.add(a);
  };
  if (arg.op === 'SLICELIT') for (const el of arg.elems) one(el);
  else one(arg);
}
