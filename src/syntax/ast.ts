// The Go syntax tree: what the parser hands the type checker.
//
// Shapes follow cmd/compile/internal/syntax (gc's own parser), not go/ast, because gc's
// positions are what goesc prints: every node carries the position gc gives it
// (`line`, 1-based, and `col`, the 1-based byte column counted in UTF-8, as gc counts).
// Where the two differ, gc's rule is:
//   - a binary expression sits at its operator, a unary one at its operator;
//   - a call at its "(", an index or slice at its "[", a selector at its ".",
//     a type assertion at its ".";
//   - a composite literal at its "{", a function literal at "func";
//   - a key:value element at its ":";
//   - an assignment at its operator (`=`, `:=`, `+=`), an inc/dec at its operator;
//   - a declaration at its first name; everything else at its first token.
// Nodes are plain immutable objects told apart by `kind`; later stages attach their facts
// in side tables keyed by node identity, never by mutating the tree.

import type { LineDirective } from './linedir.js';

export interface Pos {
  readonly line: number;
  readonly col: number;
}

interface NodeBase extends Pos {}

// ───────────────────────────────────────────── expressions

export type Expr =
  | Name
  | BasicLit
  | CompositeLit
  | KeyValueExpr
  | FuncLit
  | ParenExpr
  | SelectorExpr
  | IndexExpr
  | SliceExpr
  | AssertExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | StarExpr
  | BadExpr
  // types appear where expressions do (conversions, composite literal types, make/new)
  | ArrayType
  | SliceType
  | DotsType
  | StructType
  | FuncType
  | InterfaceType
  | MapType
  | ChanType;

export interface Name extends NodeBase {
  readonly kind: 'Name';
  readonly value: string;
}

export type LitKind = 'int' | 'float' | 'imag' | 'rune' | 'string';

export interface BasicLit extends NodeBase {
  readonly kind: 'BasicLit';
  readonly litKind: LitKind;
  /** The literal exactly as written in the source (quotes, prefixes and `_` included). */
  readonly value: string;
}

export interface CompositeLit extends NodeBase {
  readonly kind: 'CompositeLit';
  /** Absent for elided types inside an outer literal (`[]T{{1}, {2}}`). */
  readonly type: Expr | null;
  /** Elements: a KeyValueExpr where a key is given. */
  readonly elems: readonly Expr[];
  /** Position of the closing "}". */
  readonly rbrace: Pos;
}

export interface KeyValueExpr extends NodeBase {
  readonly kind: 'KeyValueExpr';
  readonly key: Expr;
  readonly value: Expr;
}

export interface FuncLit extends NodeBase {
  readonly kind: 'FuncLit';
  readonly type: FuncType;
  readonly body: BlockStmt;
}

export interface ParenExpr extends NodeBase {
  readonly kind: 'ParenExpr';
  readonly x: Expr;
}

export interface SelectorExpr extends NodeBase {
  readonly kind: 'SelectorExpr';
  readonly x: Expr;
  readonly sel: Name;
}

/** `x[i]`, and generic instantiation `f[A, B]` (several indices). */
export interface IndexExpr extends NodeBase {
  readonly kind: 'IndexExpr';
  readonly x: Expr;
  readonly indices: readonly Expr[];
}

export interface SliceExpr extends NodeBase {
  readonly kind: 'SliceExpr';
  readonly x: Expr;
  readonly low: Expr | null;
  readonly high: Expr | null;
  readonly max: Expr | null;
  /** true for the three-index form `x[i:j:k]`. */
  readonly full: boolean;
}

/** `x.(T)`; in a type switch header `x.(type)` the type is null. */
export interface AssertExpr extends NodeBase {
  readonly kind: 'AssertExpr';
  readonly x: Expr;
  readonly type: Expr | null;
}

export interface CallExpr extends NodeBase {
  readonly kind: 'CallExpr';
  readonly fun: Expr;
  readonly args: readonly Expr[];
  /** The call ends in `...` (`f(xs...)`). */
  readonly hasDots: boolean;
}

export type UnaryOp = '+' | '-' | '!' | '^' | '&' | '<-' | '~';

export interface UnaryExpr extends NodeBase {
  readonly kind: 'UnaryExpr';
  readonly op: UnaryOp;
  readonly x: Expr;
}

export type BinaryOp =
  | '||' | '&&'
  | '==' | '!=' | '<' | '<=' | '>' | '>='
  | '+' | '-' | '|' | '^'
  | '*' | '/' | '%' | '<<' | '>>' | '&' | '&^';

export interface BinaryExpr extends NodeBase {
  readonly kind: 'BinaryExpr';
  readonly op: BinaryOp;
  readonly x: Expr;
  readonly y: Expr;
}

/** `*x`: a dereference or a pointer type, decided by the type checker. */
export interface StarExpr extends NodeBase {
  readonly kind: 'StarExpr';
  readonly x: Expr;
}

/** Stands in for an expression that failed to parse (only in error recovery). */
export interface BadExpr extends NodeBase {
  readonly kind: 'BadExpr';
}

// ───────────────────────────────────────────── types

/** `[N]T`; `[...]T` has `len` null and `dots` true. */
export interface ArrayType extends NodeBase {
  readonly kind: 'ArrayType';
  readonly len: Expr | null;
  readonly dots: boolean;
  readonly elem: Expr;
}

export interface SliceType extends NodeBase {
  readonly kind: 'SliceType';
  readonly elem: Expr;
}

/** `...T`, only as the type of a final parameter. */
export interface DotsType extends NodeBase {
  readonly kind: 'DotsType';
  readonly elem: Expr;
}

export interface Field extends NodeBase {
  readonly kind: 'Field';
  /** Empty for an embedded field or an unnamed parameter. */
  readonly names: readonly Name[];
  readonly type: Expr;
  readonly tag: BasicLit | null;
  /** An embedded struct field (`T`, `*T`, `p.T`). */
  readonly embedded: boolean;
}

export interface StructType extends NodeBase {
  readonly kind: 'StructType';
  readonly fields: readonly Field[];
}

export interface FuncType extends NodeBase {
  readonly kind: 'FuncType';
  readonly typeParams: readonly Field[];
  readonly params: readonly Field[];
  readonly results: readonly Field[];
}

/**
 * An interface element: a method (`names` holds its name, `type` a FuncType), an embedded
 * interface or type-set term (`names` empty; `type` may be a UnaryExpr `~T` or a BinaryExpr
 * `A | B`).
 */
export interface InterfaceType extends NodeBase {
  readonly kind: 'InterfaceType';
  readonly elems: readonly Field[];
}

export interface MapType extends NodeBase {
  readonly kind: 'MapType';
  readonly key: Expr;
  readonly value: Expr;
}

export type ChanDir = 'both' | 'send' | 'recv';

export interface ChanType extends NodeBase {
  readonly kind: 'ChanType';
  readonly dir: ChanDir;
  readonly elem: Expr;
}

// ───────────────────────────────────────────── statements

export type Stmt =
  | EmptyStmt
  | LabeledStmt
  | BlockStmt
  | ExprStmt
  | SendStmt
  | IncDecStmt
  | AssignStmt
  | GoStmt
  | DeferStmt
  | ReturnStmt
  | BranchStmt
  | IfStmt
  | SwitchStmt
  | TypeSwitchStmt
  | SelectStmt
  | ForStmt
  | RangeStmt
  | DeclStmt;

/** A simple statement: what may stand in an if/for/switch header. */
export type SimpleStmt = EmptyStmt | ExprStmt | SendStmt | IncDecStmt | AssignStmt;

export interface EmptyStmt extends NodeBase {
  readonly kind: 'EmptyStmt';
}

export interface LabeledStmt extends NodeBase {
  readonly kind: 'LabeledStmt';
  readonly label: Name;
  readonly stmt: Stmt;
}

export interface BlockStmt extends NodeBase {
  readonly kind: 'BlockStmt';
  readonly stmts: readonly Stmt[];
  /** Position of the closing "}". */
  readonly rbrace: Pos;
}

export interface ExprStmt extends NodeBase {
  readonly kind: 'ExprStmt';
  readonly x: Expr;
}

export interface SendStmt extends NodeBase {
  readonly kind: 'SendStmt';
  readonly chan: Expr;
  readonly value: Expr;
}

export interface IncDecStmt extends NodeBase {
  readonly kind: 'IncDecStmt';
  readonly op: '++' | '--';
  readonly x: Expr;
}

export type AssignOp =
  | '=' | ':='
  | '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=' | '&^=';

export interface AssignStmt extends NodeBase {
  readonly kind: 'AssignStmt';
  readonly op: AssignOp;
  readonly lhs: readonly Expr[];
  readonly rhs: readonly Expr[];
}

export interface GoStmt extends NodeBase {
  readonly kind: 'GoStmt';
  readonly call: Expr;
}

export interface DeferStmt extends NodeBase {
  readonly kind: 'DeferStmt';
  readonly call: Expr;
}

export interface ReturnStmt extends NodeBase {
  readonly kind: 'ReturnStmt';
  readonly results: readonly Expr[];
}

export interface BranchStmt extends NodeBase {
  readonly kind: 'BranchStmt';
  readonly tok: 'break' | 'continue' | 'goto' | 'fallthrough';
  readonly label: Name | null;
}

export interface IfStmt extends NodeBase {
  readonly kind: 'IfStmt';
  readonly init: SimpleStmt | null;
  readonly cond: Expr;
  readonly then: BlockStmt;
  readonly else: IfStmt | BlockStmt | null;
}

export interface CaseClause extends NodeBase {
  readonly kind: 'CaseClause';
  /** null for `default`. */
  readonly list: readonly Expr[] | null;
  readonly body: readonly Stmt[];
  /** Position of the ":" ending the case header (gc scopes start there). */
  readonly colon: Pos;
}

export interface SwitchStmt extends NodeBase {
  readonly kind: 'SwitchStmt';
  readonly init: SimpleStmt | null;
  readonly tag: Expr | null;
  readonly body: readonly CaseClause[];
  readonly rbrace: Pos;
}

/** `switch [init;] [v :=] x.(type) { ... }` */
export interface TypeSwitchStmt extends NodeBase {
  readonly kind: 'TypeSwitchStmt';
  readonly init: SimpleStmt | null;
  /** The `v` of `v := x.(type)`, if any. */
  readonly bind: Name | null;
  /** The `x` of `x.(type)`. */
  readonly x: Expr;
  /** Position of the `.` of `.(type)` (gc's TypeSwitchGuard position). */
  readonly guard: Pos;
  readonly body: readonly CaseClause[];
  readonly rbrace: Pos;
}

export interface CommClause extends NodeBase {
  readonly kind: 'CommClause';
  /** null for `default`; else a SendStmt, an ExprStmt `<-c`, or an AssignStmt `v[, ok] = / := <-c`. */
  readonly comm: SimpleStmt | null;
  readonly body: readonly Stmt[];
  readonly colon: Pos;
}

export interface SelectStmt extends NodeBase {
  readonly kind: 'SelectStmt';
  readonly body: readonly CommClause[];
  readonly rbrace: Pos;
}

export interface ForStmt extends NodeBase {
  readonly kind: 'ForStmt';
  readonly init: SimpleStmt | null;
  readonly cond: Expr | null;
  readonly post: SimpleStmt | null;
  readonly body: BlockStmt;
}

/** `for [k [, v] (= | :=)] range x { ... }` */
export interface RangeStmt extends NodeBase {
  readonly kind: 'RangeStmt';
  readonly key: Expr | null;
  readonly value: Expr | null;
  /** true for `:=`. */
  readonly define: boolean;
  /** The `range` keyword: gc's ORANGE position (syntax newRangeClause), where -m=2 notes point. */
  readonly range: Pos;
  readonly x: Expr;
  readonly body: BlockStmt;
}

export interface DeclStmt extends NodeBase {
  readonly kind: 'DeclStmt';
  readonly decls: readonly (ConstDecl | VarDecl | TypeDecl)[];
}

// ───────────────────────────────────────────── declarations

/** A `//go:...` directive line, kept with the declaration it precedes. */
export interface Pragma extends NodeBase {
  /** The whole comment text, e.g. `//go:noinline` or `//go:linkname a b`. */
  readonly text: string;
  /** The directive name without the `//go:` prefix, e.g. `noinline`. */
  readonly name: string;
}

export type Decl = ImportDecl | ConstDecl | VarDecl | TypeDecl | FuncDecl;

/** One import spec. `group` ties the specs of one parenthesized declaration together. */
export interface ImportDecl extends NodeBase {
  readonly kind: 'ImportDecl';
  /** The local name (`.`, `_` or an identifier), or null. */
  readonly localName: Name | null;
  readonly path: BasicLit;
  readonly group: number | null;
}

/**
 * One const spec. A spec without type and values repeats the previous spec of its group
 * (the checker resolves that); `iota` is the spec's index in its group.
 */
export interface ConstDecl extends NodeBase {
  readonly kind: 'ConstDecl';
  readonly names: readonly Name[];
  readonly type: Expr | null;
  readonly values: readonly Expr[];
  readonly iota: number;
  readonly group: number | null;
  readonly pragmas: readonly Pragma[];
}

export interface VarDecl extends NodeBase {
  readonly kind: 'VarDecl';
  readonly names: readonly Name[];
  readonly type: Expr | null;
  readonly values: readonly Expr[];
  readonly group: number | null;
  readonly pragmas: readonly Pragma[];
}

export interface TypeDecl extends NodeBase {
  readonly kind: 'TypeDecl';
  readonly name: Name;
  readonly typeParams: readonly Field[];
  /** `type A = B`. */
  readonly alias: boolean;
  readonly type: Expr;
  readonly group: number | null;
  readonly pragmas: readonly Pragma[];
}

export interface FuncDecl extends NodeBase {
  readonly kind: 'FuncDecl';
  readonly recv: Field | null;
  readonly name: Name;
  readonly type: FuncType;
  /** null for a function declared without a body (assembly or linkname). */
  readonly body: BlockStmt | null;
  readonly pragmas: readonly Pragma[];
}

export interface File extends NodeBase {
  readonly kind: 'File';
  /** The file name as given on the command line (gc prints it so). */
  readonly filename: string;
  readonly pkgName: Name;
  readonly decls: readonly Decl[];
  /** `//go:build` expression text, if the file has one. */
  readonly goBuild: string | null;
  /** Directives not attached to a declaration (file-level). */
  readonly pragmas: readonly Pragma[];
  /** Number of lines in the file. */
  readonly lines: number;
  /** Its line directives (linedir.ts), when it has any: they move the positions printed. */
  readonly lineDirectives?: readonly LineDirective[];
  /**
   * The lines holding a `struct` or `interface` keyword, ascending: the only lines where its
   * struct and interface type literals can start (the lowering's method wrappers skip the
   * bodies that have none, ir/lower/wrappers.ts).
   */
  readonly typeKeywordLines?: readonly number[];
}

export type Node = Expr | Stmt | Decl | File | Field | CaseClause | CommClause;
