// Expressions → flows: evaluating expression n sends its value into hole k.
// Follows $GOROOT/src/cmd/compile/internal/escape/expr.go. Every sub-expression is always
// visited, even when its value is discarded, because it may allocate or call.

import type { Expr } from '../ir/ir.js';
import type { Escape } from './batch.js';
import { hole, shift, type Hole } from './graph.js';
import { stmts, walkFunc } from './stmt.js';
import { call, tagHole } from './call.js';
import { assignHeap } from './assign.js';
import { isClosure } from './utils.js';
import { unreachable } from '../errors.js';

export function expr(e: Escape, k: Hole, n: Expr | null | undefined): void {
  if (!n) return;
  if (n.init) stmts(e, n.init);
  exprSkipInit(e, k, n);
}

export function discard(e: Escape, n: Expr | null | undefined): void {
  expr(e, e.b.discardHole(), n);
}

export function discards(e: Escape, ns: readonly Expr[] | null | undefined): void {
  if (ns) for (const n of ns) discard(e, n);
}

export function exprSkipInit(e: Escape, k: Hole, n: Expr): void {
  const b = e.b;
  if (b.consumed.has(n)) return;
  // A value without pointers cannot carry an address anywhere.
  if (k.derefs >= 0 && !n.type.untyped && !n.type.hasPointers) k = hole(b.blankLoc, k.derefs, k.notes, k.addrtaken);

  switch (n.op) {
    case 'LITERAL': case 'NIL': case 'BLANK': case 'TYPE': case 'METHEXPR':
      return;
    case 'NAME':
      if (n.name.class === 'func' || n.name.class === 'global') return;
      b.flow(k, b.oldLoc(n.name));
      return;
    case 'PLUS': case 'NEG': case 'BITNOT': case 'NOT':
      discard(e, n.x);
      return;
    case 'ADD': case 'SUB': case 'OR': case 'XOR': case 'MUL': case 'DIV': case 'MOD': case 'LSH':
    case 'RSH': case 'AND': case 'ANDNOT': case 'EQ': case 'NE': case 'LT': case 'LE': case 'GT':
    case 'GE': case 'ANDAND': case 'OROR':
      discard(e, n.x);
      discard(e, n.y);
      return;
    case 'ADDR':
      expr(e, e.addr(k, n, 'address-of'), n.x);
      return;
    case 'DEREF':
      expr(e, e.deref(k, n, 'indirection'), n.x);
      return;
    case 'DOT': case 'DOTINTER':
      expr(e, e.note(k, n, 'dot'), n.x);
      return;
    case 'DOTPTR':
      expr(e, e.deref(k, n, 'dot of pointer'), n.x);
      return;
    case 'DOTTYPE': case 'DOTTYPE2': {
      // The comma-ok form may be typed as the (T, bool) tuple: the asserted type is T.
      const t = n.type.kind === 'tuple' ? n.type.results?.[0] ?? n.type : n.type;
      expr(e, e.dotType(k, t, n, 'dot'), n.x);
      return;
    }
      return;
    case 'INDEX':
      if (n.x.type.kind === 'array') expr(e, e.note(k, n, 'fixed-array-index-of'), n.x);
      else expr(e, e.deref(k, n, 'dot of pointer'), n.x);
      discard(e, n.index);
      return;
    case 'INDEXMAP':
      discard(e, n.x);
      discard(e, n.index);
      return;
    case 'SLICE': case 'SLICE3': case 'SLICEARR': case 'SLICE3ARR': case 'SLICESTR':
      expr(e, e.note(k, n, 'slice'), n.x);
      discard(e, n.low);
      discard(e, n.high);
      discard(e, n.max);
      return;
    case 'CONV': case 'CONVNOP':
      if (n.type.kind === 'unsafe.Pointer' && n.x.type.kind === 'uintptr') unsafeValue(e, k, n.x);
      else expr(e, k, n.x);
      return;
    case 'CONVIFACE':
      if (n.x.type.kind !== 'interface' && !n.x.type.directIface) k = e.spill(k, n);
      expr(e, e.note(k, n, 'interface-converted'), n.x);
      return;
    case 'SLICE2ARR':
      expr(e, e.deref(k, n, 'slice-to-array'), n.x);
      return;
    case 'SLICE2ARRPTR':
      expr(e, k, n.x);
      return;
    case 'RECV':
      discard(e, n.x);
      return;
    case 'CALLFUNC': case 'CALLINTER': case 'LEN': case 'CAP': case 'MIN': case 'MAX': case 'COMPLEX':
    case 'REAL': case 'IMAG': case 'APPEND': case 'COPY': case 'RECOVER': case 'UNSAFEADD':
    case 'UNSAFESLICE': case 'UNSAFESTRING': case 'UNSAFESTRINGDATA': case 'UNSAFESLICEDATA':
    case 'CLOSE': case 'CLEAR': case 'PANIC': case 'DELETE': case 'PRINT': case 'PRINTLN':
      call(e, [k], n);
      return;
    case 'NEW':
      e.spill(k, n);
      return;
    case 'MAKESLICE': case 'MAKESLICECOPY':
      e.spill(k, n);
      discard(e, n.len);
      discard(e, n.cap);
      return;
    case 'MAKECHAN':
      discard(e, n.len);
      return;
    case 'MAKEMAP':
      e.spill(k, n);
      discard(e, n.len);
      return;
    case 'METHVALUE': {
      // The receiver flows both into the closure and into the method's receiver parameter;
      // the results of a later call are unknown, so they go to the heap.
      const closureK = e.spill(k, n);
      const nres = n.methodType.results?.length ?? 0;
      const ks: Hole[] = [];
      for (let i = 0; i < nres; i++) ks.push(b.heapHole());
      const paramK = tagHole(e, ks, n.method, n.method?.recv ?? null, 0);
      expr(e, e.teeHole([paramK, closureK]), n.x);
      return;
    }
    case 'PTRLIT':
      expr(e, e.spill(k, n), n.x);
      return;
    case 'ARRAYLIT':
      for (const el of n.elems) expr(e, e.note(k, n, 'array literal element'), el);
      return;
    case 'SLICELIT': {
      const sk = e.spill(k, n);
      for (const el of n.elems) expr(e, e.note(sk, n, 'slice-literal-element'), el);
      return;
    }
    case 'STRUCTLIT':
      for (const f of n.fields) expr(e, e.note(k, n, 'struct literal element'), f.value);
      return;
    case 'MAPLIT':
      e.spill(k, n);
      // Map keys and values are always stored in the heap.
      for (const en of n.entries) {
        assignHeap(e, en.key, 'map literal key', n);
        assignHeap(e, en.value, 'map literal value', n);
      }
      return;
    case 'CLOSURE': {
      const ck = e.spill(k, n);
      b.closures.push({ k: ck, fn: n.func });
      // A literal that captures nothing is a plain function with its own batch.
      if (!isClosure(n.func)) return;
      for (const cv of n.func.closureVars) {
        const loc = b.oldLoc(cv);
        if (!loc.captured) {
          loc.captured = true;
          // Reassignments in straight-line code before the first capture do not count.
          if (loc.loopDepth === e.loopDepth) loc.reassigned = false;
        }
      }
      for (const d of n.func.dcl) {
        if (!b.hasLoc(d)) b.newLoc(d, n.func, 1, true);
      }
      walkFunc(b, n.func);
      return;
    }
    case 'RUNES2STR': case 'BYTES2STR': case 'STR2RUNES': case 'STR2BYTES': case 'RUNESTR':
      e.spill(k, n);
      discard(e, n.x);
      return;
    case 'ADDSTR':
      e.spill(k, n);
      // runtime.concatstrings never lets its operands escape.
      discards(e, n.list);
      return;
    default:
      unreachable('expr', n);
  }
}

/** Evaluates a uintptr expression, following conversions from unsafe.Pointer (unsafeValue). */
export function unsafeValue(e: Escape, k: Hole, n: Expr): void {
  if (n.init) stmts(e, n.init);
  switch (n.op) {
    case 'CONV': case 'CONVNOP':
      if (n.x.type.kind === 'unsafe.Pointer') expr(e, k, n.x);
      else discard(e, n.x);
      return;
    case 'DOTPTR':
      if (isReflectHeaderDataField(n)) expr(e, e.deref(k, n, 'reflect.Header.Data'), n.x);
      else discard(e, n.x);
      return;
    case 'PLUS': case 'NEG': case 'BITNOT':
      unsafeValue(e, k, n.x);
      return;
    case 'ADD': case 'SUB': case 'OR': case 'XOR': case 'MUL': case 'DIV': case 'MOD': case 'AND': case 'ANDNOT':
      unsafeValue(e, k, n.x);
      unsafeValue(e, k, n.y);
      return;
    case 'LSH': case 'RSH':
      unsafeValue(e, k, n.x);
      discard(e, n.y);
      return;
    default:
      exprSkipInit(e, e.b.discardHole(), n);
  }
}

export { shift };

/** `(*reflect.SliceHeader)(p).Data` / StringHeader: a uintptr that really is a pointer. */
export function isReflectHeaderDataField(n: Expr): boolean {
  if (n.type.kind !== 'uintptr') return false;
  let t;
  if (n.op === 'DOTPTR') t = n.x.type.elem;
  else if (n.op === 'DOT') t = n.x.type;
  else return false;
  return n.field === 'Data' && !!t && (t.text === 'reflect.SliceHeader' || t.text === 'reflect.StringHeader');
}
