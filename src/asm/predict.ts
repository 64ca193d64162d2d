// The allocation lowering: walks each function's escape IR in evaluation order and, from the
// escape decisions (Placement) and the version's rules (AsmRules), lists the runtime
// allocation calls gc's back end emits, each at the source line it is attributed to.
//
// The decisions follow $GOROOT/src/cmd/compile/internal:
//   walk/builtin.go   new/make/append: newobject unless EscNone; makeslice unless a
//                     non-escaping constant size (Go 1.25+ keeps the call as the fallback of
//                     a variable-size stack buffer); makemap_small / makemap; makechan always;
//                     growslice at every append that adds elements
//   walk/complit.go   &T{} and escaping slice literals: newobject of T / [N]T; map literals
//                     as make + stores
//   walk/convert.go   interface conversions (convert.ts), string conversions: slicebytetostring,
//                     stringtoslicebyte, stringtoslicerune, slicerunetostring, intstring, with
//                     the temporary forms (map index, comparison, concatenation) that do not
//                     allocate
//   walk/expr.go      walkAddString: concatstring2..5, concatstrings
//   walk/closure.go   closures with captured variables and method values: newobject of a
//                     `noalg.struct { F uintptr; X0 ... }` record when they escape
//   ssagen/ssa.go     zero-sized objects use runtime.zerobase (no call); moved-to-heap
//                     variables get newobject at their declaration (parameters at entry);
//                     go → newproc; defer → open-coded (no call), deferprocStack, or deferproc
//                     for defers in loops (which also heap-allocate their closure)

import { sourcePos, type Expr, type IrFunc, type IrName, type IrPackage, type IrType, type Pos, type Stmt } from '../ir/ir.js';
import type { AllocCall, FuncAsm, StackValue } from './result.js';
import type { Placement } from './placement.js';
import type { AsmRules } from './rules.js';
import { go126AsmRules, specializedMalloc } from './rules.js';
import { closureSize, methodValueSize } from '../escape/utils.js';
import { convCall, convNoCallReason, isConstant } from './convert.js';
import { childExprs, childStmts, stmtExprs } from '../ir/walk.js';
import { stringByteLength } from '../types/constant.js';
import { funcFacts, type FuncFacts } from './facts.js';
import { linkTypeName } from './linkname.js';
import { predictFrame } from './frame.js';

export type PlacementSource = Placement | ((file: string) => Placement);

/** Predicts every function of the package, closures right after the function holding them. */
export function predictPackage(pkg: IrPackage, placement: PlacementSource, rules: AsmRules = go126AsmRules): FuncAsm[] {
  const placementOf = typeof placement === 'function' ? placement : () => placement;
  const factsCache = new Map<IrFunc, FuncFacts>();
  const factsOf = (fn: IrFunc): FuncFacts => {
    let f = factsCache.get(fn);
    if (!f) factsCache.set(fn, (f = funcFacts(fn)));
    return f;
  };
  const out: FuncAsm[] = [];
  const calledDirectly = new Set<IrFunc>();
  const visit = (fn: IrFunc): void => {
    if (!fn.body) return;
    const w = new FuncWalker(fn, pkg.path, placementOf(fn.file), rules, factsOf, calledDirectly);
    out.push(w.run());
    for (const c of w.closures) visit(c);
  };
  for (const fn of pkg.funcs) visit(fn);
  return out;
}

class FuncWalker {
  readonly allocs: AllocCall[] = [];
  readonly closures: IrFunc[] = [];
  private loopDepth = 0;
  private readonly facts: FuncFacts;
  private readonly openDefers: boolean;
  private readonly declared = new Set<IrName>();
  /** Moved variables already given their allocation, by position (one per declaration). */
  private readonly declaredAt = new Set<string>();
  /**
   * ssagen newHeapaddr: small pointer-free moved variables of one basic block share one
   * allocation (newobject for one, mallocgc for several), flushed at the block's end.
   */
  private pending: { index: number; size: number; count: number; align: number } | null = null;
  /**
   * Local slices whose length is statically known here and whose backing store is the
   * append stack buffer or none yet (`var s []T`, `s := []T{}`, then appends; no loop between).
   */
  private readonly knownLen = new Map<IrName, number>();

  constructor(
    private readonly fn: IrFunc,
    private readonly pkgPath: string,
    private readonly placement: Placement,
    private readonly rules: AsmRules,
    private readonly factsOf: (fn: IrFunc) => FuncFacts,
    private readonly calledDirectly: Set<IrFunc>,
  ) {
    this.facts = factsOf(fn);
    const resultsOnHeap = fn.results.some((r) => placement.movedToHeap(r));
    this.openDefers =
      !this.facts.deferInLoop &&
      this.facts.numDefers <= rules.maxOpenDefers &&
      this.facts.numReturns * this.facts.numDefers <= rules.maxOpenDeferReturnProduct &&
      !resultsOnHeap;
  }

  run(): FuncAsm {
    const fn = this.fn;
    for (const p of [...(fn.recv ? [fn.recv] : []), ...fn.params, ...fn.results]) {
      if (!p.blank && this.placement.movedToHeap(p)) this.declare(p, p.pos);
    }
    this.stmts(fn.body ?? []);
    this.flush();
    const stack: StackValue[] = fn.dcl
      .filter((n) => !n.blank && !n.autotmp && n.sym !== '' && !n.sym.startsWith('~') && !this.placement.movedToHeap(n))
      .map((n) => ({ name: n.sym, type: this.link(n.type), line: n.pos.line, size: n.type.size }));
    return {
      function: fn.name,
      file: fn.file,
      line: fn.pos.line,
      frame: predictFrame(fn, this.allocs.length, this.placement, this.rules, this.calledDirectly.has(fn)),
      allocs: this.allocs,
      stack,
    };
  }

  // ───────────────────────────── emitting

  private link(t: IrType): string {
    return linkTypeName(t, this.pkgPath);
  }

  private emit(at: Pos, call: string, why: string, type?: string): void {
    // Inlined code's allocations are attributed to where it was written (ssa positions).
    const src = sourcePos(at, this.fn.file);
    const where = src.file === this.fn.file ? { line: src.line } : { line: src.line, file: src.file };
    this.allocs.push(type === undefined ? { ...where, call, why } : { ...where, call, why, type });
  }

  /**
   * ssagen newObject: runtime.newobject of t, or (go1.27) the size-class malloc of its size.
   * `specialize: false` is newObjectNonSpecialized (a shared small heap variable's first
   * allocation, new of a dictionary-typed T).
   */
  private newobject(at: Pos, t: IrType, why: string, typeName?: string, specialize = true): void {
    if (t.size === 0) return; // ssagen: runtime.zerobase, no call
    this.allocObject(at, t.size, t.hasPointers, why, typeName ?? this.link(t), specialize);
  }

  /** One object of `size` bytes (ONEW): newobject, or a size-class malloc when the model has them. */
  private allocObject(at: Pos, size: number, hasPointers: boolean, why: string, typeName: string, specialize = true): void {
    const special = specialize ? specializedMalloc(this.rules, size, hasPointers) : null;
    if (special) this.emit(at, special, why);
    else this.emit(at, 'runtime.newobject', why, typeName);
  }

  private escapes(e: Expr): boolean {
    return this.placement.escapes(e);
  }

  // ───────────────────────────── statements

  private stmts(list: readonly Stmt[]): void {
    const depth = this.loopDepth;
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      if (s.op === 'LABEL') {
        this.flush();
        if (this.facts.loopingLabels.has(s.label)) this.loopDepth++;
      }
      const next = list[i + 1];
      if (next && this.makeSliceCopy(s, next)) {
        i++;
        continue;
      }
      this.stmt(s);
    }
    this.loopDepth = depth;
  }

  private firstAppendFitsBuffer(s: IrName, app: Extract<Expr, { op: 'APPEND' }>): boolean {
    const len = this.knownLen.get(s);
    if (!this.rules.appendStackBuffer || app.isDDD || len === undefined) return false;
    if (app.args[0]?.op !== 'NAME' || app.args[0].name !== s || this.escapes(app)) return false;
    const elem = app.type.elem;
    const added = app.args.length - 1;
    return elem !== undefined && added > 0 && (len + added) * elem.size <= this.rules.appendStackBufferSize;
  }

  private trackLen(n: IrName, y: Expr | null): void {
    const tracked = n.class === 'auto' && n.type.kind === 'slice' && !n.addrtaken && !this.facts.addressed.has(n);
    let len: number | undefined;
    if (y === null || y.op === 'NIL' || (y.op === 'SLICELIT' && y.elems.length === 0)) len = 0;
    else if (y.op === 'NAME') len = this.knownLen.get(y.name);
    if (tracked && len !== undefined) this.knownLen.set(n, len);
    else this.knownLen.delete(n);
  }

  /**
   * walk/order.go orderMakeSliceCopy: `m = make([]T, n); copy(m, s)` with an escaping make
   * becomes one makeslicecopy, or mallocgc + memmove when T has no pointers and n is len(s).
   */
  private makeSliceCopy(s: Stmt, next: Stmt): boolean {
    if (s.op !== 'AS' || !s.y || s.y.op !== 'MAKESLICE' || s.y.cap !== null || s.x.op !== 'NAME' || s.x.name.blank) return false;
    if (next.op !== 'EXPR' || next.x.op !== 'COPY') return false;
    const cp = next.x;
    if (cp.x.op !== 'NAME' || cp.y.op !== 'NAME' || cp.x.name !== s.x.name || cp.y.name === cp.x.name) return false;
    const mk = s.y;
    if (!this.escapes(mk)) return false;
    if (s.init) this.stmts(s.init);
    for (const d of s.defs ?? []) this.declare(d, d.pos);
    this.expr(mk.len);
    const bounded = mk.len.op === 'LEN' && mk.len.x.op === 'NAME' && mk.len.x.name === cp.y.name;
    const elem = mk.type.elem;
    if (elem && !elem.hasPointers && bounded) this.emit(mk.pos, 'runtime.mallocgc', 'make+copy of pointer-free elements: mallocgc + memmove');
    else this.emit(mk.pos, 'runtime.makeslicecopy', 'make+copy');
    return true;
  }

  private declare(n: IrName, at: Pos): void {
    if (this.declared.has(n)) return;
    this.declared.add(n);
    if (n.blank || !this.placement.movedToHeap(n)) return;
    const key = `${n.pos.line}:${n.pos.col}:${n.sym}`;
    if (this.declaredAt.has(key)) return;
    this.declaredAt.add(key);
    this.heapVar(n, at);
  }

  private heapVar(n: IrName, at: Pos): void {
    const size = n.type.size;
    if (n.type.hasPointers || size >= maxAggregatedHeapAllocation || size === 0) {
      this.newobject(at, n.type, `moved to heap: ${n.sym}`);
      return;
    }
    if (this.pending && this.pending.size + size > maxAggregatedHeapAllocation) this.flush();
    if (!this.pending) {
      this.pending = { index: this.allocs.length, size: 0, count: 0, align: 1 };
      this.newobject(at, n.type, `moved to heap: ${n.sym}`, undefined, false);
    }
    this.pending.size += size;
    this.pending.align = Math.max(this.pending.align, n.type.align);
    this.pending.count++;
  }

  /** End of a basic block: several pending variables become one mallocgc. */
  private flush(): void {
    const p = this.pending;
    this.pending = null;
    if (!p || p.count < 2) return;
    const first = this.allocs[p.index]!;
    // flushPendingHeapAllocations: the total, rounded to the largest alignment, may get a
    // size-class malloc (go1.27).
    const size = Math.ceil(p.size / p.align) * p.align;
    const call = specializedMalloc(this.rules, size, false) ?? 'runtime.mallocgc';
    this.allocs[p.index] = { line: first.line, ...(first.file ? { file: first.file } : {}), call, why: `${p.count} small moved-to-heap variables share one allocation` };
  }

  private stmt(s: Stmt): void {
    if (s.init) this.stmts(s.init);
    if (endsBlock(s)) this.flush();
    switch (s.op) {
      // A variable is allocated at its declaration statement: an inlined callee's parameter
      // or result at the call (the inliner's ODCL), a variable without a position (a
      // range-over-func's #next) where it is declared.
      case 'DCL':
        this.declare(s.name, s.pos.line ? s.pos : s.name.pos);
        return;
      case 'AS':
        for (const d of s.defs ?? []) this.declare(d, d.pos.line ? d.pos : s.pos);
        if (s.x.op === 'BLANK' && s.y?.op === 'MAKESLICE' && !this.escapes(s.y)) {
          // `_ = make(...)` that does not escape: dead code, nothing is emitted
          this.children(s.y);
          return;
        }
        if (s.x.op === 'NAME' && s.y?.op === 'APPEND' && this.firstAppendFitsBuffer(s.x.name, s.y)) {
          // Go 1.26 ssagen append: the first append into a nil non-escaping slice goes to
          // its stack backing store; the growslice branch is constant-folded away
          for (const a of s.y.args.slice(1)) this.expr(a);
          this.knownLen.set(s.x.name, this.knownLen.get(s.x.name)! + s.y.args.length - 1);
          return;
        }
        if (s.x.op === 'NAME') this.trackLen(s.x.name, s.y);
        if (s.x.op === 'INDEXMAP') {
          this.expr(s.x.x);
          this.expr(s.x.index);
        } else this.expr(s.x);
        if (s.y) this.expr(s.y);
        return;
      case 'AS2': case 'AS2FUNC': case 'AS2DOTTYPE': case 'AS2MAPR': case 'AS2RECV': case 'SELRECV2':
        for (const d of s.defs ?? []) this.declare(d, d.pos);
        for (const r of s.rhs) this.expr(r);
        for (const l of s.lhs) this.expr(l);
        s.lhs.forEach((l, i) => {
          if (l.op === 'NAME') this.trackLen(l.name, s.op === 'AS2' ? s.rhs[i] ?? null : { ...l, op: 'BLANK' } as Expr);
        });
        return;
      case 'FOR':
        if (s.cond) this.inLoop(() => this.expr(s.cond!));
        this.inLoop(() => {
          this.stmts(s.body);
          if (s.post) this.stmt(s.post);
        });
        return;
      case 'RANGE':
        this.expr(s.x);
        this.inLoop(() => {
          for (const d of s.defs ?? []) this.declare(d, d.pos);
          this.stmts(s.body);
        });
        return;
      case 'GO':
        this.call(s.call, true);
        this.emit(s.pos, 'runtime.newproc', 'go statement');
        return;
      case 'DEFER': {
        const inLoop = this.loopDepth > 0;
        this.call(s.call, inLoop);
        if (!this.openDefers) {
          this.emit(s.pos, inLoop ? 'runtime.deferproc' : 'runtime.deferprocStack',
            inLoop ? 'defer in a loop: heap-allocated defer record' : 'defer not open-coded: stack defer record');
        }
        return;
      }
      case 'TYPESWITCH':
        this.expr(s.x);
        for (const c of s.cases) {
          if (c.var) this.declare(c.var, c.var.pos);
          this.stmts(c.body);
        }
        return;
      case 'SWITCH':
        if (s.tag) this.expr(s.tag);
        for (const c of s.cases) {
          for (const x of c.list ?? []) this.expr(x);
          this.stmts(c.body);
        }
        return;
      case 'SELECT':
        for (const c of s.cases) {
          if (c.comm) this.stmt(c.comm);
          this.stmts(c.body);
        }
        return;
      case 'IF':
        this.expr(s.cond);
        this.flush();
        this.stmts(s.body);
        this.flush();
        this.stmts(s.else);
        this.flush();
        return;
      case 'ASOP':
        if (s.operator === 'ADD' && s.x.type.kind === 'string') {
          // `s += a + b` is one concatenation of s, a, b
          this.expr(s.x);
          const parts = s.y.op === 'ADDSTR' ? s.y.list : [s.y];
          this.concat([s.x, ...parts], s.pos);
          return;
        }
        this.expr(s.x);
        this.expr(s.y);
        return;
      default:
        for (const x of stmtExprs(s, false)) this.expr(x);
        for (const c of childStmts(s)) this.stmt(c);
    }
  }

  private inLoop(f: () => void): void {
    this.flush();
    this.knownLen.clear();
    this.loopDepth++;
    try {
      f();
    } finally {
      this.loopDepth--;
      this.flush();
    }
  }

  /** The call of a go/defer statement; its closure is on the heap when `closureEscapes`. */
  private call(c: Expr, closureEscapes: boolean): void {
    if (c.op === 'CALLFUNC' && c.fun.op === 'CLOSURE') {
      for (const a of c.args) this.expr(a);
      this.closure(c.fun, closureEscapes);
      return;
    }
    this.expr(c);
  }

  // ───────────────────────────── expressions

  private expr(e: Expr, tmpString = false): void {
    if (e.init) this.stmts(e.init);
    const at = e.pos;
    switch (e.op) {
      case 'NEW':
        // new(T) of a type parameter's T reads its type from the dictionary (ODYNAMICTYPE):
        // newObjectNonSpecialized.
        if (this.escapes(e)) this.newobject(at, e.elemType, 'new escapes to heap', undefined, !this.link(e.elemType).includes('go.shape.'));
        return;
      case 'PTRLIT':
        this.children(e.x);
        if (this.escapes(e)) this.newobject(at, e.x.type, '&T{...} escapes to heap');
        return;
      case 'SLICELIT': {
        this.children(e);
        const elem = e.type.elem;
        if (elem && this.escapes(e) && e.len * elem.size > 0) {
          this.allocObject(at, e.len * elem.size, elem.hasPointers, 'slice literal escapes to heap', `[${e.len}]${this.link(elem)}`);
        }
        return;
      }
      case 'MAPLIT': {
        this.children(e);
        const small = e.entries.length <= this.rules.mapStackGroupSlots;
        if (this.escapes(e)) this.emit(at, small ? 'runtime.makemap_small' : 'runtime.makemap', 'map literal escapes to heap');
        else if (!small) this.emit(at, 'runtime.makemap', 'map literal larger than one stack group');
        return;
      }
      case 'MAKESLICE': {
        this.children(e);
        const size = e.cap ?? e.len;
        if (!this.escapes(e) && this.isConstSize(size)) return; // a stack array
        const why = this.escapes(e) ? 'make escapes to heap' : 'variable size: stack buffer with makeslice fallback';
        this.emit(at, 'runtime.makeslice', why, e.type.elem ? this.link(e.type.elem) : undefined);
        return;
      }
      case 'MAKESLICECOPY':
        this.children(e);
        this.emit(at, 'runtime.makeslicecopy', 'make and copy');
        return;
      case 'MAKEMAP': {
        this.children(e);
        const small = e.len === null || (this.constValue(e.len) ?? Infinity) <= this.rules.mapStackGroupSlots;
        if (!small) this.emit(at, 'runtime.makemap', 'map with a large or variable hint');
        else if (this.escapes(e)) this.emit(at, 'runtime.makemap_small', 'make(map) escapes to heap');
        return;
      }
      case 'MAKECHAN':
        this.children(e);
        this.emit(at, 'runtime.makechan', 'channels are always heap allocated');
        return;
      case 'CLOSURE':
        this.closure(e, this.escapes(e));
        return;
      case 'METHVALUE':
        this.children(e);
        if (this.escapes(e)) {
          this.allocObject(at, methodValueSize(e.x.type, this.rules.ptrSize), e.x.type.hasPointers, 'method value escapes to heap',
            `noalg.struct { F uintptr; R ${this.link(e.x.type)} }`);
        }
        return;
      case 'CONVIFACE': {
        this.children(e);
        const escapes = this.escapes(e);
        if (convNoCallReason(e.x, escapes, this.rules) !== null) return;
        // ir.StaticValue: a never-reassigned local standing for a constant or literal
        const value = this.staticDeep(e.x);
        if (value !== e.x && convNoCallReason(value, escapes, this.rules) !== null) return;
        const c = convCall(e.x.type);
        this.emit(at, c.call, escapes ? 'interface conversion escapes to heap' : 'value too large for a stack temporary',
          c.takesType ? this.link(e.x.type) : undefined);
        return;
      }
      case 'ADDSTR':
        this.concat(e.list, at);
        return;
      case 'STR2BYTES': {
        // walkStringToBytes: []byte(a + b) concatenates straight into the new slice.
        if (e.x.op === 'ADDSTR') {
          this.concat(e.x.list, at, 'concatbyte');
          return;
        }
        this.children(e);
        if (e.x.op === 'LITERAL' && e.x.value.kind === 'string') {
          const n = stringByteLength(e.x.value.value);
          if (this.escapes(e) || n > this.rules.maxImplicitStackVarSize) {
            if (n > 0) this.allocObject(at, n, false, '[]byte(constant) escapes to heap', `[${n}]uint8`);
          }
          return;
        }
        if (this.placement.zeroCopy?.(e)) return;
        this.emit(at, 'runtime.stringtoslicebyte', '[]byte(string) copies');
        return;
      }
      case 'BYTES2STR':
        this.children(e);
        if (!tmpString) this.emit(at, 'runtime.slicebytetostring', 'string([]byte) copies');
        return;
      case 'STR2RUNES':
        this.children(e);
        this.emit(at, 'runtime.stringtoslicerune', '[]rune(string) copies');
        return;
      case 'RUNES2STR':
        this.children(e);
        this.emit(at, 'runtime.slicerunetostring', 'string([]rune) copies');
        return;
      case 'RUNESTR':
        this.children(e);
        if (!isConstant(e.x)) this.emit(at, 'runtime.intstring', 'string(rune)');
        return;
      case 'APPEND':
        this.children(e);
        if (e.args.length > 1 || e.isDDD) {
          this.emit(at, 'runtime.growslice', 'append may grow the slice');
          this.flush();
        }
        return;
      case 'INDEXMAP':
        this.expr(e.x);
        this.expr(e.index, true);
        return;
      case 'ANDAND': case 'OROR':
        this.expr(e.x);
        this.flush();
        this.expr(e.y);
        this.flush();
        return;
      case 'EQ': case 'NE': case 'LT': case 'LE': case 'GT': case 'GE':
        this.expr(e.x, true);
        this.expr(e.y, true);
        return;
      case 'CALLFUNC':
        if (e.fun.op === 'CLOSURE') {
          // A function literal called on the spot: its record stays in the frame.
          this.calledDirectly.add(e.fun.func);
          for (const a of e.args) this.expr(a);
          this.closure(e.fun, this.escapes(e.fun));
          return;
        }
        this.children(e);
        return;
      default:
        this.children(e);
        if (branches(e)) this.flush();
    }
  }

  /**
   * walk/expr.go walkAddString. order.go lets string(b) operands borrow b's bytes only when
   * some operand is a non-empty string literal (else the result could be that temporary).
   */
  private concat(list: readonly Expr[], at: Pos, family: 'concatstring' | 'concatbyte' = 'concatstring'): void {
    const hasLiteral = list.some((x) => x.op === 'LITERAL' && x.value.kind === 'string' && x.value.value !== '');
    for (const x of list) this.expr(x, hasLiteral);
    if (list.every(isConstant) || list.length < 2) return;
    this.emit(at, list.length <= this.rules.maxConcatStringArgs ? `runtime.${family}${list.length}` : `runtime.${family}s`,
      family === 'concatbyte' ? '[]byte of a string concatenation' : 'string concatenation');
  }

  private children(e: Expr): void {
    for (const c of childExprs(e)) this.expr(c);
  }

  private closure(e: Extract<Expr, { op: 'CLOSURE' }>, escapes: boolean): void {
    const fn = e.func;
    this.closures.push(fn);
    if (!escapes || fn.closureVars.length === 0) return;
    const fields = fn.closureVars.map((v, i) => {
      const t = this.link(v.type);
      return `X${i} ${this.capturedByValue(fn, v) ? t : `*${t}`}`;
    });
    // The closure record: the code pointer, then each variable (or its address).
    const byValue = (v: IrName) => this.capturedByValue(fn, v);
    const hasPointers = fn.closureVars.some((v) => !byValue(v) || v.type.hasPointers);
    this.allocObject(e.pos, closureSize(fn, byValue, this.rules.ptrSize), hasPointers, 'func literal escapes to heap',
      `noalg.struct { F uintptr; ${fields.join('; ')} }`);
  }

  /** escape.go flowClosure: by value when never reassigned, never addressed, and small. */
  private capturedByValue(closure: IrFunc, v: IrName): boolean {
    const decided = this.placement.capturedByValue?.(closure, v);
    if (decided !== undefined) return decided;
    const owner = v.curfn ? rootOf(v.curfn) : this.fn;
    const facts = this.factsOf(owner);
    if (v.addrtaken || facts.addressed.has(v)) return false;
    if ((facts.assigns.get(v) ?? 0) > (v.class === 'auto' ? 1 : 0)) return false;
    return v.type.size <= 128;
  }

  // ───────────────────────────── constants (ir.StaticValue)

  /** The static value of an operand, seen through conversions (`MyInt(v)` with `v := 42`). */
  private staticDeep(e: Expr): Expr {
    if ((e.op === 'CONV' || e.op === 'CONVNOP') && e.x.op === 'NAME') {
      const v = this.staticValue(e.x);
      return v === e.x ? e : { ...e, x: v };
    }
    return this.staticValue(e);
  }

  private constValue(e: Expr): number | null {
    if (e.op === 'LEN' || e.op === 'CAP') {
      // rewrites.makeSliceLenOfSliceLit: len of a never-reassigned slice literal
      const lit = this.staticValue(e.x);
      if (lit.op === 'SLICELIT') return lit.len;
    }
    const s = this.staticValue(e);
    if (s.op === 'LITERAL' && s.value.kind === 'int') return Number(s.value.value);
    if ((s.op === 'CONV' || s.op === 'CONVNOP') && s.x.op === 'LITERAL' && s.x.value.kind === 'int') return Number(s.x.value.value);
    return null;
  }

  private isConstSize(e: Expr): boolean {
    return this.constValue(e) !== null;
  }

  /** A local assigned once, never addressed, stands for its defining value. */
  private staticValue(e: Expr): Expr {
    for (let i = 0; i < 10 && e.op === 'NAME'; i++) {
      const n = e.name;
      if (n.class !== 'auto' || n.addrtaken) break;
      const owner = n.curfn ? rootOf(n.curfn) : this.fn;
      const facts = this.factsOf(owner);
      if (facts.addressed.has(n) || (facts.assigns.get(n) ?? 0) !== 1) break;
      const def = facts.definedAs.get(n);
      if (!def) break;
      e = def;
    }
    return e;
  }
}

/** ssagen: maxAggregatedHeapAllocation. */
const maxAggregatedHeapAllocation = 16;

/** Expressions whose SSA form branches (panic checks), ending the current block. */
function branches(e: Expr): boolean {
  switch (e.op) {
    case 'DOTTYPE': case 'DOTTYPE2': case 'SLICE': case 'SLICE3': case 'SLICESTR': case 'SLICEARR': case 'SLICE3ARR':
    case 'SLICE2ARR': case 'SLICE2ARRPTR':
      return true;
    case 'INDEX':
      return !(e.x.type.kind === 'array' && e.index.op === 'LITERAL');
    case 'DIV': case 'MOD':
      return e.y.op !== 'LITERAL';
    default:
      return false;
  }
}

/** Statements that end the current SSA block (control flow). */
function endsBlock(s: Stmt): boolean {
  switch (s.op) {
    case 'RETURN': case 'SWITCH': case 'TYPESWITCH': case 'SELECT': case 'GOTO': case 'BREAK': case 'CONTINUE':
    case 'FALL': case 'LABEL': case 'DEFER':
      return true;
    default:
      return false;
  }
}

function rootOf(fn: IrFunc): IrFunc {
  let f = fn;
  while (f.outer) f = f.outer;
  return f;
}
