// The escape IR: the program as gc's escape pass sees it, after type checking.
//
// Follows $GOROOT/src/cmd/compile/internal/ir (node.go's op list, expr.go, stmt.go, func.go,
// name.go) at the moment escape.Funcs runs: typecheck has already made every implicit
// operation explicit, so this IR must too. The lowering (src/ir/lower.ts) inserts:
//   - CONVIFACE at every assignment, argument, return, send, composite-literal element, map
//     key/value, comparison operand and variadic `...interface{}` element that converts a
//     concrete value to an interface (and CONVNOP/CONV for other implicit conversions);
//   - ADDR for `&x` of a pointer-receiver call on an addressable value, and for slicing an
//     array (`a[i:j]` is SLICEARR of ADDR(a));
//   - DEREF / DOTPTR for `p.f` on a pointer, embedded-pointer promotion, value-receiver
//     calls on pointers;
//   - the variadic slice: `f(a, b)` for `func f(...T)` passes one SLICELIT with
//     `implicit: 'ddd'` (gc prints it `... argument`);
//   - method calls as CALLFUNC whose `fun` is a METHEXPR and whose args[0] is the receiver
//     (typecheck.FixMethodCall); interface method calls as CALLINTER;
//   - go/defer calls normalized into a zero-argument wrapper CLOSURE (`Func.wrapper`), its
//     evaluated arguments copied to temporaries first (typecheck.normalizeGoDeferCall);
//   - multi-value calls in argument position split through temporaries (AS2FUNC);
//   - Go 1.22 loop variables: a per-iteration copy declared inside the body when the loop
//     variable is captured or address-taken (loopvar.go), so each FOR/RANGE here has
//     gc's DistinctVars already rewritten away.
// Nodes are plain immutable objects told apart by `op` (gc's op name without the `O`).
// Each carries gc's position (file from its function); expressions carry their Type.
// Variables (IrName) and functions (IrFunc) are shared by identity: a reference to a
// variable is a NAME node pointing at the same IrName object as its declaration.

import type { Pos } from '../syntax/ast.js';

export type { Pos };

/**
 * A position inside an inlined body. Its line and column are the outermost call site's,
 * where gc prints every message about inlined code (base.FmtPos); `inner` is where the code
 * was written, which the allocation code (-S) is attributed to.
 */
export interface InlinedPos extends Pos {
  readonly inner: { readonly file: string; readonly line: number; readonly col: number };
}

/** Where code was written: the innermost position of an inlined one, else pos in `file`. */
export function sourcePos(pos: Pos, file: string): { readonly file: string; readonly line: number; readonly col: number } {
  return (pos as Partial<InlinedPos>).inner ?? { file, line: pos.line, col: pos.col };
}

// ───────────────────────────────────────────── types

export type TypeKind =
  | 'bool' | 'int' | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr'
  | 'float32' | 'float64' | 'complex64' | 'complex128'
  | 'string' | 'unsafe.Pointer'
  | 'ptr' | 'slice' | 'array' | 'struct' | 'map' | 'chan' | 'func' | 'interface'
  | 'nil' | 'untyped' | 'tuple' | 'typeparam';

/**
 * What escape analysis needs to know about a type (cmd/compile/internal/types.Type), with
 * amd64 gc layout. The lowering fills it from src/types; `source` keeps that richer value.
 */
export interface IrType {
  readonly kind: TypeKind;
  /** Size and alignment in bytes (gc, amd64). */
  readonly size: number;
  readonly align: number;
  /** types.Type.HasPointers: false for scalars, arrays of length 0, pointer-free structs. */
  readonly hasPointers: boolean;
  /** types.IsDirectIface: stored directly in an interface's data word (pointer-shaped). */
  readonly directIface: boolean;
  /** Element of ptr, slice, array, chan; value of map. */
  readonly elem?: IrType;
  /** Key of a map. */
  readonly key?: IrType;
  /** Length of an array. */
  readonly len?: number;
  /** Fields of a struct (needed by hasNonStringPointers and size questions). */
  readonly fields?: readonly { readonly name: string; readonly type: IrType; readonly embedded?: boolean }[];
  /** Results of a func type. */
  readonly results?: readonly IrType[];
  /** Params of a func type (variadic last param is a slice). */
  readonly params?: readonly IrType[];
  /** The last param of a func type is `...T`. */
  readonly variadic?: boolean;
  /** Untyped constant types (untyped int, untyped nil, ...): escape ignores them. */
  readonly untyped?: boolean;
  /** //go:notinheap-like runtime types: stack allocation disallowed. */
  readonly notInHeap?: boolean;
  /** gc's rendering of the type (`[]int`, `*T`, `map[string]int`, `struct { x int }`). */
  readonly text: string;
  /** The checker's own type object, for stages that want more. */
  readonly source?: unknown;
}

// ───────────────────────────────────────────── constants

export type ConstValue =
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'complex'; readonly re: number; readonly im: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'bool'; readonly value: boolean };

// ───────────────────────────────────────────── names and functions

/** ir.Class: where a name lives. */
export type NameClass =
  | 'auto'    // PAUTO: local variable
  | 'param'   // PPARAM: parameter (receiver included)
  | 'result'  // PPARAMOUT: result parameter (unnamed ones are ~r0, ~r1...; blank ones ~b0...)
  | 'global'  // PEXTERN: package-level variable
  | 'func';   // PFUNC: a function or method (used as a value or callee)

/** ir.Name: one variable or function symbol. Shared by identity between declaration and uses. */
export interface IrName {
  readonly kind: 'Name';
  /** The name as gc prints it: `x`, `~r0`, `~b1`, `.autotmp_3`, `p.f` is NOT used here. */
  readonly sym: string;
  readonly class: NameClass;
  readonly type: IrType;
  /** Declared outside its function's file: an interface method wrapper's `~p0` is at `<autogenerated>`. */
  readonly file?: string;
  /** Declaration position (gc prints `moved to heap: x` there). */
  readonly pos: Pos;
  /**
   * The function that declares it (its Curfn); null for globals, funcs and for a parameter of
   * a function without body. Closure variables are NOT copied: the closure's body refers to
   * the enclosing function's IrName directly (gc's Name.Canonical()).
   */
  readonly curfn: IrFunc | null;
  /** For class 'func': the function it names, when known (null for unknown externals). */
  readonly func?: IrFunc | null;
  /** `_`: assignments to it are discarded. */
  readonly blank?: boolean;
  /**
   * Names the typechecker gave an explicit `&` anywhere (ir.Name.Addrtaken before escape);
   * used by the static-value rules (ir.StaticValue refuses address-taken names).
   */
  readonly addrtaken?: boolean;
  /** A compiler temporary (.autotmp_N): never reported as `moved to heap`. */
  readonly autotmp?: boolean;
  /** The parameter is `...T` (its type is the slice []T). */
  readonly ddd?: boolean;
}

/** The //go: directives escape analysis reads (ir.PragmaFlag). */
export interface FuncPragmas {
  readonly noescape?: boolean;
  readonly uintptrescapes?: boolean;
  readonly uintptrkeepalive?: boolean;
  readonly noinline?: boolean;
  readonly nosplit?: boolean;
  readonly norace?: boolean;
  readonly nocheckptr?: boolean;
  readonly linkname?: boolean;
  /** The `//goesc:leaks ...` directive of a std stub: the callee's escape tags (models/README.md). */
  readonly leaks?: string;
}

/**
 * ir.Func: a declared function, method, or function literal (closure). Parameters,
 * results and locals are IrNames whose curfn is this function.
 */
export interface IrFunc {
  readonly kind: 'Func';
  /**
   * gc's symbol name for messages: `p.f`, `p.(*T).M`, `p.T.M`, `p.f.func1`, `p.f.func1.1`,
   * `p.f.deferwrap1`, `p.f.gowrap1` (go/defer wrappers), `p.init.func1`.
   */
  readonly name: string;
  /**
   * The import path `name` starts with (`gopkg.in/yaml.v3`): the package whose symbol this
   * is, for ir.FuncName (a path's last element may hold dots, so the name alone cannot say).
   */
  readonly pkgPath?: string;
  /** The source file (gc prints positions with it, as named on the command line). */
  readonly file: string;
  /** Position of the declaration (`func` keyword of a literal; the name of a FuncDecl). */
  readonly pos: Pos;
  /** The receiver of a method; null otherwise. */
  readonly recv: IrName | null;
  /** Parameters (without the receiver), in order; unnamed ones have sym '' or '_' and blank. */
  readonly params: readonly IrName[];
  /** Result parameters, in order (named or ~rN / ~bN). */
  readonly results: readonly IrName[];
  /**
   * Every name this function declares, in gc's Dcl order: receiver, params, results, then
   * locals in order of declaration (not those of nested closures).
   */
  readonly dcl: readonly IrName[];
  /** The body; null for a function declared without one (assembly, linkname, std stub). */
  readonly body: readonly Stmt[] | null;
  /** The variables of enclosing functions this closure uses, transitively for nested ones. */
  readonly closureVars: readonly IrName[];
  /** Where each closure variable is first used inside the closure (gc's position for it). */
  readonly closureVarPos?: readonly Pos[];
  /** For a closure: the function whose body contains the literal (ir.Func.ClosureParent). */
  readonly outer: IrFunc | null;
  readonly pragmas: FuncPragmas;
  /**
   * A shape instantiation `f[go.shape.int]`, an instantiation's wrapper `f[int]`, or a
   * closure inside one (src/ir/lower/instances.ts): gc marks them DUPOK or WRAPPER, so they
   * print no parameter lines (their -m=2 flows still print).
   */
  readonly generic?: boolean;
  /**
   * The package qualifier gc prints before this function's and its variables' names in
   * messages when the code comes from another package (`slices.`): an instantiated std body.
   */
  readonly qual?: string;
  /**
   * Its body calls a type parameter's method on an interface-shaped value through the
   * dictionary: gc's reader says `imprecise interface call` wherever it reads the body, when
   * lowering it and at each call it is inlined into (noder/reader.go exprCall).
   */
  readonly impreciseCalls?: boolean;
  /** The wrapper `f[int]` of a shape instantiation (callShaped): it only tail-calls `f[go.shape.int]`. */
  readonly instanceWrapper?: boolean;
  /** A compiler-generated wrapper (go/defer wrappers): no diagnostics for it. */
  readonly wrapper?: boolean;
  /** A function of another package (importedFunc): no body here, its facts say how it leaks. */
  readonly imported?: boolean;
  /** The type of the function (for closures: the literal's type). */
  readonly type: IrType;
}

// ───────────────────────────────────────────── expressions

interface ExprBase {
  readonly pos: Pos;
  readonly type: IrType;
  /** Statements typecheck attached to evaluate first (ir.Node.Init()). */
  readonly init?: readonly Stmt[];
  /**
   * The value of an inlined call (gc's OINLCALL, whose init is the inlined body): printed as
   * its result, parenthesised as an operand (`(~r0) + 30`), OINLCALL having no precedence.
   */
  readonly inlinedValue?: true;
}

/** A variable, parameter, result, global or function name. */
export interface NameExpr extends ExprBase { readonly op: 'NAME'; readonly name: IrName }
/** A constant; `text` is how gc prints it (`10`, `"a"`). */
export interface Literal extends ExprBase { readonly op: 'LITERAL'; readonly value: ConstValue; readonly text: string }
/** The nil value. */
export interface Nil extends ExprBase { readonly op: 'NIL' }
/** The blank identifier `_` as an assignment target. */
export interface Blank extends ExprBase { readonly op: 'BLANK' }
/** A type used as an operand (conversions already resolved; rarely needed). */
export interface TypeExpr extends ExprBase { readonly op: 'TYPE' }
/** `T.M` / `(*T).M`: a method expression; `method` is the method, null when unknown. */
export interface MethodExpr extends ExprBase {
  readonly op: 'METHEXPR';
  readonly method: IrFunc | null;
  /** The method's name and its receiver type (`T` or `*T`). */
  readonly sel: string;
  readonly recvType: IrType;
}

export type UnaryOpName = 'PLUS' | 'NEG' | 'BITNOT' | 'NOT';
/** `+x`, `-x`, `^x`, `!x`: operands never flow anywhere. */
export interface Unary extends ExprBase { readonly op: UnaryOpName; readonly x: Expr }

export type BinaryOpName =
  | 'ADD' | 'SUB' | 'OR' | 'XOR' | 'MUL' | 'DIV' | 'MOD' | 'LSH' | 'RSH' | 'AND' | 'ANDNOT'
  | 'EQ' | 'NE' | 'LT' | 'LE' | 'GT' | 'GE' | 'ANDAND' | 'OROR';
/** Arithmetic, comparison and logical operators (string `+` is ADDSTR). */
export interface Binary extends ExprBase { readonly op: BinaryOpName; readonly x: Expr; readonly y: Expr }

/** `&x` (explicit or implicit): flows with derefs -1. */
export interface Addr extends ExprBase { readonly op: 'ADDR'; readonly x: Expr; readonly implicit?: boolean }
/** `*p` (explicit or implicit): derefs +1. */
export interface Deref extends ExprBase { readonly op: 'DEREF'; readonly x: Expr; readonly implicit?: boolean }
/** `x.f` on a struct value. */
export interface Dot extends ExprBase { readonly op: 'DOT'; readonly x: Expr; readonly field: string }
/** `p.f` on a pointer to struct (implicit deref). */
export interface DotPtr extends ExprBase { readonly op: 'DOTPTR'; readonly x: Expr; readonly field: string }
/** `x.(T)`, value form; DOTTYPE2 is the comma-ok form (right side of AS2DOTTYPE). */
export interface DotType extends ExprBase {
  readonly op: 'DOTTYPE' | 'DOTTYPE2';
  readonly x: Expr;
  /**
   * The asserted type comes from the dictionary (`x.(T)` in a shape body, T derived from a
   * type parameter: reader.go exprAssert's ODYNAMICDOTTYPE): gc prints `<node DYNAMICDOTTYPE2>`.
   */
  readonly dynamic?: boolean;
}
/** `x[i]` on an array, slice, pointer-to-array or string. */
export interface Index extends ExprBase { readonly op: 'INDEX'; readonly x: Expr; readonly index: Expr }
/** `m[k]` on a map (read); a map store is an INDEXMAP assignment target. */
export interface IndexMap extends ExprBase { readonly op: 'INDEXMAP'; readonly x: Expr; readonly index: Expr; readonly commaOk?: boolean }
/**
 * Slicing. SLICE/SLICE3 of a slice; SLICEARR/SLICE3ARR of a pointer to array (an array
 * operand appears as ADDR(array)); SLICESTR of a string.
 */
export interface Slice extends ExprBase {
  readonly op: 'SLICE' | 'SLICE3' | 'SLICEARR' | 'SLICE3ARR' | 'SLICESTR';
  readonly x: Expr;
  readonly low: Expr | null;
  readonly high: Expr | null;
  readonly max: Expr | null;
}

/**
 * Conversions. CONV changes representation (numeric), CONVNOP does not (named ↔
 * underlying, pointer ↔ unsafe.Pointer ↔ uintptr), CONVIFACE makes an interface,
 * SLICE2ARR / SLICE2ARRPTR convert a slice to an array or array pointer, STR2BYTES etc.
 * allocate a new backing store, RUNESTR is `string(rune)`.
 */
export interface Conv extends ExprBase {
  readonly op:
    | 'CONV' | 'CONVNOP' | 'CONVIFACE' | 'SLICE2ARR' | 'SLICE2ARRPTR'
    | 'STR2BYTES' | 'BYTES2STR' | 'STR2RUNES' | 'RUNES2STR' | 'RUNESTR';
  readonly x: Expr;
  /** Inserted by the checker rather than written (gc prints implicit ones as their operand). */
  readonly implicit?: boolean;
}

/** `a + b + c` on strings (runtime.concatstrings): operands never escape. */
export interface AddStr extends ExprBase { readonly op: 'ADDSTR'; readonly list: readonly Expr[] }
/** `<-c` as an expression. */
export interface Recv extends ExprBase { readonly op: 'RECV'; readonly x: Expr }

/**
 * A call of a function value or a static function/method. Method calls have `fun` a
 * METHEXPR and the receiver as args[0]. Variadic calls already pass one slice (`isDDD`
 * set, the last arg a SLICELIT marked 'ddd' or the user's `xs...`).
 */
export interface CallFunc extends ExprBase {
  readonly op: 'CALLFUNC';
  readonly fun: Expr;
  readonly args: readonly Expr[];
  readonly isDDD?: boolean;
  /**
   * The interface call this static call was devirtualized from (devirtualize.go StaticCall):
   * the inliner's cost visitor runs before devirtualization in gc, so it costs that call.
   */
  readonly devirtualized?: {
    readonly fun: DotInter;
    readonly args: readonly Expr[];
    /**
     * gc's line for it (`devirtualizing x.M to T`): printed again for each inlined copy of
     * the body, since gc inlines the body as CanInline saved it, with the interface call.
     */
    readonly message?: string;
  };
}
/** A method call through an interface: `fun` is the DOTINTER selector. */
export interface CallInter extends ExprBase {
  readonly op: 'CALLINTER';
  readonly fun: DotInter;
  readonly args: readonly Expr[];
  readonly isDDD?: boolean;
}
/** `i.M` as the callee of CALLINTER. */
export interface DotInter extends ExprBase { readonly op: 'DOTINTER'; readonly x: Expr; readonly sel: string }

/** `len`, `cap`, `real`, `imag`, `close`, `clear`, `panic`, `unsafe.StringData`, `unsafe.SliceData`. */
export interface BuiltinUnary extends ExprBase {
  readonly op: 'LEN' | 'CAP' | 'REAL' | 'IMAG' | 'CLOSE' | 'CLEAR' | 'PANIC' | 'UNSAFESTRINGDATA' | 'UNSAFESLICEDATA';
  readonly x: Expr;
}
/** `complex(x, y)`, `copy(x, y)`, `unsafe.Add(x, y)`, `unsafe.Slice(x, y)`, `unsafe.String(x, y)`. */
export interface BuiltinBinary extends ExprBase {
  readonly op: 'COMPLEX' | 'COPY' | 'UNSAFEADD' | 'UNSAFESLICE' | 'UNSAFESTRING';
  readonly x: Expr;
  readonly y: Expr;
}
/** `append(s, xs...)`: args[0] is the slice; `isDDD` for the `...` form. */
export interface Append extends ExprBase { readonly op: 'APPEND'; readonly args: readonly Expr[]; readonly isDDD?: boolean }
/** `min`, `max`, `delete`, `print`, `println`, `recover()` (args empty). */
export interface BuiltinList extends ExprBase {
  readonly op: 'MIN' | 'MAX' | 'DELETE' | 'PRINT' | 'PRINTLN' | 'RECOVER';
  readonly args: readonly Expr[];
}
/** `new(T)`: `type` is *T. */
export interface New extends ExprBase {
  readonly op: 'NEW';
  readonly elemType: IrType;
  /** The type comes from the dictionary (`new(T)` in a shape body): gc prints `new(<node DYNAMICTYPE>)`. */
  readonly dynamic?: boolean;
}
/** `make([]T, len[, cap])`; MAKESLICECOPY is walk's make+copy (rare before walk). */
export interface MakeSlice extends ExprBase {
  readonly op: 'MAKESLICE' | 'MAKESLICECOPY';
  readonly len: Expr;
  readonly cap: Expr | null;
}
/** `make(map[K]V[, hint])`. */
export interface MakeMap extends ExprBase { readonly op: 'MAKEMAP'; readonly len: Expr | null }
/** `make(chan T[, n])`: channels are always heap allocated by the runtime, no location. */
export interface MakeChan extends ExprBase { readonly op: 'MAKECHAN'; readonly len: Expr | null }

/** A function literal: `func` refers to the closure's IrFunc. */
export interface Closure extends ExprBase { readonly op: 'CLOSURE'; readonly func: IrFunc }
/** `x.M` as a value (method value): allocates a closure holding the receiver. */
export interface MethodValue extends ExprBase {
  readonly op: 'METHVALUE';
  readonly x: Expr;
  readonly sel: string;
  /** The method, when statically known (null for an interface method). */
  readonly method: IrFunc | null;
  /** The method's signature (results count; receiver type for the closure size). */
  readonly methodType: IrType;
  /**
   * A generic type's method, or a type parameter's, taken as a value in a shape body: gc
   * builds a closure over the receiver and the dictionary (reader.go methodExprWrap, curry)
   * and reports no line for it.
   */
  readonly dictWrapped?: boolean;
}

/** `&T{...}`: `x` is the composite literal; allocates *T. */
export interface PtrLit extends ExprBase { readonly op: 'PTRLIT'; readonly x: Expr }
/** A struct literal; fields in source order with their names. */
export interface StructLit extends ExprBase {
  readonly op: 'STRUCTLIT';
  readonly fields: readonly { readonly field: string; readonly value: Expr; readonly pos: Pos }[];
}
/** An array literal; elements are values (keys resolved to indices). */
export interface ArrayLit extends ExprBase { readonly op: 'ARRAYLIT'; readonly elems: readonly Expr[] }
/**
 * A slice literal (allocates its backing array). `len` is the backing array's length;
 * `implicit: 'ddd'` marks the slice the compiler built for variadic arguments.
 */
export interface SliceLit extends ExprBase {
  readonly op: 'SLICELIT';
  readonly elems: readonly Expr[];
  readonly len: number;
  readonly implicit?: 'ddd';
  /** Each element has its index as an explicit key (an OKEY node each, for the inliner's cost). */
  readonly keyed?: true;
}
/** A map literal: keys and values always flow to the heap. */
export interface MapLit extends ExprBase {
  readonly op: 'MAPLIT';
  readonly entries: readonly { readonly key: Expr; readonly value: Expr; readonly pos: Pos }[];
}

export type Expr =
  | NameExpr | Literal | Nil | Blank | TypeExpr | MethodExpr
  | Unary | Binary
  | Addr | Deref | Dot | DotPtr | DotType | Index | IndexMap | Slice
  | Conv | AddStr | Recv
  | CallFunc | CallInter | DotInter
  | BuiltinUnary | BuiltinBinary | Append | BuiltinList
  | New | MakeSlice | MakeMap | MakeChan
  | Closure | MethodValue
  | PtrLit | StructLit | ArrayLit | SliceLit | MapLit;

export type ExprOp = Expr['op'];

// ───────────────────────────────────────────── statements

interface StmtBase {
  readonly pos: Pos;
  /**
   * The file of a statement that is not in its function's file: the synthetic `init`
   * gathers package-level initialisers from every file of the package.
   */
  readonly file?: string;
  /** Statements evaluated first (a FOR's init, an IF's init, temporaries). */
  readonly init?: readonly Stmt[];
}

/** `{ ... }` (also used for the init-plus-statement groups the lowering needs). */
export interface Block extends StmtBase { readonly op: 'BLOCK'; readonly list: readonly Stmt[] }
/** Declaration of a local: records its loop depth (`var x T`, `x := ...` emit DCL first). */
export interface Dcl extends StmtBase {
  readonly op: 'DCL';
  readonly name: IrName;
  /** The declaration of a per-iteration copy (Assign.loopvar). */
  readonly loopvar?: 'copy';
}
/**
 * `x = y`. `y` null is the zero-value initialisation of `var x T`. `defs` lists the names
 * this statement declares (`x := y`, `var x = y`), gc's Name.Defn == this statement.
 */
export interface Assign extends StmtBase {
  readonly op: 'AS';
  readonly x: Expr;
  readonly y: Expr | null;
  readonly defs?: readonly IrName[];
  /**
   * Made by the Go 1.22 loop variable rewrite (loopvar.go), which gc runs after inlining,
   * so the inliner's cost leaves it out: `copy`, the per-iteration copy at the top of the
   * body, and `copyBack`, a 3-clause loop's copy into the variable carried to the next
   * iteration. A `copy` declares the variable, yet escape analysis counts it as a
   * reassignment (gc leaves a range variable's Name.Defn on the loop), which the variable's
   * first capture by a closure at the same loop depth forgives: a closure inside a nested
   * loop captures it by reference.
   */
  readonly loopvar?: 'copy' | 'copyBack';
}
/** `x op= y`. */
export interface AssignOp extends StmtBase { readonly op: 'ASOP'; readonly x: Expr; readonly y: Expr; readonly operator: BinaryOpName }
/**
 * Multi-assignments. AS2: `a, b = x, y`. AS2FUNC: `a, b = f()` (rhs one call).
 * AS2DOTTYPE: `v, ok = x.(T)`; AS2MAPR: `v, ok = m[k]`; AS2RECV / SELRECV2: `v, ok = <-c`.
 */
export interface Assign2 extends StmtBase {
  readonly op: 'AS2' | 'AS2FUNC' | 'AS2DOTTYPE' | 'AS2MAPR' | 'AS2RECV' | 'SELRECV2';
  readonly lhs: readonly Expr[];
  readonly rhs: readonly Expr[];
  readonly defs?: readonly IrName[];
  /**
   * `a, b = f()` with f inlined: gc's OAS2FUNC of an OINLCALL, whose body is the init and
   * whose result variables are rhs; they flow to lhs with no note, as escape's call does.
   */
  readonly inlinedCall?: true;
}
/** `return a, b`: assigned to the function's result names. */
export interface Return extends StmtBase {
  readonly op: 'RETURN';
  readonly results: readonly Expr[];
  /**
   * A method wrapper's `return T.M(...)` that gc makes a tail call (reader.go addTailCall)
   * unless the callee has an inline body: while its call is not inlined it is a call
   * statement to escape analysis, its results never reaching the wrapper's.
   */
  readonly tail?: true;
}
export interface If extends StmtBase {
  readonly op: 'IF';
  readonly cond: Expr;
  readonly body: readonly Stmt[];
  readonly else: readonly Stmt[];
  /** `if !cond { break }`: a 3-clause loop's condition, moved into its body by the loop variable rewrite (Assign.loopvar). */
  readonly loopvar?: 'check';
}
/** `for [init]; cond; post { body }`; init goes in `init` (evaluated outside the loop). */
export interface For extends StmtBase { readonly op: 'FOR'; readonly cond: Expr | null; readonly post: Stmt | null; readonly body: readonly Stmt[] }
/**
 * `for key, value = range x { body }`. key/value are null when absent; with `:=` the
 * names are in `defs` (and get DCLs from the lowering inside `init`).
 */
export interface Range extends StmtBase {
  readonly op: 'RANGE';
  readonly key: Expr | null;
  readonly value: Expr | null;
  readonly x: Expr;
  readonly body: readonly Stmt[];
  readonly defs?: readonly IrName[];
  /** The `range` keyword, where gc's flow notes for the loop point. */
  readonly rangePos: Pos;
}
export interface CaseClause {
  readonly pos: Pos;
  /** null for `default`. */
  readonly list: readonly Expr[] | null;
  readonly body: readonly Stmt[];
  /** Type switches with a binding: the clause's own variable (`v` in `switch v := x.(type)`). */
  readonly var?: IrName | null;
}
/** An expression switch (tag null for `switch {`). */
export interface Switch extends StmtBase { readonly op: 'SWITCH'; readonly tag: Expr | null; readonly cases: readonly CaseClause[] }
/** `switch [v :=] x.(type)`: `x` the guarded operand; `bound` when `v :=` is present. */
export interface TypeSwitch extends StmtBase {
  readonly op: 'TYPESWITCH';
  readonly x: Expr;
  readonly bound: boolean;
  readonly cases: readonly CaseClause[];
}
export interface CommClause {
  readonly pos: Pos;
  /** null for default; else SEND, RECV (as statement), AS (v = <-c) or SELRECV2. */
  readonly comm: Stmt | null;
  readonly body: readonly Stmt[];
}
export interface Select extends StmtBase { readonly op: 'SELECT'; readonly cases: readonly CommClause[] }
/** `c <- v`: the value flows to the heap. */
export interface Send extends StmtBase { readonly op: 'SEND'; readonly chan: Expr; readonly value: Expr }
/**
 * `go call` / `defer call`, after normalization: `call` is a CALLFUNC with no arguments and
 * no results (usually of a wrapper CLOSURE).
 */
export interface GoDefer extends StmtBase { readonly op: 'GO' | 'DEFER'; readonly call: CallFunc }
/** A label; gc counts one with a later backward `goto` as a loop head. */
export interface Label extends StmtBase { readonly op: 'LABEL'; readonly label: string }
/** goto / break / continue / fallthrough: no data flow. */
export interface Branch extends StmtBase {
  readonly op: 'GOTO' | 'BREAK' | 'CONTINUE' | 'FALL';
  readonly label: string | null;
}
/** An expression evaluated for effect (a call, a receive, a builtin like copy or delete). */
export interface ExprStmt extends StmtBase { readonly op: 'EXPR'; readonly x: Expr }

export type Stmt =
  | Block | Dcl | Assign | AssignOp | Assign2 | Return | If | For | Range
  | Switch | TypeSwitch | Select | Send | GoDefer | Label | Branch | ExprStmt;

export type StmtOp = Stmt['op'];

// ───────────────────────────────────────────── package

/** One package's worth of IR, functions in source order (closures reached through them). */
/** Another package's function with its body, lowered in the importing package (lower/imported.ts). */
export interface ImportedBodies {
  /** The body of `fn`, a bodiless stub of an imported function, or null when there is none. */
  body(fn: IrFunc): IrFunc | null;
}

/**
 * devirtualize.go StaticCall for the inliner (lower/devirtualize.ts makeDevirtualizer): the
 * static call an interface call of this package becomes once its receiver's concrete type
 * is known, and gc's -m line for it; null when gc would leave the call alone.
 */
export interface Devirtualizer {
  staticCall(call: CallInter, concrete: IrType): { readonly call: CallFunc | CallInter; readonly message: string } | null;
}

export interface IrPackage {
  /** The import path gc prints in symbol names (`p` under `-p=p`, `main` for package main). */
  readonly path: string;
  /**
   * Top-level functions and methods in declaration order, across files in command-line
   * order; package-level variable initialisers, when they contain anything escape analysis
   * looks at, form a synthetic function named `p.init` placed where gc puts it (last).
   */
  readonly funcs: readonly IrFunc[];
  /** Package-level variables. */
  readonly globals: readonly IrName[];
  /**
   * The -m lines gc's reader prints while it reads the package's bodies (`imprecise
   * interface call`), before anything else, in the order found.
   */
  readonly readerNotes?: readonly FrontEndNote[];
  /**
   * The -m lines gc's front end prints for the package before escape analysis
   * (`devirtualizing x.M to T`), in the order found.
   */
  readonly notes: readonly FrontEndNote[];
  /**
   * The bodies of the imported functions this package calls, lowered on demand for the
   * inliner (lower/imported.ts); absent when nothing can provide them.
   */
  readonly importedBodies?: ImportedBodies;
  /** Devirtualization after inlining (interleaved devirtualize-and-inline); absent: none. */
  readonly devirtualizer?: Devirtualizer;
  /**
   * The names of the packages it imports, directly or not, where a name is not its path's
   * last element (`github.com/mattn/go-runewidth` is runewidth): gc names another package's
   * function by its package's name (`inlining call to runewidth.StringWidth`).
   */
  readonly packageNames?: Readonly<Record<string, string>>;
  /**
   * The inliner's package only: the function literals capturing nothing that were inlined
   * somewhere. gc's function list still holds them, and one that captures nothing is no
   * closure to ir.VisitFuncsBottomUp (Func.IsClosure), so when no literal of it is left in
   * the program (every call inlined, the variable holding it dead) it is analysed as a
   * function of its own (inline/deadlocals.ts).
   */
  readonly inlinedLiterals?: readonly IrFunc[];
}

/** What gc's reader prints of a body with impreciseCalls, wherever it reads it. */
export const impreciseInterfaceCall = 'imprecise interface call';

/** A line gc's front end prints under -m (outside escape analysis). */
export interface FrontEndNote {
  readonly file: string;
  readonly pos: Pos;
  readonly message: string;
  /** gc's name of the function containing the call. */
  readonly func: string;
}
