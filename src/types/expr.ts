// Expressions (go/types expr.go): every expression yields an Operand and is recorded in
// Info.types. Untyped constant expressions are recorded only once their final type is
// known: convertUntyped/updateExprType (conversions.ts) rewrite the whole untyped subtree
// when the context (assignment, operand of a typed binary op, argument) decides its type,
// and whatever stays untyped is recorded with its untyped type at the end.

import type * as ast from '../syntax/ast.js';
import type { Checker } from './check.js';
import type { Operand } from './operand.js';
import { exprString, operandString } from './operand.js';
import type { Signature, Type } from './types.js';
import { isUntyped, under, unalias, isTypeParam } from './types.js';
import { universeTypes } from './universe.js';
import * as constant from './constant.js';
import { objDecl, funcBody } from './decl.js';
import { typExpr, funcType } from './typexpr.js';
import { selector } from './selector.js';
import { indexExpr, sliceExpr } from './indexing.js';
import { callExpr } from './call.js';
import { compositeLit } from './literals.js';
import { convertUntyped, representable, matchTypes } from './conversions.js';
import {
  comparable, hasNil, identical, isBoolean, isComplex, isFloat, isInteger, isNumeric, isString, isUnsigned,
} from './predicates.js';
import { implementsIface } from './implements.js';
import { assignableTo } from './predicates.js';
import { coreType, typeSetOf } from './typeset.js';
import { typeString, byName } from './typestring.js';

const invalid: Type = universeTypes.invalid;

export function invalidOperand(e: ast.Expr): Operand {
  return { mode: 'invalid', type: invalid, value: null, expr: e };
}

/** Checks e and records its type; may yield a type, a builtin, no value or a tuple. */
export function rawExpr(c: Checker, e: ast.Expr, hint: Type | null, allowGeneric: boolean): Operand {
  const x = exprInternal(c, e, hint, allowGeneric);
  x.expr = e;
  record(c, x);
  return x;
}

/** The untyped type of a literal of this kind. */
function untypedLiteralType(kind: ast.LitKind): Type {
  switch (kind) {
    case 'int': return universeTypes.untypedInt;
    case 'float': return universeTypes.untypedFloat;
    case 'imag': return universeTypes.untypedComplex;
    case 'rune': return universeTypes.untypedRune;
    default: return universeTypes.untypedString;
  }
}

export function record(c: Checker, x: Operand): void {
  if (x.mode === 'invalid') return;
  if (isUntyped(x.type)) {
    c.untyped.set(x.expr, { mode: x.mode, type: x.type, value: x.value, isLhs: false });
  } else {
    c.recordType(x.expr, x.mode, x.type, x.mode === 'constant' ? x.value : null);
  }
}

/** A single value (not a type, builtin, no-value call or tuple). */
export function expr(c: Checker, e: ast.Expr, hint: Type | null = null): Operand {
  const x = rawExpr(c, e, hint, false);
  return singleValue(c, x);
}

export function singleValue(c: Checker, x: Operand): Operand {
  switch (x.mode) {
    case 'invalid':
      return x;
    case 'novalue':
      c.error(x.expr, `${exprString(x.expr)} (no value) used as value`);
      return { ...x, mode: 'invalid' };
    case 'builtin':
      c.error(x.expr, `${exprString(x.expr)} (built-in) must be called`);
      return { ...x, mode: 'invalid' };
    case 'typexpr':
      c.error(x.expr, `${exprString(x.expr)} (type) is not an expression`);
      return { ...x, mode: 'invalid' };
    default:
      if (x.type.kind === 'Tuple') {
        c.error(x.expr, `multiple-value ${exprString(x.expr)} (value of type ${typeString(x.type, byName(c.pkg))}) in single-value context`);
        return { ...x, mode: 'invalid' };
      }
      return x;
  }
}

export function exprOrType(c: Checker, e: ast.Expr, allowGeneric = false): Operand {
  const x = rawExpr(c, e, null, allowGeneric);
  if (x.mode === 'novalue') {
    c.error(e, `${exprString(e)} (no value) used as value or type`);
    return { ...x, mode: 'invalid' };
  }
  return x;
}

/** Operands of an expression list; a single call returning several values is spread. */
export function multiExpr(c: Checker, e: ast.Expr, hint: Type | null = null): Operand[] {
  const x = rawExpr(c, e, hint, false);
  if (x.mode !== 'invalid' && x.mode !== 'novalue' && x.mode !== 'typexpr' && x.mode !== 'builtin' && x.type.kind === 'Tuple') {
    return x.type.vars.map((v) => ({ mode: 'value', type: v.type, value: null, expr: e }));
  }
  return [singleValue(c, x)];
}

function exprInternal(c: Checker, e: ast.Expr, hint: Type | null, allowGeneric: boolean): Operand {
  const x: Operand = invalidOperand(e);
  switch (e.kind) {
    case 'BadExpr':
      return x;
    case 'Name':
      return ident(c, e, allowGeneric);
    case 'BasicLit': {
      const v = constant.parseLiteral(e.litKind, e.value);
      const t = untypedLiteralType(e.litKind);
      if (v.kind === 'unknown') {
        c.error(e, `malformed constant: ${e.value}`);
        return x;
      }
      return { mode: 'constant', type: t, value: v, expr: e };
    }
    case 'FuncLit': {
      const scope = c.openScope(e.type, c.scope, 'function literal', true);
      const saved = c.scope;
      c.scope = scope;
      const sig = funcType(c, e.type, null);
      c.scope = saved;
      c.recordType(e.type, 'typexpr', sig, null);
      funcBody(c, sig, scope, e.body, e.type);
      return { mode: 'value', type: sig, value: null, expr: e };
    }
    case 'CompositeLit':
      return compositeLit(c, e, hint);
    case 'ParenExpr': {
      const y = rawExpr(c, e.x, hint, allowGeneric);
      return { ...y, expr: e };
    }
    case 'SelectorExpr':
      return selector(c, e, allowGeneric);
    case 'IndexExpr': {
      const r = indexExpr(c, e, allowGeneric);
      return r;
    }
    case 'SliceExpr':
      return sliceExpr(c, e);
    case 'AssertExpr': {
      const y = expr(c, e.x);
      if (y.mode === 'invalid') return x;
      if (e.type === null) {
        c.error(e, 'invalid syntax tree: use of .(type) outside type switch');
        return x;
      }
      if (isTypeParam(y.type)) {
        c.error(e.x, `invalid operation: cannot use type assertion on type parameter value ${operandString(y, c.pkg)}`);
        return x;
      }
      if (under(y.type).kind !== 'Interface') {
        c.error(e.x, `invalid operation: ${exprString(e.x)} (${operandString(y, c.pkg).replace(/^.*? \(/, '').replace(/\)$/, '')}) is not an interface`);
        return x;
      }
      const t = typExpr(c, e.type);
      if (t === invalid) return x;
      typeAssertion(c, e, y, t, false);
      return { mode: 'commaok', type: t, value: null, expr: e };
    }
    case 'CallExpr':
      return callExpr(c, e, hint);
    case 'StarExpr': {
      const y = exprOrType(c, e.x);
      switch (y.mode) {
        case 'invalid':
          return x;
        case 'typexpr':
          return { mode: 'typexpr', type: { kind: 'Pointer', elem: y.type }, value: null, expr: e };
        case 'nilvalue':
          c.error(e, 'invalid operation: cannot indirect nil');
          return x;
        default: {
          const v = singleValue(c, y);
          if (v.mode === 'invalid') return x;
          const core = coreType(v.type);
          if (!core || core.kind !== 'Pointer') {
            c.error(e, `invalid operation: cannot indirect ${operandString(v, c.pkg)}`);
            return x;
          }
          return { mode: 'variable', type: core.elem, value: null, expr: e };
        }
      }
    }
    case 'UnaryExpr':
      return unary(c, e, hint);
    case 'BinaryExpr':
      return binary(c, e, e.x, e.y, e.op);
    case 'KeyValueExpr':
      c.error(e, 'unexpected key:value expression');
      return x;
    case 'ArrayType':
    case 'SliceType':
    case 'StructType':
    case 'FuncType':
    case 'InterfaceType':
    case 'MapType':
    case 'ChanType':
    case 'DotsType': {
      const t = typExpr(c, e);
      return { mode: 'typexpr', type: t, value: null, expr: e };
    }
  }
}

/** An identifier in an expression (go/types ident in typexpr.go). */
export function ident(c: Checker, e: ast.Name, allowGeneric: boolean, markUsed = true): Operand {
  const x = invalidOperand(e);
  const found = c.scope.lookupParent(e.value);
  if (e.value === '_' && !(found && found[1].kind === 'TypeName')) {
    c.error(e, 'cannot use _ as value');
    return x;
  }
  if (!found) {
    if (e.value === 'iota') c.error(e, 'cannot use iota outside constant declaration');
    else c.error(e, `undefined: ${e.value}`);
    return x;
  }
  const obj = found[1];
  c.recordUse(e, obj);
  if (c.declInfo.has(obj)) objDecl(c, obj);
  else if (obj.pkg && obj.pkg !== c.pkg) obj.pkg.declareObject?.(obj);
  switch (obj.kind) {
    case 'PkgName':
      c.error(e, `use of package ${obj.name} without selector`);
      obj.used = true;
      return x;
    case 'Const': {
      if (obj.type === invalid) return x;
      if (obj.name === 'iota' && obj.pkg === null) {
        if (c.iota === null) {
          c.error(e, 'cannot use iota outside constant declaration');
          return x;
        }
        return { mode: 'constant', type: obj.type, value: constant.intVal(c.iota), expr: e };
      }
      return { mode: 'constant', type: obj.type, value: obj.value, expr: e };
    }
    case 'TypeName': {
      const t = obj.type;
      if (!allowGeneric) {
        const u = unalias(t);
        if (u.kind === 'Named' && u.typeParams.length > 0 && u.typeArgs.length === 0 && !isInsideOwnMethod(c, u)) {
          c.error(e, `cannot use generic type ${obj.name} without instantiation`);
          return x;
        }
      }
      return { mode: 'typexpr', type: t, value: null, expr: e };
    }
    case 'Var':
      if (markUsed && obj.pkg === c.pkg) obj.used = true;
      if (obj.type === invalid) return x;
      return { mode: 'variable', type: obj.type, value: null, expr: e };
    case 'Func': {
      const sig = obj.type as Signature;
      if (!allowGeneric && sig.kind === 'Signature' && sig.typeParams.length > 0) {
        // Generic function used as a value without call: inference happens in call.ts or assignment.
      }
      return { mode: 'value', type: obj.type, value: null, expr: e };
    }
    case 'Builtin':
      return { mode: 'builtin', type: invalid, value: null, expr: e, builtin: obj };
    case 'Nil':
      return { mode: 'nilvalue', type: universeTypes.untypedNil, value: null, expr: e };
    case 'Label':
      c.error(e, `undefined: ${e.value}`);
      return x;
  }
}

function isInsideOwnMethod(_c: Checker, _t: unknown): boolean {
  return false;
}

function unary(c: Checker, e: ast.UnaryExpr, hint: Type | null): Operand {
  const bad = invalidOperand(e);
  if (e.op === '&') {
    let inner: ast.Expr = e.x;
    while (inner.kind === 'ParenExpr') inner = inner.x;
    if (inner.kind === 'CompositeLit') {
      let h: Type | null = null;
      if (hint) {
        const u = coreType(hint);
        if (u && u.kind === 'Pointer') h = u.elem;
      }
      const x = expr(c, e.x, h);
      if (x.mode === 'invalid') return bad;
      return { mode: 'value', type: { kind: 'Pointer', elem: x.type }, value: null, expr: e };
    }
    const x = expr(c, e.x);
    if (x.mode === 'invalid') return bad;
    if (x.mode !== 'variable') {
      c.error(e, `invalid operation: cannot take address of ${operandString(x, c.pkg)}`);
      return bad;
    }
    return { mode: 'value', type: { kind: 'Pointer', elem: x.type }, value: null, expr: e };
  }
  if (e.op === '<-') {
    const x = expr(c, e.x);
    if (x.mode === 'invalid') return bad;
    const u = coreType(x.type);
    if (!u || u.kind !== 'Chan') {
      c.error(e, `invalid operation: cannot receive from non-channel ${operandString(x, c.pkg)}`);
      return bad;
    }
    if (u.dir === 'send') {
      c.error(e, `invalid operation: cannot receive from send-only channel ${operandString(x, c.pkg)}`);
      return bad;
    }
    return { mode: 'commaok', type: u.elem, value: null, expr: e };
  }
  if (e.op === '~') {
    c.error(e, 'invalid use of ~ outside type constraint');
    return bad;
  }
  const x = expr(c, e.x);
  if (x.mode === 'invalid') return bad;
  const ok = typeParamCoreOk(x.type, e.op === '!' ? isBoolean : e.op === '^' ? isInteger : isNumeric);
  if (!ok) {
    c.error(e, `invalid operation: operator ${e.op} not defined on ${operandString(x, c.pkg)}`);
    return bad;
  }
  if (x.mode === 'constant' && x.value) {
    let bits = 0;
    if (e.op === '^' && isUnsigned(x.type) && !isUntyped(x.type)) bits = c.sizes.sizeof(x.type) * 8;
    const v = constant.unaryOp(e.op as '+' | '-' | '^' | '!', x.value, bits);
    const r: Operand = { mode: 'constant', type: x.type, value: v, expr: e };
    if (!isUntyped(x.type)) overflow(c, r, e);
    return r;
  }
  return { mode: 'value', type: x.type, value: null, expr: e };
}

/** A typed constant result must fit its type (`constant 256 overflows byte`). */
export function overflow(c: Checker, x: Operand, pos: ast.Pos): void {
  if (x.mode !== 'constant' || !x.value || isUntyped(x.type)) return;
  const u = under(x.type);
  if (u.kind !== 'Basic') return;
  const r = representable(c, x.value, u);
  if (r === null) {
    c.error(pos, `${operandString(x, c.pkg)} overflows ${typeString(x.type, byName(c.pkg))}`);
    x.value = constant.unknownValue;
  } else {
    x.value = r;
  }
}

/** Untyped integer constants are limited to 512 bits, as in go/types (and gc). */
function tooBig(v: constant.ConstValue): boolean {
  if (v.kind === 'int') return (v.value < 0n ? -v.value : v.value).toString(2).length > 512;
  if (v.kind === 'float') return v.value.num.toString(2).length > 100000 || v.value.den.toString(2).length > 100000;
  return false;
}

const opNames: Partial<Record<ast.BinaryOp, string>> = {
  '+': 'addition', '-': 'subtraction', '*': 'multiplication', '<<': 'shift', '^': 'bitwise XOR', '&': 'bitwise AND',
  '|': 'bitwise OR', '&^': 'bitwise AND NOT',
};

const comparisonOps: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=']);

export function binary(c: Checker, e: ast.Expr, lhs: ast.Expr, rhs: ast.Expr, op: ast.BinaryOp): Operand {
  const bad = invalidOperand(e);
  const x = expr(c, lhs);
  const y = expr(c, rhs);
  if (x.mode === 'invalid') return bad;
  if (y.mode === 'invalid') return bad;
  if (op === '<<' || op === '>>') return shiftOp(c, e, x, y, op);
  matchTypes(c, x, y);
  if ((x.mode as string) === 'invalid' || (y.mode as string) === 'invalid') return bad;
  if (comparisonOps.has(op)) return comparison(c, e, x, y, op as constant.CompareOp);
  if (!identical(x.type, y.type)) {
    // A nil operand or untyped mismatch after conversion
    const xs = typeString(x.type, byName(c.pkg));
    const ys = typeString(y.type, byName(c.pkg));
    c.error(x.expr.kind === 'BinaryExpr' || true ? e : e, `invalid operation: ${exprString(e)} (mismatched types ${xs} and ${ys})`);
    return bad;
  }
  const okOp = (t: Type): boolean => {
    switch (op) {
      case '+': return isNumeric(t) || isString(t);
      case '-': case '*': case '/': return isNumeric(t);
      case '%': case '&': case '|': case '^': case '&^': return isInteger(t);
      case '&&': case '||': return isBoolean(t);
      default: return false;
    }
  };
  const opType = typeParamCoreOk(x.type, okOp);
  if (!opType) {
    c.error(e, `invalid operation: operator ${op} not defined on ${operandString(x, c.pkg)}`);
    return bad;
  }
  if ((op === '/' || op === '%') && y.mode === 'constant' && y.value && (isInteger(x.type) || (x.mode === 'constant' && y.mode === 'constant'))) {
    const z = constant.toRat(y.value);
    const zeroComplex = y.value.kind === 'complex' && y.value.re.num === 0n && y.value.im.num === 0n;
    if ((z && z.num === 0n) || zeroComplex) {
      c.error(y.expr, 'invalid operation: division by zero');
      return bad;
    }
  }
  if (x.mode === 'constant' && y.mode === 'constant' && x.value && y.value) {
    const intDiv = isInteger(x.type);
    const v = constant.binaryOp(x.value, op as constant.ConstBinaryOp, y.value, intDiv);
    if (tooBig(v)) {
      c.error({ line: e.line, col: e.col }, `constant ${opNames[op] ?? 'operation'} overflow`);
      return bad;
    }
    const r: Operand = { mode: 'constant', type: x.type, value: v, expr: e };
    if (!isUntyped(x.type)) overflow(c, r, e);
    return r;
  }
  return { mode: 'value', type: x.type, value: null, expr: e };
}

/** go/types' allX predicates: a type parameter satisfies p when every type of its type set does. */
export function typeParamCoreOk(t: Type, ok: (t: Type) => boolean): boolean {
  const u = under(t);
  if (u.kind !== 'TypeParam') return ok(t);
  const c = under(u.constraint);
  if (c.kind !== 'Interface') return false;
  const terms = typeSetOf(c).terms;
  if (!terms) return false;
  return terms.length > 0 && terms.every((term) => ok(term.type));
}

function comparison(c: Checker, e: ast.Expr, x: Operand, y: Operand, op: constant.CompareOp): Operand {
  const bad = invalidOperand(e);
  let errOp: Operand | null = null;
  let cause = '';
  const xNil = x.mode === 'nilvalue';
  const yNil = y.mode === 'nilvalue';
  const assignable = xNil || yNil ? true : identical(x.type, y.type) ||
    assignableTo(x.type, y.type, implementsIface) || assignableTo(y.type, x.type, implementsIface);
  if (!assignable) {
    c.error(e, `invalid operation: ${exprString(e)} (mismatched types ${typeString(x.type, byName(c.pkg))} and ${typeString(y.type, byName(c.pkg))})`);
    return bad;
  }
  if (op === '==' || op === '!=') {
    if (xNil || yNil) {
      const other = xNil ? y : x;
      if (!(other.mode === 'nilvalue') && !hasNil(other.type)) {
        errOp = other;
        cause = '';
      }
    } else if (!comparable(x.type)) {
      errOp = x;
      cause = incomparableCause(x.type);
    } else if (!comparable(y.type)) {
      errOp = y;
      cause = incomparableCause(y.type);
    }
  } else if (!isOrderedType(x.type) || !isOrderedType(y.type)) {
    c.error(e, `invalid operation: ${exprString(e)} (operator ${op} not defined on ${operandKindWord(x)})`);
    return bad;
  }
  if (errOp) {
    if (cause) c.error(e, `invalid operation: ${exprString(e)} (${cause})`);
    else c.error(e, `invalid operation: ${exprString(e)} (mismatched types ${typeString(x.type, byName(c.pkg))} and ${typeString(y.type, byName(c.pkg))})`);
    return bad;
  }
  // Mixed interface/concrete comparisons convert the concrete operand to the interface.
  if (!xNil && !yNil) {
    const xi = under(x.type).kind === 'Interface' && !isTypeParam(x.type);
    const yi = under(y.type).kind === 'Interface' && !isTypeParam(y.type);
    if (xi && !yi) c.info.implicitConversions.set(y.expr, { target: x.type, context: 'compare' });
    if (yi && !xi) c.info.implicitConversions.set(x.expr, { target: y.type, context: 'compare' });
  }
  if (x.mode === 'constant' && y.mode === 'constant' && x.value && y.value) {
    return { mode: 'constant', type: universeTypes.untypedBool, value: constant.boolVal(constant.compare(x.value, op, y.value)), expr: e };
  }
  // Operands of a comparison get their final (default) types now.
  if (isUntyped(x.type)) convertUntyped(c, x, defaultOf(x.type));
  if (isUntyped(y.type)) convertUntyped(c, y, defaultOf(y.type));
  return { mode: 'value', type: universeTypes.untypedBool, value: null, expr: e };
}

function defaultOf(t: Type): Type {
  const u = unalias(t);
  if (u.kind === 'Basic' && u.basic === 'untyped nil') return t;
  return {
    'untyped bool': universeTypes.bool, 'untyped int': universeTypes.int, 'untyped rune': universeTypes.rune,
    'untyped float': universeTypes.float64, 'untyped complex': universeTypes.complex128, 'untyped string': universeTypes.string,
  }[(u as { basic: string }).basic] ?? t;
}

function operandKindWord(x: Operand): string {
  const u = under(x.type);
  switch (u.kind) {
    case 'Interface': return 'interface';
    case 'Pointer': return 'pointer';
    case 'Slice': return 'slice';
    case 'Map': return 'map';
    case 'Chan': return 'chan';
    case 'Struct': return 'struct';
    case 'Signature': return 'func';
    case 'Array': return 'array';
    default: return typeString(x.type, null);
  }
}

function isOrderedType(t: Type): boolean {
  return typeParamCoreOk(t, (u) => isInteger(u) || isFloat(u) || isString(u));
}

function incomparableCause(t: Type): string {
  const u = under(t);
  switch (u.kind) {
    case 'Slice': return 'slice can only be compared to nil';
    case 'Map': return 'map can only be compared to nil';
    case 'Signature': return 'func can only be compared to nil';
    case 'Struct': return `struct containing ${'uncomparable field'} cannot be compared`;
    default: return `${typeString(t, null)} cannot be compared`;
  }
}

function shiftOp(c: Checker, e: ast.Expr, x: Operand, y: Operand, op: '<<' | '>>'): Operand {
  const bad = invalidOperand(e);
  // The shift count: an integer, or an untyped constant representable as uint.
  if (y.mode === 'constant' && y.value) {
    const n = constant.toInt(y.value);
    if (n === null || (isUntyped(y.type) && !isNumeric(y.type))) {
      c.error(y.expr, `invalid operation: shift count ${operandString(y, c.pkg)} must be integer`);
      return bad;
    }
    if (n < 0n) {
      c.error(y.expr, `invalid operation: negative shift count ${operandString(y, c.pkg)}`);
      return bad;
    }
    // A constant shift count is checked against uint but keeps its untyped type.
  } else if (isUntyped(y.type)) {
    convertUntyped(c, y, universeTypes.uint);
  } else if (!typeParamCoreOk(y.type, isInteger)) {
    c.error(y.expr, `invalid operation: shift count ${operandString(y, c.pkg)} must be integer`);
    return bad;
  }
  if (x.mode === 'constant' && x.value) {
    const xv = constant.toInt(x.value);
    if (xv === null) {
      c.error(x.expr, `invalid operation: shifted operand ${operandString(x, c.pkg)} must be integer`);
      return bad;
    }
    if (y.mode === 'constant' && y.value) {
      const n = constant.toInt(y.value)!;
      if (n > 10000n) {
        c.error(y.expr, `invalid shift count ${operandString(y, c.pkg)}`);
        return bad;
      }
      let t = x.type;
      if (isUntyped(t) && !isInteger(t)) t = universeTypes.untypedInt;
      const v = constant.shift(constant.intVal(xv), op, n);
      if (tooBig(v)) {
        c.error({ line: e.line, col: e.col }, 'constant shift overflow');
        return bad;
      }
      const r: Operand = { mode: 'constant', type: t, value: v, expr: e };
      if (!isUntyped(t)) overflow(c, r, e);
      return r;
    }
    if (isUntyped(x.type)) {
      // Delayed: the shifted operand takes the type its context gives the whole shift.
      const u = c.untyped.get(x.expr);
      if (u) u.isLhs = true;
      return { mode: 'value', type: isInteger(x.type) ? x.type : universeTypes.untypedInt, value: null, expr: e };
    }
  }
  if (!isInteger(x.type) && !typeParamCoreOk(x.type, isInteger)) {
    c.error(x.expr, `invalid operation: shifted operand ${operandString(x, c.pkg)} must be integer`);
    return bad;
  }
  return { mode: 'value', type: x.type, value: null, expr: e };
}

/** Records the failed assertion `x.(T)` where T cannot implement x's interface. */
export function typeAssertion(c: Checker, e: ast.Expr, x: Operand, t: Type, typeSwitch: boolean): void {
  if (under(t).kind === 'Interface' || isTypeParam(t)) return;
  if (!implementsIface(t, x.type)) {
    const missing = missingMethodName(t, x.type);
    if (typeSwitch) {
      c.error(e, `impossible type switch case: ${exprString(x.expr)} (${operandString(x, c.pkg).replace(/^.*? \(/, '').replace(/\)$/, '')}) cannot have dynamic type ${typeString(t, byName(c.pkg))}${missing}`);
    } else {
      c.error(e, `impossible type assertion: ${exprString(e)}\n\t${typeString(t, byName(c.pkg))} does not implement ${typeString(x.type, byName(c.pkg))}${missing}`);
    }
  }
}

function missingMethodName(_t: Type, _iface: Type): string {
  return '';
}

export { isComplex, isFloat };
