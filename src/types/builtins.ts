// Builtin functions (go/types builtins.go): argument rules, result types, constant results
// (len of a constant string or of an array without calls, unsafe.Sizeof, min/max of
// constants), and the call-site signature recorded for the builtin's name as go/types
// records it (e.g. `append` in `append(s, 1)` has type `func([]int, ...int) []int`).

import type * as ast from '../syntax/ast.js';
import type { Checker } from './check.js';
import type { Operand } from './operand.js';
import { exprString, operandString } from './operand.js';
import type { Builtin, Var } from './objects.js';
import type { Interface, Signature, Type } from './types.js';
import { deref, under, unalias, isUntyped, newTuple, emptyTuple } from './types.js';
import { universeTypes } from './universe.js';
import { expr, exprOrType, invalidOperand, singleValue, rawExpr, multiExpr } from './expr.js';
import { typExpr } from './typexpr.js';
import { assignment } from './assignments.js';
import { convertUntyped, matchTypes } from './conversions.js';
import { checkIndex } from './indexing.js';
import * as constant from './constant.js';
import { defaultType, identical, isInteger, isNumeric, isString, isFloat, isComplex } from './predicates.js';
import { coreType, typeSetOf } from './typeset.js';
import { lookupFieldOrMethod } from './lookup.js';
import { typeString, byName } from './typestring.js';

const invalid: Type = universeTypes.invalid;
/** go/types' emptyInterface: a distinct `interface{}` (printed so, not as `any`). */
const emptyInterface: Interface = { kind: 'Interface', methods: [], embeddeds: [], unions: [] };

function param(c: Checker, t: Type): Var {
  return { kind: 'Var', name: '', pos: null, file: c.file, pkg: c.pkg, type: t, parent: null, varKind: 'param', embedded: false, origin: null, used: true };
}

function makeSig(c: Checker, result: Type | null, params: Type[], variadic = false): Signature {
  return {
    kind: 'Signature', recv: null, typeParams: [], recvTypeParams: [],
    params: newTuple(params.map((p) => param(c, p))),
    results: newTuple(result ? [param(c, result)] : []),
    variadic,
  };
}

function recordBuiltinType(c: Checker, fun: ast.Expr, sig: Signature): void {
  for (let e = fun; ; e = (e as ast.ParenExpr).x) {
    c.recordType(e, 'builtin', sig, null);
    if (e.kind !== 'ParenExpr') break;
  }
}

/** len/cap of an array is constant unless the operand contains calls or receives. */
function hasCallOrRecv(c: Checker, e: ast.Expr): boolean {
  let found = false;
  const visit = (n: ast.Expr | null): void => {
    if (!n || found) return;
    switch (n.kind) {
      case 'CallExpr': {
        const tv = c.info.types.get(n);
        // As go/types' hasCallOrRecv: a conversion is no call (runtime/debug's
        // len(((*runtime.MemStats)(nil)).PauseNs) is a constant), nor is a constant builtin
        // call; its operand still counts.
        const fk = c.info.calls.get(n)?.kind;
        if (fk === 'conversion') {
          n.args.forEach(visit);
          return;
        }
        if (!tv || tv.mode !== 'constant') found = true;
        return;
      }
      case 'UnaryExpr':
        if (n.op === '<-') found = true;
        visit(n.x);
        return;
      case 'ParenExpr': case 'StarExpr': visit(n.x); return;
      case 'SelectorExpr': visit(n.x); return;
      case 'IndexExpr': visit(n.x); n.indices.forEach(visit); return;
      case 'SliceExpr': visit(n.x); visit(n.low); visit(n.high); visit(n.max); return;
      case 'BinaryExpr': visit(n.x); visit(n.y); return;
      case 'CompositeLit': n.elems.forEach(visit); return;
      case 'KeyValueExpr': visit(n.key); visit(n.value); return;
      case 'AssertExpr': visit(n.x); return;
      default: return;
    }
  };
  visit(e);
  return found;
}

export function builtinCall(c: Checker, call: ast.CallExpr, b: Builtin, hint: Type | null): Operand {
  const bad = invalidOperand(call);
  const id = b.id;
  const name = exprString(call.fun);
  const nargs = call.args.length;
  const arity: Record<string, [number, number]> = {
    append: [1, Infinity], cap: [1, 1], clear: [1, 1], close: [1, 1], complex: [2, 2], copy: [2, 2], delete: [2, 2],
    imag: [1, 1], len: [1, 1], make: [1, 3], max: [1, Infinity], min: [1, Infinity], new: [1, 1], panic: [1, 1],
    print: [0, Infinity], println: [0, Infinity], real: [1, 1], recover: [0, 0],
    Add: [2, 2], Alignof: [1, 1], Offsetof: [1, 1], Sizeof: [1, 1], Slice: [2, 2], SliceData: [1, 1], String: [2, 2], StringData: [1, 1],
  };
  const [min, max] = arity[id]!;
  if (call.hasDots && id !== 'append') {
    c.error(call, `invalid operation: invalid use of ... with built-in ${name}`);
    for (const a of call.args) rawExpr(c, a, null, false);
    return bad;
  }
  if (nargs < min || nargs > max) {
    for (const a of call.args) rawExpr(c, a, null, true);
    const msg = nargs < min ? 'not enough' : 'too many';
    c.error(nargs < min ? call : call.args[max]!, `${msg} arguments for ${exprString(call)} (expected ${min}, found ${nargs})`);
    return bad;
  }
  switch (id) {
    case 'len':
    case 'cap': {
      const x = expr(c, call.args[0]!);
      if (x.mode === 'invalid') return bad;
      if (isUntyped(x.type)) convertUntyped(c, x, universeTypes.string);
      const u = coreType(x.type) ?? under(x.type);
      let value: constant.ConstValue | null = null;
      let ok = false;
      if (u.kind === 'Basic' && isString(u) && id === 'len') {
        ok = true;
        if (x.mode === 'constant' && x.value?.kind === 'string') value = constant.intVal(constant.stringByteLength(x.value.value));
      } else if (u.kind === 'Array' || (u.kind === 'Pointer' && under(u.elem).kind === 'Array')) {
        ok = true;
        const arr = u.kind === 'Array' ? u : under((u as { elem: Type }).elem) as { len: bigint };
        if (!hasCallOrRecv(c, call.args[0]!)) value = constant.intVal((arr as { len: bigint }).len);
      } else if (u.kind === 'Slice' || u.kind === 'Chan' || (u.kind === 'Map' && id === 'len')) {
        ok = true;
      } else if (u.kind === 'TypeParam') {
        ok = true;
      }
      if (!ok) {
        c.error(call.args[0]!, `invalid argument: ${operandString(x, c.pkg)} for built-in ${id}`);
        return bad;
      }
      if (!value) recordBuiltinType(c, call.fun, makeSig(c, universeTypes.int, [x.type]));
      return value ? { mode: 'constant', type: universeTypes.int, value, expr: call } : { mode: 'value', type: universeTypes.int, value: null, expr: call };
    }
    case 'new': {
      const x = exprOrType(c, call.args[0]!);
      if (x.mode === 'invalid') return bad;
      let T: Type;
      if (x.mode === 'typexpr') T = x.type;
      else {
        // Go 1.26: new(expr) allocates a variable initialized to expr.
        const v = singleValue(c, x);
        if (v.mode === 'invalid') return bad;
        assignment(c, v, null, 'argument to new');
        T = v.type;
      }
      const res: Type = { kind: 'Pointer', elem: T };
      recordBuiltinType(c, call.fun, makeSig(c, res, [T]));
      return { mode: 'value', type: res, value: null, expr: call };
    }
    case 'make': {
      const T = typExpr(c, call.args[0]!);
      if (T === invalid) {
        for (const a of call.args.slice(1)) expr(c, a);
        return bad;
      }
      const u = coreType(T) ?? under(T);
      let minArgs = 1;
      switch (u.kind) {
        case 'Slice': minArgs = 2; break;
        case 'Map': case 'Chan': minArgs = 1; break;
        default:
          c.error(call.args[0]!, `invalid argument: cannot make ${exprString(call.args[0]!)}; type must be slice, map, or channel`);
          return bad;
      }
      if (nargs < minArgs || (u.kind !== 'Slice' && nargs > 2)) {
        c.error(call, `invalid operation: ${exprString(call)} expects ${minArgs} or ${minArgs + 1} arguments; found ${nargs}`);
        return bad;
      }
      const types: Type[] = [T];
      const sizes: bigint[] = [];
      for (const a of call.args.slice(1)) {
        const n = checkIndex(c, a, -1n, false);
        if (n !== null) sizes.push(n);
        const tv = c.info.types.get(a);
        types.push(tv?.type ?? universeTypes.int);
      }
      if (sizes.length === 2 && sizes[0]! > sizes[1]!) {
        c.error(call.args[1]!, `invalid argument: length and capacity swapped`);
        return bad;
      }
      recordBuiltinType(c, call.fun, makeSig(c, T, types));
      return { mode: 'value', type: T, value: null, expr: call };
    }
    case 'append': {
      const s = expr(c, call.args[0]!, hint);
      if (s.mode === 'invalid') {
        for (const a of call.args.slice(1)) expr(c, a);
        return bad;
      }
      if (s.mode === 'nilvalue') {
        c.error(call.args[0]!, `invalid argument: ${exprString(call.args[0]!)} (untyped nil) is not a slice`.replace(/.*/, 'first argument to append must be a typed slice; have untyped nil'));
        return bad;
      }
      const S = s.type;
      const su = coreType(S);
      if (!su || su.kind !== 'Slice') {
        c.error(call.args[0]!, `invalid argument: ${operandString(s, c.pkg)} is not a slice`);
        for (const a of call.args.slice(1)) expr(c, a);
        return bad;
      }
      const E = su.elem;
      // append([]byte, string...) is allowed.
      if (call.hasDots && nargs === 2) {
        const y = expr(c, call.args[1]!);
        if (y.mode === 'invalid') return bad;
        const eu = under(E);
        if (eu.kind === 'Basic' && eu.basic === 'uint8' && bytesOrString(y.type)) {
          // A type parameter's y stays itself, as go/types records it.
          recordBuiltinType(c, call.fun, makeSig(c, S, [S, isString(y.type) ? universeTypes.string : y.type], true));
          return { mode: 'value', type: S, value: null, expr: call };
        }
        const sliceT: Type = { kind: 'Slice', elem: E };
        assignment(c, y, sliceT, `argument to ${name}`, 'argument');
        recordBuiltinType(c, call.fun, makeSig(c, S, [S, sliceT], true));
        return { mode: 'value', type: S, value: null, expr: call };
      }
      if (call.hasDots) {
        c.error(call, `can only use ... with final argument in list`);
        return bad;
      }
      for (const a of call.args.slice(1)) {
        const x = expr(c, a, E);
        assignment(c, x, E, `argument to ${name}`, 'variadic');
      }
      recordBuiltinType(c, call.fun, makeSig(c, S, [S, { kind: 'Slice', elem: E }], true));
      return { mode: 'value', type: S, value: null, expr: call };
    }
    case 'copy': {
      const d = expr(c, call.args[0]!);
      const s = expr(c, call.args[1]!);
      if (d.mode === 'invalid' || s.mode === 'invalid') return bad;
      if (isUntyped(s.type)) convertUntyped(c, s, universeTypes.string);
      const du = coreType(d.type);
      if (!du || du.kind !== 'Slice') {
        c.error(call, `invalid argument: copy expects slice arguments; found ${operandString(d, c.pkg)} and ${operandString(s, c.pkg)}`);
        return bad;
      }
      recordBuiltinType(c, call.fun, makeSig(c, universeTypes.int, [d.type, s.type]));
      return { mode: 'value', type: universeTypes.int, value: null, expr: call };
    }
    case 'delete': {
      const m = expr(c, call.args[0]!);
      if (m.mode === 'invalid') {
        expr(c, call.args[1]!);
        return bad;
      }
      const mu = coreType(m.type);
      if (!mu || mu.kind !== 'Map') {
        c.error(call.args[0]!, `invalid argument: ${operandString(m, c.pkg)} is not a map`);
        expr(c, call.args[1]!);
        return bad;
      }
      const k = expr(c, call.args[1]!, mu.key);
      assignment(c, k, mu.key, `argument to ${name}`, 'mapkey');
      recordBuiltinType(c, call.fun, makeSig(c, null, [m.type, mu.key]));
      return { mode: 'novalue', type: emptyTuple, value: null, expr: call };
    }
    case 'clear':
    case 'close': {
      const x = expr(c, call.args[0]!);
      if (x.mode === 'invalid') return bad;
      const u = coreType(x.type);
      if (id === 'close' && (!u || u.kind !== 'Chan')) {
        c.error(call.args[0]!, `invalid operation: non-chan argument ${operandString(x, c.pkg)} to close`.replace('non-chan argument', 'cannot close non-channel'));
        return bad;
      }
      if (id === 'clear' && (!u || (u.kind !== 'Map' && u.kind !== 'Slice'))) {
        c.error(call.args[0]!, `invalid argument: ${operandString(x, c.pkg)} is not a map or slice`.replace('is not a map or slice', 'cannot clear ' + exprString(call.args[0]!)).replace(/^invalid argument: .* cannot clear/, 'invalid argument: cannot clear'));
        return bad;
      }
      recordBuiltinType(c, call.fun, makeSig(c, null, [x.type]));
      return { mode: 'novalue', type: emptyTuple, value: null, expr: call };
    }
    case 'panic': {
      const x = expr(c, call.args[0]!);
      if (x.mode === 'invalid') return bad;
      assignment(c, x, emptyInterface, 'argument to panic', 'argument');
      recordBuiltinType(c, call.fun, makeSig(c, null, [emptyInterface]));
      return { mode: 'novalue', type: emptyTuple, value: null, expr: call };
    }
    case 'print':
    case 'println': {
      const types: Type[] = [];
      // print(f()) spreads a multi-value call over the arguments.
      const ops: Operand[] = call.args.length === 1 ? multiExpr(c, call.args[0]!) : call.args.map((a) => expr(c, a));
      for (const x of ops) {
        if (x.mode === 'invalid') return bad;
        assignment(c, x, null, `argument to built-in ${id}`);
        types.push(x.type);
      }
      recordBuiltinType(c, call.fun, makeSig(c, null, types));
      return { mode: 'novalue', type: emptyTuple, value: null, expr: call };
    }
    case 'recover':
      recordBuiltinType(c, call.fun, makeSig(c, emptyInterface, []));
      return { mode: 'value', type: emptyInterface, value: null, expr: call };
    case 'max':
    case 'min': {
      const ops: Operand[] = [];
      for (const a of call.args) {
        const x = expr(c, a);
        if (x.mode === 'invalid') return bad;
        ops.push(x);
      }
      let acc = ops[0]!;
      for (const y of ops.slice(1)) {
        matchTypes(c, acc, y);
        if (acc.mode === 'invalid' || y.mode === 'invalid') return bad;
        if (!identical(acc.type, y.type)) {
          c.error(y.expr, `invalid argument: mismatched types ${typeString(acc.type, byName(c.pkg))} (previous argument) and ${typeString(y.type, byName(c.pkg))} (type of ${exprString(y.expr)})`);
          return bad;
        }
        if (acc.mode === 'constant' && y.mode === 'constant' && acc.value && y.value) {
          const pick = constant.compare(y.value, id === 'max' ? '>' : '<', acc.value);
          acc = pick ? { ...y } : { ...acc };
        } else {
          acc = { mode: 'value', type: acc.type, value: null, expr: acc.expr };
        }
      }
      // The operands of a non-constant min/max take the result type.
      if (acc.mode !== 'constant') {
        for (const x of ops) if (isUntyped(x.type)) convertUntyped(c, x, isUntyped(acc.type) ? defaultType(acc.type) : acc.type);
        if (isUntyped(acc.type)) acc.type = defaultType(acc.type);
      }
      if (acc.mode !== 'constant') recordBuiltinType(c, call.fun, makeSig(c, acc.type, ops.map((o) => o.type)));
      if (acc.mode === 'constant') return { mode: 'constant', type: acc.type, value: acc.value, expr: call };
      return { mode: 'value', type: acc.type, value: null, expr: call };
    }
    case 'complex': {
      const x = expr(c, call.args[0]!);
      const y = expr(c, call.args[1]!);
      if (x.mode === 'invalid' || y.mode === 'invalid') return bad;
      matchTypes(c, x, y);
      if (x.mode === 'constant' && y.mode === 'constant' && x.value && y.value && isUntyped(x.type)) {
        const re = constant.toRat(x.value);
        const im = constant.toRat(y.value);
        if (re && im) return { mode: 'constant', type: universeTypes.untypedComplex, value: { kind: 'complex', re, im }, expr: call };
      }
      if (x.mode === 'constant' && y.mode === 'constant' && x.value && y.value) {
        const re = constant.toRat(x.value);
        const im = constant.toRat(y.value);
        const xb0 = under(x.type);
        const ct = xb0.kind === 'Basic' && xb0.basic === 'float32' ? universeTypes.complex64 : universeTypes.complex128;
        if (re && im) return { mode: 'constant', type: ct, value: { kind: 'complex', re, im }, expr: call };
      }
      let t: Type = universeTypes.complex128;
      if (isUntyped(x.type)) {
        convertUntyped(c, x, universeTypes.float64);
        convertUntyped(c, y, universeTypes.float64);
      }
      const xb = under(x.type);
      if (xb.kind === 'Basic' && xb.basic === 'float32') t = universeTypes.complex64;
      recordBuiltinType(c, call.fun, makeSig(c, t, [x.type, y.type]));
      return { mode: 'value', type: t, value: null, expr: call };
    }
    case 'real':
    case 'imag': {
      const x = expr(c, call.args[0]!);
      if (x.mode === 'invalid') return bad;
      if (x.mode === 'constant' && x.value && isUntyped(x.type)) {
        const v = x.value.kind === 'complex' ? (id === 'real' ? x.value.re : x.value.im) : (id === 'real' ? constant.toRat(x.value) : constant.rat(0n));
        return { mode: 'constant', type: universeTypes.untypedFloat, value: constant.floatVal(v ?? constant.rat(0n)), expr: call };
      }
      if (isUntyped(x.type)) convertUntyped(c, x, universeTypes.complex128);
      if (x.mode === 'constant' && x.value && isComplex(x.type)) {
        const v = x.value.kind === 'complex' ? (id === 'real' ? x.value.re : x.value.im) : constant.toRat(x.value);
        const xb = under(x.type);
        const ft = xb.kind === 'Basic' && xb.basic === 'complex64' ? universeTypes.float32 : universeTypes.float64;
        return { mode: 'constant', type: ft, value: constant.floatVal(v ?? constant.rat(0n)), expr: call };
      }
      if (!isComplex(x.type)) {
        c.error(call.args[0]!, `invalid argument: ${operandString(x, c.pkg)} must be of complex type`.replace('must be of complex type', `must be of complex type`));
        return bad;
      }
      const xb = under(x.type);
      const t = xb.kind === 'Basic' && xb.basic === 'complex64' ? universeTypes.float32 : universeTypes.float64;
      recordBuiltinType(c, call.fun, makeSig(c, t, [x.type]));
      return { mode: 'value', type: t, value: null, expr: call };
    }
    case 'Sizeof':
    case 'Alignof': {
      const x = expr(c, call.args[0]!);
      if (x.mode === 'invalid') return bad;
      assignment(c, x, null, `argument to unsafe.${id}`);
      const n = id === 'Sizeof' ? c.sizes.sizeof(x.type) : c.sizes.alignof(x.type);
      return { mode: 'constant', type: universeTypes.uintptr, value: constant.intVal(n), expr: call };
    }
    case 'Offsetof': {
      let arg: ast.Expr = call.args[0]!;
      while (arg.kind === 'ParenExpr') arg = arg.x;
      if (arg.kind !== 'SelectorExpr') {
        c.error(arg, `invalid argument: ${exprString(arg)} is not a selector expression`);
        return bad;
      }
      const base = expr(c, arg.x);
      if (base.mode === 'invalid') return bad;
      const r = lookupFieldOrMethod(base.type, false, c.pkg, arg.sel.value);
      if (!r.obj || r.obj.kind !== 'Var') {
        c.error(arg, `invalid argument: ${exprString(arg)} is not a field`);
        return bad;
      }
      c.recordUse(arg.sel, r.obj);
      c.recordType(arg, 'variable', r.obj.type, null);
      // Offset within the struct that directly holds the field, along the embedding path.
      let off = 0;
      // The base may be a pointer (`unsafe.Offsetof(p.b)` with p *pair): the field is in *p.
      let t: Type = deref(base.type)[0];
      for (const i of r.index) {
        const st = under(t);
        if (st.kind !== 'Struct') break;
        off += c.sizes.offsetsof(st.fields)[i]!;
        t = st.fields[i]!.type;
      }
      return { mode: 'constant', type: universeTypes.uintptr, value: constant.intVal(off), expr: call };
    }
    case 'Add': {
      const p = expr(c, call.args[0]!);
      const n = expr(c, call.args[1]!);
      if (p.mode === 'invalid' || n.mode === 'invalid') return bad;
      assignment(c, p, universeTypes.unsafePointer, 'argument to unsafe.Add');
      if (isUntyped(n.type)) convertUntyped(c, n, universeTypes.int);
      recordBuiltinType(c, call.fun, makeSig(c, universeTypes.unsafePointer, [p.type, n.type]));
      return { mode: 'value', type: universeTypes.unsafePointer, value: null, expr: call };
    }
    case 'Slice':
    case 'String': {
      const p = expr(c, call.args[0]!);
      const n = expr(c, call.args[1]!);
      if (p.mode === 'invalid' || n.mode === 'invalid') return bad;
      if (isUntyped(n.type)) convertUntyped(c, n, universeTypes.int);
      if (id === 'String') {
        const bytePtr: Type = { kind: 'Pointer', elem: universeTypes.byte };
        if (!assignment(c, p, bytePtr, 'argument to unsafe.String')) return bad;
        recordBuiltinType(c, call.fun, makeSig(c, universeTypes.string, [bytePtr, n.type]));
        return { mode: 'value', type: universeTypes.string, value: null, expr: call };
      }
      const pu = under(p.type);
      if (pu.kind !== 'Pointer') {
        c.error(call.args[0]!, `invalid argument: ${operandString(p, c.pkg)} is not a pointer`);
        return bad;
      }
      const res: Type = id === 'Slice' ? { kind: 'Slice', elem: pu.elem } : universeTypes.string;
      recordBuiltinType(c, call.fun, makeSig(c, res, [p.type, n.type]));
      return { mode: 'value', type: res, value: null, expr: call };
    }
    case 'SliceData':
    case 'StringData': {
      const x = expr(c, call.args[0]!);
      if (x.mode === 'invalid') return bad;
      if (isUntyped(x.type)) convertUntyped(c, x, universeTypes.string);
      const u = under(x.type);
      let res: Type;
      if (id === 'SliceData') {
        if (u.kind !== 'Slice') {
          c.error(call.args[0]!, `invalid argument: ${operandString(x, c.pkg)} is not a slice`);
          return bad;
        }
        res = { kind: 'Pointer', elem: u.elem };
      } else {
        res = { kind: 'Pointer', elem: universeTypes.byte };
      }
      recordBuiltinType(c, call.fun, makeSig(c, res, [x.type]));
      return { mode: 'value', type: res, value: null, expr: call };
    }
  }
  void isInteger; void isNumeric; void isFloat; void unalias;
  return bad;
}

/**
 * go/types' test for append([]byte, y...) with bytes from a string: every type in y's type
 * set is string or []byte, and one is a string (so y of type P constrained by
 * `[]byte | string` qualifies, as in encoding/json's appendString).
 */
function bytesOrString(t: Type): boolean {
  const u = under(t);
  let terms: readonly Type[] = [u];
  if (u.kind === 'TypeParam') {
    const c = under(u.constraint);
    const ts = c.kind === 'Interface' ? typeSetOf(c).terms : null;
    if (!ts || ts.length === 0) return false;
    terms = ts.map((term) => under(term.type));
  }
  let hasString = false;
  for (const tu of terms) {
    if (tu.kind === 'Slice' && isByte(tu.elem)) continue;
    if (!isString(tu)) return false;
    hasString = true;
  }
  return hasString;
}

function isByte(t: Type): boolean {
  const u = under(t);
  return u.kind === 'Basic' && u.basic === 'uint8';
}
