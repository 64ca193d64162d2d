// Operands (go/types operand.go): the result of checking an expression — its mode, type and
// constant value — and their description in error messages the way types2 words it:
// `x (variable of type int)`, `"s" (untyped string constant)`, `c (constant 1 of type T)`.

import type * as ast from '../syntax/ast.js';
import type { ConstValue } from './constant.js';
import { constString } from './constant.js';
import type { OperandMode } from './info.js';
import type { Builtin, Package } from './objects.js';
import type { Type } from './types.js';
import { isUntyped, unalias, under } from './types.js';
import { byName, typeString } from './typestring.js';

export interface Operand {
  mode: OperandMode;
  type: Type;
  value: ConstValue | null;
  expr: ast.Expr;
  /** For mode 'builtin'. */
  builtin?: Builtin;
}

/** The source text of an expression, as types2's ExprString prints it. */
export function exprString(e: ast.Expr | null): string {
  if (!e) return '';
  switch (e.kind) {
    case 'Name':
      return e.value;
    case 'BasicLit':
      return e.value;
    case 'CompositeLit':
      return `${exprString(e.type)}{${e.elems.length > 0 ? '…' : ''}}`;
    case 'KeyValueExpr':
      return `${exprString(e.key)}: ${exprString(e.value)}`;
    case 'FuncLit':
      return `func${funcTypeString(e.type)} {…}`;
    case 'ParenExpr':
      return `(${exprString(e.x)})`;
    case 'SelectorExpr':
      return `${exprString(e.x)}.${e.sel.value}`;
    case 'IndexExpr':
      return `${exprString(e.x)}[${e.indices.map(exprString).join(', ')}]`;
    case 'SliceExpr': {
      let s = `${exprString(e.x)}[${exprString(e.low)}:${exprString(e.high)}`;
      if (e.full) s += `:${exprString(e.max)}`;
      return s + ']';
    }
    case 'AssertExpr':
      return `${exprString(e.x)}.(${e.type ? exprString(e.type) : 'type'})`;
    case 'CallExpr':
      return `${exprString(e.fun)}(${e.args.map(exprString).join(', ')}${e.hasDots ? '...' : ''})`;
    case 'UnaryExpr':
      return `${e.op}${exprString(e.x)}`;
    case 'BinaryExpr':
      return `${exprString(e.x)} ${e.op} ${exprString(e.y)}`;
    case 'StarExpr':
      return `*${exprString(e.x)}`;
    case 'BadExpr':
      return 'BadExpr';
    case 'ArrayType':
      return `[${e.dots ? '...' : exprString(e.len)}]${exprString(e.elem)}`;
    case 'SliceType':
      return `[]${exprString(e.elem)}`;
    case 'DotsType':
      return `...${exprString(e.elem)}`;
    case 'StructType':
      return `struct{${e.fields.map(fieldString).join('; ')}}`;
    case 'FuncType':
      return `func${funcTypeString(e)}`;
    case 'InterfaceType':
      return e.elems.length === 0 ? 'interface{}' : `interface{${e.elems.map((f) => f.names.length ? f.names[0]!.value + funcTypeString(f.type as ast.FuncType) : exprString(f.type)).join('; ')}}`;
    case 'MapType':
      return `map[${exprString(e.key)}]${exprString(e.value)}`;
    case 'ChanType':
      return e.dir === 'send' ? `chan<- ${exprString(e.elem)}` : e.dir === 'recv' ? `<-chan ${exprString(e.elem)}` : `chan ${exprString(e.elem)}`;
  }
}

function fieldString(f: ast.Field): string {
  const names = f.names.map((n) => n.value).join(', ');
  return names ? `${names} ${exprString(f.type)}` : exprString(f.type);
}

function funcTypeString(t: ast.FuncType): string {
  const params = `(${t.params.map(fieldString).join(', ')})`;
  if (t.results.length === 0) return params;
  if (t.results.length === 1 && t.results[0]!.names.length === 0) return `${params} ${exprString(t.results[0]!.type)}`;
  return `${params} (${t.results.map(fieldString).join(', ')})`;
}

const modeText: Partial<Record<OperandMode, string>> = {
  invalid: 'invalid operand',
  novalue: 'no value',
  builtin: 'built-in',
  typexpr: 'type',
  constant: 'constant',
  variable: 'variable',
  mapindex: 'map index expression',
  value: 'value',
  nilvalue: 'nil',
  commaok: 'comma, ok expression',
  commaerr: 'comma, error expression',
};

/** types2 operand.String: `expr (mode of type T)`. */
export function operandString(x: Operand, pkg: Package | null): string {
  const q = byName(pkg);
  if (x.mode === 'nilvalue') return 'nil';
  const expr = exprString(x.expr);
  let buf = expr ? `${expr} (` : '';
  let hasType = false;
  if (!['invalid', 'novalue', 'builtin', 'typexpr'].includes(x.mode)) {
    if (isUntyped(x.type)) buf += (unalias(x.type) as { name: string }).name + ' ';
    else hasType = true;
  }
  buf += modeText[x.mode] ?? x.mode;
  if (x.mode === 'constant' && x.value) {
    const v = constString(x.value);
    if (v !== expr) buf += ' ' + v;
  }
  if (hasType) {
    let desc = '';
    const t = x.type;
    if (t.kind === 'Named' || t.kind === 'Alias') {
      const k = compositeKind(under(t));
      if (k) desc = k + ' ';
    }
    buf += ` of ${desc}type ${typeString(t, q)}`;
    if (t.kind === 'TypeParam') buf += ` constrained by ${typeString(t.constraint, q)}`;
  }
  if (expr) buf += ')';
  return buf;
}

function compositeKind(t: Type): string {
  switch (t.kind) {
    case 'Array': return 'array';
    case 'Slice': return 'slice';
    case 'Struct': return 'struct';
    case 'Pointer': return 'pointer';
    case 'Signature': return 'func';
    case 'Interface': return 'interface';
    case 'Map': return 'map';
    case 'Chan': return 'chan';
    case 'Tuple': return 'tuple';
    default: return '';
  }
}

/** Where an expression's source text begins (gc positions sit at operators). */
export function startPos(e: ast.Expr): ast.Pos {
  switch (e.kind) {
    case 'SelectorExpr': case 'IndexExpr': case 'SliceExpr': case 'AssertExpr':
      return startPos(e.x);
    case 'CallExpr':
      return startPos(e.fun);
    case 'BinaryExpr':
      return startPos(e.x);
    case 'KeyValueExpr':
      return startPos(e.key);
    case 'CompositeLit':
      return e.type ? startPos(e.type) : { line: e.line, col: e.col };
    default:
      return { line: e.line, col: e.col };
  }
}

