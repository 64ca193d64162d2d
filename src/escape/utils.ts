// Small policies of escape analysis, each a pure function: why a node must live on the heap
// whatever flows into it (HeapAllocReason), and which assignments are no-ops for it
// (isSelfAssign). Follows $GOROOT/src/cmd/compile/internal/escape/utils.go.
// Every threshold comes from the rule model (EscapeModel), never from a constant here.

import type { Expr, IrFunc, IrType } from '../ir/ir.js';
import { isName, type IrNode } from './graph.js';
import type { Model } from '../models/index.js';

/** The rule parameters escape analysis reads: a view of the models/ rule set (fromModel). */
export interface EscapeModel {
  /** ir.MaxStackVarSize: largest explicit variable kept on the stack (bytes). */
  readonly maxStackVarSize: number;
  /** ir.MaxImplicitStackVarSize: largest implicit allocation (new, &T{}, make) on the stack. */
  readonly maxImplicitStackVarSize: number;
  /** Closure variables up to this size, never reassigned nor address-taken, are captured by value. */
  readonly closureByValueMaxSize: number;
  /** Whether capture by value happens at all. */
  readonly closureCaptureByValue: boolean;
  /** Pointer size (closure records are laid out in pointer words). */
  readonly ptrSize: number;
  /** The largest alignment a stack object may have. */
  readonly maxStackAlign: number;
  /** `n := 10; make([]T, n)` counts as constant-size (rewriteWithLiterals). */
  readonly makeSliceConstSize: boolean;
  /** `make([]T, len(lit))` of a never-reassigned slice literal counts as constant-size. */
  readonly makeSliceLenOfSliceLit: boolean;
  /** `x := 5; println(any(x))` converts the constant (the message names the literal). */
  readonly convIfaceConst: boolean;
  /** `make([]T, n)` with a non-constant n may still stay on the stack (Go >= 1.25 stack buffer). */
  readonly variableMakeOnStack: boolean;
  /** append gets its own location and its own `append escapes to heap` line (Go >= 1.26). */
  readonly appendLocations: boolean;
  /** A never-mutated string->[]byte conversion reuses the string's bytes (-d=zerocopy). */
  readonly zeroCopyStringToBytes: boolean;
  /**
   * Static calls outside the batch use the callee's parameter tags (escape/call.go tagHole);
   * off, every argument flows to the heap, as for a callee whose tags are unknown.
   */
  readonly paramTagsAcrossCalls: boolean;
  /** go1.27: a call through a func local assigned several static functions reaches them all (resolveAssignedCallees). */
  readonly assignedCallees: boolean;
}

/** Go 1.26 amd64 defaults (cmd/compile/internal/ir/cfg.go, gc/main.go), for hand-built tests. */
export const go126Model: EscapeModel = {
  maxStackVarSize: 128 * 1024,
  maxImplicitStackVarSize: 64 * 1024,
  closureByValueMaxSize: 128,
  closureCaptureByValue: true,
  ptrSize: 8,
  maxStackAlign: 8,
  makeSliceConstSize: true,
  makeSliceLenOfSliceLit: true,
  convIfaceConst: true,
  variableMakeOnStack: true,
  appendLocations: true,
  zeroCopyStringToBytes: true,
  paramTagsAcrossCalls: true,
  assignedCallees: false,
};

/** The escape view of a loaded rule model (src/models). */
export function fromModel(m: Model): EscapeModel {
  return {
    maxStackVarSize: m.limits.maxStackVarSize,
    maxImplicitStackVarSize: m.limits.maxImplicitStackVarSize,
    closureByValueMaxSize: m.limits.closureByValueMaxSize,
    closureCaptureByValue: m.optimizations.closureCaptureByValue,
    ptrSize: m.arch.ptrSize,
    maxStackAlign: m.limits.maxStackAlign,
    makeSliceConstSize: m.rewrites.makeSliceConstSize,
    makeSliceLenOfSliceLit: m.rewrites.makeSliceLenOfSliceLit,
    convIfaceConst: m.rewrites.convIfaceConst,
    variableMakeOnStack: m.optimizations.variableMakeStackBuffer,
    appendLocations: m.optimizations.appendStackBuffer,
    zeroCopyStringToBytes: m.optimizations.zeroCopyStringToBytes,
    paramTagsAcrossCalls: m.optimizations.paramTagsAcrossCalls,
    assignedCallees: m.optimizations.assignedCallees,
  };
}

/** Bytes of a closure record: the function pointer plus each captured variable. */
export function closureSize(fn: IrFunc, byValue: (n: IrFunc['closureVars'][number]) => boolean, ptrSize: number): number {
  let size = ptrSize;
  let align = ptrSize;
  for (const cv of fn.closureVars) {
    const t = byValue(cv) ? cv.type : null;
    const a = t ? Math.max(t.align, 1) : ptrSize;
    size = Math.ceil(size / a) * a + (t ? t.size : ptrSize);
    align = Math.max(align, a);
  }
  return Math.ceil(size / align) * align;
}

/** Bytes of a method value's closure: the function pointer and the receiver. */
export function methodValueSize(recv: IrType, ptrSize: number): number {
  const a = Math.max(recv.align, 1);
  const size = Math.ceil(ptrSize / a) * a + recv.size;
  const align = Math.max(a, ptrSize);
  return Math.ceil(size / align) * align;
}

export function smallIntConst(n: Expr | null, model: EscapeModel): bigint | null {
  void model;
  if (!n || n.op !== 'LITERAL' || n.value.kind !== 'int') return null;
  const v = n.value.value;
  // ir.IsSmallIntConst: fits in an int32.
  return v >= -(2n ** 31n) && v < 2n ** 31n ? v : null;
}

/**
 * The reason n must be heap allocated regardless of data flow, or '' (HeapAllocReason).
 * `closureBytes` gives a closure's record size once capture modes are known.
 */
export function heapAllocReason(n: IrNode | null, model: EscapeModel, closureBytes: (fn: IrFunc) => number): string {
  if (!n) return '';
  if (isName(n)) {
    if (n.class === 'param' || n.class === 'result') return '';
    return typeReason(n.type, model) ?? '';
  }
  if (!('type' in n) || !n.type) return '';
  const t = n.type;
  const r = typeReason(t, model);
  if (r) return r;
  if ((n.op === 'NEW' || n.op === 'PTRLIT') && t.elem) {
    if (t.elem.size > model.maxImplicitStackVarSize) return 'too large for stack';
    if (t.elem.align > model.maxStackAlign) return 'too aligned for stack';
  }
  if (n.op === 'CLOSURE' && closureBytes(n.func) > model.maxImplicitStackVarSize) return 'too large for stack';
  if (n.op === 'METHVALUE' && methodValueSize(n.x.type, model.ptrSize) > model.maxImplicitStackVarSize) {
    return 'too large for stack';
  }
  if ((n.op === 'MAKESLICE' || n.op === 'MAKESLICECOPY') && t.elem) {
    const r = n.cap ?? n.len;
    if (t.elem.size === 0) return 'zero-sized element';
    const c = smallIntConst(r, model);
    if (c === null) return model.variableMakeOnStack ? '' : 'non-constant size';
    if (c > BigInt(Math.floor(model.maxImplicitStackVarSize / t.elem.size))) return 'too large for stack';
  }
  return '';
}

function typeReason(t: IrType, model: EscapeModel): string | null {
  if (t.size > model.maxStackVarSize) return 'too large for stack';
  if (t.align > model.maxStackAlign) return 'too aligned for stack';
  return null;
}

// ───────────────────────────────────────────── self-assignment

/** `b.buf = b.buf[n:m]` stores nothing new into *b (isSliceSelfAssign). */
function isSliceSelfAssign(dst: Expr, src: Expr): boolean {
  let dstX: Expr;
  if (dst.op === 'DEREF') dstX = dst.x;
  else if (dst.op === 'DOTPTR') dstX = dst.x;
  else return false;
  if (dstX.op !== 'NAME') return false;
  if (src.op !== 'SLICE' && src.op !== 'SLICE3' && src.op !== 'SLICESTR' && src.op !== 'SLICEARR' && src.op !== 'SLICE3ARR') {
    return false;
  }
  // Slicing an array value takes its address: that pointer is new.
  if ((src.op === 'SLICEARR' || src.op === 'SLICE3ARR') && src.x.op === 'ADDR') return false;
  const base = src.x;
  let baseX: Expr;
  if (base.op === 'DEREF') baseX = base.x;
  else if (base.op === 'DOTPTR') baseX = base.x;
  else return false;
  return baseX.op === 'NAME' && baseX.name === dstX.name;
}

/** Assignments like `val.x = val.y` that cannot change any lifetime (isSelfAssign). */
export function isSelfAssign(dst: Expr, src: Expr | null): boolean {
  if (!src) return false;
  if (isSliceSelfAssign(dst, src)) return true;
  if (dst.op !== src.op) return false;
  if ((dst.op === 'DOT' || dst.op === 'DOTPTR') && (src.op === 'DOT' || src.op === 'DOTPTR')) {
    return sameSafeExpr(dst.x, src.x);
  }
  if (dst.op === 'INDEX' && src.op === 'INDEX') {
    if (mayAffectMemory(dst.index) || mayAffectMemory(src.index)) return false;
    return sameSafeExpr(dst.x, src.x);
  }
  return false;
}

/** Whether evaluating n could change memory (calls, allocations...). */
export function mayAffectMemory(n: Expr): boolean {
  switch (n.op) {
    case 'NAME': case 'LITERAL': case 'NIL':
      return false;
    case 'ADD': case 'SUB': case 'OR': case 'XOR': case 'MUL': case 'LSH': case 'RSH':
    case 'AND': case 'ANDNOT': case 'DIV': case 'MOD':
      return mayAffectMemory(n.x) || mayAffectMemory(n.y);
    case 'INDEX':
      return mayAffectMemory(n.x) || mayAffectMemory(n.index);
    case 'CONVNOP': case 'CONV':
      return mayAffectMemory(n.x);
    case 'LEN': case 'CAP': case 'NOT': case 'BITNOT': case 'PLUS': case 'NEG':
      return mayAffectMemory(n.x);
    case 'DOT': case 'DOTPTR': case 'DEREF':
      return mayAffectMemory(n.x);
    default:
      return true;
  }
}

/** ir.SameSafeExpr: the same side-effect-free expression. */
export function sameSafeExpr(l: Expr, r: Expr): boolean {
  if (l.op !== r.op) return false;
  switch (l.op) {
    case 'NAME':
      return l.name === (r as typeof l).name;
    case 'DOT': case 'DOTPTR': {
      const rr = r as typeof l;
      return l.field === rr.field && sameSafeExpr(l.x, rr.x);
    }
    case 'DEREF': case 'NOT': case 'BITNOT': case 'PLUS': case 'NEG':
      return sameSafeExpr(l.x, (r as typeof l).x);
    case 'CONVNOP': case 'CONV':
      return l.type.text === r.type.text && sameSafeExpr(l.x, (r as typeof l).x);
    case 'INDEX': {
      const rr = r as typeof l;
      return sameSafeExpr(l.x, rr.x) && sameSafeExpr(l.index, rr.index);
    }
    case 'ADD': case 'SUB': case 'OR': case 'XOR': case 'MUL': case 'LSH': case 'RSH':
    case 'AND': case 'ANDNOT': case 'DIV': case 'MOD': {
      const rr = r as typeof l;
      return sameSafeExpr(l.x, rr.x) && sameSafeExpr(l.y, rr.y);
    }
    case 'LITERAL': {
      const rr = r as typeof l;
      return l.text === rr.text;
    }
    case 'NIL':
      return true;
    default:
      return false;
  }
}

/**
 * ir.Func.IsClosure: a function literal that captures something. One that captures nothing
 * is compiled as a plain function and analysed in its own batch, before its parent.
 */
export function isClosure(fn: IrFunc): boolean {
  return fn.outer !== null && fn.closureVars.length > 0;
}

/**
 * A shape instantiation or its wrapper, a method wrapper, or a closure inside one (the
 * inlined body of a method wrapper makes them: go-flags' scanSubcommandHandler literal): gc
 * marks them DUPOK (a closure inherits it), so paramTag reports no parameter lines for
 * them (the -m=2 flows still print).
 */
export function isDupok(fn: IrFunc): boolean {
  for (let f: IrFunc | null = fn; f; f = f.outer) {
    if (f.generic || (f.wrapper && !f.outer)) return true;
  }
  return false;
}
