// The facts the checker records for later stages (go/types api.go Info), in side tables
// keyed by AST node identity, plus the implicit operations the escape IR must make explicit
// (gc's typecheck inserts them as real IR nodes: OCONVIFACE, OADDR, ODEREF, ODOTPTR).

import type * as ast from '../syntax/ast.js';
import type { ConstValue } from './constant.js';
import type { Func, Obj, Scope, Var, Builtin } from './objects.js';
import type { Signature, Type } from './types.js';

/**
 * What an expression denotes (go/types operandMode).
 * - `variable`: an addressable value (`x`, `*p`, `a[i]` of an addressable array, `s[i]`, `p.f`);
 * - `mapindex`: `m[k]` (assignable, not addressable);
 * - `commaok`: may be used in a two-value assignment (`m[k]`, `x.(T)`, `<-c`);
 * - `typexpr`: the expression is a type; `builtin`: a builtin function name;
 * - `novalue`: a call without results.
 */
export type OperandMode =
  | 'invalid'
  | 'novalue'
  | 'builtin'
  | 'typexpr'
  | 'constant'
  | 'variable'
  | 'mapindex'
  | 'value'
  | 'nilvalue'
  | 'commaok'
  | 'commaerr';

export interface TypeAndValue {
  readonly mode: OperandMode;
  /** The expression's type; for untyped constants the final (defaulted/converted) type. */
  readonly type: Type;
  /** The exact value of a constant expression. */
  readonly value: ConstValue | null;
}

/** One embedded field crossed on the way to a promoted field or method. */
export interface EmbeddedStep {
  readonly field: Var;
  /** The value before this step is a pointer: an implicit `*` happens first. */
  readonly derefBefore: boolean;
}

export interface Selection {
  /** field `x.f`, method value or call `x.m`, method expression `T.m`. */
  readonly kind: 'field' | 'method' | 'methodExpr';
  /** The type of x (the receiver expression, or the type T of T.m). */
  readonly recv: Type;
  readonly obj: Var | Func;
  /** The type of the selector expression (for methodExpr: with the receiver as first param). */
  readonly type: Type;
  /** go/types Index(): field indices along the embedding path, then the field/method index. */
  readonly index: readonly number[];
  /** The embedded fields crossed, in order. */
  readonly path: readonly EmbeddedStep[];
  /** Some pointer was dereferenced on the way (go/types Indirect()). */
  readonly indirect: boolean;
  /** x is a pointer and the final step dereferences it (`p.f` on `p *T`: ODOTPTR). */
  readonly derefFinal: boolean;
  /** A pointer-receiver method selected on an addressable value: the receiver is `&x`. */
  readonly implicitAddr: boolean;
  /** A value-receiver method selected on a pointer: the receiver is `*p`. */
  readonly implicitDeref: boolean;
}

/**
 * How a call is dispatched. `static` calls name a declared function or a method whose
 * receiver type is concrete; `interface` calls go through an itab; `value` calls a func value.
 */
export type CallKind = 'func' | 'method' | 'interface' | 'value' | 'builtin' | 'conversion';

export interface CallInfo {
  readonly kind: CallKind;
  /** The callee for `func` and `method` calls (the generic origin for instances). */
  readonly callee: Func | null;
  readonly builtin: Builtin | null;
  /** The signature the call is checked against (instantiated for generic calls). */
  readonly signature: Signature | null;
  /** Arguments from this index on are packed into the variadic slice (`f(a, b, c)`). */
  readonly variadicPackFrom: number | null;
  /** The element type of the packed slice (e.g. `any` for `...any`). */
  readonly variadicElem: Type | null;
  /** For a `method` or `interface` call, the selection of `x.m`. */
  readonly selection: Selection | null;
  /** A call `f(g())` where g returns several values spread over the parameters. */
  readonly spread: boolean;
}

export interface Instance {
  readonly typeArgs: readonly Type[];
  /** The instantiated type (a Named for types, a Signature for functions). */
  readonly type: Type;
}

/** Why an implicit conversion happens; the lowering creates OCONVIFACE with this context. */
export type ConversionContext =
  | 'assign'
  | 'define'
  | 'argument'
  | 'variadic'
  | 'return'
  | 'send'
  | 'composite'
  | 'mapkey'
  | 'mapvalue'
  | 'compare'
  | 'range'
  | 'other';

export interface ImplicitConversion {
  /** The interface type the value is converted to. */
  readonly target: Type;
  readonly context: ConversionContext;
}

export interface Info {
  readonly types: Map<ast.Expr, TypeAndValue>;
  /** Declaring identifiers → objects (null for `_` and the package clause). */
  readonly defs: Map<ast.Name, Obj | null>;
  readonly uses: Map<ast.Name, Obj>;
  /** Objects declared without an identifier: type switch clause vars (key: the CaseClause). */
  readonly implicits: Map<ast.Node, Obj>;
  readonly selections: Map<ast.SelectorExpr, Selection>;
  /** Generic instantiations, keyed by the name of the generic function or type. */
  readonly instances: Map<ast.Name, Instance>;
  /** Scopes opened by nodes (FuncType, BlockStmt, IfStmt, CaseClause, ...). */
  readonly scopes: Map<ast.Node, Scope>;
  /**
   * Non-interface (or interface-to-different-interface) values converted to an interface
   * without a conversion being written, keyed by the converted expression.
   */
  readonly implicitConversions: Map<ast.Expr, ImplicitConversion>;
  readonly calls: Map<ast.CallExpr, CallInfo>;
  /** FuncLit/FuncDecl bodies → the Func (decls) or Signature (literals). */
  readonly funcs: Map<ast.FuncDecl, Func>;
}

export function newInfo(): Info {
  return {
    types: new Map(),
    defs: new Map(),
    uses: new Map(),
    implicits: new Map(),
    selections: new Map(),
    instances: new Map(),
    scopes: new Map(),
    implicitConversions: new Map(),
    calls: new Map(),
    funcs: new Map(),
  };
}
