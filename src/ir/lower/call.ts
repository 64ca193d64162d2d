// Calls, conversions and builtins (noder writer.go CallExpr case, reader.go exprCall /
// exprConvert / exprMake / exprNew, typecheck func.go FixVariadicCall / FixMethodCall,
// typecheck.ConvertOp for which conversion op gc picks).
//
//   - an explicit conversion `T(x)` sits at x's position (writer.convertExpr writes the
//     argument's position), an implicit one at the converted expression's;
//   - a method call `x.M(a)` becomes CALLFUNC(T.M, x', a) with x' the receiver after its
//     embedded path and implicit & or *; an interface method call is CALLINTER(x.M);
//   - variadic arguments are packed into one implicit slice literal at the call's position
//     (gc's `... argument`), or nil when there are none;
//   - `f(g())` with a multi-value g goes through temporaries (OAS2FUNC);
//   - `new(expr)` (Go 1.26) is `tmp := expr; &tmp`;
//   - `[]rune("...")` of a constant string is the slice literal of its runes, each keyed by
//     its index (typecheck tcConv, stringtoruneslit): gc prints `[]rune{...}`.

import type * as ast from '../../syntax/ast.js';
import { forEachNode } from '../../syntax/walk.js';
import type { CallInfo, Func, Type, TypeParam } from '../../types/index.js';
import { under, unalias, universeTypes } from '../../types/index.js';
import { impreciseInterfaceCall, type Conv, type Expr, type IrType, type Pos } from '../ir.js';
import type { FnLowerer } from './expr.js';
import { pos, unparen } from './expr.js';
import { nameExpr } from './context.js';
import { multiValue } from './stmt.js';
import { mentionsTypeParam } from './shapes.js';

export function lowerCall(l: FnLowerer, e: ast.CallExpr): Expr {
  const info = l.pkg.info.calls.get(e);
  const funTv = l.pkg.info.types.get(e.fun) ?? l.pkg.info.types.get(unparen(e.fun));
  if (info?.kind === 'conversion' || (!info && funTv?.mode === 'typexpr')) return conversion(l, e);
  if (info?.kind === 'builtin' || (!info && funTv?.mode === 'builtin')) return builtin(l, e, info ?? null);
  return call(l, e, info ?? null);
}

// ───────────────────────────── conversions

function conversion(l: FnLowerer, e: ast.CallExpr): Expr {
  const arg = e.args[0]!;
  const type = l.irTypeOf(e);
  // T(0) with T a type parameter is no constant to the checker, but in a shape body T is
  // go.shape.int and typecheck folds it: the literal `go.shape.int(0)`.
  const argTv = l.pkg.info.types.get(arg);
  const dst = l.typeOf(e);
  const raw = l.rawTypeOf(e);
  if (argTv?.mode === 'constant' && argTv.value && argTv.value.kind !== 'unknown' && dst && raw && raw !== dst &&
    under(dst).kind === 'Basic') {
    return l.literal(argTv.value, dst, e);
  }
  let x = l.expr(arg);
  const at = pos(unparen(arg));
  const src = l.typeOf(arg);
  const op = convertOp(src, dst);
  // T(nil) stays a conversion: a typed nil that becomes an interface is boxed
  // (`([]byte)(nil) does not escape`), unlike a bare nil.
  if (x.op === 'NIL') return { op: 'CONVNOP', x: { ...x, type }, type, pos: at };
  if ((op === 'BYTES2STR' || op === 'RUNES2STR') && src) {
    // typecheck tcConv: a slice of a user-defined byte (rune) type goes through []byte
    // ([]rune) first: string(([]byte)(x)).
    const s = under(src);
    if (s.kind === 'Slice' && unalias(s.elem).kind === 'Named') {
      const elem = l.pkg.irType(op === 'BYTES2STR' ? universeTypes.byte : universeTypes.rune);
      x = { op: 'CONVNOP', x, type: l.pkg.types.sliceOf(elem), pos: x.pos };
    }
  }
  if (op === 'STR2RUNES' && argTv?.mode === 'constant' && argTv.value?.kind === 'string' && dst && under(dst).kind === 'Slice') {
    const elemT = (under(dst) as { elem: Type }).elem;
    const elem = l.pkg.irType(elemT);
    // Each code point is a rune; a byte of invalid UTF-8 (stored as U+DC80..U+DCFF) is U+FFFD.
    const runes = [...argTv.value.value].map((ch) => {
      const c = ch.codePointAt(0)!;
      return c >= 0xdc80 && c <= 0xdcff ? 0xfffd : c;
    });
    const elems: Expr[] = runes.map((r) => ({ op: 'LITERAL', value: { kind: 'int', value: BigInt(r) }, text: String(r), type: elem, pos: at }));
    return { op: 'SLICELIT', elems, len: elems.length, keyed: true, type, pos: at };
  }
  return { op, x, type, pos: at };
}

type ConvOp = Conv['op'];

/** typecheck.ConvertOp / tcConv: which operation a conversion from src to dst is. */
function convertOp(src: Type | null, dst: Type | null): ConvOp {
  if (!src || !dst) return 'CONV';
  const s = under(src);
  const d = under(dst);
  if (d.kind === 'Interface') return 'CONVIFACE';
  const basic = (t: typeof s): string => (t.kind === 'Basic' ? t.basic : '');
  const elemBasic = (t: typeof s): string => (t.kind === 'Slice' ? basic(under(t.elem)) : '');
  if (basic(d) === 'string' || basic(d) === 'untyped string') {
    if (s.kind === 'Slice') return elemBasic(s) === 'int32' ? 'RUNES2STR' : 'BYTES2STR';
    if (/int|uintptr/.test(basic(s)) || basic(s) === 'untyped rune') return 'RUNESTR';
    return 'CONVNOP';
  }
  if (d.kind === 'Slice' && (basic(s) === 'string' || basic(s) === 'untyped string')) {
    return elemBasic(d) === 'int32' ? 'STR2RUNES' : 'STR2BYTES';
  }
  if (s.kind === 'Slice' && d.kind === 'Array') return 'SLICE2ARR';
  if (s.kind === 'Slice' && d.kind === 'Pointer') return 'SLICE2ARRPTR';
  if (s.kind === 'Basic' && d.kind === 'Basic') {
    if (s.basic === 'unsafe.Pointer' || d.basic === 'unsafe.Pointer') return 'CONVNOP';
    if (s.basic === d.basic) return 'CONVNOP';
    return 'CONV';
  }
  if (s.kind === 'Pointer' && d.kind === 'Basic') return 'CONVNOP';
  if (d.kind === 'Pointer' && s.kind === 'Basic') return 'CONVNOP';
  return 'CONVNOP';
}

// ───────────────────────────── builtins

function builtin(l: FnLowerer, e: ast.CallExpr, info: CallInfo | null): Expr {
  const id = info?.builtin?.id ?? builtinName(l, e);
  const type = l.irTypeOf(e);
  const at = pos(e);
  const args = e.args;
  const v = (i: number): Expr => l.value(args[i]!);
  switch (id) {
    case 'len':
    case 'cap':
    case 'real':
    case 'imag':
    case 'close':
    case 'clear':
    case 'panic':
      return { op: id.toUpperCase() as 'LEN', x: v(0), type, pos: at };
    case 'StringData':
      return { op: 'UNSAFESTRINGDATA', x: v(0), type, pos: at };
    case 'SliceData':
      return { op: 'UNSAFESLICEDATA', x: v(0), type, pos: at };
    case 'complex':
      return { op: 'COMPLEX', x: v(0), y: v(1), type, pos: at };
    case 'copy':
      return { op: 'COPY', x: v(0), y: v(1), type, pos: at };
    case 'Add':
      return { op: 'UNSAFEADD', x: v(0), y: v(1), type, pos: at };
    case 'Slice':
      return { op: 'UNSAFESLICE', x: v(0), y: v(1), type, pos: at };
    case 'String':
      return { op: 'UNSAFESTRING', x: v(0), y: v(1), type, pos: at };
    case 'append':
      return { op: 'APPEND', args: args.map((_, i) => v(i)), type, pos: at, ...(e.hasDots ? { isDDD: true } : {}) };
    case 'min':
    case 'max':
    case 'delete':
    case 'print':
    case 'println':
    case 'recover':
      return { op: id.toUpperCase() as 'MIN', args: args.map((_, i) => v(i)), type, pos: at };
    case 'new': {
      const argTv = l.pkg.info.types.get(args[0]!);
      if (argTv && argTv.mode !== 'typexpr') {
        // new(expr): tmp := expr; &tmp (reader.go exprNew).
        const x = l.value(args[0]!);
        const tmp = l.fc.temp(x.type, at);
        l.pre.push({ op: 'DCL', name: tmp, pos: at });
        l.pre.push({ op: 'AS', x: nameExpr(tmp, at), y: x, defs: [tmp], pos: at });
        return l.addr(nameExpr(tmp, at), at, false);
      }
      const elemType = type.kind === 'ptr' && type.elem ? type.elem : l.irTypeOf(args[0]!);
      // In a shape body the type of new(T) is read from the dictionary (reader.go exprType).
      const argT = l.rawTypeOf(args[0]!);
      const dynamic = !!l.pkg.types.substitution && !!argT && mentionsTypeParam(argT);
      return { op: 'NEW', elemType, type, pos: at, ...(dynamic ? { dynamic } : {}) };
    }
    case 'make': {
      const t = l.typeOf(e);
      const u = t ? under(t) : null;
      const len = args.length > 1 ? v(1) : null;
      if (u?.kind === 'Map') return { op: 'MAKEMAP', len, type, pos: at };
      if (u?.kind === 'Chan') return { op: 'MAKECHAN', len, type, pos: at };
      return { op: 'MAKESLICE', len: len ?? l.literal({ kind: 'int', value: 0n }, null, at), cap: args.length > 2 ? v(2) : null, type, pos: at };
    }
    default:
      // Sizeof, Alignof, Offsetof are constants, folded before we get here.
      return { op: 'NIL', type, pos: at };
  }
}

function builtinName(l: FnLowerer, e: ast.CallExpr): string {
  const f = unparen(e.fun);
  const name = f.kind === 'Name' ? f : f.kind === 'SelectorExpr' ? f.sel : null;
  const obj = name ? l.pkg.info.uses.get(name) : undefined;
  return obj?.kind === 'Builtin' ? obj.id : (name?.value ?? '');
}

// ───────────────────────────── function and method calls

function call(l: FnLowerer, e: ast.CallExpr, info: CallInfo | null): Expr {
  const type = l.irTypeOf(e);
  const at = pos(e);
  const fun = unparen(e.fun);
  const sel = fun.kind === 'SelectorExpr' ? l.pkg.info.selections.get(fun) : undefined;
  const sigType = l.typeOf(e.fun) ?? l.typeOf(fun);
  const sig = sigType && under(sigType).kind === 'Signature' ? (under(sigType) as Extract<Type, { kind: 'Signature' }>) : null;

  if (sel && sel.kind === 'method' && fun.kind === 'SelectorExpr' && typeParamRecv(sel.recv) && l.pkg.types.substitution) {
    return typeParamMethodCall(l, e, fun, sel.recv, sel.obj as Func, info, sig);
  }
  if (sel && sel.kind === 'method' && fun.kind === 'SelectorExpr') {
    const recv = l.receiver(fun, sel);
    const method = sel.obj as Func;
    const inst = recv.type.kind === 'interface' ? null : l.genericMethod(method);
    const args = callArgs(l, e, info, sig);
    if (inst) {
      // (*stack[go.shape.int]).push(&s, &.dict.stack[int], 1): receiver, dictionary, arguments.
      const recvType = l.pkg.instances.recvIrType(inst.shaped)!;
      const methexpr: Expr = {
        op: 'METHEXPR', method: inst.shaped.fn, sel: method.name, recvType, type: l.irTypeOf(e.fun), pos: pos(fun),
      };
      return {
        op: 'CALLFUNC', fun: methexpr, args: [recv, inst.dict(l.fc, at), ...args.list], type, pos: at,
        ...(args.isDDD ? { isDDD: true } : {}),
      };
    }
    if (recv.type.kind === 'interface') {
      const dot = { op: 'DOTINTER' as const, x: spillCallee(l, fun.x, recv, at), sel: method.name, type: l.irTypeOf(e.fun), pos: pos(fun) };
      const ci: Expr = { op: 'CALLINTER', fun: dot, args: args.list, type, pos: at, ...(args.isDDD ? { isDDD: true } : {}) };
      l.pkg.interfaceCalls.push({ call: ci, fn: l.fc.fn });
      return ci;
    }
    const msig = method.type.kind === 'Signature' ? method.type : null;
    const recvType = l.pkg.irType(msig?.recv?.type ?? sel.recv);
    const methexpr: Expr = {
      op: 'METHEXPR', method: l.irFunc(method), sel: method.name, recvType,
      type: l.irTypeOf(e.fun), pos: pos(fun),
    };
    return { op: 'CALLFUNC', fun: methexpr, args: [recv, ...args.list], type, pos: at, ...(args.isDDD ? { isDDD: true } : {}) };
  }
  const ident = genericIdent(l, fun);
  const inst = ident ? l.genericFunc(ident.obj, ident.name) : null;
  if (inst) {
    // f[go.shape.int](&.dict.f[int], x): the shape instantiation, its dictionary first.
    const args = callArgs(l, e, info, sig);
    const callee = nameExpr(l.pkg.instances.nameOf(inst.shaped), pos(fun));
    return {
      op: 'CALLFUNC', fun: callee, args: [inst.dict(l.fc, at), ...args.list], type, pos: at,
      ...(args.isDDD ? { isDDD: true } : {}),
    };
  }
  const callee = spillCallee(l, e.fun, l.expr(e.fun), at);
  const args = callArgs(l, e, info, sig);
  return { op: 'CALLFUNC', fun: callee, args: args.list, type, pos: at, ...(args.isDDD ? { isDDD: true } : {}) };
}

/**
 * typecheck.RewriteNonNameCall: a callee (or an interface call's receiver) that calls or
 * receives is evaluated into a temporary first, `f()(x)` as `.autotmp_1 = f();
 * .autotmp_1(x)`. new(T) does not count. A concrete method's receiver is an argument
 * (reader.go exprCall), so it is never spilled.
 */
export function spillCallee(l: FnLowerer, src: ast.Expr, x: Expr, at: Pos): Expr {
  if (!callsOrReceives(l, src)) return x;
  const tmp = l.fc.temp(x.type, at);
  l.pre.push({ op: 'DCL', name: tmp, pos: at }, { op: 'AS', x: nameExpr(tmp, at), y: x, pos: at });
  return nameExpr(tmp, at);
}

/** typecheck callOrChan anywhere in e (not inside function literals). */
function callsOrReceives(l: FnLowerer, e: ast.Expr): boolean {
  let found = false;
  forEachNode(e, (node) => {
    if (node.kind === 'CallExpr') {
      const conversion = l.pkg.info.types.get(node.fun)?.mode === 'typexpr';
      const f = unparen(node.fun);
      const isNew = f.kind === 'Name' && l.pkg.info.uses.get(f)?.kind === 'Builtin' && f.value === 'new';
      if (!conversion && !isNew) found = true;
    }
    if (node.kind === 'UnaryExpr' && node.op === '<-') found = true;
    return !found && node.kind !== 'FuncLit';
  });
  return found;
}

/** The generic function a callee names (`f`, `f[int]`, `pkg.F`, `pkg.F[int]`), if any. */
function genericIdent(l: FnLowerer, fun: ast.Expr): { obj: Func; name: ast.Name } | null {
  let f = unparen(fun);
  if (f.kind === 'IndexExpr') f = unparen(f.x);
  let name: ast.Name | null = null;
  if (f.kind === 'Name') name = f;
  else if (f.kind === 'SelectorExpr' && !l.pkg.info.selections.get(f)) name = f.sel;
  if (!name) return null;
  const obj = l.pkg.info.uses.get(name);
  return obj?.kind === 'Func' ? { obj, name } : null;
}

/** A receiver whose type is a type parameter (or a pointer to one). */
export function typeParamRecv(t: Type): TypeParam | null {
  let u = unalias(t);
  if (u.kind === 'Pointer') u = unalias(u.elem);
  return u.kind === 'TypeParam' ? u : null;
}

/**
 * `x.M(a)` with x of a type parameter's type, in a shape body: the method comes from the
 * dictionary, `(func(go.shape.*p.cell, int))(&.dict[0])(x, a)` — a call of an unknown
 * function value, so its arguments leak (reader.go typeParamMethodExprs).
 */
function typeParamMethodCall(
  l: FnLowerer, e: ast.CallExpr, fun: ast.SelectorExpr, recvT: Type, method: Func, info: CallInfo | null,
  sig: Extract<Type, { kind: 'Signature' }> | null,
): Expr {
  const at = pos(e);
  const recv = l.value(fun.x);
  const args = callArgs(l, e, info, sig);
  const text = (t: Type) => l.pkg.irType(t).text;
  const ps = [recv.type.text, ...(sig?.params.vars ?? []).map((v, i, all) => {
    if (sig?.variadic && i === all.length - 1) {
      const s = under(v.type);
      return '...' + text(s.kind === 'Slice' ? s.elem : v.type);
    }
    return text(v.type);
  })];
  const rs = sig?.results.vars ?? [];
  let ftext = `func(${ps.join(', ')})`;
  if (rs.length === 1) ftext += ' ' + text(rs[0]!.type);
  else if (rs.length > 1) ftext += ` (${rs.map((v) => text(v.type)).join(', ')})`;
  const ftype = l.pkg.types.synthetic('func', ftext, { params: [], results: rs.map((v) => l.pkg.irType(v.type)) });
  const callee = l.pkg.instances.typeParamMethod(l.fc, typeParamRecv(recvT)!, method.name, ftype, pos(fun));
  // A type parameter whose shape is an interface: gc's reader calls the dictionary's method
  // on an interface value, and says so under -m (reader.go exprCall).
  if (recv.type.kind === 'interface') {
    l.pkg.readerNotes.push({ file: l.pkg.file, pos: pos(fun), message: impreciseInterfaceCall, func: l.fc.fn.name });
    l.fc.fn.impreciseCalls = true;
  }
  return {
    op: 'CALLFUNC', fun: callee, args: [recv, ...args.list], type: l.irTypeOf(e), pos: at,
    ...(args.isDDD ? { isDDD: true } : {}),
  };
}

interface Args {
  readonly list: Expr[];
  readonly isDDD: boolean;
}

/** Arguments with conversions, multi-value spreading and variadic packing. */
function callArgs(l: FnLowerer, e: ast.CallExpr, info: CallInfo | null, sig: Extract<Type, { kind: 'Signature' }> | null): Args {
  const at = pos(e);
  const params = sig?.params.vars ?? [];
  const variadic = sig?.variadic ?? false;
  let list: Expr[];
  const spread = e.args.length === 1 && l.typeOf(e.args[0]!)?.kind === 'Tuple';
  if (spread || info?.spread) {
    const n = (l.typeOf(e.args[0]!) as { vars?: readonly unknown[] } | null)?.vars?.length ?? 0;
    const dsts = Array.from({ length: n }, (_, i) => {
      const p = params[Math.min(i, params.length - 1)];
      if (!p) return null;
      const pt = l.pkg.irType(p.type);
      return variadic && !e.hasDots && i >= params.length - 1 && pt.elem ? pt.elem : pt;
    });
    list = multiValue(l, e.args[0]!, dsts, at);
  } else {
    list = e.args.map((a) => l.value(a));
  }
  if (!variadic || e.hasDots) return { list, isDDD: e.hasDots };
  // typecheck.FixVariadicCall: the extra arguments become one implicit slice literal.
  const vi = info?.variadicPackFrom ?? params.length - 1;
  const last = params[params.length - 1];
  const sliceType: IrType = last ? l.pkg.irType(last.type) : l.pkg.types.synthetic('slice', '[]interface {}', {});
  const extra = list.slice(vi);
  const packed: Expr = extra.length === 0
    ? { op: 'NIL', type: sliceType, pos: at }
    : { op: 'SLICELIT', elems: extra, len: extra.length, implicit: 'ddd', type: sliceType, pos: at };
  return { list: [...list.slice(0, vi), packed], isDDD: true };
}

