// The hairy visitor: what a function body costs to inline, counted in IR nodes.
//
// Follows $GOROOT/src/cmd/compile/internal/inline/inl.go (hairyVisitor.doNode, IsBigFunc).
// Every node gc's ir.DoChildren reaches costs 1 (its Init statements included), with these
// exceptions, all from doNode:
//   - a call costs the callee's inline cost when that call would itself inline, else the
//     extra call cost (57; 17 when calling a parameter or captured variable); interface
//     calls always cost the extra call cost (gc's throw cost applies only to the compiler's
//     builtin `go.runtime` throw, which no Go code calls: runtime.throw costs as any call);
//   - panic costs 1 extra, and an implicit interface conversion of its argument is free;
//   - recover, go, defer make the function impossible to inline (the reason is returned);
//   - a function literal costs 15 extra and its body is not counted;
//   - no-op conversions, method expressions, blocks and fallthrough are free; method values
//     and slice literals cost 2;
//   - `&x.f` with f at offset 0 of a variable costs 1; `*&x` costs 1 less; `s[0:len(s)]`
//     drops the superfluous bounds;
//   - `if` on a constant costs only the branch taken;
//   - the unified IR's rewrite of `a, b = f()` through temporaries is compensated.
// Our IR differs from gc's in representation only: declarations are separate DCL
// statements (gc keeps them in the Init list of the defining statement; both cost 2).

import type { Expr, IrFunc, IrName, Stmt } from '../ir/ir.js';
import type { InlineParams } from './params.js';

/** What the visitor needs to know about calls: the inline cost of a call that would inline. */
export interface CallOracle {
  /** The cost of the call `call` in `caller` if it would be inlined (the callee's cost), else null. */
  inlinedCallCost(caller: IrFunc, call: Expr & { op: 'CALLFUNC' }, bigCaller: boolean): number | null;
  /** Whether a call is a compiler intrinsic (ir.IsIntrinsicCall): it costs like any node. */
  isIntrinsic(call: Expr & { op: 'CALLFUNC' }): boolean;
}

export type CostResult =
  | { readonly ok: true; readonly cost: number }
  | { readonly ok: false; readonly reason: string };

/** The pattern of the unified IR's `a, b = f()`: temporaries assigned first, then copied. */
function isTempCopy(s: Stmt, prev: Stmt | undefined): boolean {
  if (s.op !== 'AS2' || !prev) return false;
  if (prev.op !== 'AS2FUNC' && prev.op !== 'AS2MAPR' && prev.op !== 'AS2DOTTYPE' && prev.op !== 'AS2RECV') return false;
  if (s.rhs.length !== prev.lhs.length) return false;
  return s.rhs.every((r, i) => {
    const x = r.op === 'CONVNOP' || r.op === 'CONVIFACE' || r.op === 'CONV' ? r.x : r;
    const l = prev.lhs[i];
    return x.op === 'NAME' && !!x.name.autotmp && l?.op === 'NAME' && l.name === x.name;
  });
}

/** Whether field `name` of the struct type is at offset 0 (only zero-sized fields before it). */
function atOffsetZero(x: Expr, field: string): boolean {
  const t = x.type.kind === 'ptr' ? x.type.elem : x.type;
  const fields = t?.fields;
  if (!fields) return false;
  for (const f of fields) {
    if (f.name === field) return true;
    if (f.type.size !== 0) return false;
  }
  return false;
}

function isBoolConst(e: Expr): e is Expr & { op: 'LITERAL' } {
  return e.op === 'LITERAL' && e.value.kind === 'bool';
}

/** The nodes of one range-over-func state check (see HairyVisitor.run). */
const rangeFuncCheckCost = 7;

class Stop {
  constructor(readonly reason: string) {}
}

/** hairyVisitor over one function body. */
export class HairyVisitor {
  budget: number;

  constructor(
    private readonly fn: IrFunc,
    private readonly params: InlineParams,
    private readonly calls: CallOracle,
    private readonly bigFunc: boolean,
    readonly maxBudget: number,
  ) {
    this.budget = maxBudget;
  }

  run(): CostResult {
    // gc's range-over-func rewrite (rangefunc/rewrite.go) checks the loop state on entry to
    // each body closure (`if #tmpState != 1 { runtime.panicrangestate(#tmpState) }`) and
    // after each iterator call (`if #stateN == 2 { panic(runtime.panicrangestate(4)) }`):
    // 7 nodes each that our lowering leaves out, since escape analysis sees nothing in them.
    if (/-range\d+$/.test(this.fn.name)) this.budget -= rangeFuncCheckCost;
    try {
      this.stmts(this.fn.body ?? []);
    } catch (e) {
      if (e instanceof Stop) return { ok: false, reason: e.reason };
      throw e;
    }
    if (this.budget < 0) {
      return { ok: false, reason: `function too complex: cost ${this.maxBudget - this.budget} exceeds budget ${this.maxBudget}` };
    }
    return { ok: true, cost: this.maxBudget - this.budget };
  }

  private stmts(list: readonly Stmt[] | undefined): void {
    if (!list) return;
    list.forEach((s, i) => this.stmt(s, list[i - 1]));
  }

  private exprs(list: readonly (Expr | null | undefined)[]): void {
    for (const e of list) if (e) this.expr(e);
  }

  private stmt(s: Stmt, prev?: Stmt): void {
    // The loop variable rewrite runs after inlining in gc: its statements cost nothing, and
    // a 3-clause loop's condition costs what it cost in the loop header.
    if ((s.op === 'AS' || s.op === 'DCL') && s.loopvar) return;
    if (s.op === 'IF' && s.loopvar === 'check') {
      this.stmts(s.init);
      if (s.cond.op === 'NOT') this.expr(s.cond.x);
      return;
    }
    switch (s.op) {
      case 'BLOCK':
        this.stmts(s.init);
        this.stmts(s.list);
        return;
      case 'DCL':
        if (s.name.blank || s.name.sym === '_') return;
        this.budget -= 2; // ODCL and its ONAME
        return;
      case 'GO': case 'DEFER':
        throw new Stop(`unhandled op ${s.op}`);
      case 'FALL':
        return;
      case 'FOR':
        // `for false {}` is gone before inlining (ir/deadcode).
        if (s.cond && isBoolConst(s.cond) && s.cond.value.kind === 'bool' && !s.cond.value.value) return;
        break;
      case 'IF':
        if (isBoolConst(s.cond)) {
          this.stmts(s.init);
          this.stmts(s.cond.value.kind === 'bool' && s.cond.value.value ? s.body : s.else);
          return;
        }
        break;
      case 'AS2':
        if (isTempCopy(s, prev)) this.budget += 4 * s.lhs.length + 1;
        break;
      case 'AS':
        if (s.x.op === 'NAME' && /^#state\d+$/.test(s.x.name.sym) && s.y?.op === 'LITERAL' && s.y.text === '3') this.budget -= rangeFuncCheckCost;
        break;
    }
    this.budget--;
    this.stmts(s.init);
    switch (s.op) {
      case 'AS': this.exprs([s.x, s.y]); break;
      case 'ASOP': this.exprs([s.x, s.y]); break;
      case 'AS2': case 'AS2FUNC': case 'AS2DOTTYPE': case 'AS2MAPR': case 'AS2RECV': case 'SELRECV2':
        this.exprs(s.lhs); this.exprs(s.rhs); break;
      case 'RETURN': this.exprs(s.results); break;
      case 'IF': this.expr(s.cond); this.stmts(s.body); this.stmts(s.else); break;
      case 'FOR':
        if (s.cond) this.expr(s.cond);
        if (s.post) this.stmt(s.post);
        this.stmts(s.body);
        break;
      case 'RANGE':
        this.exprs([s.key, s.value, s.x]);
        this.stmts(s.body);
        break;
      case 'SWITCH':
        if (s.tag) this.expr(s.tag);
        for (const c of s.cases) {
          this.budget--; // OCASE
          this.exprs(c.list ?? []);
          this.stmts(c.body);
        }
        break;
      case 'TYPESWITCH':
        this.budget--; // OTYPESW guard
        this.expr(s.x);
        for (const c of s.cases) {
          this.budget--; // OCASE
          if (c.var) this.budget--;
          for (const t of c.list ?? []) if (t.op !== 'TYPE') this.expr(t);
          this.stmts(c.body);
        }
        break;
      case 'SELECT':
        for (const c of s.cases) {
          this.budget--; // OCASE
          if (c.comm) this.stmt(c.comm);
          this.stmts(c.body);
        }
        break;
      case 'SEND': this.exprs([s.chan, s.value]); break;
      case 'EXPR': this.budget++; this.expr(s.x); break; // no node of its own in gc
      case 'LABEL': case 'GOTO': case 'BREAK': case 'CONTINUE':
        break;
    }
  }

  private expr(e: Expr): void {
    switch (e.op) {
      case 'TYPE':
        return;
      case 'CALLFUNC':
        if (e.devirtualized) {
          // Costed as the interface call gc's visitor still sees.
          this.budget -= this.params.extraCallCost + 1;
          this.stmts(e.init);
          this.expr(e.devirtualized.fun);
          this.exprs(e.devirtualized.args);
          return;
        }
        this.call(e);
        break;
      case 'CALLINTER':
        this.budget -= this.params.extraCallCost;
        break;
      case 'PANIC':
        if (e.x.op === 'CONVIFACE' && e.x.implicit) this.budget++;
        this.budget -= this.params.panicCost;
        break;
      case 'RECOVER':
        throw new Stop('call to recover');
      case 'CLOSURE':
        if (!this.params.funcsWithClosures) throw new Stop('not inlining functions with closures');
        this.budget -= this.params.closureCost;
        break;
      case 'ADDR':
        if ((e.x.op === 'DOT' || e.x.op === 'DOTPTR') && e.x.x.op === 'NAME' && atOffsetZero(e.x.x, e.x.field)) {
          this.budget += 2;
        }
        break;
      case 'DEREF': {
        let p = e.x;
        while (p.op === 'CONVNOP') p = p.x;
        if (p.op === 'ADDR') this.budget += 1;
        break;
      }
      case 'CONVNOP':
        this.budget++;
        break;
      case 'MAKECHAN': case 'MAKEMAP':
        // typecheck gives a make without a size the constant 0 (tcMake).
        if (!e.len) this.budget--;
        break;
      case 'METHVALUE': case 'SLICELIT':
        this.budget--;
        break;
      case 'METHEXPR':
        this.budget++;
        break;
      case 'SLICE': case 'SLICEARR': case 'SLICESTR': case 'SLICE3': case 'SLICE3ARR':
        if (e.low && e.low.op === 'LITERAL' && e.low.value.kind === 'int' && e.low.value.value === 0n) this.budget++;
        if (e.high && e.high.op === 'LEN' && sameName(e.high.x, e.x)) this.budget += 2;
        break;
    }
    this.budget--;
    this.stmts(e.init);
    this.children(e);
  }

  private children(e: Expr): void {
    switch (e.op) {
      case 'STRUCTLIT':
        for (const f of e.fields) {
          this.budget--; // OSTRUCTKEY
          this.expr(f.value);
        }
        return;
      case 'MAPLIT':
        for (const en of e.entries) {
          this.budget--; // OKEY
          this.expr(en.key);
          this.expr(en.value);
        }
        return;
      case 'CLOSURE': case 'NEW': case 'METHEXPR':
        return;
      case 'METHVALUE':
        this.expr(e.x);
        return;
      case 'DOTINTER':
        this.expr(e.x);
        return;
      case 'CALLINTER':
        this.expr(e.fun);
        this.exprs(e.args);
        return;
      case 'CALLFUNC':
        this.expr(e.fun);
        this.exprs(e.args);
        return;
      case 'SLICELIT':
        if (!e.keyed) break;
        for (const el of e.elems) {
          this.budget -= 2; // OKEY and its index literal
          this.expr(el);
        }
        return;
    }
    for (const c of childExprsOf(e)) this.expr(c);
  }

  private call(e: Expr & { op: 'CALLFUNC' }): void {
    const fun = e.fun;
    if (fun.op === 'NAME' && fun.name.class === 'func') {
      const f = fun.name.func;
      const qualified = f?.name ?? '';
      if (qualified === 'internal/abi.NoEscape' || qualified === 'abi.NoEscape') return; // cheap
      // amd64 merges loads: internal/byteorder's functions are cheap (issue 42958).
      if (/^internal\/byteorder\.(LE|BE)(Put|Append)?Uint(16|32|64)$/.test(qualified)) return;
    }
    if (fun.op === 'METHEXPR' && fun.method) {
      const qualified = fun.method.name;
      // Mid-stack inlining of runtime.heapBits.next, and encoding/binary's byte orders on an
      // architecture that merges loads (issue 42958): cheap calls (inl.go hairyVisitor).
      if (qualified === 'runtime.heapBits.nextArena') return;
      if (/^encoding\/binary\.(littleEndian|bigEndian)\.(Put|Append)?Uint(16|32|64)$/.test(qualified)) return;
    }
    if (this.calls.isIntrinsic(e)) return;
    const inlined = this.calls.inlinedCallCost(this.fn, e, this.bigFunc);
    if (inlined !== null) {
      this.budget -= inlined;
      return;
    }
    let extra = this.params.extraCallCost;
    if (fun.op === 'NAME' && (fun.name.class === 'param' || isClosureVar(fun.name, this.fn))) {
      extra = Math.min(extra, this.params.paramCallCost);
    }
    this.budget -= extra;
  }
}

function isClosureVar(n: IrName, fn: IrFunc): boolean {
  return n.class !== 'global' && n.class !== 'func' && n.curfn !== null && n.curfn !== fn;
}

function sameName(a: Expr, b: Expr): boolean {
  return a.op === 'NAME' && b.op === 'NAME' && a.name === b.name;
}

function childExprsOf(e: Expr): readonly Expr[] {
  switch (e.op) {
    case 'NAME': case 'LITERAL': case 'NIL': case 'BLANK': case 'TYPE': case 'METHEXPR':
    case 'NEW': case 'CLOSURE':
      return [];
    case 'ADD': case 'SUB': case 'OR': case 'XOR': case 'MUL': case 'DIV': case 'MOD': case 'LSH':
    case 'RSH': case 'AND': case 'ANDNOT': case 'EQ': case 'NE': case 'LT': case 'LE': case 'GT':
    case 'GE': case 'ANDAND': case 'OROR':
    case 'COMPLEX': case 'COPY': case 'UNSAFEADD': case 'UNSAFESLICE': case 'UNSAFESTRING':
      return [e.x, e.y];
    case 'INDEX': case 'INDEXMAP':
      return [e.x, e.index];
    case 'SLICE': case 'SLICE3': case 'SLICEARR': case 'SLICE3ARR': case 'SLICESTR':
      return [e.x, e.low, e.high, e.max].filter((x): x is Expr => x !== null);
    case 'ADDSTR':
      return e.list;
    case 'APPEND': case 'MIN': case 'MAX': case 'DELETE': case 'PRINT': case 'PRINTLN': case 'RECOVER':
      return e.args;
    case 'MAKESLICE': case 'MAKESLICECOPY':
      return e.cap ? [e.len, e.cap] : [e.len];
    case 'MAKEMAP': case 'MAKECHAN':
      return e.len ? [e.len] : [];
    case 'ARRAYLIT': case 'SLICELIT':
      return e.elems;
    case 'STRUCTLIT':
      return e.fields.map((f) => f.value);
    case 'MAPLIT':
      return e.entries.flatMap((en) => [en.key, en.value]);
    case 'CALLFUNC': case 'CALLINTER':
      return [e.fun, ...e.args];
    default:
      return 'x' in e ? [e.x] : [];
  }
}

/** IsBigFunc: whether a function has at least bigFunctionNodes nodes (calls count 1). */
export function isBigFunc(fn: IrFunc, params: InlineParams): boolean {
  let budget = params.bigFunctionNodes;
  const big = (): boolean => budget <= 0;
  const stmts = (list: readonly Stmt[] | undefined): boolean => {
    if (!list) return false;
    for (let i = 0; i < list.length; i++) if (stmt(list[i]!, list[i - 1])) return true;
    return false;
  };
  const expr = (e: Expr | null | undefined): boolean => {
    if (!e) return false;
    budget--;
    if (big()) return true;
    if (stmts(e.init)) return true;
    if (e.op === 'STRUCTLIT' || e.op === 'MAPLIT') budget -= 'fields' in e ? e.fields.length : e.entries.length;
    for (const c of childExprsOf(e)) if (expr(c)) return true;
    return false;
  };
  const stmt = (s: Stmt, prev?: Stmt): boolean => {
    if (s.op === 'AS2' && isTempCopy(s, prev)) budget += 4 * s.lhs.length + 1;
    budget -= s.op === 'DCL' ? 2 : s.op === 'BLOCK' || s.op === 'EXPR' ? 0 : 1;
    if (big()) return true;
    if (stmts(s.init)) return true;
    switch (s.op) {
      case 'AS': return expr(s.x) || expr(s.y);
      case 'ASOP': return expr(s.x) || expr(s.y);
      case 'AS2': case 'AS2FUNC': case 'AS2DOTTYPE': case 'AS2MAPR': case 'AS2RECV': case 'SELRECV2':
        return s.lhs.some(expr) || s.rhs.some(expr);
      case 'RETURN': return s.results.some(expr);
      case 'IF': return expr(s.cond) || stmts(s.body) || stmts(s.else);
      case 'FOR': return expr(s.cond) || (s.post ? stmt(s.post) : false) || stmts(s.body);
      case 'RANGE': return expr(s.key) || expr(s.value) || expr(s.x) || stmts(s.body);
      case 'SWITCH': return expr(s.tag) || s.cases.some((c) => (budget--, (c.list ?? []).some(expr) || stmts(c.body)));
      case 'TYPESWITCH': return expr(s.x) || s.cases.some((c) => (budget--, stmts(c.body)));
      case 'SELECT': return s.cases.some((c) => (budget--, (c.comm ? stmt(c.comm) : false) || stmts(c.body)));
      case 'SEND': return expr(s.chan) || expr(s.value);
      case 'GO': case 'DEFER': return expr(s.call);
      case 'EXPR': return expr(s.x);
      case 'BLOCK': return stmts(s.list);
      default: return false;
    }
  };
  return stmts(fn.body ?? []);
}
