// Which runtime call, if any, an interface conversion becomes.
//
// Follows $GOROOT/src/cmd/compile/internal/walk/convert.go (dataWord, dataWordFuncName) and
// walk/order.go (addrTemp: constants and zero values in read-only data). The data word of
// an interface needs no allocation when the value is pointer-shaped, zero-sized, a single
// byte (runtime.staticuint64s), a constant or a small zero composite literal (read-only
// data), or when the conversion does not escape and the value fits a stack temporary.
// Otherwise the specialised convT16/32/64/string/slice, or convT/convTnoptr with the type.

import type { Expr, IrType } from '../ir/ir.js';
import type { AsmRules } from './rules.js';

export interface ConvCall {
  readonly call: string;
  /** convT and convTnoptr take the type as their first argument (`LEAQ type:T(SB), AX`). */
  readonly takesType: boolean;
}

/** Why no call is needed, or null when a call is made. */
export function convNoCallReason(x: Expr, escapes: boolean, rules: AsmRules): string | null {
  const from = x.type;
  if (from.kind === 'interface' || from.kind === 'nil' || x.op === 'NIL') return 'interface to interface';
  if (rules.directIface && from.directIface) return 'pointer-shaped';
  if (rules.zeroSized && from.size === 0) return 'zero-sized (runtime.zerobase)';
  if (rules.singleByte && from.size === 1 && isByteLike(from)) return 'one byte (runtime.staticuint64s)';
  if (rules.readonlyConstant && isConstant(x)) return 'constant (read-only data)';
  if (rules.readonlyConstant && isStaticLiteral(x)) return 'static composite literal (read-only data)';
  if (isZeroLiteral(x) && from.size <= rules.zeroValSize) return 'zero value (runtime.zeroVal)';
  if (rules.nonEscapingStackTemp && !escapes && from.size <= rules.ifaceStackTempMaxSize) return 'stack temporary';
  return null;
}

/** walk/convert.go dataWordFuncName: sized forms first, then the sole component's kind. */
export function convCall(from: IrType): ConvCall {
  if (!from.hasPointers) {
    if (from.size === 2 && from.align === 2) return { call: 'runtime.convT16', takesType: false };
    if (from.size === 4 && from.align === 4) return { call: 'runtime.convT32', takesType: false };
    if (from.size === 8 && from.align === 8) return { call: 'runtime.convT64', takesType: false };
  }
  const sole = soleComponent(from);
  if (sole?.kind === 'string') return { call: 'runtime.convTstring', takesType: false };
  if (sole?.kind === 'slice') return { call: 'runtime.convTslice', takesType: false };
  return from.hasPointers ? { call: 'runtime.convT', takesType: true } : { call: 'runtime.convTnoptr', takesType: true };
}

/** types.Type.SoleComponent: the only non-blank field or element, recursively. */
function soleComponent(t: IrType): IrType | null {
  for (let i = 0; i < 50; i++) {
    if (t.kind === 'struct') {
      const fields = (t.fields ?? []).filter((f) => f.name !== '_');
      if (fields.length !== 1) return null;
      t = fields[0]!.type;
    } else if (t.kind === 'array') {
      if (t.len !== 1 || !t.elem) return null;
      t = t.elem;
    } else return t;
  }
  return null;
}

function isByteLike(t: IrType): boolean {
  return t.kind === 'bool' || t.kind === 'int8' || t.kind === 'uint8';
}

/** A constant operand, seen through value-preserving conversions. */
export function isConstant(x: Expr): boolean {
  if (x.op === 'LITERAL') return true;
  if ((x.op === 'CONV' || x.op === 'CONVNOP') && x.x.op === 'LITERAL') return true;
  return false;
}

/** walk/complit.go isStaticCompositeLiteral: all leaves constant (order puts it in rodata). */
function isStaticLiteral(x: Expr): boolean {
  switch (x.op) {
    case 'LITERAL':
    case 'NIL':
      return true;
    case 'STRUCTLIT':
      return x.fields.every((f) => isStaticLiteral(f.value));
    case 'ARRAYLIT':
      return x.elems.every(isStaticLiteral);
    case 'CONVNOP':
    case 'CONV':
      // T(nil) is a conversion node to gc, not a static literal: an escaping
      // ([]byte)(nil) goes through runtime.convTslice.
      return x.x.op !== 'NIL' && isStaticLiteral(x.x);
    default:
      return false;
  }
}

function isZeroLiteral(x: Expr): boolean {
  if (x.op === 'STRUCTLIT') return x.fields.length === 0;
  if (x.op === 'ARRAYLIT') return x.elems.length === 0;
  return false;
}
