// Expressions: typed AST → IR expressions, with gc's implicit operations made explicit.
//
// Follows what $GOROOT/src/cmd/compile/internal/noder (writer.go expr / reader.go expr)
// and typecheck build: constants folded to LITERAL at the expression's position; implicit
// conversions to interfaces (CONVIFACE, implicit) wherever the checker recorded one, at the
// converted expression's position; selections through embedded fields as DOT/DOTPTR chains;
// `p[i]` on a pointer to array through an implicit DEREF; slicing an array as SLICEARR of
// an implicit ADDR; string `+` chains flattened into one ADDSTR (typecheck tcArith);
// `&T{...}` as PTRLIT. Calls live in call.ts, function literals in closure.ts.

import { hasShape, mentionsTypeParam } from './shapes.js';
import type * as ast from '../../syntax/ast.js';
import type { ConstValue as CheckerConst, Func, Obj, Selection, Type, Var } from '../../types/index.js';
import { isUntyped, ratToNumber, under, universeTypes } from '../../types/index.js';
import type { BinaryOpName, ConstValue, Expr, IrFunc, IrName, IrType, Pos, Stmt } from '../ir.js';
import { formatConst } from '../fmt.js';
import type { FuncCtx, Mutable, PkgCtx } from './context.js';
import { nameExpr } from './context.js';
import { lowerCall, typeParamRecv } from './call.js';
import { lowerFuncLit } from './closure.js';
import { isGenericFunc, type InstanceRef } from './instances.js';
import { InternalError, invariant } from '../../errors.js';

const binaryOps: Record<ast.BinaryOp, BinaryOpName> = {
  '||': 'OROR', '&&': 'ANDAND', '==': 'EQ', '!=': 'NE', '<': 'LT', '<=': 'LE', '>': 'GT',
  '>=': 'GE', '+': 'ADD', '-': 'SUB', '|': 'OR', '^': 'XOR', '*': 'MUL', '/': 'DIV',
  '%': 'MOD', '<<': 'LSH', '>>': 'RSH', '&': 'AND', '&^': 'ANDNOT',
};

export function unparen(e: ast.Expr): ast.Expr {
  while (e.kind === 'ParenExpr') e = e.x;
  return e;
}

/** Lowers the expressions and statements of one function body. */
export class FnLowerer {
  /** Statements that must run before the expression being lowered (temporaries). */
  pre: Stmt[] = [];

  constructor(readonly fc: FuncCtx) {}

  get pkg(): PkgCtx {
    return this.fc.pkg;
  }

  /** The type of e here: in a shape instantiation, with type parameters → shapes. */
  typeOf(e: ast.Expr): Type | null {
    const t = this.pkg.info.types.get(e)?.type;
    return t ? this.pkg.types.resolve(t) : null;
  }

  /** The type the checker gave e in the generic body (type parameters unsubstituted). */
  rawTypeOf(e: ast.Expr): Type | null {
    return this.pkg.info.types.get(e)?.type ?? null;
  }

  irTypeOf(e: ast.Expr): IrType {
    const t = this.typeOf(e) ?? this.typeOf(unparen(e));
    return t ? this.pkg.irType(t) : this.pkg.types.synthetic('untyped', 'invalid', { hasPointers: false });
  }

  /** Takes the statements queued so far (to place them before the current statement). */
  takePre(): Stmt[] {
    const p = this.pre;
    this.pre = [];
    return p;
  }

  // ───────────────────────────── names

  /** The IR name of a variable object, created on first sight for globals. */
  varName(v: Var, pos: Pos): IrName {
    let n = this.pkg.names.get(v);
    if (!n) {
      const isGlobal = v.varKind === 'package' || (v.parent !== null && v.pkg !== null && v.pkg.scope === v.parent);
      const sym = v.pkg && v.pkg !== this.pkg.pkg ? `${v.pkg.name}.${v.name}` : v.name;
      const made: Mutable<IrName> = {
        kind: 'Name', sym, class: isGlobal ? 'global' : 'auto', type: this.pkg.irType(v.type),
        pos: v.pos ?? pos, curfn: isGlobal ? null : this.fc.fn,
      };
      this.pkg.names.set(v, made);
      if (isGlobal) this.pkg.globals.push(made);
      n = made;
    }
    return n;
  }

  /**
   * A function used as a value: a generic one through its instantiation's wrapper
   * (`f[int]`), which gc takes the address of (reader.go funcInst).
   */
  funcValue(f: Func, ident: ast.Name, at: Pos = pos(ident)): Expr {
    const inst = this.genericFunc(f, ident);
    if (inst) return nameExpr(this.pkg.instances.nameOf(inst.wrapper ?? inst.shaped), at);
    return nameExpr(this.funcName(f), at);
  }

  /** The instantiation a use `ident` of generic function f denotes, or null. */
  genericFunc(f: Func, ident: ast.Name): InstanceRef | null {
    if (!isGenericFunc(f.origin ?? f)) return null;
    const inst = this.pkg.info.instances.get(ident);
    if (!inst) return null;
    return this.pkg.instances.func(f, inst.typeArgs.map((t) => this.pkg.types.resolve(t)));
  }

  /** The instantiation of a method of a generic type that `m` (an instance's method) denotes. */
  genericMethod(m: Func): InstanceRef | null {
    return this.pkg.instances.ofMethod(m);
  }

  /** The PFUNC name of a declared or imported function. */
  funcName(f: Func): IrName {
    const origin = f.origin ?? f;
    let n = this.pkg.funcNames.get(origin);
    if (!n) {
      const sym = origin.pkg && origin.pkg !== this.pkg.pkg ? `${origin.pkg.name}.${origin.name}` : origin.name;
      n = {
        kind: 'Name', sym, class: 'func', type: this.pkg.irType(origin.type),
        pos: origin.pos ?? { line: 0, col: 0 }, curfn: null, func: this.irFunc(origin),
      };
      this.pkg.funcNames.set(origin, n);
    }
    return n;
  }

  /** The IrFunc of a declared function; a bodiless stub for imported ones. */
  irFunc(f: Func): IrFunc | null {
    const origin = f.origin ?? f;
    const known = this.pkg.funcs.get(origin);
    if (known) return known;
    if (origin.isInterfaceMethod) return null;
    return importedFunc(this.pkg, origin);
  }

  nameRef(v: Var, pos: Pos): Expr {
    const n = this.varName(v, pos);
    if (n.curfn && n.curfn !== this.fc.fn) this.fc.capture(n, pos);
    return nameExpr(n, pos);
  }

  // ───────────────────────────── expressions

  /** An rvalue with the implicit conversion the checker recorded for it, if any. */
  value(e: ast.Expr): Expr {
    const x = this.expr(e);
    const conv = this.pkg.info.implicitConversions.get(e) ?? this.pkg.info.implicitConversions.get(unparen(e));
    if (!conv) return x;
    return this.implicitConv(x, this.pkg.irType(conv.target), e);
  }

  /** An implicit conversion of `x` (written at `at`) to `target`, as writer.convertExpr. */
  implicitConv(x: Expr, target: IrType, at: { line: number; col: number }): Expr {
    if (x.type === target) return x;
    if (x.op === 'NIL') return { ...x, type: target };
    if (target.kind === 'interface') {
      return { op: 'CONVIFACE', x, implicit: true, type: target, pos: { line: at.line, col: at.col } };
    }
    return x;
  }

  /** Converts `x` to an interface `target` unless already one (multi-value spreads). */
  assignConv(x: Expr, target: IrType, pos: Pos): Expr {
    if (target.kind === 'interface' && x.type.kind !== 'interface' && x.type !== target) {
      return { op: 'CONVIFACE', x, implicit: true, type: target, pos };
    }
    return x;
  }

  expr(e: ast.Expr): Expr {
    const tv = this.pkg.info.types.get(e);
    if (tv?.value && tv.value.kind !== 'unknown' && tv.mode === 'constant') {
      return this.literal(tv.value, tv.type, e);
    }
    switch (e.kind) {
      case 'ParenExpr':
        return this.expr(e.x);
      case 'Name':
        return this.name(e);
      case 'BasicLit':
        return this.literal(tv?.value ?? { kind: 'unknown' }, tv?.type ?? null, e);
      case 'CompositeLit':
        return this.compositeLit(e, null);
      case 'FuncLit':
        return lowerFuncLit(this, e);
      case 'SelectorExpr':
        return this.selector(e);
      case 'IndexExpr':
        return this.index(e);
      case 'SliceExpr':
        return this.slice(e);
      case 'AssertExpr': {
        const raw = this.rawTypeOf(e);
        const dynamic = !!this.pkg.types.substitution && !!raw && mentionsTypeParam(raw);
        return { op: 'DOTTYPE', x: this.value(e.x), type: this.irTypeOf(e), pos: e, ...(dynamic ? { dynamic } : {}) };
      }
      case 'CallExpr':
        return lowerCall(this, e);
      case 'UnaryExpr':
        return this.unary(e);
      case 'BinaryExpr':
        return this.binary(e);
      case 'StarExpr':
        return { op: 'DEREF', x: this.expr(e.x), type: this.irTypeOf(e), pos: pos(e) };
      case 'KeyValueExpr':
        return this.expr(e.value);
      default:
        // A type in expression position (only reachable through malformed input).
        return { op: 'TYPE', type: this.irTypeOf(e), pos: pos(e) };
    }
  }

  literal(v: CheckerConst, t: Type | null, at: Pos): Expr {
    const type = t ? this.pkg.irType(t) : this.pkg.types.synthetic('untyped', 'untyped int', { untyped: true, hasPointers: false });
    if (v.kind === 'unknown') return { op: 'NIL', type, pos: pos(at) };
    const value = irConst(v, type);
    return { op: 'LITERAL', value, text: formatConst(value, type), type, pos: pos(at) };
  }

  private name(e: ast.Name): Expr {
    if (e.value === '_') return { op: 'BLANK', type: this.irTypeOf(e), pos: pos(e) };
    const obj: Obj | undefined = this.pkg.info.uses.get(e) ?? this.pkg.info.defs.get(e) ?? undefined;
    // The checker resolves every name of a package that type-checks (noder: "missing object").
    invariant(obj, () => `${e.line}:${e.col}: name ${e.value} has no object`);
    switch (obj.kind) {
      case 'Var':
        return this.nameRef(obj, pos(e));
      case 'Func':
        return this.funcValue(obj, e);
      case 'Nil':
        return { op: 'NIL', type: this.irTypeOf(e), pos: pos(e) };
      case 'Const':
        return this.literal(obj.value, this.typeOf(e) ?? obj.type, e);
      default:
        return { op: 'TYPE', type: this.irTypeOf(e), pos: pos(e) };
    }
  }

  // ───────────────────────────── composite literals (noder reader.go compLit)

  compositeLit(e: ast.CompositeLit, elided: Type | null): Expr {
    const t = this.typeOf(e) ?? elided;
    if (!t) return { op: 'NIL', type: this.irTypeOf(e), pos: pos(e) };
    const u = under(t);
    if (u.kind === 'Pointer') {
      // An elided `&T` inside an outer literal: `[]*T{{...}}`.
      const inner = this.compositeBody(e, u.elem);
      return { op: 'PTRLIT', x: inner, type: this.pkg.irType(t), pos: pos(e) };
    }
    return this.compositeBody(e, t);
  }

  private compositeBody(e: ast.CompositeLit, t: Type): Expr {
    const type = this.pkg.irType(t);
    const u = under(t);
    const at = pos(e);
    const elemValue = (x: ast.Expr, elemType: Type | null): Expr => {
      const ux = unparen(x);
      if (ux.kind === 'CompositeLit' && ux.type === null) return this.compositeLit(ux, elemType);
      return this.value(x);
    };
    switch (u.kind) {
      case 'Struct': {
        const fields = e.elems.map((el, i) => {
          if (el.kind === 'KeyValueExpr' && el.key.kind === 'Name') {
            const f = u.fields.find((ff) => ff.name === (el.key as ast.Name).value);
            return { field: el.key.value, value: elemValue(el.value, f?.type ?? null), pos: pos(el) };
          }
          const f = u.fields[i];
          return { field: f?.name ?? `${i}`, value: elemValue(el, f?.type ?? null), pos: pos(el) };
        });
        return { op: 'STRUCTLIT', fields, type, pos: at };
      }
      case 'Map': {
        const entries = e.elems.map((el) => {
          const kv = el.kind === 'KeyValueExpr' ? el : null;
          const key = kv ? elemValue(kv.key, u.key) : elemValue(el, u.key);
          const value = kv ? elemValue(kv.value, u.elem) : elemValue(el, u.elem);
          return { key, value, pos: pos(el) };
        });
        return { op: 'MAPLIT', entries, type, pos: at };
      }
      case 'Array':
      case 'Slice': {
        const elems: Expr[] = [];
        let index = 0;
        let len = 0;
        for (const el of e.elems) {
          let v = el;
          if (el.kind === 'KeyValueExpr') {
            const k = this.pkg.info.types.get(el.key)?.value;
            if (k && k.kind === 'int') index = Number(k.value);
            v = el.value;
          }
          elems.push(elemValue(v, u.elem));
          index++;
          len = Math.max(len, index);
        }
        if (u.kind === 'Array') return { op: 'ARRAYLIT', elems, type, pos: at };
        return { op: 'SLICELIT', elems, len, type, pos: at };
      }
      default:
        return { op: 'NIL', type, pos: at };
    }
  }

  // ───────────────────────────── selectors

  private selector(e: ast.SelectorExpr): Expr {
    const sel = this.pkg.info.selections.get(e);
    if (!sel) {
      // A qualified identifier `pkg.Name`.
      const obj = this.pkg.info.uses.get(e.sel);
      if (obj?.kind === 'Var') return this.nameRef(obj, pos(e));
      if (obj?.kind === 'Func') return this.funcValue(obj, e.sel, pos(e));
      if (obj?.kind === 'Const') return this.literal(obj.value, this.typeOf(e) ?? obj.type, e);
      return { op: 'TYPE', type: this.irTypeOf(e), pos: pos(e) };
    }
    switch (sel.kind) {
      case 'field': {
        const x = this.embeddedPath(this.expr(e.x), sel, pos(e));
        const field = sel.obj.name;
        const type = this.irTypeOf(e);
        return sel.derefFinal || x.type.kind === 'ptr'
          ? { op: 'DOTPTR', x, field, type, pos: pos(e) }
          : { op: 'DOT', x, field, type, pos: pos(e) };
      }
      case 'method': {
        const method = sel.obj as Func;
        // A type parameter's method in a shape body: the dictionary's function curried with
        // the receiver as it is (reader.go methodExpr, curry), a wrapper closure that reports
        // no line and calls a function escape analysis does not know.
        const fromDict = typeParamRecv(sel.recv) !== null && !!this.pkg.types.substitution;
        let recv = fromDict ? this.value(e.x) : this.receiver(e, sel);
        const inst = recv.type.kind === 'interface' || fromDict ? null : this.genericMethod(method);
        // A method value of an interface whose type has a shape (`I[go.shape.int]` in a shape
        // body) converts its receiver to the method's receiver type first, a no-op gc prints:
        // `I[go.shape.int](r).M` (reader.go exprMethodVal).
        if (!fromDict && !inst && recv.type.kind === 'interface') {
          const operand = sel.path.length > 0 ? sel.path[sel.path.length - 1]!.field.type : this.typeOf(e.x);
          if (operand && hasShape(this.pkg.types.resolve(operand))) recv = { op: 'CONVNOP', x: recv, type: recv.type, pos: recv.pos };
        }
        const value: Expr = {
          ...((inst && !inst.wrapper) || fromDict ? { dictWrapped: true } : {}),
          op: 'METHVALUE', x: recv, sel: method.name,
          method: recv.type.kind === 'interface' || fromDict ? null : inst ? (inst.wrapper ?? inst.shaped).fn : this.irFunc(method),
          methodType: this.pkg.irType(method.type), type: this.irTypeOf(e), pos: pos(e),
        };
        // Its wrapper's receiver: the method's type, by pointer when the value takes one;
        // an interface as the operand has it (not one embedded in a struct).
        if (!fromDict && !inst) {
          const sigRecv = method.type.kind === 'Signature' ? method.type.recv?.type ?? null : null;
          const operand = this.typeOf(e.x);
          let recvT: Type | null = null;
          if (recv.type.kind === 'interface') recvT = operand && under(operand).kind === 'Interface' ? operand : null;
          else if (sigRecv) {
            const base = sigRecv.kind === 'Pointer' ? (sigRecv as { elem: Type }).elem : sigRecv;
            recvT = recv.type.kind === 'ptr' ? ({ kind: 'Pointer', elem: base } as Type) : base;
          }
          if (recvT) {
            this.pkg.methodValueInfo.set(value, { recvT, method });
            this.pkg.methodValues++;
          }
        }
        return value;
      }
      case 'methodExpr':
        return this.methodExpr(e, sel);
    }
  }

  /** `T.M` / `(*T).M`: a reference to the method as a function. */
  methodExpr(e: ast.SelectorExpr, sel: Selection): Expr {
    const method = sel.obj as Func;
    const sig = method.type.kind === 'Signature' ? method.type : null;
    const recvType = sig?.recv ? this.pkg.irType(sig.recv.type) : this.pkg.irType(sel.recv);
    const inst = this.genericMethod(method);
    return {
      op: 'METHEXPR', method: inst ? (inst.wrapper ?? inst.shaped).fn : this.irFunc(method), sel: method.name,
      recvType: this.pkg.irType(sel.recv).kind === 'interface' ? this.pkg.irType(sel.recv) : recvType,
      type: this.irTypeOf(e), pos: pos(e),
    };
  }

  /** Walks the embedded fields of a selection: DOT or DOTPTR per step (implicit). */
  embeddedPath(x: Expr, sel: Selection, at: Pos): Expr {
    for (const step of sel.path) {
      const type = this.pkg.irType(step.field.type);
      x = step.derefBefore || x.type.kind === 'ptr'
        ? { op: 'DOTPTR', x, field: step.field.name, type, pos: at }
        : { op: 'DOT', x, field: step.field.name, type, pos: at };
    }
    return x;
  }

  /**
   * The receiver of a method selection `x.M` (writer.go recvExpr): x, its embedded path,
   * then an implicit `&` (pointer method on an addressable value) or `*` (value method on
   * a pointer).
   */
  receiver(e: ast.SelectorExpr, sel: Selection): Expr {
    let x = this.embeddedPath(this.expr(e.x), sel, pos(e));
    const method = sel.obj as Func;
    const sig = method.type.kind === 'Signature' ? method.type : null;
    const recvType = sig?.recv?.type ?? null;
    if (!recvType || x.type.kind === 'interface') return x;
    const wantPtr = under(recvType).kind === 'Pointer';
    if (wantPtr && x.type.kind !== 'ptr') {
      x = this.addr(x, pos(e), true);
    } else if (!wantPtr && x.type.kind === 'ptr') {
      x = { op: 'DEREF', x, implicit: true, type: this.pkg.irType(recvType), pos: pos(e) };
    }
    return x;
  }

  /** `&x`: marks the variable under x address-taken (ir.Name.Addrtaken). */
  addr(x: Expr, at: Pos, implicit: boolean): Expr {
    markAddrtaken(x);
    return { op: 'ADDR', x, type: this.pkg.types.ptrTo(x.type), pos: at, ...(implicit ? { implicit: true } : {}) };
  }

  // ───────────────────────────── index and slice

  private index(e: ast.IndexExpr): Expr {
    const inst = e.x.kind === 'Name' ? this.pkg.info.instances.get(e.x) : undefined;
    if (inst || e.indices.length !== 1) return this.expr(e.x); // generic instantiation f[T]
    const xt = this.typeOf(e.x);
    const u = xt ? under(xt) : null;
    const type = this.irTypeOf(e);
    if (u?.kind === 'Map') {
      return { op: 'INDEXMAP', x: this.expr(e.x), index: this.value(e.indices[0]!), type, pos: pos(e) };
    }
    let x = this.expr(e.x);
    if (u?.kind === 'Pointer') x = { op: 'DEREF', x, implicit: true, type: this.pkg.irType(u.elem), pos: pos(e) };
    return { op: 'INDEX', x, index: this.value(e.indices[0]!), type, pos: pos(e) };
  }

  private slice(e: ast.SliceExpr): Expr {
    const xt = this.typeOf(e.x);
    const u = xt ? under(xt) : null;
    const type = this.irTypeOf(e);
    const low = e.low ? this.value(e.low) : null;
    const high = e.high ? this.value(e.high) : null;
    const max = e.max ? this.value(e.max) : null;
    let x = this.expr(e.x);
    let op: 'SLICE' | 'SLICE3' | 'SLICEARR' | 'SLICE3ARR' | 'SLICESTR';
    if (u?.kind === 'Basic') op = 'SLICESTR';
    else if (u?.kind === 'Array') {
      x = this.addr(x, pos(e), true);
      op = e.full ? 'SLICE3ARR' : 'SLICEARR';
    } else if (u?.kind === 'Pointer') op = e.full ? 'SLICE3ARR' : 'SLICEARR';
    else op = e.full ? 'SLICE3' : 'SLICE';
    return { op, x, low, high, max, type, pos: pos(e) };
  }

  // ───────────────────────────── operators

  private unary(e: ast.UnaryExpr): Expr {
    const type = this.irTypeOf(e);
    switch (e.op) {
      case '&': {
        const x = unparen(e.x);
        if (x.kind === 'CompositeLit') {
          return { op: 'PTRLIT', x: this.compositeLit(x, null), type, pos: pos(e) };
        }
        return this.addr(this.expr(x), pos(e), false);
      }
      case '<-':
        return { op: 'RECV', x: this.expr(e.x), type, pos: pos(e) };
      case '+':
        return { op: 'PLUS', x: this.expr(e.x), type, pos: pos(e) };
      case '-':
        return { op: 'NEG', x: this.expr(e.x), type, pos: pos(e) };
      case '!':
        return { op: 'NOT', x: this.expr(e.x), type, pos: pos(e) };
      case '^':
        return { op: 'BITNOT', x: this.expr(e.x), type, pos: pos(e) };
      default:
        throw new InternalError(`${e.line}:${e.col}: unexpected unary operator ${e.op}`);
    }
  }

  private binary(e: ast.BinaryExpr): Expr {
    const type = this.irTypeOf(e);
    const xt = this.typeOf(e.x);
    if (e.op === '+' && xt && under(xt).kind === 'Basic' && (under(xt) as { basic: string }).basic.includes('string')) {
      // typecheck tcArith: x + y + (z + w) becomes one OADDSTR at the outermost `+`.
      const list: Expr[] = [];
      const add = (x: Expr): void => {
        if (x.op === 'ADDSTR') list.push(...x.list);
        else list.push(x);
      };
      add(this.value(e.x));
      add(this.value(e.y));
      return { op: 'ADDSTR', list, type, pos: pos(e) };
    }
    return { op: binaryOps[e.op], x: this.value(e.x), y: e.op === '<<' || e.op === '>>' ? this.shiftCount(e.y) : this.value(e.y), type, pos: pos(e) };
  }

  /**
   * An untyped constant shift count is a uint constant in gc's IR (typecheck tcShift
   * DefaultLit to uint), so it prints as `uint(1)`.
   */
  shiftCount(y: ast.Expr): Expr {
    const tv = this.pkg.info.types.get(y);
    if (tv?.mode === 'constant' && tv.value && tv.type && isUntyped(tv.type)) return this.literal(tv.value, universeTypes.uint, pos(y));
    return this.value(y);
  }
}

/** Marks the variable a `&` reaches (through fields and array elements) address-taken. */
export function markAddrtaken(x: Expr): void {
  for (;;) {
    switch (x.op) {
      case 'NAME':
        (x.name as Mutable<IrName>).addrtaken = true;
        return;
      case 'DOT':
        x = x.x;
        continue;
      case 'INDEX':
        if (x.x.type.kind !== 'array') return;
        x = x.x;
        continue;
      case 'CONVNOP':
        x = x.x;
        continue;
      default:
        return;
    }
  }
}

export function pos(p: Pos): Pos {
  return { line: p.line, col: p.col };
}

/** The checker's exact constant as the IR's (ir.FixValue: the type decides the kind). */
export function irConst(v: CheckerConst, t: IrType): ConstValue {
  const k = t.kind;
  const isInt = /^u?int/.test(k) || k === 'uintptr';
  const isFloat = k === 'float32' || k === 'float64';
  const isComplex = k === 'complex64' || k === 'complex128';
  switch (v.kind) {
    case 'bool':
      return { kind: 'bool', value: v.value };
    case 'string':
      return { kind: 'string', value: v.value };
    case 'int':
      if (isFloat) return { kind: 'float', value: Number(v.value) };
      if (isComplex) return { kind: 'complex', re: Number(v.value), im: 0 };
      return { kind: 'int', value: v.value };
    case 'float': {
      if (isInt) return { kind: 'int', value: v.value.num / v.value.den };
      if (isComplex) return { kind: 'complex', re: ratToNumber(v.value), im: 0 };
      if (t.untyped && v.value.den === 1n && t.text === 'untyped int') return { kind: 'int', value: v.value.num };
      return { kind: 'float', value: ratToNumber(v.value) };
    }
    case 'complex':
      if (isInt) return { kind: 'int', value: v.re.num / v.re.den };
      if (isFloat) return { kind: 'float', value: ratToNumber(v.re) };
      return { kind: 'complex', re: ratToNumber(v.re), im: ratToNumber(v.im) };
    default:
      return { kind: 'int', value: 0n };
  }
}

/** A bodiless IrFunc standing for a function of another package (gc reads its export data). */
export function importedFunc(pkg: PkgCtx, f: Func): IrFunc {
  const known = pkg.funcs.get(f);
  if (known) return known;
  const sig = f.type.kind === 'Signature' ? f.type : null;
  const path = f.pkg?.path ?? '';
  let name = path ? `${path}.${f.name}` : f.name;
  if (sig?.recv) {
    const rt = sig.recv.type;
    const ptr = under(rt).kind === 'Pointer' && rt.kind !== 'Named';
    const base = ptr && rt.kind === 'Pointer' ? rt.elem : rt;
    const bn = base.kind === 'Named' ? base.obj.name : '?';
    name = `${path}.${ptr ? `(*${bn})` : bn}.${f.name}`;
  }
  const fn: Mutable<IrFunc> = {
    kind: 'Func', name, pkgPath: path, imported: true, file: f.file, pos: f.pos ?? { line: 0, col: 0 }, recv: null, params: [],
    results: [], dcl: [], body: null, closureVars: [], outer: null, pragmas: pragmasOf(f),
    type: pkg.irType(f.type),
  };
  const declare = (v: Var, i: number, class_: 'param' | 'result', prefix: string): IrName => {
    const sym = v.name === '' || v.name === '_' ? `${prefix}${i}` : v.name;
    const n: IrName = { kind: 'Name', sym, class: class_, type: pkg.irType(v.type), pos: v.pos ?? fn.pos, curfn: fn };
    (fn.dcl as IrName[]).push(n);
    return n;
  };
  const off = sig?.recv ? 1 : 0;
  if (sig?.recv) fn.recv = declare(sig.recv, 0, 'param', '~p');
  fn.params = (sig?.params.vars ?? []).map((v, i) => declare(v, i + off, 'param', '~p'));
  fn.results = (sig?.results.vars ?? []).map((v, i) => declare(v, i, 'result', '~r'));
  pkg.funcs.set(f, fn);
  pkg.importedOrigin.set(fn, f);
  return fn;
}

export function pragmasOf(f: Func): IrFunc['pragmas'] {
  const p: Mutable<IrFunc['pragmas']> = {};
  for (const d of f.pragmas ?? []) {
    switch (d.name) {
      case 'noescape': p.noescape = true; break;
      // noder/lex.go: go:uintptrescapes implies go:uintptrkeepalive.
      case 'uintptrescapes': p.uintptrescapes = true; p.uintptrkeepalive = true; break;
      case 'uintptrkeepalive': p.uintptrkeepalive = true; break;
      case 'noinline': p.noinline = true; break;
      case 'nosplit': p.nosplit = true; break;
      case 'norace': p.norace = true; break;
      case 'nocheckptr': p.nocheckptr = true; break;
      case 'linkname': p.linkname = true; break;
      case 'leaks': p.leaks = d.text; break;
      default: break;
    }
  }
  return p;
}
